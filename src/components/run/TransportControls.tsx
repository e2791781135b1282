import { useRef } from 'react';
import { useT } from '../../i18n';
import { usePlaygroundSelector, usePlaygroundStoreApi } from '../../store/context';
import {
  selectActions,
  selectEpoch,
  selectIsFinished,
  selectIsPlaying,
  selectSampleCursor,
  selectSgdCanStepSample,
  selectSpeed,
  selectTotalEpochs,
  selectXs,
} from '../../store/selectors';
import type { PlaygroundState } from '../../store/playground';
import { useStoreWriter } from '../../hooks/useStoreWriter';
import { Counter, splitAtPlaceholder } from '../controls/Counter';
import { LadderSlider } from '../controls/LadderSlider';
import { SPEED_LADDER } from '../../store/ladders';
import './transport.css';

/** Play/Pause, Step, Step one sample, Run to end, Reset, and the speed of the shared clock. */
export function TransportControls() {
  const t = useT();
  const actions = usePlaygroundSelector(selectActions);
  const playing = usePlaygroundSelector(selectIsPlaying);
  const finished = usePlaygroundSelector(selectIsFinished);
  const canStepSample = usePlaygroundSelector(selectSgdCanStepSample);
  const speed = usePlaygroundSelector(selectSpeed);
  const store = usePlaygroundStoreApi();
  const playButton = useRef<HTMLButtonElement>(null);
  // A button that disables itself (Run to end, the last Step) would drop keyboard focus to the page:
  // hand it to Play, which is always available and is what a person presses next.
  const thenKeepFocus = (action: () => void, disablesItself: (state: PlaygroundState) => boolean) => () => {
    action();
    if (disablesItself(store.getState())) playButton.current?.focus();
  };
  return (
    <section className="panel transport" aria-label={t('controls.label')}>
      <div className="transport-buttons">
        <button
          type="button"
          className="button button-primary"
          ref={playButton}
          onClick={actions.togglePlay}
          aria-keyshortcuts="Space"
        >
          <span aria-hidden="true" className="button-icon">
            {playing ? '❚❚' : '▶'}
          </span>
          {playing ? t('controls.pause') : t('controls.play')}
        </button>
        <button
          type="button"
          className="button"
          onClick={thenKeepFocus(actions.step, selectIsFinished)}
          disabled={finished}
          aria-keyshortcuts="ArrowRight"
          title={t('controls.stepHint')}
        >
          {t('controls.step')}
        </button>
        <button
          type="button"
          className="button"
          onClick={thenKeepFocus(actions.stepSample, (state) => !selectSgdCanStepSample(state))}
          disabled={!canStepSample}
          aria-keyshortcuts="Shift+ArrowRight"
          title={t('controls.stepSampleHint')}
        >
          {t('controls.stepSample')}
        </button>
        <button
          type="button"
          className="button"
          onClick={thenKeepFocus(actions.runToEnd, selectIsFinished)}
          disabled={finished}
          aria-keyshortcuts="E"
        >
          {t('controls.runToEnd')}
        </button>
        <button type="button" className="button" onClick={actions.reset} aria-keyshortcuts="R">
          {t('controls.reset')}
        </button>
      </div>
      <div className="transport-clock-row">
        <Clock />
        <div className="transport-speed">
          <LadderSlider
            label={t('controls.speed')}
            ladder={SPEED_LADDER}
            value={speed}
            valueText={t('controls.speedShort', { value: speed })}
            onChange={(value) => actions.updateSettings({ speed: value })}
          />
        </div>
      </div>
    </section>
  );
}

/** The shared clock, in its own component so that only it re-renders every frame. */
/** The clock's bar: its value written by itself as the clock runs (no React render). */
function writeProgress(bar: HTMLProgressElement, epoch: number): void {
  bar.value = epoch;
}

/** While stepping by sample, the epoch the SGD run is in (else null: the clock's own count says it). */
const selectSteppedEpoch = (s: PlaygroundState) => (s.sampleCursor > 0 ? s.epoch : null);

function Clock() {
  const t = useT();
  const total = usePlaygroundSelector(selectTotalEpochs);
  const cursor = usePlaygroundSelector(selectSampleCursor);
  const steppedEpoch = usePlaygroundSelector(selectSteppedEpoch);
  const n = usePlaygroundSelector(selectXs).length;
  const bar = useStoreWriter(selectEpoch, writeProgress);
  const [before, after] = splitAtPlaceholder((epoch) => t('controls.clock', { epoch, total }));
  return (
    <div className="clock">
      <progress ref={bar} max={total} aria-hidden="true" />
      <span className="clock-text">
        <span>
          {before}
          <Counter select={selectEpoch} upTo={total} />
          {after}
        </span>
        {cursor > 0 && (
          <span className="clock-sample">
            {t('controls.clockSample', { epoch: (steppedEpoch ?? 0) + 1, sample: cursor, n })}
          </span>
        )}
      </span>
    </div>
  );
}
