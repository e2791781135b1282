/**
 * Named selectors: each component subscribes to exactly the slice it shows. Selectors returning
 * primitives or stored references keep React from re-rendering on unrelated changes.
 */
import {
  cost,
  epochOrder,
  epochUpdates,
  optimizerStateOf,
  type OptimizerStateReadout,
  epochRecord,
  learningRateRegime,
  optimizerEntry,
  predict,
  traceColumn,
  updatesAfter,
  type LearningRateRegime,
  type Params,
  type RunState,
  type SampleUpdate,
} from '../core';
import {
  displayedParams,
  isSampleStepped,
  LEAD_FRAME_SPEED,
  optimizerFor,
  sampleSteppedRun,
  shownRunIds,
  type PlaygroundSettings,
  type PlaygroundState,
  type RunId,
} from './playground';

export const selectIsPlaying = (s: PlaygroundState) => s.playback === 'playing';
export const selectIsFinished = (s: PlaygroundState) => s.playback === 'finished';

/*
 * The readout cadence. While the clock moves on every frame (from 60 epochs/s up) and the frames
 * come fast (over 20 a second: FAST_FRAME_MS), the numbers written into the page by the store (the
 * clock, the counters, a rule's state) change on every other frame, and the loss chart's lines move
 * on the frames between. Digits that change 60 times a second read no better than at 30, and each
 * change lays out and repaints its box, after which the browser hit-tests the page again for the
 * mouse: a frame now does half of that work, and the lines never redraw on a frame that writes the
 * numbers. Play, the first moving frame after a still or a slow one, and every update while the clock
 * stands (a pause, the end, a step) show everything at once. Only the moment shown lags, by one frame
 * at most: every number is exact for its epoch.
 *
 * A fast play starts with a lead frame (`leadFrame`, from 60 epochs/s): its first moving frame draws
 * the runs' pictures (the landscapes) only, the next one the lines, the one after the numbers, and
 * then the cadence above. That first frame runs every chart's drawing code for the first time; with
 * everything in it, it took 50–70 ms on a school laptop, a visible hitch as the runs set off. The
 * numbers then lag by two frames, once.
 */
/**
 * Whether the clock moves on every frame and the frames come fast: the readout cadence is on, and
 * marks that would step aside for the ball (the landscape's path numbers) hold still instead.
 */
export const selectIsFastPlay = (s: PlaygroundState) =>
  s.playback === 'playing' && (s.movingFrames >= 2 || s.leadFrame);
/**
 * Whether the runs play at a speed that moves the clock on every frame of 60 Hz (LEAD_FRAME_SPEED):
 * unlike selectIsFastPlay, it stays true through a slow frame.
 */
export const selectIsPlayingEveryFrame = (s: PlaygroundState) =>
  s.playback === 'playing' && s.settings.speed >= LEAD_FRAME_SPEED;
/** Whether the numbers written into the page show this update (see the readout cadence above). */
export const selectIsTextFrame = (s: PlaygroundState) =>
  !selectIsFastPlay(s) || (s.movingFrames % 2 === 1 && !s.leadFrame);
/** Whether the loss chart's lines follow this update (see the readout cadence above). */
export const selectIsLineFrame = (s: PlaygroundState) => !selectIsFastPlay(s) || s.movingFrames % 2 === 0;
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
export const selectThird = (s: PlaygroundState) => s.settings.third;
export const selectHyper = (s: PlaygroundState) => s.settings.hyper;
export const selectBatchSize = (s: PlaygroundState) => s.settings.batchSize;
export const selectShuffle = (s: PlaygroundState) => s.settings.shuffle;
export const selectSeed = (s: PlaygroundState) => s.settings.seed;
export const selectInitialB = (s: PlaygroundState) => s.settings.b0;
export const selectFieldErrors = (s: PlaygroundState) => s.fieldErrors;
/**
 * Run `id`. Only shown runs have panels, and a panel renders from the same snapshot as the list that
 * made it, so the run is there; GD stands in for a run that is not (never drawn) to keep types simple.
 */
export const runOf = (s: PlaygroundState, id: RunId): RunState => s.runs[id] ?? s.runs.gd;
/** One selector per run id, made once by `make`: components pass it straight to the store hooks. */
function perRun<T>(make: (id: RunId) => (s: PlaygroundState) => T): (id: RunId) => (s: PlaygroundState) => T {
  const made = new Map<RunId, (s: PlaygroundState) => T>();
  return (id) => {
    let selector = made.get(id);
    if (!selector) made.set(id, (selector = make(id)));
    return selector;
  };
}
/** The selector of run `id`. */
export const selectRun = perRun((id) => (s) => runOf(s, id));

/** Updates run `id` has made: ⌈n/B⌉ per epoch, and the samples taken into the next one by "Step one sample". */
function runUpdates(s: PlaygroundState, id: RunId): number {
  return updatesAfter(runOf(s, id)) + (isSampleStepped(s, id) ? s.sampleCursor : 0);
}

/** Run `id`'s epochs and updates, for its live counters. */
export const selectRunEpoch = perRun((id) => (s) => runOf(s, id).epoch);
export const selectRunUpdates = perRun((id) => (s) => runUpdates(s, id));
/** The updates run `id` will have made when the clock reaches its last epoch. */
export const selectRunTotalUpdates = perRun((id) => (s) => updatesAfter(runOf(s, id), s.settings.epochs));

/** The runs on screen, in display order (the same array while the third run stays). */
export const selectShownRunIds = (s: PlaygroundState) => shownRunIds(s.settings.third);
export const selectSgdCanStepSample = (s: PlaygroundState) => {
  const stepped = sampleSteppedRun(s.runs);
  return s.playback !== 'finished' && stepped !== null && stepped.status !== 'diverged';
};
/** Whether run `id` takes one update per sample, so the sample cursor walks through its epoch. */
export const selectIsSampleStepped = (id: RunId) => (s: PlaygroundState) => isSampleStepped(s, id);
/** The per-sample cursor as run `id` sees it: 0 for runs it does not move. */
export const selectCursorOf = (id: RunId) => (s: PlaygroundState) =>
  isSampleStepped(s, id) ? s.sampleCursor : 0;
/** The replayed updates of the epoch in progress as run `id` sees them: none for runs the cursor does not move. */
export const selectPendingOf = (id: RunId) => (s: PlaygroundState) =>
  isSampleStepped(s, id) ? s.pendingUpdates : NO_UPDATES;
const NO_UPDATES: readonly SampleUpdate[] = [];

/** The actions, which never change: selecting them never re-renders. */
export const selectActions = (s: PlaygroundState) => s.actions;

export type RunHealth = 'converging' | 'diverging' | 'diverged';

/**
 * A run's health: 'diverged' once a value overflowed; 'diverging' while the learning rate is past
 * the stability limit and the cost has started to grow; 'converging' otherwise.
 */
export function runHealth(run: RunState, limit: number | null): RunHealth {
  if (run.status === 'diverged') return 'diverged';
  // At the limit itself GD oscillates forever; rounding there must not read as divergence. Without a
  // fixed limit (adaptive methods) only an overflow counts.
  if (limit === null || run.setup.lr <= limit * (1 + 1e-9) || run.trace.length === 0) return 'converging';
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
  /** The run's stability limit; null when it has no fixed one. */
  readonly limit: number | null;
}

/**
 * Each run's readout of the last state asked: on one frame its readout line and its details read
 * several numbers of it (the cost, the printed loss, the predictions).
 */
const lastReadouts = new Map<RunId, { readonly state: PlaygroundState; readonly readout: RunReadout }>();

export function runReadout(s: PlaygroundState, id: RunId): RunReadout {
  const last = lastReadouts.get(id);
  if (last?.state === s) return last.readout;
  const readout = makeReadout(s, id);
  lastReadouts.set(id, { state: s, readout });
  return readout;
}

function makeReadout(s: PlaygroundState, id: RunId): RunReadout {
  const run = runOf(s, id);
  const { data, model, init } = run.setup;
  const params = displayedParams(s, id);
  const last = run.trace.length - 1;
  return {
    epoch: run.epoch,
    updates: runUpdates(s, id),
    params,
    printedLoss: epochRecord(run.trace, last)?.printedLoss ?? null,
    cost: cost(model, params, data),
    predictBefore: predict(model, init, s.settings.predictX),
    predictNow: predict(model, params, s.settings.predictX),
    health: runHealth(run, s.limits[id] ?? null),
    divergedAtEpoch: run.divergedAtEpoch,
    divergedInEpoch: run.divergedAtEpoch === null ? null : run.divergedAtEpoch + 1,
    limit: s.limits[id] ?? null,
  };
}

/**
 * What run `id`'s readout line says when it stops (pass it through useShallow): null while the runs
 * play, when its numbers and counters follow the clock by themselves (StoreLiveNumber, Counter), so
 * that a frame leaves the line's React render alone.
 */
export const selectRunLine = (id: RunId) => (s: PlaygroundState) => {
  if (s.playback === 'playing') return null;
  const readout = runReadout(s, id);
  return {
    w: readout.params.w,
    printedLoss: readout.printedLoss,
    health: readout.health,
    divergedInEpoch: readout.divergedInEpoch,
    epoch: readout.epoch,
    updates: readout.updates,
  };
};
/** Run `id`'s cost on all data at the parameters shown (its readout line's last number). */
export const selectRunCost = (id: RunId) => (s: PlaygroundState) => runReadout(s, id).cost;
/**
 * What run `id`'s details under the picture show (RunDetails writes each by itself): the printed loss and
 * the predictions, which stand still once the run has settled while its epoch counts on.
 */
export const selectRunDetails = (id: RunId) => (s: PlaygroundState) => {
  const { printedLoss, predictBefore, predictNow } = runReadout(s, id);
  return { printedLoss, predictBefore, predictNow };
};
/** What run `id`'s warning line needs (pass it through useShallow): its health, where it diverged, its limit. */
export const selectRunHealth = (id: RunId) => (s: PlaygroundState) => {
  const readout = runReadout(s, id);
  return { health: readout.health, divergedInEpoch: readout.divergedInEpoch, limit: readout.limit };
};

/** The settings a run's regime depends on (the data's y values do not change the curvature). */
function regimeInputs(id: RunId, settings: PlaygroundSettings): readonly unknown[] {
  const { xs, model, lr } = settings;
  const { kind, shuffle, seed, batchSize, hyper } = optimizerFor(id, settings);
  // The seed only matters when the order is shuffled.
  return [
    xs,
    model,
    lr,
    kind,
    batchSize,
    shuffle === true,
    shuffle ? seed : 0,
    ...Object.values(hyper ?? {}),
  ];
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
    const entryRegime = optimizerEntry(id).regime ?? learningRateRegime;
    const regime = entryRegime(model, { xs, ys }, optimizerFor(id, s.settings), lr);
    lastInputs = inputs;
    // Other inputs, same regime (another seed that happens to agree): keep the object React has.
    if (lastRegime?.kind !== regime.kind || !Object.is(lastRegime.factor, regime.factor)) lastRegime = regime;
    return lastRegime;
  };
}

const REGIME_SELECTORS = new Map<RunId, (s: PlaygroundState) => LearningRateRegime>();

/**
 * What the current learning rate will do to run `id` (learningRateRegime of its data, model, order
 * and batch size), memoised: the same selector and the same result object until one of those changes.
 */
export function selectRegime(id: RunId): (s: PlaygroundState) => LearningRateRegime {
  let selector = REGIME_SELECTORS.get(id);
  if (!selector) REGIME_SELECTORS.set(id, (selector = regimeSelector(id)));
  return selector;
}

/** The w run `id` shows now (mid-epoch, the per-sample run's after the cursor). */
export const selectShownW = (id: RunId) => (s: PlaygroundState) => displayedParams(s, id).w;
/** The b run `id` shows now. */
export const selectShownB = (id: RunId) => (s: PlaygroundState) => displayedParams(s, id).b;
/** Whether run `id` has overflowed. */
export const selectDiverged = (id: RunId) => (s: PlaygroundState) => runOf(s, id).status === 'diverged';

/**
 * The sample the per-sample run's latest update used (a number, so it never re-renders for
 * nothing): mid-epoch the cursor's last update, pendingUpdates[sampleCursor − 1].indices[0]; between
 * epochs the last sample of the last completed epoch (data-set order: n − 1); null before the first
 * update and for runs that do not step by sample.
 */
export function latestSample(s: PlaygroundState, id: RunId): number | null {
  if (!isSampleStepped(s, id)) return null;
  if (s.sampleCursor > 0) return s.pendingUpdates[s.sampleCursor - 1]?.indices[0] ?? null;
  const run = runOf(s, id);
  if (run.epoch === 0) return null;
  const n = run.setup.data.xs.length;
  // Without shuffling the order is 0…n−1; skip building it on every store update.
  if (!run.setup.optimizer.shuffle) return n - 1;
  return epochOrder(run.setup.optimizer, n, run.epoch - 1)[n - 1] ?? null;
}

/**
 * The update the per-sample run's latest "Step one sample" made (the store's own object, so it
 * never re-renders for nothing); null between epochs and for the other runs.
 */
export function latestUpdate(s: PlaygroundState, id: RunId): SampleUpdate | null {
  if (!isSampleStepped(s, id) || s.sampleCursor === 0) return null;
  return s.pendingUpdates[s.sampleCursor - 1] ?? null;
}

/** The parameters run `id` shows now. */
export const selectShownParams = (id: RunId) => (s: PlaygroundState) => displayedParams(s, id);

const NEXT_UPDATES = new WeakMap<RunState, SampleUpdate | null>();
/**
 * The update a run with an update rule takes next, from where it stands (its next epoch's first
 * update, replayed with the run's own arithmetic); null for plain gradient descent, whose next step
 * the tangent already shows, and once it diverged. One object per run state.
 */
export function nextRuleUpdate(run: RunState): SampleUpdate | null {
  if (!run.setup.optimizer.rule || run.status === 'diverged') return null;
  let update = NEXT_UPDATES.get(run);
  if (update === undefined) {
    update = epochUpdates(run, run.epoch)[0] ?? null;
    NEXT_UPDATES.set(run, update);
  }
  return update;
}
export const selectNextRuleUpdate = (id: RunId) => (s: PlaygroundState) => nextRuleUpdate(runOf(s, id));

const STATE_READOUTS = new WeakMap<RunState, OptimizerStateReadout | null>();
/** The state of run `id`'s update rule where it stands (velocity, moment estimates), one object per run state. */
export const selectOptimizerState = (id: RunId) => (s: PlaygroundState) => {
  const run = runOf(s, id);
  let readout = STATE_READOUTS.get(run);
  if (readout === undefined) {
    readout = optimizerStateOf(run);
    STATE_READOUTS.set(run, readout);
  }
  return readout;
};
/** Which parameters run `id`'s update rule keeps state for: 'w', 'wb' under y = w·x + b, null without a rule. */
export const selectStateParams = perRun((id) => (s) => {
  const state = selectOptimizerState(id)(s);
  return state === null ? null : state.b === null ? 'w' : 'wb';
});
const STATE_VALUES = new Map<string, (s: PlaygroundState) => number | undefined>();
/**
 * One value of run `id`'s rule state (undefined where there is none): `name` (as in the rule's
 * stateNames) of parameter `param`. One selector per key, so that a store writer keeps it.
 */
export function selectStateValue(
  id: RunId,
  param: 'w' | 'b',
  name: string,
): (s: PlaygroundState) => number | undefined {
  const key = `${id}/${param}/${name}`;
  let select = STATE_VALUES.get(key);
  if (select === undefined) {
    select = (s) => selectOptimizerState(id)(s)?.[param]?.[name];
    STATE_VALUES.set(key, select);
  }
  return select;
}
/** Run `id`'s update rule (momentum's, Adam's…), undefined for plain gradient descent. */
export const selectRule = (id: RunId) => (s: PlaygroundState) => runOf(s, id).setup.optimizer.rule;
