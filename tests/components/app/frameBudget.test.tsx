/**
 * The render budget of one animation frame, counted with React's <Profiler>: while the runs play,
 * a frame makes at most one React commit, a frame that advances no epoch makes none, and only the
 * panels that draw the runs render in it (the settings, the model, the learning rate and the
 * transport never do: the clock and the counters count by themselves, on every other frame). Once the
 * runs have settled, a frame renders only the loss chart, and only when a line's end has moved half a
 * pixel, on a frame that does not write the counters.
 */
import { act } from '@testing-library/react';
import { Profiler, type ProfilerOnRenderCallback, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/components/app/App';
import { Landscape } from '../../../src/components/charts/Landscape';
import { LossChart } from '../../../src/components/charts/LossChart';
import { LearningRatePanel } from '../../../src/components/run/LearningRatePanel';
import { ModelPanel } from '../../../src/components/run/ModelPanel';
import { RunPanel } from '../../../src/components/run/RunPanel';
import { SettingsPanel } from '../../../src/components/run/SettingsPanel';
import { TransportControls } from '../../../src/components/run/TransportControls';
import { useAnimationLoop } from '../../../src/hooks/useAnimationLoop';
import { useLocaleStore } from '../../../src/i18n';
import { usePlaygroundStoreApi } from '../../../src/store/context';
import type { PlaygroundStore } from '../../../src/store/playground';
import { runReadout, selectIsFastPlay, selectIsTextFrame } from '../../../src/store/selectors';
import { pyFloat } from '../../../src/core';
import { fresh } from '../../store/helpers';
import { clock } from '../helpers/dom';
import { manualFrames } from '../helpers/frames';
import { renderWithStore } from '../helpers/render';
import { WHOLE_APP } from '../helpers/timeouts';

// The app's loop queues its frames here, a test runs them.
const frames = manualFrames();
const { frame } = frames;

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
  frames.install();
});

afterEach(() => frames.remove());

/** Every Profiler callback since the last reset: which profiled part rendered, in which commit. */
function recorder() {
  let renders: { id: string; commitTime: number }[] = [];
  const onRender: ProfilerOnRenderCallback = (id, _phase, _actual, _base, _start, commitTime) => {
    renders.push({ id, commitTime });
  };
  return {
    onRender,
    reset: () => {
      renders = [];
    },
    /** How many times each profiled part rendered. */
    count: (id: string) => renders.filter((render) => render.id === id).length,
    /** How many React commits rendered anything profiled. */
    commits: () => new Set(renders.map((render) => render.commitTime)).size,
    ids: () => [...new Set(renders.map((render) => render.id))].sort(),
  };
}

const FRAME = 1000 / 60;

/** The app's animation loop, without the app around it. */
function Loop() {
  useAnimationLoop(usePlaygroundStoreApi());
  return null;
}

/** Plays at `speed` epochs/s and runs `frames` frames of 60 fps, calling `each` after every one. */
function playFrames(store: PlaygroundStore, frames: number, each: (advanced: number) => void) {
  act(() => store.getState().actions.play());
  frame(0); // starts the stopwatch
  for (let k = 1; k <= frames; k++) {
    const before = store.getState().epoch;
    each(-1);
    frame(k * FRAME);
    each(store.getState().epoch - before);
  }
}

describe('the render budget of a frame', WHOLE_APP, () => {
  it('the whole app: one commit for a frame that advances the runs, none for one that does not', () => {
    const profile = recorder();
    // 10 epochs/s at 60 fps: five frames in six only add to the clock's debt.
    const store = fresh({ speed: 10 });
    renderWithStore(
      <Profiler id="app" onRender={profile.onRender}>
        <App />
      </Profiler>,
      store,
    );
    let advancing = 0;
    let still = 0;
    playFrames(store, 30, (advanced) => {
      if (advanced < 0) return profile.reset();
      // Budget: ≤ 1 commit when the clock advanced, 0 when it did not.
      if (advanced > 0) {
        advancing += 1;
        expect(profile.commits()).toBeLessThanOrEqual(1);
      } else {
        still += 1;
        expect(profile.commits()).toBe(0);
      }
    });
    expect(store.getState().epoch).toBe(5);
    expect(advancing).toBe(5);
    expect(still).toBe(25);
    expect(clock()).toHaveTextContent('Epoch 5 of 100');
  });

  /** The first screen's panels, each in a Profiler of its own (the charts at a fixed size draw in jsdom). */
  function renderFirstScreen(store: PlaygroundStore, onRender: ProfilerOnRenderCallback) {
    const part = (id: string, node: ReactNode) => (
      <Profiler id={id} onRender={onRender}>
        {node}
      </Profiler>
    );
    return renderWithStore(
      <>
        <Loop />
        {part('transport', <TransportControls />)}
        {part('learning rate', <LearningRatePanel />)}
        {part('gd panel', <RunPanel id="gd" />)}
        {part('sgd panel', <RunPanel id="sgd" />)}
        {part('gd landscape', <Landscape id="gd" width={480} height={260} />)}
        {part('sgd landscape', <Landscape id="sgd" width={480} height={260} />)}
        {part('loss chart', <LossChart width={640} height={320} />)}
        {part('settings', <SettingsPanel />)}
        {part('model', <ModelPanel />)}
      </>,
      store,
    );
  }

  /** The text of run `id`'s epoch counter. */
  const runEpoch = (container: HTMLElement, id: string) =>
    container.querySelector(`.run-${id} .readout-item .counter`)?.textContent;

  it('the first screen at 1,000 epochs/s: at most one commit a frame, and only the panels that draw the runs render', () => {
    const profile = recorder();
    const store = fresh({ speed: 1000, epochs: 100_000 });
    const { container } = renderFirstScreen(store, profile.onRender);
    // The three fixed-size charts draw their plots (beside the panels' own landscapes).
    expect(container.querySelectorAll('svg.recharts-surface').length).toBeGreaterThanOrEqual(3);
    // The most each part may render in one frame.
    const budget: Record<string, number> = {
      transport: 0,
      'learning rate': 0,
      'gd panel': 1,
      'sgd panel': 1,
      'gd landscape': 1,
      'sgd landscape': 1,
      'loss chart': 1,
      settings: 0,
      model: 0,
    };
    let frames = 0;
    let written = 0;
    let textless = 0;
    playFrames(store, 20, (advanced) => {
      if (advanced < 0) return profile.reset();
      expect(advanced).toBeGreaterThan(0);
      frames += 1;
      expect(profile.commits()).toBeLessThanOrEqual(1);
      for (const [id, most] of Object.entries(budget))
        expect([id, profile.count(id) <= most]).toEqual([id, true]);
      if (frames === 1) {
        // The lead frame draws the runs' first steps on the landscapes (the panels hold theirs
        // too); the loss chart's lines wait for the next frame.
        expect(store.getState().leadFrame).toBe(true);
        expect(profile.ids()).toEqual(['gd landscape', 'gd panel', 'sgd landscape', 'sgd panel']);
      }
      // The counters follow, rendered or not: every other frame writes them (the readout cadence).
      const epoch = store.getState().epoch;
      if (selectIsTextFrame(store.getState())) written = epoch;
      else textless += 1;
      expect(clock()).toHaveTextContent(`Epoch ${written} of 100000`);
      expect(runEpoch(container, 'gd')).toBe(String(written));
      expect(runEpoch(container, 'sgd')).toBe(String(written));
    });
    // The lead frame, then every other one.
    expect(textless).toBe(11);
    act(() => store.getState().actions.pause());
    expect(runEpoch(container, 'gd')).toBe(String(store.getState().epoch));
    expect(frames).toBe(20);
    expect(store.getState().epoch).toBeGreaterThanOrEqual(330);
  });

  it('a moving run writes its numbers at the readout cadence: the readout line, the details and the landscape foot', () => {
    const store = fresh({ speed: 1000, epochs: 100_000 });
    const { container } = renderFirstScreen(store, () => {});
    const texts = (selector: string) =>
      [...container.querySelectorAll(selector)].map((element) => element.textContent ?? '');
    /** What SGD's panel shows: w and the cost in its readout line, its details, w under its landscape. */
    const shown = () => ({
      line: texts('.run-sgd .layout-island-content .readout-line .live-number'),
      details: texts('.run-sgd .run-details .readout dd'),
      foot: texts('.run-sgd figure.landscape .layout-island-content .chart-stats .live-number')[0],
    });
    /** The same as the store has them now. */
    const expected = () => {
      const readout = runReadout(store.getState(), 'sgd');
      return {
        line: [pyFloat(readout.params.w), pyFloat(readout.cost)],
        details: [pyFloat(readout.printedLoss!), pyFloat(readout.predictBefore), pyFloat(readout.predictNow)],
        foot: pyFloat(readout.params.w),
      };
    };
    // At rest it shows epoch 0 (no loss printed yet); the lead frame leaves that.
    let written = shown();
    expect(written.line).toEqual(expected().line);
    expect(written.details[0]).toBe('—');
    let kept = 0;
    let behind = 0;
    playFrames(store, 12, (advanced) => {
      if (advanced < 0) return;
      const now = expected();
      if (selectIsTextFrame(store.getState())) written = now;
      else {
        // A frame that moves the lines leaves the numbers as the last one wrote them.
        kept += 1;
        if (JSON.stringify(now) !== JSON.stringify(written)) behind += 1;
      }
      expect(shown()).toEqual(written);
    });
    expect(kept).toBe(7);
    // The run still moved on most of those frames: the numbers shown were a frame behind.
    expect(behind).toBeGreaterThanOrEqual(3);
    act(() => store.getState().actions.pause());
    expect(shown()).toEqual(expected());
  });

  it('once the runs have settled, a frame that only counts renders nothing but, now and then, the loss line', () => {
    const profile = recorder();
    const store = fresh({ speed: 1000, epochs: 100_000 });
    const { container } = renderFirstScreen(store, profile.onRender);
    act(() => store.getState().actions.play());
    // 3,000 epochs in long ticks (a tick takes at most 100 ms): both runs have settled, w stands still.
    for (let k = 0; k < 30; k++) act(() => store.getState().actions.tick(100));
    expect(store.getState().epoch).toBe(3000);
    // The stopwatch starts, then two frames of 60 fps: from the second the clock moves fast, the
    // readout cadence is on and the landscapes' path numbers hold still (rendered once for that).
    frame(0);
    frame(FRAME);
    let written = store.getState().epoch; // the first moving frame writes its numbers
    frame(2 * FRAME);
    expect(selectIsFastPlay(store.getState())).toBe(true);
    let lossRenders = 0;
    for (let k = 3; k <= 32; k++) {
      profile.reset();
      const before = store.getState().epoch;
      frame(k * FRAME);
      const epoch = store.getState().epoch;
      expect(epoch).toBeGreaterThan(before);
      // Nothing they show has changed: no render …
      for (const id of [
        'transport',
        'learning rate',
        'gd panel',
        'sgd panel',
        'gd landscape',
        'sgd landscape',
      ])
        expect([id, profile.count(id)]).toEqual([id, 0]);
      lossRenders += profile.count('loss chart');
      // … while the counters count on, and the loss chart renders only on the frames between.
      if (selectIsTextFrame(store.getState())) {
        written = epoch;
        expect(profile.count('loss chart')).toBe(0);
      }
      expect(clock()).toHaveTextContent(`Epoch ${written} of 100000`);
      expect(runEpoch(container, 'gd')).toBe(String(written));
    }
    // 30 frames of 16⅔ epochs on a 100,000-epoch axis some 600 px wide: the lines' ends move half a
    // pixel every 5 frames or so; the chart renders for those frames alone.
    expect(lossRenders).toBeGreaterThanOrEqual(3);
    expect(lossRenders).toBeLessThanOrEqual(10);
  });
});
