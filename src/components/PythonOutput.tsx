import { useLayoutEffect, useMemo, useRef, useState, type UIEvent } from 'react';
import {
  pyFloat,
  pythonScriptName,
  scriptOutputLength,
  scriptOutputLines,
  scriptOutputOf,
  scriptOutputText,
  type RunState,
  type SampleUpdate,
  type ScriptOutput,
  type TranscriptProgress,
} from '../core';
import { type Translate, useT } from '../i18n';
import { selectPresenting, useClassroomStore } from '../store/classroom';
import { usePlaygroundSelector } from '../store/context';
import type { PlaygroundState, LectureRunId } from '../store/playground';
import { selectModel, selectPredictX, selectTotalEpochs } from '../store/selectors';
import { copyText } from './download';
import { useFleetingMessage } from './fleetingMessage';
import './python.css';

/** Height of one printed line in px (python.css uses the same): the window is computed from it. */
export const LINE_HEIGHT = 20;
/** The same in presentation mode, where the printout is set at 20 px for the back row. */
export const PRESENTING_LINE_HEIGHT = 28;
/** Lines the terminal shows at once. */
export const VISIBLE_LINES = 16;
/** Lines rendered above and below the visible ones, so a quick scroll never shows a gap. */
export const OVERSCAN = 8;

const NO_UPDATES: readonly SampleUpdate[] = [];

/**
 * Where a run's printout stands: every recorded epoch, the `grad:` lines SGD has printed inside the
 * epoch in progress, and the after-training line once the loop is over (the clock reached the set
 * number of epochs). What the script prints past a halted run's last epoch is scriptOutputOf's to say.
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
export function progressOf(state: PlaygroundState, id: LectureRunId): TranscriptProgress {
  return makeProgress(
    state.runs[id],
    state.settings.predictX,
    state.settings.epochs,
    id === 'sgd' ? state.pendingUpdates : NO_UPDATES,
    id === 'sgd' ? state.sampleCursor : 0,
  );
}

/** What the script writes for run `id` in a store state: the printout, and where `**2` raised, if it did. */
export function outputOf(state: PlaygroundState, id: LectureRunId): ScriptOutput {
  return scriptOutputOf(progressOf(state, id), state.settings.epochs);
}

/** The file name "Download output" saves run `id`'s printout under. */
export const outputFileName = (id: LectureRunId): string => `downhill-${id}-output.txt`;

/** "Download output": run `id`'s printout so far in `state`, and the file name to save it under. */
export function outputFile(state: PlaygroundState, id: LectureRunId): { file: string; text: string } {
  return { file: outputFileName(id), text: scriptOutputText(outputOf(state, id)) };
}

/** How the script ends: where its `**2` raised OverflowError, or that it prints on to its last line. */
function scriptEnding(t: Translate, output: ScriptOutput, run: RunState): string {
  const { overflow } = output;
  if (!overflow) return t('python.output.runsOn');
  const at = {
    epoch: overflow.epoch + 1,
    lectureEpoch: overflow.epoch,
    x: pyFloat(run.setup.data.xs[overflow.index]!),
  };
  return t(overflow.where === 'cost' ? 'python.output.overflowCost' : 'python.output.overflowLoss', at);
}

/**
 * What the lecture's script prints for this run up to the current epoch, as a terminal: it grows as
 * the clock runs and follows the newest line unless the person has scrolled up to read. Once the run
 * overflows, it shows what the script prints on from there, ending where Python's output ends (the
 * last line of the OverflowError traceback, when `**2` raises). Only the lines in view are rendered
 * (fixed line height, window from scrollTop), each computed from the run's history on demand, so
 * 40,000 lines of SGD cost no more than 40.
 */
export function PythonOutput({ id }: { id: LectureRunId }) {
  const t = useT();
  const run = usePlaygroundSelector((s) => s.runs[id]);
  const predictX = usePlaygroundSelector(selectPredictX);
  const totalEpochs = usePlaygroundSelector(selectTotalEpochs);
  const model = usePlaygroundSelector(selectModel);
  const pendingUpdates = usePlaygroundSelector((s) => (id === 'sgd' ? s.pendingUpdates : NO_UPDATES));
  const sampleCursor = usePlaygroundSelector((s) => (id === 'sgd' ? s.sampleCursor : 0));

  const progress = useMemo(
    () => makeProgress(run, predictX, totalEpochs, pendingUpdates, sampleCursor),
    [run, predictX, totalEpochs, pendingUpdates, sampleCursor],
  );
  const output = useMemo(() => scriptOutputOf(progress, totalEpochs), [progress, totalEpochs]);
  const printed = scriptOutputLength(output);
  const diverged = run.status === 'diverged';
  const running = !progress.finished && !diverged && output.overflow === null;
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
  const lines = scriptOutputLines(output, first, Math.min(last, printed));

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
    const ok = await copyText(scriptOutputText(output));
    show(ok ? t('python.output.copied', { count: printed }) : t('python.copyFailed'));
  };

  const file = pythonScriptName(id);
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
      {(diverged || output.overflow) && (
        <p className="py-note py-note-diverged">
          {diverged
            ? t('python.output.diverged', {
                epoch: (run.divergedAtEpoch ?? run.epoch) + 1,
                lectureEpoch: run.divergedAtEpoch ?? run.epoch,
                ending: scriptEnding(t, output, run),
              })
            : scriptEnding(t, output, run)}
        </p>
      )}
      {model !== 'w' && <p className="py-note">{t('python.code.modelNote')}</p>}
    </div>
  );
}
