/**
 * The code that reproduces a run, for every optimizer: its printout ("Download output"), a plain
 * Python script in the lecture's style that computes it float for float ("Download code"), and the
 * same run in PyTorch with autograd and torch.optim ("Download PyTorch code"). Pure functions of a
 * plain config, so that the store, the tests and the fixture generator call them alike.
 *
 * The lecture's two runs keep the lecture's own scripts and output (pythonScript.ts, overflow.ts).
 * Every other script prints `epoch: k w= … [b= …] loss= …` per epoch and, squaring with d*d where the
 * lecture's `**2` would raise OverflowError, stops after the first line showing inf or nan (see
 * output.ts, which makes the app print the same).
 */
import { batchSizeOf, startRun, advance, type TrainingSetup } from '../optimizer';
import type { ModelKind } from '../model';
import { scriptTranscript } from '../overflow';
import { pythonScript, pythonScriptName } from '../pythonScript';
import type { TranscriptConfig } from '../transcript';
import type { OptimizerEntry } from './entry';
import { runOutputLength, runOutputLines, runOutputOf } from './output';
import { OPTIMIZERS } from './registry';
import { torchScriptText } from './torchScript';
import type { Batching, HyperValues, PythonRule, UpdateRule } from './types';
import { dataLines, epochLoopLines, headerLines, hyperLines, plainTitle, samplingLines } from './scriptParts';

/** The optimizers with an update rule, by registry id: each entry carries its rule and its Python. */
export const SCRIPT_RULES: Readonly<
  Record<string, { readonly rule: UpdateRule; readonly python: PythonRule }>
> = Object.fromEntries(
  OPTIMIZERS.flatMap((entry: OptimizerEntry) =>
    entry.rule && entry.python ? [[entry.id, { rule: entry.rule, python: entry.python }]] : [],
  ),
);

/** Everything the scripts depend on, as plain values (the store maps its settings onto this). */
export interface ScriptConfig {
  /** 'gd', 'sgd' or 'minibatch' (θ ← θ − α·g), or a key of SCRIPT_RULES. */
  readonly optimizer: string;
  readonly model: ModelKind;
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly w0: number;
  /** b₀ under y = w·x + b (ignored under y = w·x). */
  readonly b0: number;
  readonly lr: number;
  readonly epochs: number;
  readonly predictX: number;
  /** The rule's hyperparameters; missing ones take their defaults. */
  readonly hyper?: HyperValues;
  /** All samples per update, one, or `batchSize` (clamped to 1…n). */
  readonly batching: Batching;
  readonly batchSize?: number;
  /** A fresh seeded order each epoch (not for full batches), as the app shuffles. */
  readonly shuffle?: boolean;
  readonly seed?: number;
  /**
   * The update rule and its Python, for an optimizer SCRIPT_RULES does not list (a registry entry can
   * carry its own); when given, `optimizer` only names it.
   */
  readonly rule?: { readonly rule: UpdateRule; readonly python: PythonRule };
}

/** A script and the file name to save it under. */
export interface ScriptFile {
  readonly file: string;
  readonly text: string;
}

const KIND_OF_BATCHING = { full: 'gd', sample: 'sgd', batch: 'minibatch' } as const;

/** The update rule a config gives or names (none for 'gd', 'sgd' and 'minibatch'); throws on an unknown name. */
export function scriptRuleOf(config: ScriptConfig): { rule: UpdateRule; python: PythonRule } | null {
  if (config.rule) return config.rule;
  if (config.optimizer === 'gd' || config.optimizer === 'sgd' || config.optimizer === 'minibatch')
    return null;
  const entry = SCRIPT_RULES[config.optimizer];
  if (!entry) throw new Error(`No script for the optimizer '${config.optimizer}'`);
  return entry;
}

/** The app's training setup for a config: what the scripts reproduce. */
export function scriptSetup(config: ScriptConfig): TrainingSetup {
  const entry = scriptRuleOf(config);
  const shuffled = config.batching !== 'full' && config.shuffle === true;
  return {
    data: { xs: config.xs, ys: config.ys },
    model: config.model,
    init: { w: config.w0, b: config.model === 'w' ? 0 : config.b0 },
    lr: config.lr,
    optimizer: {
      kind: KIND_OF_BATCHING[config.batching],
      ...(config.batching === 'batch' ? { batchSize: config.batchSize ?? 1 } : {}),
      ...(shuffled ? { shuffle: true, seed: config.seed ?? 0 } : {}),
      ...(entry ? { rule: entry.rule, hyper: config.hyper ?? {} } : {}),
    },
  };
}

/** The lecture script a config is, if it is one: no rule, y = w·x, all samples or one at a time in order. */
export function lectureScriptOf(config: ScriptConfig): 'gd' | 'sgd' | null {
  if (scriptRuleOf(config) || config.model !== 'w') return null;
  if (config.batching === 'full') return 'gd';
  return config.batching === 'sample' && !config.shuffle ? 'sgd' : null;
}

const transcriptConfigOf = (config: ScriptConfig, optimizer: 'gd' | 'sgd'): TranscriptConfig => ({
  optimizer,
  xs: config.xs,
  ys: config.ys,
  w0: config.w0,
  lr: config.lr,
  epochs: config.epochs,
  predictX: config.predictX,
});

const epochCount = (epochs: number): number =>
  Number.isFinite(epochs) ? Math.max(0, Math.floor(epochs)) : 0;

/**
 * "Download output": every line the config's script prints, as the app computes it. The lecture's
 * two: the lecture's output (scriptTranscript, ending with OverflowError where `**2` raises). Others:
 * `predict (before training) x ŷ`, one `epoch: k w= … [b= …] loss= …` per epoch, then
 * `predict (after training) x ŷ`, or DIVERGED_LINE after the first line showing inf or nan.
 */
export function optimizerOutputLines(config: ScriptConfig): string[] {
  const lecture = lectureScriptOf(config);
  if (lecture) return scriptTranscript(transcriptConfigOf(config, lecture)).split('\n');
  const epochs = epochCount(config.epochs);
  const run = advance(startRun(scriptSetup(config)), epochs);
  const progress = { run, predictX: config.predictX, pending: [], finished: run.status !== 'diverged' };
  const output = runOutputOf(progress, epochs);
  return runOutputLines(output, 0, runOutputLength(output));
}

/** optimizerOutputLines as a file: every line ending in `\n`. */
export function optimizerOutputText(config: ScriptConfig): string {
  return `${optimizerOutputLines(config).join('\n')}\n`;
}

/** The file names: the lecture's for its two, `<optimizer>.py` (e.g. `adam.py`) for the others. */
export function optimizerScriptName(config: ScriptConfig): string {
  const lecture = lectureScriptOf(config);
  if (lecture) return pythonScriptName(lecture);
  const entry = scriptRuleOf(config);
  if (entry) return entry.python.scriptName;
  return {
    full: 'gradient_descent.py',
    sample: 'stochastic_gradient_descent.py',
    batch: 'minibatch_gradient_descent.py',
  }[config.batching];
}

/**
 * "Download code": a plain Python script in the lecture's style (x_data, forward, cost, gradient, the
 * epoch loop) that implements the config's optimizer and prints optimizerOutputLines(config) byte for
 * byte. Numbers are written as literals that parse to the same doubles; every float operation is the
 * app's, in the app's order. The lecture's two are the lecture's own scripts (pythonScript).
 */
export function optimizerScript(config: ScriptConfig): ScriptFile {
  const file = optimizerScriptName(config);
  const lecture = lectureScriptOf(config);
  if (lecture) return { file, text: pythonScript(transcriptConfigOf(config, lecture)) };
  const entry = scriptRuleOf(config);
  const setup = scriptSetup(config);
  const n = config.xs.length;
  const size = batchSizeOf(setup.optimizer, n);
  const lines = [
    ...headerLines(file, entry ? entry.python.title : plainTitle(config.batching), 'plain'),
    ...dataLines(config, 'plain'),
    ...hyperLines(config, entry?.python ?? null),
    ...samplingLines(config, size),
    ...modelLines(config),
    ...(entry ? ruleLines(config.model, entry.python) : []),
    ...epochLoopLines(config, entry?.python ?? null),
  ];
  return { file, text: lines.join('\n') + '\n' };
}

/** forward, cost (or loss) and gradient, as the lecture defines them, under the config's model. */
function modelLines(config: ScriptConfig): string[] {
  const wb = config.model === 'wb';
  const residual = wb ? 'x*w + b - y' : 'x*w - y';
  const perSample = config.batching === 'sample';
  const lines = [
    `# define the model linear model y = ${wb ? 'w*x + b' : 'w*x'}`,
    'def forward(x):',
    `    return ${wb ? 'x*w + b' : 'x*w'}`,
    '',
    '# define the cost function MSE (d*d: **2 would raise OverflowError on a diverging run)',
    'def cost(xs, ys):',
    '    cost = 0',
    '    for x, y in zip(xs, ys):',
    '        d = forward(x) - y',
    '        cost += d*d',
    '    return cost / len(xs)',
    '',
  ];
  if (perSample) {
    lines.push(
      '# calculate loss function',
      'def loss(x, y):',
      '    d = forward(x) - y',
      '    return d*d',
      '',
      '# define the gradient function sgd',
      'def gradient(x, y):',
      wb ? `    return 2*x*(${residual}), 2*(${residual})` : `    return 2*x*(${residual})`,
      '',
    );
    return lines;
  }
  lines.push(
    `# define the gradient function: the mean over a batch${wb ? ', for w and for b' : ''}`,
    'def gradient(xs, ys):',
    wb ? '    grad_w = 0' : '    grad = 0',
    ...(wb ? ['    grad_b = 0'] : []),
    '    for x, y in zip(xs, ys):',
    wb ? `        grad_w += 2*x*(${residual})` : `        grad += 2*x*(${residual})`,
    ...(wb ? [`        grad_b += 2*(${residual})`] : []),
    wb ? '    return grad_w / len(xs), grad_b / len(xs)' : '    return grad / len(xs)',
    '',
  );
  return lines;
}

/** The rule's step function, then each parameter's state and the shared variables at their start. */
function ruleLines(model: ModelKind, python: PythonRule): string[] {
  const params = model === 'w' ? ['w'] : ['w', 'b'];
  return [
    '# one update of one parameter p with its gradient',
    ...python.step,
    '',
    `# the optimizer's state for ${params.join(' and ')}`,
    ...params.flatMap((p) => python.state.map(({ name, initial }) => `${name}_${p} = ${initial}`)),
    ...(python.shared?.init ?? []),
    '',
  ];
}

/**
 * "Download PyTorch code": the same run with torch.tensor(…, dtype=torch.float64, requires_grad=True),
 * autograd for the gradient of the batch's mean squared error, and torch.optim for the update
 * (torch.optim.SGD without momentum for the lecture's GD and SGD). It prints the lines of
 * optimizerOutputLines; autograd and torch's kernels round in their own order, so its numbers agree
 * with the app's to about 12 significant digits, not to the last one.
 */
export function optimizerTorchScript(config: ScriptConfig): ScriptFile {
  const file = optimizerScriptName(config).replace(/\.py$/, '_torch.py');
  const entry = scriptRuleOf(config);
  const size = batchSizeOf(scriptSetup(config).optimizer, config.xs.length);
  return { file, text: torchScriptText(config, file, entry?.python ?? null, lectureScriptOf(config), size) };
}
