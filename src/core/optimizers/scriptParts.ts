/**
 * The pieces the plain-Python and the PyTorch scripts (python.ts, torchScript.ts) share: header, data,
 * sample order, the epoch loop's frame, the stop on inf or nan, the plot. Each returns lines of Python.
 */
import { pyFloatLiteral } from '../pyrepr';
import { MATPLOTLIB_HINT, predictLiteral } from '../pythonScript';
import { DIVERGED_LINE } from './output';
import type { ScriptConfig } from './python';
import { hyperValue, type PythonRule } from './types';

/** Which script: plain Python floats, or torch tensors. */
export type Flavour = 'plain' | 'torch';

/** The parameters a model trains, as the scripts name them. */
export const paramsOf = (config: ScriptConfig): string[] => (config.model === 'w' ? ['w'] : ['w', 'b']);

/** range(epochs): the whole number of epochs, 0 for anything that is not a finite number ≥ 0. */
export const epochsLiteral = (epochs: number): string =>
  String(Number.isFinite(epochs) ? Math.max(0, Math.floor(epochs)) : 0);

/** What the scripts' first comment calls plain gradient descent, by its batching. */
export function plainTitle(batching: ScriptConfig['batching']): string {
  return {
    full: 'gradient descent',
    sample: 'stochastic gradient descent',
    batch: 'mini-batch gradient descent',
  }[batching];
}

/** The first comment and the imports. */
export function headerLines(file: string, title: string, flavour: Flavour): string[] {
  const lines =
    flavour === 'plain'
      ? [
          `# ${file}: ${title},`,
          '# in the style of PyTorch 深度学习实践, lecture 3 (梯度下降算法), with the settings Downhill',
          '# ran; it prints what "Python output" shows.',
          'import math',
        ]
      : [
          `# ${file}: ${title}, with autograd and torch.optim in float64,`,
          '# with the settings Downhill ran; it prints what "Python output" shows (torch rounds in',
          '# its own order, so the last digits of a number may differ).',
          'import math',
          'import sys',
          '',
          'import torch',
        ];
  if (flavour === 'plain') lines.push('import sys');
  lines.push(
    '',
    'try:',
    '    import matplotlib.pyplot as plt',
    'except ImportError:  # only the plot needs it',
    '    plt = None',
    '',
  );
  return lines;
}

/** The training set and θ₀: Python lists and floats, or float64 tensors that autograd follows. */
export function dataLines(config: ScriptConfig, flavour: Flavour): string[] {
  const list = (values: readonly number[]) => `[${values.map(pyFloatLiteral).join(', ')}]`;
  const wb = config.model === 'wb';
  if (flavour === 'plain') {
    return [
      '# prepare the training set',
      `x_data = ${list(config.xs)}`,
      `y_data = ${list(config.ys)}`,
      `# initial guess of weight${wb ? ' and bias' : ''}`,
      `w = ${pyFloatLiteral(config.w0)}`,
      ...(wb ? [`b = ${pyFloatLiteral(config.b0)}`] : []),
      '',
    ];
  }
  const tensor = (value: string) => `torch.tensor(${value}, dtype=torch.float64, requires_grad=True)`;
  return [
    '# prepare the training set',
    `x_data = torch.tensor(${list(config.xs)}, dtype=torch.float64)`,
    `y_data = torch.tensor(${list(config.ys)}, dtype=torch.float64)`,
    `# initial guess of weight${wb ? ' and bias' : ''}; autograd computes ${wb ? 'their gradients' : 'its gradient'}`,
    `w = ${tensor(pyFloatLiteral(config.w0))}`,
    ...(wb ? [`b = ${tensor(pyFloatLiteral(config.b0))}`] : []),
    '',
  ];
}

/** The learning rate and the rule's hyperparameters, each a variable named by its key. */
export function hyperLines(config: ScriptConfig, python: PythonRule | null): string[] {
  const hyper = config.hyper ?? {};
  return [
    `# learning rate${python ? ' and hyperparameters' : ''}`,
    `lr = ${pyFloatLiteral(config.lr)}`,
    ...(python?.hyperParameters ?? []).map((p) => `${p.key} = ${pyFloatLiteral(hyperValue(p, hyper))}`),
    '',
  ];
}

const shuffles = (config: ScriptConfig): boolean => config.batching !== 'full' && config.shuffle === true;

/**
 * The sample order, when it is not simply the data set's: Downhill's seeded shuffle (mulberry32,
 * seeded per epoch, a Fisher–Yates shuffle; 32-bit arithmetic written with masks) and, for
 * mini-batches, consecutive slices of `size` samples of the epoch's order.
 */
export function samplingLines(config: ScriptConfig, size: number): string[] {
  const lines: string[] = [];
  if (shuffles(config)) {
    lines.push(
      '# a fresh order of the samples each epoch, shuffled exactly as Downhill shuffles (seeded by',
      '# seed and epoch: mulberry32 and a Fisher-Yates shuffle, in 32-bit arithmetic)',
      `seed = ${String((config.seed ?? 0) >>> 0)}`,
      '',
      'def mulberry32(state):',
      '    def random():',
      '        nonlocal state',
      '        state = (state + 0x6D2B79F5) & 0xFFFFFFFF',
      '        t = (state ^ (state >> 15)) * (state | 1) & 0xFFFFFFFF',
      '        t ^= (t + ((t ^ (t >> 7)) * (t | 61) & 0xFFFFFFFF)) & 0xFFFFFFFF',
      '        return (t ^ (t >> 14)) / 4294967296',
      '    return random',
      '',
      'def epoch_order(epoch):',
      '    h = seed ^ 0x9E3779B9',
      '    h = (h ^ epoch) * 0x85EBCA6B & 0xFFFFFFFF',
      '    h = (h ^ (h >> 13)) * 0xC2B2AE35 & 0xFFFFFFFF',
      '    random = mulberry32(h ^ (h >> 16))',
      '    order = list(range(len(x_data)))',
      '    for i in range(len(order) - 1, 0, -1):',
      '        j = int(random() * (i + 1))',
      '        order[i], order[j] = order[j], order[i]',
      '    return order',
      '',
    );
  }
  if (config.batching === 'batch') {
    const order = shuffles(config) ? 'epoch_order(epoch)' : 'list(range(len(x_data)))';
    lines.push(
      '# the batches of an epoch: consecutive slices of batch_size samples (the last may be shorter)',
      `batch_size = ${String(size)}`,
      '',
      'def batches(epoch):',
      `    order = ${order}`,
      '    return [order[k:k + batch_size] for k in range(0, len(order), batch_size)]',
      '',
    );
  }
  return lines;
}

/**
 * How the loop visits the data inside an epoch (indented 4): nothing for a full batch; `x, y` per
 * sample; `xs, ys` per batch.
 */
export function visitLines(config: ScriptConfig, flavour: Flavour): string[] {
  if (config.batching === 'full') return [];
  if (config.batching === 'sample') {
    return shuffles(config)
      ? ['    for i in epoch_order(epoch):', '        x, y = x_data[i], y_data[i]']
      : ['    for x, y in zip(x_data, y_data):'];
  }
  return flavour === 'plain'
    ? [
        '    for batch in batches(epoch):',
        '        xs = [x_data[i] for i in batch]',
        '        ys = [y_data[i] for i in batch]',
      ]
    : ['    for batch in batches(epoch):', '        xs, ys = x_data[batch], y_data[batch]'];
}

/** print('epoch:', epoch, 'w=', w, ['b=', b,] 'loss=', loss), with `.item()` for tensors. */
export function epochPrintLine(config: ScriptConfig, loss: string, flavour: Flavour): string {
  const item = flavour === 'torch' ? '.item()' : '';
  const shown = paramsOf(config).map((p) => `'${p}=', ${p}${item}`);
  return `    print('epoch:', epoch, ${shown.join(', ')}, 'loss=', ${loss}${item})`;
}

/** After the epoch's line: stop once w, b or the loss it showed is inf or nan; else predict at the end. */
export function endOfLoopLines(config: ScriptConfig, loss: string, flavour: Flavour): string[] {
  const item = flavour === 'torch' ? '.item()' : '';
  const values = [...paramsOf(config), loss].map((v) => `${v}${item}`).join(', ');
  const x = predictLiteral(config.predictX);
  return [
    '    epoch_list.append(epoch)',
    `    loss_list.append(${loss}${item})`,
    `    if not all(math.isfinite(v) for v in (${values})):`,
    `        print('${DIVERGED_LINE}')`,
    '        break',
    'else:  # the loop ran to its end',
    `    print('predict (after training)', ${x}, forward(${x})${item})`,
  ];
}

/** The lists the plot draws from, and the line before the loop. */
export function startOfLoopLines(config: ScriptConfig, flavour: Flavour): string[] {
  const x = predictLiteral(config.predictX);
  const item = flavour === 'torch' ? '.item()' : '';
  return [
    'epoch_list = []',
    'loss_list = []',
    `print('predict (before training)', ${x}, forward(${x})${item})`,
    `for epoch in range(${epochsLiteral(config.epochs)}):`,
  ];
}

/** The plot of the printed loss, if matplotlib is there (the hint goes to stderr, not to the printout). */
export function plotLines(): string[] {
  return [
    '',
    'if plt is not None:',
    '    plt.plot(epoch_list, loss_list)',
    "    plt.ylabel('loss')",
    "    plt.xlabel('epoch')",
    '    plt.show()',
    'else:',
    `    print('${MATPLOTLIB_HINT}', file=sys.stderr)`,
  ];
}

/** One update of every parameter (indented by `indent`): the rule's step, or p ← p − lr·grad. */
export function updateLines(config: ScriptConfig, python: PythonRule | null, indent: string): string[] {
  const params = paramsOf(config);
  if (!python) return params.map((p) => `${indent}${p} = ${p} - lr*grad_${p}`);
  const state = (p: string) => python.state.map(({ name }) => `${name}_${p}`).join(', ');
  return [
    ...(python.shared?.perUpdate ?? []).map((line) => indent + line),
    ...params.map((p) => `${indent}${p}, ${state(p)} = ${python.stepFunction}(${p}, grad_${p}, ${state(p)})`),
  ];
}

/**
 * The plain script's epoch loop: the loss it prints (the cost before a full batch's update, else the
 * last batch's loss after its update), the gradient, the update, the epoch's line, the stop.
 */
export function epochLoopLines(config: ScriptConfig, python: PythonRule | null): string[] {
  const grads = paramsOf(config)
    .map((p) => `grad_${p}`)
    .join(', ');
  const lines = startOfLoopLines(config, 'plain');
  if (config.batching === 'full') {
    lines.push(
      '    loss_val = cost(x_data, y_data)',
      `    ${grads} = gradient(x_data, y_data)`,
      ...updateLines(config, python, '    '),
    );
  } else {
    const batch = config.batching === 'batch';
    lines.push(
      ...visitLines(config, 'plain'),
      `        ${grads} = gradient(${batch ? 'xs, ys' : 'x, y'})`,
      ...updateLines(config, python, '        '),
      batch
        ? '        loss_val = cost(xs, ys)  # the mean loss of the batch after the step'
        : '        loss_val = loss(x, y)',
    );
  }
  lines.push(epochPrintLine(config, 'loss_val', 'plain'), ...endOfLoopLines(config, 'loss_val', 'plain'));
  return [...lines, ...plotLines()];
}
