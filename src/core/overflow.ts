/**
 * Where the lecture's scripts stop once a run overflows.
 *
 * The scripts square with `**2`, and Python's float `**` raises OverflowError when a finite operand
 * gives a result beyond the largest double. Every other float operation overflows silently: ×, + and −
 * give ±inf, inf − inf gives nan, and inf**2 or nan**2 raise nothing. So a script prints what a run
 * carried on through inf and nan prints (`transcript.py` with "square": "mul"), up to the first `**2` of
 * a finite y_pred − y whose square is beyond the largest double, and there fails.
 *
 * - gradient_descent.py, each epoch: cost() squares y_pred − y at w for every sample (where it fails,
 *   before the epoch prints anything), then gradient(), `w -= lr * grad_val`, the `epoch:` line.
 * - stochastic_gradient_descent.py, each sample: gradient(), `w = w - lr*grad`, the `grad:` line, then
 *   loss() squares y_pred − y at the new w (where it fails, right after that `grad:` line).
 *
 * Downhill stops a run at the first epoch that makes any value non-finite, its cost after the epoch
 * included (which the scripts never compute), so the scripts print on from the last finite state.
 */
import { batchGradient, descend, type Params, predict } from './model';
import {
  advance,
  epochBatches,
  epochUpdates,
  type RunState,
  type SampleUpdate,
  startRun,
  type TrainingSetup,
} from './optimizer';
import { type TranscriptProgress, transcriptLength, transcriptLines } from './pythonScript';
import { type TranscriptConfig, transcriptSetup } from './transcript';

/** The last line of the traceback CPython prints when `**` overflows (errno 34, ERANGE, as glibc words it). */
export const OVERFLOW_ERROR_LINE = "OverflowError: (34, 'Numerical result out of range')";

/**
 * Whether Python's `d ** 2` raises OverflowError: d is finite and d² is beyond the largest double
 * (d·d = inf). pow() rounds d² itself; only a d² within an ULP of the overflow threshold could tell.
 */
export function squareOverflows(d: number): boolean {
  return Number.isFinite(d) && d * d === Infinity;
}

/** The `**2` that raised: in which epoch (0-based, as the script counts), which function, which sample. */
export interface PythonOverflow {
  /** The epoch the script was in, 0-based (its `epoch` variable). */
  readonly epoch: number;
  /** GD squares in cost() (before the epoch prints anything), SGD in loss() (after a `grad:` line). */
  readonly where: 'cost' | 'loss';
  /** Position of the update within its epoch (SGD; the `grad:` line printed last), or of the sample in cost() (GD). */
  readonly step: number;
  /** The sample whose y_pred − y overflowed: its index in the data set. */
  readonly index: number;
}

const allIndices = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/**
 * The first `**2` the script raises on, running epochs `from`…`to − 1` from θ at the start of `from`
 * with its own order of operations; null if none. GD: at θ, every sample's (x·w − y)**2, then
 * θ ← θ − α·(1/n)·Σ 2·x·(x·w − y) summed from 0; SGD: per sample θ ← θ − α·2·x·(x·w − y), then
 * (x·w − y)**2 at the new θ. Once θ is not finite no y_pred − y is finite again, and nothing raises.
 */
export function firstOverflow(
  setup: TrainingSetup,
  start: Params,
  from: number,
  to: number,
): PythonOverflow | null {
  const { data, model, lr, optimizer } = setup;
  const { xs, ys } = data;
  const n = xs.length;
  const isGd = optimizer.kind === 'gd';
  const all = allIndices(n);
  let theta = start;
  for (let epoch = from; epoch < to; epoch++) {
    if (!(Number.isFinite(theta.w) && Number.isFinite(theta.b))) return null;
    if (isGd) {
      for (let i = 0; i < n; i++) {
        if (squareOverflows(predict(model, theta, xs[i]!) - ys[i]!)) {
          return { epoch, where: 'cost', step: i, index: i };
        }
      }
      theta = descend(model, theta, batchGradient(model, theta, data, all, true), lr);
      continue;
    }
    const batches = epochBatches(optimizer, n, epoch);
    for (let step = 0; step < batches.length; step++) {
      const batch = batches[step]!;
      theta = descend(model, theta, batchGradient(model, theta, data, batch, false), lr);
      for (const i of batch) {
        if (squareOverflows(predict(model, theta, xs[i]!) - ys[i]!)) {
          return { epoch, where: 'loss', step, index: i };
        }
      }
    }
  }
  return null;
}

/** What the script prints for a halted run: the epochs it prints in full, and how it ends. */
interface Ending {
  /** The halted run carried on through inf and nan (never halting) over every epoch the script prints in full. */
  readonly run: RunState;
  /** The `grad:` lines the script prints in the epoch where it fails (SGD). */
  readonly partial: readonly SampleUpdate[];
  readonly overflow: PythonOverflow | null;
}

/**
 * A halted run, carried on `epochs` more epochs through inf and nan as the scripts' floats go. The new
 * epochs are appended after the halted run's history (copied first if another trace already grew it);
 * the halted run, whose trace ends where it stopped, never sees them.
 */
function carryOn(run: RunState, epochs: number): RunState {
  if (epochs <= 0) return run;
  const carried: RunState = {
    ...run,
    setup: { ...run.setup, haltOnDivergence: false },
    status: 'running',
    divergedAtEpoch: null,
  };
  return advance(carried, epochs);
}

const endings = new WeakMap<RunState, Map<number, Ending>>();

/** How the script goes on from a halted run's last finite state, with `range(totalEpochs)`. */
function endingOf(run: RunState, totalEpochs: number): Ending {
  let byTotal = endings.get(run);
  if (!byTotal) endings.set(run, (byTotal = new Map()));
  const cached = byTotal.get(totalEpochs);
  if (cached) return cached;
  const total = Math.max(run.epoch, totalEpochs);
  const overflow = firstOverflow(run.setup, run.params, run.epoch, total);
  const printed = carryOn(run, (overflow ? overflow.epoch : total) - run.epoch);
  const partial =
    overflow?.where === 'loss' ? epochUpdates(printed, overflow.epoch).slice(0, overflow.step + 1) : [];
  const ending: Ending = { run: printed, partial, overflow };
  byTotal.set(totalEpochs, ending);
  return ending;
}

/** What the script has written so far: its printout (stdout), and where `**2` raised, if it did. */
export interface ScriptOutput {
  /** Everything print() wrote, as transcript progress (transcriptLines reads it). */
  readonly printout: TranscriptProgress;
  /** Where the script raised OverflowError (the output then ends with OVERFLOW_ERROR_LINE); null if not. */
  readonly overflow: PythonOverflow | null;
}

/**
 * What the script writes for a run's progress with `range(totalEpochs)`. A running run: the transcript
 * so far, cut after the `grad:` line of a pending SGD update whose loss overflows. A halted run: its
 * recorded epochs, then what the script prints on from there (see firstOverflow) up to the `**2` that
 * raises, or to its last line when none does.
 */
export function scriptOutputOf(progress: TranscriptProgress, totalEpochs: number): ScriptOutput {
  const { run, pending } = progress;
  if (run.status === 'diverged') {
    const { run: printed, partial, overflow } = endingOf(run, Math.max(0, Math.floor(totalEpochs)));
    return {
      printout: { run: printed, predictX: progress.predictX, pending: partial, finished: overflow === null },
      overflow,
    };
  }
  if (run.setup.optimizer.kind === 'gd') return { printout: progress, overflow: null };
  const { model, data } = run.setup;
  for (let step = 0; step < pending.length; step++) {
    const update = pending[step]!;
    for (const i of update.indices) {
      if (squareOverflows(predict(model, update.after, data.xs[i]!) - data.ys[i]!)) {
        return {
          printout: { ...progress, pending: pending.slice(0, step + 1), finished: false },
          overflow: { epoch: run.epoch, where: 'loss', step, index: i },
        };
      }
    }
  }
  return { printout: progress, overflow: null };
}

/** Lines written: the printout's, and the traceback's last line after an OverflowError. */
export function scriptOutputLength(output: ScriptOutput): number {
  return transcriptLength(output.printout) + (output.overflow ? 1 : 0);
}

/** Lines [start, end) of what the script wrote (clamped to it), computed on demand as transcriptLines. */
export function scriptOutputLines(output: ScriptOutput, start: number, end: number): string[] {
  const printed = transcriptLength(output.printout);
  const lines = transcriptLines(output.printout, start, Math.min(end, printed));
  if (output.overflow && Math.max(0, Math.floor(start)) <= printed && printed < Math.ceil(end)) {
    lines.push(OVERFLOW_ERROR_LINE);
  }
  return lines;
}

/** Everything the script wrote so far, every line ending in `\n` (the traceback's last line last). */
export function scriptOutputText(output: ScriptOutput): string {
  const lines = scriptOutputLines(output, 0, scriptOutputLength(output));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/**
 * Exactly what `python3 transcript.py` writes for `config` in its default mode (`**2`), lines
 * `\n`-separated without a trailing newline: its stdout, then, when `**2` raises, the last line of the
 * traceback. Up to glibc's pow(), which may round a printed loss one ULP off d·d (see model.ts).
 */
export function scriptTranscript(config: TranscriptConfig): string {
  const epochs = Math.max(0, Math.floor(config.epochs));
  const run = advance(startRun({ ...transcriptSetup(config), haltOnDivergence: true }), epochs);
  const progress = { run, predictX: config.predictX, pending: [], finished: run.status !== 'diverged' };
  const output = scriptOutputOf(progress, epochs);
  return scriptOutputLines(output, 0, scriptOutputLength(output)).join('\n');
}
