/**
 * What a run's downloadable script prints, for every optimizer. The lecture's own two runs (GD, and
 * SGD in data-set order, under y = w·x) print the lecture's output, as transcript.ts and overflow.ts
 * write it, up to the `**2` that raises OverflowError. Every other run prints one line per epoch,
 * `epoch: k w= … loss= …` (`b= …` after w under y = w·x + b), the loss being the lecture's (GD's
 * cost before the epoch's update, otherwise the last batch's loss after its update).
 *
 * Those other scripts square with d*d, which never raises: on a diverging run they compute what the
 * app computes through inf and nan. After printing an epoch whose w, b or loss is not finite they
 * print DIVERGED_LINE and stop; the app, which halts at the first non-finite value of any kind (its
 * cost after the epoch and the optimizer's state included), carries the run on past its halt with the
 * same arithmetic to print what the script prints.
 */
import { predict } from '../model';
import { advance, paramsBeforeEpoch, type RunState } from '../optimizer';
import { scriptOutputLength, scriptOutputLines, scriptOutputOf, type ScriptOutput } from '../overflow';
import { pyLiteral, pyPrint } from '../pyrepr';
import type { TranscriptProgress } from '../pythonScript';
import { epochRecord } from '../trace';

/** The line a script prints, after the epoch line that showed it, when it stops on a diverging run. */
export const DIVERGED_LINE = 'diverged: stopped at the first inf or nan';

/** Whether a run is one of the lecture's two, whose scripts are the lecture's own. */
export function isLectureRun(run: RunState): boolean {
  const { model, optimizer } = run.setup;
  if (model !== 'w' || optimizer.rule) return false;
  return optimizer.kind === 'gd' || (optimizer.kind === 'sgd' && !optimizer.shuffle);
}

/** How a script in the per-epoch form ends its printout so far. */
export type OutputEnding = 'running' | 'finished' | 'diverged';

/** What a run's script has printed so far: the lecture's form, or the per-epoch form. */
export type RunOutput =
  | { readonly form: 'lecture'; readonly output: ScriptOutput }
  | {
      readonly form: 'epochs';
      /** The run whose epochs are printed (a halted run carried on as far as its script goes). */
      readonly run: RunState;
      readonly predictX: number;
      /** Epoch lines printed: epochs 0…printed − 1 of `run`. */
      readonly printed: number;
      /** 'finished': the prediction after training follows; 'diverged': DIVERGED_LINE does. */
      readonly ending: OutputEnding;
    };

/**
 * predict_x as Python multiplies it: a whole number is a Python int, and int 0 has no sign, so −0
 * becomes +0 (as transcript.ts does).
 */
const pythonOperand = (x: number): number => (Number.isInteger(x) ? x + 0 : x);

/** `print('predict (before training)', x, forward(x))` under the run's model, at θ₀. */
export function predictBeforeLineOf(run: RunState, predictX: number): string {
  const y = predict(run.setup.model, run.setup.init, pythonOperand(predictX));
  return pyPrint('predict (before training)', pyLiteral(predictX), y);
}

/** `print('predict (after training)', x, forward(x))` under the run's model, after `epochs` epochs. */
export function predictAfterLineOf(run: RunState, predictX: number, epochs: number = run.epoch): string {
  const y = predict(run.setup.model, paramsBeforeEpoch(run, epochs), pythonOperand(predictX));
  return pyPrint('predict (after training)', pyLiteral(predictX), y);
}

/** `print('epoch:', k, 'w=', w, ['b=', b,] 'loss=', loss)` for recorded epoch k. */
export function epochLineOf(run: RunState, epoch: number): string {
  const { w, b, printedLoss } = epochRecord(run.trace, epoch)!;
  return run.setup.model === 'w'
    ? pyPrint('epoch:', { int: epoch }, 'w=', w, 'loss=', printedLoss)
    : pyPrint('epoch:', { int: epoch }, 'w=', w, 'b=', b, 'loss=', printedLoss);
}

/** Whether the script stops after printing recorded epoch k: its w, b (y = w·x + b) or loss is not finite. */
function stopsAfter(run: RunState, epoch: number): boolean {
  const { w, b, printedLoss } = epochRecord(run.trace, epoch)!;
  return !(
    Number.isFinite(w) &&
    Number.isFinite(printedLoss) &&
    (run.setup.model === 'w' || Number.isFinite(b))
  );
}

const carried = new WeakMap<RunState, Map<number, RunOutput>>();

/**
 * A run that stopped being finite, printed as its script goes on: epoch by epoch through inf and nan
 * (the run carried on without halting, from the state it halted in) until the first line that shows
 * a non-finite w, b or loss, or to the last of `totalEpochs`.
 */
function divergedOutput(run: RunState, predictX: number, totalEpochs: number): RunOutput {
  let byTotal = carried.get(run);
  if (!byTotal) carried.set(run, (byTotal = new Map()));
  const cached = byTotal.get(totalEpochs);
  if (cached) return cached;
  let current: RunState = {
    ...run,
    setup: { ...run.setup, haltOnDivergence: false },
    status: 'running',
    divergedAtEpoch: null,
  };
  const total = Math.max(run.epoch, totalEpochs);
  let output: RunOutput | null = null;
  let epoch = run.divergedAtEpoch ?? 0;
  // A diverging run mostly reaches inf or nan within a few epochs: carry on in doubling slices.
  for (let slice = 1; output === null; slice *= 2) {
    for (; epoch < current.trace.length; epoch++) {
      if (stopsAfter(current, epoch)) {
        output = { form: 'epochs', run: current, predictX, printed: epoch + 1, ending: 'diverged' };
        break;
      }
    }
    if (output === null && current.epoch >= total) {
      output = { form: 'epochs', run: current, predictX, printed: total, ending: 'finished' };
    }
    if (output === null) current = advance(current, Math.min(slice, total - current.epoch));
  }
  byTotal.set(totalEpochs, output);
  return output;
}

/**
 * What the run's script has printed at this point of the run, with `range(totalEpochs)`: the
 * lecture's output (scriptOutputOf) for the lecture's two runs, otherwise the prediction before
 * training, one line per recorded epoch and, once the loop is over, the prediction after training;
 * for a run that halted, what the script prints on from there (see divergedOutput).
 */
export function runOutputOf(progress: TranscriptProgress, totalEpochs: number): RunOutput {
  const { run, predictX, finished } = progress;
  if (isLectureRun(run)) return { form: 'lecture', output: scriptOutputOf(progress, totalEpochs) };
  if (run.divergedAtEpoch !== null) {
    return divergedOutput(run, predictX, Math.max(0, Math.floor(totalEpochs)));
  }
  const ending = finished ? 'finished' : 'running';
  return { form: 'epochs', run, predictX, printed: run.trace.length, ending };
}

/** Lines printed: 1 (before) + one per epoch + 1 (after training, or DIVERGED_LINE) once it ended. */
export function runOutputLength(output: RunOutput): number {
  if (output.form === 'lecture') return scriptOutputLength(output.output);
  return 1 + output.printed + (output.ending === 'running' ? 0 : 1);
}

/** Lines [start, end) of what the script printed (clamped to it), each computed on demand. */
export function runOutputLines(output: RunOutput, start: number, end: number): string[] {
  if (output.form === 'lecture') return scriptOutputLines(output.output, start, end);
  const { run, predictX, printed, ending } = output;
  const from = Math.max(0, Math.floor(start));
  const to = Math.min(runOutputLength(output), Math.ceil(end));
  const lines: string[] = [];
  for (let i = from; i < to; i++) {
    if (i === 0) lines.push(predictBeforeLineOf(run, predictX));
    else if (i <= printed) lines.push(epochLineOf(run, i - 1));
    else lines.push(ending === 'diverged' ? DIVERGED_LINE : predictAfterLineOf(run, predictX, printed));
  }
  return lines;
}

/** Everything the script printed so far, every line ending in `\n`. */
export function runOutputText(output: RunOutput): string {
  const lines = runOutputLines(output, 0, runOutputLength(output));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
