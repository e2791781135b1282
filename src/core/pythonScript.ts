/**
 * The lecture's two scripts as runnable Python with any settings filled in, and the transcript a run
 * has printed so far, line by line on demand (a long run's transcript is never built as one string
 * just to show a screenful of it).
 */
import { updatesPerEpoch, type RunState, type SampleUpdate } from './optimizer';
import { pyFloatLiteral, pyInt, pyLiteral, pyPrint } from './pyrepr';
import { epochLines, predictAfterLine, predictBeforeLine, type TranscriptConfig } from './transcript';

/** The file name the lecture gives each script. */
export function pythonScriptName(optimizer: 'gd' | 'sgd'): string {
  return optimizer === 'gd' ? 'gradient_descent.py' : 'stochastic_gradient_descent.py';
}

/**
 * predict_x as the lecture writes it: a whole number as a Python int (`4`), anything else as a float
 * literal; `print` then shows it exactly as pyLiteral does.
 */
export function predictLiteral(x: number): string {
  return Number.isFinite(x) ? pyLiteral(x) : pyFloatLiteral(x);
}

/** range(epochs): the whole number of epochs, 0 for anything that is not a finite number ≥ 0. */
function epochCount(epochs: number): string {
  return pyInt(Number.isFinite(epochs) ? Math.max(0, Math.floor(epochs)) : 0);
}

/** The hint printed (to stderr, so stdout stays the lecture's transcript) when there is no matplotlib. */
export const MATPLOTLIB_HINT = '(matplotlib is not installed: pip install matplotlib to see the plot)';

/**
 * The lecture's script (lecture-notes.zh.txt §3.1 for GD, §3.2 for SGD) with the settings of `config`
 * filled in: x_data, y_data, w, the learning rate, range(epochs) and the x to predict at. Numbers are
 * written as literals that parse to exactly the same doubles, so `python3` prints pythonTranscript(config)
 * to the last digit (up to `**2`, which glibc's pow() rounds one ULP off d·d now and then). matplotlib is
 * optional: without it the script prints the same and says on stderr how to get the plot.
 */
export function pythonScript(config: TranscriptConfig): string {
  const xs = config.xs.map(pyFloatLiteral).join(', ');
  const ys = config.ys.map(pyFloatLiteral).join(', ');
  const w0 = pyFloatLiteral(config.w0);
  const lr = pyFloatLiteral(config.lr);
  const epochs = epochCount(config.epochs);
  const x = predictLiteral(config.predictX);
  const isGd = config.optimizer === 'gd';
  const list = isGd ? 'cost_list' : 'loss_list';

  const head = [
    `# ${pythonScriptName(config.optimizer)}: PyTorch 深度学习实践, lecture 3 (梯度下降算法)`,
    '# with the settings Downhill ran; it prints what "Python output" shows.',
    'import sys',
    '',
    'try:',
    '    import matplotlib.pyplot as plt',
    'except ImportError:  # only the plot needs it',
    '    plt = None',
    '',
    '# prepare the training set',
    `x_data = [${xs}]`,
    `y_data = [${ys}]`,
    '# initial guess of weight',
    `w = ${w0}`,
    '',
    '# define the model linear model y = w*x',
    'def forward(x):',
    '    return x*w',
    '',
  ];

  const gd = [
    '#define the cost function MSE',
    'def cost(xs, ys):',
    '    cost = 0',
    '    for x, y in zip(xs,ys):',
    '        y_pred = forward(x)',
    '        cost += (y_pred - y)**2',
    '    return cost / len(xs)',
    '',
    '# define the gradient function gd',
    'def gradient(xs,ys):',
    '    grad = 0',
    '    for x, y in zip(xs,ys):',
    '        grad += 2*x*(x*w - y)',
    '    return grad / len(xs)',
    '',
    'epoch_list = []',
    'cost_list = []',
    `print('predict (before training)', ${x}, forward(${x}))`,
    `for epoch in range(${epochs}):`,
    '    cost_val = cost(x_data, y_data)',
    '    grad_val = gradient(x_data, y_data)',
    `    w-= ${lr} * grad_val # ${lr} learning rate`,
    "    print('epoch:', epoch, 'w=', w, 'loss=', cost_val)",
    '    epoch_list.append(epoch)',
    '    cost_list.append(cost_val)',
  ];

  const sgd = [
    '# calculate loss function',
    'def loss(x, y):',
    '    y_pred = forward(x)',
    '    return (y_pred - y)**2',
    '',
    '# define the gradient function sgd',
    'def gradient(x, y):',
    '    return 2*x*(x*w - y)',
    '',
    'epoch_list = []',
    'loss_list = []',
    `print('predict (before training)', ${x}, forward(${x}))`,
    `for epoch in range(${epochs}):`,
    '    for x,y in zip(x_data, y_data):',
    '        grad = gradient(x,y)',
    `        w = w - ${lr}*grad # update weight by every grad of sample of training set`,
    '        print("\\tgrad:", x, y,grad)',
    '        l = loss(x,y)',
    '    print("progress:",epoch,"w=",w,"loss=",l)',
    '    epoch_list.append(epoch)',
    '    loss_list.append(l)',
  ];

  const tail = [
    `print('predict (after training)', ${x}, forward(${x}))`,
    '',
    'if plt is not None:',
    `    plt.plot(epoch_list,${list})`,
    `    plt.ylabel('${isGd ? 'cost' : 'loss'}')`,
    "    plt.xlabel('epoch')",
    '    plt.show()',
    'else:',
    `    print('${MATPLOTLIB_HINT}', file=sys.stderr)`,
  ];

  return [...head, ...(isGd ? gd : sgd), ...tail].join('\n') + '\n';
}

/** Where a run's transcript stands: what it has printed so far, and whether the script has ended. */
export interface TranscriptProgress {
  readonly run: RunState;
  readonly predictX: number;
  /**
   * The updates already taken inside the epoch in progress (SGD stepping sample by sample), in order;
   * each printed its `grad:` line. Empty between epochs, and ignored for GD.
   */
  readonly pending: readonly SampleUpdate[];
  /** The loop has ended: the script prints its `predict (after training)` line last. */
  readonly finished: boolean;
}

/** Lines one epoch prints: GD 1 (`epoch: …`); SGD one `grad:` line per update, then `progress: …`. */
export function linesPerEpoch(run: RunState): number {
  const { optimizer, data } = run.setup;
  return optimizer.kind === 'gd' ? 1 : updatesPerEpoch(optimizer, data.xs.length) + 1;
}

/** `print("\tgrad:", x, y, grad)` for one single-sample update of the run. */
export function gradLine(run: RunState, update: SampleUpdate): string {
  const i = update.indices[0]!;
  return pyPrint('\tgrad:', run.setup.data.xs[i]!, run.setup.data.ys[i]!, update.gradient.w);
}

const pendingOf = (progress: TranscriptProgress): readonly SampleUpdate[] =>
  progress.run.setup.optimizer.kind === 'gd' ? [] : progress.pending;

/** Lines printed so far: 1 (before) + epochs × linesPerEpoch + pending grad lines + 1 once finished. */
export function transcriptLength(progress: TranscriptProgress): number {
  const { run, finished } = progress;
  return 1 + run.trace.length * linesPerEpoch(run) + pendingOf(progress).length + (finished ? 1 : 0);
}

/**
 * Lines [start, end) of the transcript so far (clamped to it), each computed from the run's history:
 * only the epochs in the window are replayed, so a screenful costs the same at epoch 10 or 10,000.
 */
export function transcriptLines(progress: TranscriptProgress, start: number, end: number): string[] {
  const { run, predictX, finished } = progress;
  const pending = pendingOf(progress);
  const perEpoch = linesPerEpoch(run);
  const epochsEnd = 1 + run.trace.length * perEpoch;
  const pendingEnd = epochsEnd + pending.length;
  const length = transcriptLength(progress);
  const from = Math.max(0, Math.floor(start));
  const to = Math.min(length, Math.ceil(end));
  const lines: string[] = [];
  let cachedEpoch = -1;
  let cached: string[] = [];
  for (let i = from; i < to; i++) {
    if (i === 0) {
      lines.push(predictBeforeLine(run, predictX));
    } else if (i < epochsEnd) {
      const epoch = Math.floor((i - 1) / perEpoch);
      if (epoch !== cachedEpoch) {
        cached = epochLines(run, epoch);
        cachedEpoch = epoch;
      }
      lines.push(cached[(i - 1) % perEpoch]!);
    } else if (i < pendingEnd) {
      lines.push(gradLine(run, pending[i - epochsEnd]!));
    } else if (finished) {
      lines.push(predictAfterLine(run, predictX));
    }
  }
  return lines;
}

/** The whole transcript so far as the script writes it to stdout: every line ending in `\n`. */
export function transcriptText(progress: TranscriptProgress): string {
  const lines = transcriptLines(progress, 0, transcriptLength(progress));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
