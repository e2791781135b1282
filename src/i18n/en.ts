import { classroomMessages } from './fragments/classroom';
import type { dataMessages } from './fragments/data';
import type { exportMessages } from './fragments/export';
import type { formulaMessages } from './fragments/formula';
import type { landscape2dMessages } from './fragments/landscape2d';
import type { lessonMessages } from './fragments/lesson';
import type { pythonMessages } from './fragments/python';
import type { shortcutsMessages } from './fragments/shortcuts';
import { regimeMessages } from './fragments/regime';

/** English: the reference catalog. Every other language must have exactly these keys. */
const base = {
  'app.title': 'Downhill',
  'app.documentTitle': 'Downhill — gradient descent, side by side',
  'app.tagline':
    'Gradient descent and stochastic gradient descent, side by side — exactly as the lecture prints them.',
  'app.lecture': 'PyTorch 深度学习实践 · Lecture 3 · 梯度下降算法',
  'app.skipToContent': 'Skip to the runs',
  'app.loading': 'Loading…',
  'app.loadFailed': 'Could not load this part of Downhill. Check the connection and try again.',
  'app.retry': 'Try again',
  'app.languageFailed':
    'Could not load the {language} text (offline?). Downhill stays in English; pick the language again once connected.',

  'controls.label': 'Playback',
  'controls.play': 'Play',
  'controls.pause': 'Pause',
  'controls.step': 'Step',
  'controls.stepHint': 'One epoch for both runs',
  'controls.stepSample': 'Step one sample',
  'controls.stepSampleHint': 'SGD takes one update; GD updates only once per epoch, so it waits.',
  'controls.runToEnd': 'Run to end',
  'controls.reset': 'Reset',
  'controls.speed': 'Speed',
  'controls.speedValue': '{value, plural, one {# epoch per second} other {# epochs per second}}',
  'controls.speedShort': '{value, plural, one {# epoch/s} other {# epochs/s}}',
  'controls.clock': 'Epoch {epoch} of {total}',
  'controls.clockSample': 'SGD in epoch {epoch}: sample {sample} of {n}',

  'settings.label': 'Settings',
  'settings.lr': 'Learning rate',
  'settings.lrTyped': 'Learning rate, typed',
  'settings.lrLimit': '{run} stable below ≈ {value}',
  'settings.lrOneStep': 'GD lands on w* in one step at ≈ {value}',
  'settings.lrPanel': 'Learning rate',
  'settings.lrMarkShort': '{run} < {value}',
  'settings.lrOneStepShort': '1 step: {value}',
  'settings.w0': 'Initial w',
  'settings.w0Typed': 'Initial w, typed',
  'settings.epochs': 'Epochs',
  'settings.epochsTyped': 'Epochs, typed',
  'settings.epochsValue': '{value, plural, one {# epoch} other {# epochs}}',
  'settings.data': 'Data: x = [{xs}], y = [{ys}]',

  'run.gd': 'Gradient descent (GD)',
  'run.sgd': 'Stochastic gradient descent (SGD)',
  'run.gd.short': 'GD',
  'run.sgd.short': 'SGD',
  'run.minibatch': 'Mini-batch',
  'run.minibatch.short': 'Mini-batch',
  'run.minibatch.rule':
    'one update per batch of {b, plural, one {# sample} other {# samples}}, {updates, plural, one {# update} other {# updates}} per epoch',
  'run.gd.rule':
    'one update per epoch, gradient of the mean cost over {n, plural, one {its # sample} other {all # samples}}',
  'run.sgd.rule': 'one update per sample, {n} per epoch, in data-set order',
  'run.momentum': 'Momentum',
  'run.momentum.short': 'Momentum',
  'run.momentum.rule':
    'one update per epoch on all {n} samples; the step is a velocity that keeps μ of the last one and adds the gradient',
  'run.nesterov': 'Nesterov',
  'run.nesterov.short': 'Nesterov',
  'run.nesterov.rule':
    'one update per epoch on all {n} samples; like momentum, but the step also looks ahead along the velocity',
  'run.rmsprop': 'RMSprop',
  'run.rmsprop.short': 'RMSprop',
  'run.rmsprop.rule':
    'one update per epoch on all {n} samples; the gradient is divided by the root of a running mean of its squares',
  'run.adagrad': 'AdaGrad',
  'run.adagrad.short': 'AdaGrad',
  'run.adagrad.rule':
    'one update per epoch on all {n} samples; the gradient is divided by the root of the sum of all its squares so far',
  'run.adam': 'Adam',
  'run.adam.short': 'Adam',
  'run.adam.rule':
    'one update per epoch on all {n} samples; a running mean of the gradient divided by the root of a running mean of its square, both bias-corrected',
  'state.label': 'Optimizer state',
  'state.velocity': 'velocity of {param}',
  'state.squareAvg': 'running mean of the squared gradient of {param}',
  'state.sum': 'sum of the squared gradients of {param}',
  'state.expAvg': 'first moment (mean gradient) of {param}',
  'state.expAvgSq': 'second moment (mean squared gradient) of {param}',
  'landscape.nextStep': 'next step Δw = {value}',
  'run.views': '{run} views',
  'run.view.landscape': 'Landscape',
  'run.view.formula': 'Formula',
  'run.view.output': 'Python output',
  'run.view.code': 'Python code',
  'python.output.download': 'Download output',
  'python.code.download': 'Download code',
  'python.torch.download': 'Download PyTorch code',
  'python.downloaded': 'Saved {file}.',
  'python.downloads': '{run} as Python: downloads',
  'run.epoch': 'Epoch',
  'run.updates': 'Updates',
  'run.w': 'Weight',
  'run.b': 'b',
  'run.bias': 'Bias',
  'run.loss': 'Loss (as printed)',
  'run.lossHint': 'GD prints the cost before its update; SGD the last sample’s loss after its update.',
  'run.costShort': 'cost',
  'run.cost': 'Cost on all data',
  'run.predictBefore': 'ŷ({x}) before training',
  'run.predictAfter': 'ŷ({x}) now',
  'run.status.converging': 'converging',
  'run.status.diverging': 'diverging: learning rate {lr} is above the stability limit ≈ {limit}',
  'run.status.diverged':
    'diverged in epoch {epoch}: the numbers overflowed. Lower the learning rate below ≈ {limit}.',
  'run.announce':
    '{run}: epoch {epoch}, {updates, plural, one {# update} other {# updates}}, w = {w}, loss = {loss}.',
  'run.announceDiverged': '{run} diverged in epoch {epoch}.',

  'loss.title': 'Cost on all data after each epoch',
  'loss.subtitle': 'The same metric for both runs: mean squared error over the whole data set.',
  'loss.autoLog': 'log scale: the cost grew over ×{factor}',
  'loss.scale': 'Y axis',
  'loss.linear': 'Linear',
  'loss.log': 'Log',
  'loss.epochAxis': 'epoch',
  'loss.costAxis': 'cost',
  'loss.tooltipEpoch': 'after epoch {epoch}',
  'loss.tooltipPrinted': 'the lecture prints it as epoch: {printed}',
  'loss.description':
    'Line chart of the cost on all data after each epoch, GD in blue and SGD in orange; hover or use the arrow keys for exact values.',
  'loss.chartKeys': 'Cost chart: ← and → read the exact values epoch by epoch',
  'loss.tooltipStart': 'start, before any update',
  'loss.tooltipW': 'w = {value}',
  'loss.tooltipCost': 'cost = {value}',
  'loss.diverged': 'diverged in epoch {epoch}',

  'landscape.title': 'Loss landscape: cost(w)',
  'landscape.titleSgd': 'Loss landscape: cost(w), per-sample losses behind',
  'landscape.wAxis': 'w',
  'landscape.costAxis': 'cost',
  'landscape.slope': 'slope (gradient) = {value}',
  'landscape.slopeUsed': 'slope used: {value} (loss of sample {i} at w = {w})',
  'landscape.optimum': 'w* = {value}',
  'landscape.sample': 'sample {i}: ({x}, {y})',
  'landscape.offChart': 'w is off the chart ({w})',
  'landscape.ranOff': 'w ran off to {w} in epoch {epoch}',
  'landscape.overflowed': 'w overflowed in epoch {epoch}',
  'landscape.description':
    'Cost as a function of w, with the run’s current w as a ball, its path as numbered dots joined in epoch order, and the tangent whose slope is the gradient.',
  'landscape.descriptionSgd':
    'Behind it, each sample’s own loss; the one the latest update used is highlighted. SGD steps down that curve, not the mean, which is why it zig-zags.',
  'landscape.current': 'w = {w}',
  'landscape.latestSample': 'latest update used {sample}',
  'landscape.legendPath': 'w after epoch 0, 1, 2, …',
  'landscape.legendTangent': 'tangent',
  'landscape.legendTangentSample': 'tangent of that sample’s loss',
  'landscape.legendSamples': 'per-sample loss ℓᵢ(w)',

  'validation.empty': '{field}: enter at least one point.',
  'validation.too-many-points': '{field}: at most {limit} points.',
  'validation.length-mismatch': 'Every point needs both an x and a y value.',
  'validation.not-a-number': '{field} must be a number.',
  'validation.not-finite': '{field} must be a finite number.',
  'validation.too-large': '{field} is too large (at most {limit} in size).',
  'validation.not-positive': '{field} must be greater than 0.',
  'validation.not-integer': '{field} must be a whole number.',
  'validation.out-of-range': '{field} must be between {min} and {max}.',
  'validation.out-of-interval': '{field} must lie in {interval}.',
  'validation.unknown-model': 'Model must be y = w·x or y = w·x + b.',
  'field.xs': 'x values',
  'field.ys': 'y values',
  'field.model': 'Model',
  'field.w0': 'Initial w',
  'field.b0': 'Initial b',
  'field.lr': 'Learning rate',
  'field.epochs': 'Epochs',
  'field.batchSize': 'Batch size',
  'field.seed': 'Seed',
  'field.momentum': 'Momentum μ',
  'field.beta1': 'β₁',
  'field.beta2': 'β₂',
  'field.eps': 'ε',
  'field.alpha': 'α (smoothing)',
  'boundary.message': 'The {panel} panel ran into a problem and stopped. The rest of Downhill keeps working.',
  'boundary.reset': 'Reset this panel',
  'notice.storageUnreadable':
    'The settings saved in this browser could not be read, so Downhill started from the lecture’s setup.',
  'notice.dismiss': 'Dismiss',
  'pins.pin': 'Pin {run}',
  'pins.clear': 'Clear pins',
  'pins.legend': 'Pinned curves',
  'pins.label': '{run}, α = {lr}',
  'pins.labelBatch': '{run} (B = {b}), α = {lr}',
  'data.panel': 'Data',
  'model.panel': 'Beyond the lecture',
  'model.model': 'Model',
  'model.modelW': 'y = w·x',
  'model.modelWb': 'y = w·x + b',
  'model.b0': 'Initial b',
  'model.b0Typed': 'Initial b, typed',
  'model.batch': 'Batch size',
  'model.batchValue': 'B = {b} of {n}',
  'model.batchHint': 'B = {n} is GD, B = 1 is SGD; anything between is mini-batch.',
  'model.third': 'Third run',
  'model.thirdNone': 'None',
  'model.hyper': '{run} hyperparameters',
  'model.hyperRange': 'in {interval}; default {value}',
  'model.thirdHint': 'A third optimizer beside GD and SGD, on the same clock and the same learning rate.',
  'model.shuffle': 'Shuffle the samples each epoch',
  'model.shuffleHint': 'Off: the lecture’s order, x = 1, 2, 3 every epoch.',
  'model.seed': 'Seed',
  'model.limits': 'Stable below: {limits}',
  'model.limit': '{run} ≈ {value}',
  'model.noFixedLimit': '{run}: no fixed limit',
  'model.limitsHint':
    'The limit is where one epoch stops shrinking the distance to the optimum: α < 2/λ_max for GD (λ_max: the cost’s largest curvature); for SGD and mini-batch the product of the per-batch steps, in the chosen order.',
  'error.notANumber': 'Enter a number, like 0.01.',
  'error.empty': 'Enter a value.',
} as const;

/** The English the first page shows, before anything else has loaded. */
export const en = {
  ...base,
  ...classroomMessages,
  ...regimeMessages,
};

/**
 * The English of the parts loaded after the first paint (the formula view, the Python views, the
 * export menu, the data panel, the 2-D landscape, the lesson, the shortcut sheet): each part's
 * messages load with it (see `loadMessages` in index.ts).
 */
export type LaterMessages = typeof formulaMessages &
  typeof pythonMessages &
  typeof exportMessages &
  typeof dataMessages &
  typeof landscape2dMessages &
  typeof lessonMessages &
  typeof shortcutsMessages;

export type MessageKey = keyof typeof en | keyof LaterMessages;
export type Catalog = Record<MessageKey, string>;
