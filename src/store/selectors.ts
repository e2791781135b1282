/**
 * Named selectors: each component subscribes to exactly the slice it shows. Selectors returning
 * primitives or stored references keep React from re-rendering on unrelated changes.
 */
import {
  cost,
  epochRecord,
  learningRateRegime,
  predict,
  traceColumn,
  updatesPerEpoch,
  type LearningRateRegime,
  type Params,
  type RunState,
} from '../core';
import {
  displayedParams,
  optimizerFor,
  type PlaygroundSettings,
  type PlaygroundState,
  type RunId,
} from './playground';

export const selectIsPlaying = (s: PlaygroundState) => s.playback === 'playing';
export const selectIsFinished = (s: PlaygroundState) => s.playback === 'finished';
export const selectEpoch = (s: PlaygroundState) => s.epoch;
export const selectSampleCursor = (s: PlaygroundState) => s.sampleCursor;
export const selectTotalEpochs = (s: PlaygroundState) => s.settings.epochs;
export const selectLearningRate = (s: PlaygroundState) => s.settings.lr;
export const selectInitialW = (s: PlaygroundState) => s.settings.w0;
export const selectSpeed = (s: PlaygroundState) => s.settings.speed;
export const selectXs = (s: PlaygroundState) => s.settings.xs;
export const selectYs = (s: PlaygroundState) => s.settings.ys;
export const selectModel = (s: PlaygroundState) => s.settings.model;
export const selectPredictX = (s: PlaygroundState) => s.settings.predictX;
export const selectLimits = (s: PlaygroundState) => s.limits;
export const selectPins = (s: PlaygroundState) => s.pins;
export const selectShowMinibatch = (s: PlaygroundState) => s.settings.showMinibatch;
export const selectBatchSize = (s: PlaygroundState) => s.settings.batchSize;
export const selectShuffle = (s: PlaygroundState) => s.settings.shuffle;
export const selectSeed = (s: PlaygroundState) => s.settings.seed;
export const selectInitialB = (s: PlaygroundState) => s.settings.b0;
export const selectFieldErrors = (s: PlaygroundState) => s.fieldErrors;
export const selectRun = (id: RunId) => (s: PlaygroundState) => s.runs[id];
export const selectSgdCanStepSample = (s: PlaygroundState) =>
  s.playback !== 'finished' && s.runs.sgd.status !== 'diverged';

/** The actions, which never change: selecting them never re-renders. */
export const selectActions = (s: PlaygroundState) => s.actions;

export type RunHealth = 'converging' | 'diverging' | 'diverged';

/**
 * A run's health: 'diverged' once a value overflowed; 'diverging' while the learning rate is past
 * the stability limit and the cost has started to grow; 'converging' otherwise.
 */
export function runHealth(run: RunState, limit: number): RunHealth {
  if (run.status === 'diverged') return 'diverged';
  // At the limit itself GD oscillates forever; rounding there must not read as divergence.
  if (run.setup.lr <= limit * (1 + 1e-9) || run.trace.length === 0) return 'converging';
  const costs = traceColumn(run.trace, 'cost');
  const last = costs[costs.length - 1]!;
  const previous =
    costs.length > 1 ? costs[costs.length - 2]! : cost(run.setup.model, run.setup.init, run.setup.data);
  return last > previous ? 'diverging' : 'converging';
}

/** What a run's readout shows, computed from the state in one place. */
export interface RunReadout {
  readonly epoch: number;
  readonly updates: number;
  readonly params: Params;
  /** The loss the lecture prints for the last completed epoch (null before the first). */
  readonly printedLoss: number | null;
  /** Full-dataset cost at the displayed parameters. */
  readonly cost: number;
  readonly predictBefore: number;
  readonly predictNow: number;
  readonly health: RunHealth;
  /** The epoch in which a value overflowed, 0-based as the core and the lecture count (its `epoch: k`). */
  readonly divergedAtEpoch: number | null;
  /**
   * The same epoch as the app counts, 1-based: "diverged in epoch k" means the k-th epoch, the one after
   * the k − 1 the run completed (divergedAtEpoch + 1). Prose uses this one.
   */
  readonly divergedInEpoch: number | null;
  readonly limit: number;
}

export function runReadout(s: PlaygroundState, id: RunId): RunReadout {
  const run = s.runs[id];
  const { data, model, init, optimizer } = run.setup;
  const params = displayedParams(s, id);
  const inEpoch = id === 'sgd' ? s.sampleCursor : 0;
  const last = run.trace.length - 1;
  return {
    epoch: run.epoch,
    updates: run.epoch * updatesPerEpoch(optimizer, data.xs.length) + inEpoch,
    params,
    printedLoss: epochRecord(run.trace, last)?.printedLoss ?? null,
    cost: cost(model, params, data),
    predictBefore: predict(model, init, s.settings.predictX),
    predictNow: predict(model, params, s.settings.predictX),
    health: runHealth(run, s.limits[id]),
    divergedAtEpoch: run.divergedAtEpoch,
    divergedInEpoch: run.divergedAtEpoch === null ? null : run.divergedAtEpoch + 1,
    limit: s.limits[id],
  };
}

/** The settings a run's regime depends on (the data's y values do not change the curvature). */
function regimeInputs(id: RunId, settings: PlaygroundSettings): readonly unknown[] {
  const { xs, model, lr, shuffle, seed, batchSize } = settings;
  if (id === 'gd') return [xs, model, lr];
  // The seed only matters when the order is shuffled.
  const order = shuffle ? [true, seed] : [false];
  return id === 'sgd' ? [xs, model, lr, ...order] : [xs, model, lr, batchSize, ...order];
}

/**
 * A selector of one run's learning-rate regime, computed only when a setting it depends on changes:
 * the same object otherwise, so a component selecting it renders once per settings change, not per
 * animation frame.
 */
function regimeSelector(id: RunId): (s: PlaygroundState) => LearningRateRegime {
  let lastSettings: PlaygroundSettings | null = null;
  let lastInputs: readonly unknown[] = [];
  let lastRegime: LearningRateRegime | null = null;
  return (s) => {
    if (s.settings === lastSettings && lastRegime) return lastRegime;
    const inputs = regimeInputs(id, s.settings);
    lastSettings = s.settings;
    if (lastRegime && inputs.length === lastInputs.length && inputs.every((v, i) => v === lastInputs[i]))
      return lastRegime;
    const { xs, ys, model, lr } = s.settings;
    const regime = learningRateRegime(model, { xs, ys }, optimizerFor(id, s.settings), lr);
    lastInputs = inputs;
    // Other inputs, same regime (another seed that happens to agree): keep the object React has.
    if (lastRegime?.kind !== regime.kind || !Object.is(lastRegime.factor, regime.factor)) lastRegime = regime;
    return lastRegime;
  };
}

const REGIME_SELECTORS: Readonly<Record<RunId, (s: PlaygroundState) => LearningRateRegime>> = {
  gd: regimeSelector('gd'),
  sgd: regimeSelector('sgd'),
  minibatch: regimeSelector('minibatch'),
};

/**
 * What the current learning rate will do to run `id` (learningRateRegime of its data, model, order
 * and batch size), memoised: the same selector and the same result object until one of those changes.
 */
export const selectRegime = (id: RunId): ((s: PlaygroundState) => LearningRateRegime) => REGIME_SELECTORS[id];
