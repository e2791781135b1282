import { useLayoutEffect, useMemo, useRef, useState, type UIEvent } from 'react';
import {
  pythonScriptName,
  transcriptLength,
  transcriptLines,
  transcriptText,
  type RunState,
  type SampleUpdate,
  type TranscriptProgress,
} from '../core';
import { useT } from '../i18n';
import { usePlaygroundSelector } from '../store/context';
import type { PlaygroundState, LectureRunId } from '../store/playground';
import { selectModel, selectPredictX, selectTotalEpochs } from '../store/selectors';
import { copyText } from './download';
import { useFleetingMessage } from './fleetingMessage';
import './python.css';

/** Height of one printed line in px (python.css uses the same): the window is computed from it. */
export const LINE_HEIGHT = 20;
/** Lines the terminal shows at once. */
export const VISIBLE_LINES = 16;
/** Lines rendered above and below the visible ones, so a quick scroll never shows a gap. */
export const OVERSCAN = 8;
const VIEW_HEIGHT = LINE_HEIGHT * VISIBLE_LINES;

const NO_UPDATES: readonly SampleUpdate[] = [];

/**
 * Where a run's printout stands: every recorded epoch, the `grad:` lines SGD has printed inside the
 * epoch in progress, and the after-training line once the loop is over (the clock reached the set
 * number of epochs). A halted run never reaches it: the lecture's `**2` raises OverflowError first.
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

/** The file name "Download output" saves run `id`'s printout under. */
export const outputFileName = (id: LectureRunId): string => `downhill-${id}-output.txt`;

/** "Download output": run `id`'s printout so far in `state`, and the file name to save it under. */
export function outputFile(state: PlaygroundState, id: LectureRunId): { file: string; text: string } {
  return { file: outputFileName(id), text: transcriptText(progressOf(state, id)) };
}

/**
 * What the lecture's script prints for this run up to the current epoch, as a terminal: it grows as
 * the clock runs and follows the newest line unless the person has scrolled up to read. Only the lines
 * in view are rendered (fixed line height, window from scrollTop), each computed from the run's
 * history on demand, so 40,000 lines of SGD cost no more than 40.
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
  const printed = transcriptLength(progress);
  const diverged = run.status === 'diverged';
  const running = !progress.finished && !diverged;
  // While the script is still running, the last row is its cursor.
  const rows = printed + (running ? 1 : 0);

  // Where the person scrolled to read, and how long the printout was then; null while following.
  const [pin, setPin] = useState<{ top: number; rows: number } | null>(null);
  // A printout shorter than when they scrolled up has started over (reset, new settings): follow it.
  if (pin !== null && rows < pin.rows) setPin(null);
  const following = pin === null || rows < pin.rows;

  const total = rows * LINE_HEIGHT;
  const maxTop = Math.max(0, total - VIEW_HEIGHT);
  const top = pin === null || rows < pin.rows ? maxTop : Math.min(pin.top, maxTop);
  const first = Math.max(0, Math.floor(top / LINE_HEIGHT) - OVERSCAN);
  const last = Math.min(rows, Math.ceil((top + VIEW_HEIGHT) / LINE_HEIGHT) + OVERSCAN);
  const lines = transcriptLines(progress, first, Math.min(last, printed));

  const scroller = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = scroller.current;
    // The browser clamps to the real bottom (a horizontal scrollbar makes the view a little shorter).
    if (element && following) element.scrollTop = total;
  }, [following, total]);

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const element = event.currentTarget;
    const view = element.clientHeight || VIEW_HEIGHT;
    const atBottom = element.scrollTop + view >= total - LINE_HEIGHT / 2;
    setPin(atBottom ? null : { top: element.scrollTop, rows });
  };

  const [message, show] = useFleetingMessage();
  const copy = async () => {
    const ok = await copyText(transcriptText(progress));
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
        style={{ height: VIEW_HEIGHT }}
        onScroll={onScroll}
      >
        <div className="py-lines" style={{ height: total, paddingTop: first * LINE_HEIGHT }}>
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
      {diverged && (
        <p className="py-note py-note-diverged">
          {t('python.output.diverged', { epoch: run.divergedAtEpoch ?? run.epoch })}
        </p>
      )}
      {model !== 'w' && <p className="py-note">{t('python.code.modelNote')}</p>}
    </div>
  );
}
