import { useLayoutEffect, useMemo, useRef, useState, type UIEvent } from 'react';
import {
  optimizerScriptName,
  pyFloat,
  runOutputLength,
  runOutputLines,
  runOutputOf,
  runOutputText,
  type RunOutput,
  type RunState,
  type SampleUpdate,
  type TranscriptProgress,
} from '../../core';
import { type Translate, useT } from '../../i18n';
import { selectPresenting, useClassroomStore } from '../../store/classroom';
import { usePlaygroundSelector } from '../../store/context';
import type { PlaygroundState, RunId } from '../../store/playground';
import { selectScriptConfig } from '../../store/scripts';
import {
  runOf,
  selectCursorOf,
  selectPendingOf,
  selectPredictX,
  selectRun,
  selectTotalEpochs,
} from '../../store/selectors';
import { copyText } from '../app/clipboard';
import { useFleetingMessage } from '../app/fleetingMessage';
import './python.css';

/** Height of one printed line in px (python.css uses the same): the window is computed from it. */
export const LINE_HEIGHT = 20;
/** The same in presentation mode, where the printout is set at 20 px for the back row. */
export const PRESENTING_LINE_HEIGHT = 28;
/** Lines the terminal shows at once. */
export const VISIBLE_LINES = 16;
/** Lines rendered above and below the visible ones, so a quick scroll never shows a gap. */
export const OVERSCAN = 8;

/**
 * Where a run's printout stands: every recorded epoch, the `grad:` lines SGD has printed inside the
 * epoch in progress, and the after-training line once the loop is over (the clock reached the set
 * number of epochs). What the script prints past a halted run's last epoch is runOutputOf's to say.
 */
export function makeProgress(
  run: RunState,
  predictX: number,
  totalEpochs: number,
  pendingUpdates: readonly SampleUpdate[],
  sampleCursor: number,
): TranscriptProgress {
  return {
    run,
    predictX,
    pending: pendingUpdates.slice(0, Math.max(0, sampleCursor)),
    finished: run.status !== 'diverged' && run.epoch >= totalEpochs,
  };
}

/** The printout of run `id` in a store state (for event handlers that read without subscribing). */
export function progressOf(state: PlaygroundState, id: RunId): TranscriptProgress {
  return makeProgress(
    runOf(state, id),
    state.settings.predictX,
    state.settings.epochs,
    selectPendingOf(id)(state),
    selectCursorOf(id)(state),
  );
}

/**
 * What run `id`'s script writes in a store state: the lecture's printout for its two (and where `**2`
 * raised, if it did), one line per epoch for every other run.
 */
export function outputOf(state: PlaygroundState, id: RunId): RunOutput {
  return runOutputOf(progressOf(state, id), state.settings.epochs);
}

/** The file name "Download output" saves run `id`'s printout under. */
export const outputFileName = (id: RunId): string => `downhill-${id}-output.txt`;

/** "Download output": run `id`'s printout so far in `state`, and the file name to save it under. */
export function outputFile(state: PlaygroundState, id: RunId): { file: string; text: string } {
  return { file: outputFileName(id), text: runOutputText(outputOf(state, id)) };
}

/** Where the lecture's `**2` raised OverflowError, if it did (never in the other runs' scripts). */
const overflowOf = (output: RunOutput) => (output.form === 'lecture' ? output.output.overflow : null);

/**
 * How the script ends: the lecture's where its `**2` raised OverflowError, or that it prints on to its
 * last line; the others' (d*d never raises) after the first line showing inf or nan, or at the end.
 */
function scriptEnding(t: Translate, output: RunOutput, run: RunState): string {
  if (output.form === 'epochs') {
    return t(
      output.ending === 'diverged' ? 'python.output.stopsAtNonFinite' : 'python.output.runsOnNonFinite',
    );
  }
  const { overflow } = output.output;
  if (!overflow) return t('python.output.runsOn');
  const at = {
    epoch: overflow.epoch + 1,
    lectureEpoch: overflow.epoch,
    x: pyFloat(run.setup.data.xs[overflow.index]!),
  };
  return t(overflow.where === 'cost' ? 'python.output.overflowCost' : 'python.output.overflowLoss', at);
}

/**
 * What run `id`'s script prints up to the current epoch (the lecture's script for GD and SGD), as a
 * terminal: it grows as the clock runs and follows the newest line unless the person has scrolled up
 * to read. Once the run overflows, it shows what the script prints on from there, ending where
 * Python's output ends (the last line of the OverflowError traceback, when the lecture's `**2`
 * raises; the line after the first inf or nan in the other scripts). Only the lines in view are
 * rendered (fixed line height, window from scrollTop), each computed from the run's history on
 * demand, so 40,000 lines of SGD cost no more than 40.
 */
export function PythonOutput({ id }: { id: RunId }) {
  const t = useT();
  const run = usePlaygroundSelector(selectRun(id));
  const predictX = usePlaygroundSelector(selectPredictX);
  const totalEpochs = usePlaygroundSelector(selectTotalEpochs);
  const file = optimizerScriptName(usePlaygroundSelector(selectScriptConfig(id)));
  const pendingUpdates = usePlaygroundSelector(selectPendingOf(id));
  const sampleCursor = usePlaygroundSelector(selectCursorOf(id));

  const progress = useMemo(
    () => makeProgress(run, predictX, totalEpochs, pendingUpdates, sampleCursor),
    [run, predictX, totalEpochs, pendingUpdates, sampleCursor],
  );
  const output = useMemo(() => runOutputOf(progress, totalEpochs), [progress, totalEpochs]);
  const printed = runOutputLength(output);
  const diverged = run.status === 'diverged';
  const overflow = overflowOf(output);
  const running =
    output.form === 'lecture'
      ? !progress.finished && !diverged && overflow === null
      : output.ending === 'running';
  // While the script is still running, the last row is its cursor.
  const rows = printed + (running ? 1 : 0);

  // Where the person scrolled to read, and how long the printout was then; null while following.
  const [pin, setPin] = useState<{ top: number; rows: number } | null>(null);
  // A printout shorter than when they scrolled up has started over (reset, new settings): follow it.
  if (pin !== null && rows < pin.rows) setPin(null);
  const following = pin === null || rows < pin.rows;

  const lineHeight = useClassroomStore(selectPresenting) ? PRESENTING_LINE_HEIGHT : LINE_HEIGHT;
  const viewHeight = lineHeight * VISIBLE_LINES;
  const total = rows * lineHeight;
  const maxTop = Math.max(0, total - viewHeight);
  const top = pin === null || rows < pin.rows ? maxTop : Math.min(pin.top, maxTop);
  const first = Math.max(0, Math.floor(top / lineHeight) - OVERSCAN);
  const last = Math.min(rows, Math.ceil((top + viewHeight) / lineHeight) + OVERSCAN);
  const lines = runOutputLines(output, first, Math.min(last, printed));

  const scroller = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = scroller.current;
    // The browser clamps to the real bottom (a horizontal scrollbar makes the view a little shorter).
    if (element && following) element.scrollTop = total;
  }, [following, total]);

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const element = event.currentTarget;
    const view = element.clientHeight || viewHeight;
    const atBottom = element.scrollTop + view >= total - lineHeight / 2;
    setPin(atBottom ? null : { top: element.scrollTop, rows });
  };

  const [message, show] = useFleetingMessage();
  const copy = async () => {
    const ok = await copyText(runOutputText(output));
    show(ok ? t('python.output.copied', { count: printed }) : t('python.copyFailed'));
  };

  return (
    <div className="py-output">
      <div className="py-toolbar">
        <span className="py-count">{t('python.output.lines', { count: printed })}</span>
        <button type="button" className="button py-button" onClick={() => void copy()}>
          {t('python.output.copy')}
        </button>
        <span className="py-message" role="status">
          {message}
        </span>
      </div>
      <div
        ref={scroller}
        className="py-terminal mono"
        role="log"
        aria-live="off"
        aria-label={t('python.output.label', { file })}
        tabIndex={0}
        style={{ height: viewHeight }}
        onScroll={onScroll}
      >
        <div className="py-lines" style={{ height: total, paddingTop: first * lineHeight }}>
          {lines.map((line, i) => (
            <div key={first + i} className="py-line" data-line={first + i}>
              {line}
            </div>
          ))}
          {running && last === rows && (
            <div className="py-line py-cursor">
              <span className="py-caret" aria-hidden="true" />
              <span className="visually-hidden">{t('python.output.running')}</span>
            </div>
          )}
        </div>
      </div>
      {(diverged || overflow) && (
        <p className="py-note py-note-diverged">
          {diverged
            ? // "The lecture's epoch" only where the script is the lecture's own.
              t(output.form === 'lecture' ? 'python.output.diverged' : 'python.output.divergedScript', {
                epoch: (run.divergedAtEpoch ?? run.epoch) + 1,
                lectureEpoch: run.divergedAtEpoch ?? run.epoch,
                ending: scriptEnding(t, output, run),
              })
            : scriptEnding(t, output, run)}
        </p>
      )}
    </div>
  );
}
