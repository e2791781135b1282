/**
 * The PyTorch script of a run: the lecture's model on float64 tensors, autograd for the gradient of
 * the batch's mean squared error, torch.optim for the update, printing what the plain script prints.
 */
import { pyFloatLiteral } from '../pyrepr';
import type { ScriptConfig } from './python';
import {
  dataLines,
  endOfLoopLines,
  epochPrintLine,
  headerLines,
  paramsOf,
  plainTitle,
  plotLines,
  samplingLines,
  startOfLoopLines,
  visitLines,
} from './scriptParts';
import type { PythonRule } from './types';

/**
 * The script's text. `python` is the rule's (null: plain gradient descent, torch.optim.SGD without
 * momentum); `lecture` says which of the lecture's two outputs it prints, if it is one (SGD's then
 * prints the lecture's `grad:` and `progress:` lines); `size` is the clamped batch size.
 */
export function torchScriptText(
  config: ScriptConfig,
  file: string,
  python: PythonRule | null,
  lecture: 'gd' | 'sgd' | null,
  size: number,
): string {
  const params = `[${paramsOf(config).join(', ')}]`;
  const lr = pyFloatLiteral(config.lr);
  const hyper = config.hyper ?? {};
  const optimizer = python
    ? python.torchOptimizer(params, lr, hyper)
    : `torch.optim.SGD(${params}, lr=${lr})  # plain gradient descent: no momentum`;
  const wb = config.model === 'wb';
  const lines = [
    ...headerLines(file, python ? python.title : plainTitle(config.batching), 'torch'),
    ...dataLines(config, 'torch'),
    ...samplingLines(config, size),
    `# define the model linear model y = ${wb ? 'w*x + b' : 'w*x'}`,
    'def forward(x):',
    `    return ${wb ? 'x*w + b' : 'x*w'}`,
    '',
    '# the mean squared error over a batch (of one sample: its squared error); torch.float64 **2',
    '# overflows to inf rather than raising OverflowError',
    'def loss(xs, ys):',
    '    return ((forward(xs) - ys)**2).mean()',
    '',
    `optimizer = ${optimizer}`,
    '',
    ...startOfLoopLines(config, 'torch'),
    ...loopBody(config, python, lecture),
  ];
  return [...lines, ...plotLines()].join('\n') + '\n';
}

/** What the plain update would be, as the lecture's next lecture writes it without torch.optim. */
function handWrittenStep(config: ScriptConfig): string {
  const lr = pyFloatLiteral(config.lr);
  const steps = paramsOf(config).map((p) => `${p}.data = ${p}.data - ${lr} * ${p}.grad.data`);
  return `  # without torch.optim (lecture 4): ${steps.join('; ')}`;
}

/** The epoch's body: gradient by autograd, optimizer.step(), the epoch's line and the stop. */
function loopBody(config: ScriptConfig, python: PythonRule | null, lecture: 'gd' | 'sgd' | null): string[] {
  const comment = python ? '' : handWrittenStep(config);
  if (config.batching === 'full') {
    return [
      '    optimizer.zero_grad()',
      '    loss_val = loss(x_data, y_data)  # the cost before the update, as the lecture prints it',
      '    loss_val.backward()  # autograd: the mean gradient in w.grad' +
        (config.model === 'wb' ? ' and b.grad' : ''),
      `    optimizer.step()${comment}`,
      epochPrintLine(config, 'loss_val', 'torch'),
      ...endOfLoopLines(config, 'loss_val', 'torch'),
    ];
  }
  const batch = config.batching === 'batch' ? 'xs, ys' : 'x, y';
  const lines = [
    ...visitLines(config, 'torch'),
    '        optimizer.zero_grad()',
    `        loss(${batch}).backward()`,
    `        optimizer.step()${comment}`,
  ];
  if (lecture === 'sgd') lines.push('        print("\\tgrad:", x.item(), y.item(), w.grad.item())');
  lines.push(
    '        with torch.no_grad():',
    `            loss_val = loss(${batch})  # the loss after the step, as the lecture prints it`,
  );
  if (lecture === 'sgd') {
    lines.push('    print("progress:", epoch, "w=", w.item(), "loss=", loss_val.item())');
  } else {
    lines.push(epochPrintLine(config, 'loss_val', 'torch'));
  }
  lines.push(...endOfLoopLines(config, 'loss_val', 'torch'));
  return lines;
}
