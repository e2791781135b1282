/**
 * What the lecture's scripts print, line for line: `gradient_descent.py` (GD) and
 * `stochastic_gradient_descent.py` (SGD), with their hard-coded numbers made settings.
 */
import { LECTURE } from './dataset';
import { predict } from './model';
import { epochRecord } from './trace';
import { advance, epochUpdates, type RunState, startRun, type TrainingSetup } from './optimizer';
import { pyLiteral, pyPrint } from './pyrepr';

/** The settings `transcript.py` takes (its JSON keys, camel-cased). */
export interface TranscriptConfig {
  readonly optimizer: 'gd' | 'sgd';
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly w0: number;
  readonly lr: number;
  readonly epochs: number;
  readonly predictX: number;
}

/** The lecture's own settings, for either script. */
export function lectureConfig(optimizer: 'gd' | 'sgd'): TranscriptConfig {
  const { data, w0, lr, epochs, predictX } = LECTURE;
  return { optimizer, xs: data.xs, ys: data.ys, w0, lr, epochs, predictX };
}

/** The training setup a transcript config describes: model 'w', the lecture's order, never halting. */
export function transcriptSetup(config: TranscriptConfig): TrainingSetup {
  return {
    data: { xs: config.xs, ys: config.ys },
    model: 'w',
    init: { w: config.w0, b: 0 },
    lr: config.lr,
    optimizer: { kind: config.optimizer },
    haltOnDivergence: false,
  };
}

/**
 * predict_x as Python multiplies it: a whole number is a Python int, and int 0 has no sign, so
 * −0 becomes +0 (0·w is then 0.0 or −0.0 by w's sign, as in Python).
 */
const pythonOperand = (predictX: number): number => (Number.isInteger(predictX) ? predictX + 0 : predictX);

/** `print('predict (before training)', x, forward(x))` for the run's θ₀. */
export function predictBeforeLine(run: RunState, predictX: number): string {
  const x = pythonOperand(predictX);
  return pyPrint('predict (before training)', pyLiteral(predictX), predict('w', run.setup.init, x));
}

/** `print('predict (after training)', x, forward(x))` for the run's current θ. */
export function predictAfterLine(run: RunState, predictX: number): string {
  const x = pythonOperand(predictX);
  return pyPrint('predict (after training)', pyLiteral(predictX), predict('w', run.params, x));
}

/**
 * The lines epoch `epoch` prints. GD: `epoch: k w= … loss= …`. SGD: a tab-indented
 * `grad: x y grad` per sample, then `progress: k w= … loss= …`. The epoch must be recorded in `run`.
 */
export function epochLines(run: RunState, epoch: number): string[] {
  const { w, printedLoss: loss } = epochRecord(run.trace, epoch)!;
  if (run.setup.optimizer.kind === 'gd') {
    return [pyPrint('epoch:', { int: epoch }, 'w=', w, 'loss=', loss)];
  }
  const { xs, ys } = run.setup.data;
  const lines = epochUpdates(run, epoch).map((update) => {
    const i = update.indices[0]!;
    return pyPrint('\tgrad:', xs[i]!, ys[i]!, update.gradient.w);
  });
  lines.push(pyPrint('progress:', { int: epoch }, 'w=', w, 'loss=', loss));
  return lines;
}

/** The complete transcript of a run so far: header, every recorded epoch, footer. */
export function runTranscriptLines(run: RunState, predictX: number): string[] {
  const lines = [predictBeforeLine(run, predictX)];
  for (let epoch = 0; epoch < run.trace.length; epoch++) lines.push(...epochLines(run, epoch));
  lines.push(predictAfterLine(run, predictX));
  return lines;
}

/**
 * Exactly what the lecture's script prints for `config`, `\n`-separated (no trailing newline), the
 * same as `python3 transcript.py` with `"square": "mul"`: Python's float repr, print's spacing, the
 * tab before `grad:`, and inf/nan printed on as Python does once a run overflows. With the lecture's
 * `**2` the script stops earlier, with OverflowError: scriptTranscript (overflow.ts) writes that.
 */
export function pythonTranscript(config: TranscriptConfig): string {
  const run = advance(startRun(transcriptSetup(config)), Math.max(0, Math.floor(config.epochs)));
  return runTranscriptLines(run, config.predictX).join('\n');
}
