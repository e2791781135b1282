/**
 * The optimizer stepper. One loop (optimizers/train.ts) serves every optimizer: an epoch visits the
 * data set in batches of B samples (in data-set order, or a seeded shuffle) and takes one step per
 * batch, θ ← θ − α·∇ or an update rule's (momentum, Adam, …). B = n is the lecture's gradient
 * descent, B = 1 its stochastic gradient descent, anything between is mini-batch. The lecture's own
 * two runs (y = w·x, data-set order, no rule) also have a loop each of their own, written for speed,
 * that computes the same floats (optimizers/kernels.ts).
 */
import type { Dataset } from './dataset';
import { batchLoss, cost, type ModelKind, type Params } from './model';
import { epochSeed, mulberry32, permutation } from './random';
import { emptyTrace, epochRecord, markWritten, stateAfterEpoch, type Trace, writableBuffers } from './trace';
import { gdEpochs, sgdEpochs } from './optimizers/kernels';
import { type Samples, type Stretch, train } from './optimizers/train';
import type { HyperValues, UpdateRule } from './optimizers/types';

/** Which optimizer: the lecture's two, or mini-batch with a batch size between them. */
export type OptimizerKind = 'gd' | 'sgd' | 'minibatch';

export interface OptimizerSpec {
  readonly kind: OptimizerKind;
  /** Samples per update for 'minibatch' (clamped to 1…n); ignored by 'gd' (n) and 'sgd' (1). */
  readonly batchSize?: number;
  /** Visit the samples in a fresh seeded order each epoch instead of data-set order. */
  readonly shuffle?: boolean;
  readonly seed?: number;
  /** The update each batch makes beyond θ ← θ − α·g (momentum, Adam, …); none: θ ← θ − α·g. */
  readonly rule?: UpdateRule;
  /** The rule's hyperparameters (those missing take the rule's defaults). */
  readonly hyper?: HyperValues;
}

/** Everything that determines a run. */
export interface TrainingSetup {
  readonly data: Dataset;
  readonly model: ModelKind;
  readonly init: Params;
  readonly lr: number;
  readonly optimizer: OptimizerSpec;
  /**
   * Stop at the first non-finite value (the app), or carry on through inf and nan as Python does with
   * a correctly rounded square (the transcript). Default: stop.
   */
  readonly haltOnDivergence?: boolean;
}

export type RunStatus = 'running' | 'diverged';

/** A run: its setup, where it stands, and its per-epoch history. */
export interface RunState {
  readonly setup: TrainingSetup;
  /** Epochs completed. */
  readonly epoch: number;
  readonly params: Params;
  readonly status: RunStatus;
  /** The epoch (0-based) in which a value first stopped being finite; null while all are finite. */
  readonly divergedAtEpoch: number | null;
  readonly trace: Trace;
  /**
   * The update rule's state after the completed epochs (before the diverging epoch of a halted run):
   * `stateSize` floats for w, then as many for b under y = w·x + b. Absent or null without a rule.
   * Never written once the run exists (advance works on a copy).
   */
  readonly optimizerState?: Float64Array | null;
}

/** One parameter update inside an epoch, for the step-by-sample view. */
export interface SampleUpdate {
  /** Position of the update within its epoch (0-based). */
  readonly step: number;
  /** The samples of this update's batch (data-set indices); one index for SGD. */
  readonly indices: readonly number[];
  /** The (mean) gradient used: ∂/∂w and ∂/∂b. */
  readonly gradient: Params;
  readonly before: Params;
  readonly after: Params;
  /** The batch's mean loss at `after` (for SGD the lecture's `l`). */
  readonly lossAfter: number;
  /** With an update rule: the update's number t (from 1) and the rule's state around it (as optimizerState). */
  readonly state?: { readonly t: number; readonly before: Float64Array; readonly after: Float64Array };
}

/** Samples per update: n for GD, 1 for SGD, the clamped batch size for mini-batch. */
export function batchSizeOf(optimizer: OptimizerSpec, n: number): number {
  if (optimizer.kind === 'gd') return n;
  if (optimizer.kind === 'sgd') return 1;
  return Math.min(n, Math.max(1, Math.floor(optimizer.batchSize ?? 1)));
}

/** Updates per epoch: ⌈n / B⌉ (the last batch may be short, like a DataLoader without drop_last). */
export function updatesPerEpoch(optimizer: OptimizerSpec, n: number): number {
  return Math.ceil(n / batchSizeOf(optimizer, n));
}

/** The sample order of epoch `epoch`: 0…n−1, or a permutation seeded by (seed, epoch). */
export function epochOrder(optimizer: OptimizerSpec, n: number, epoch: number): number[] {
  if (!optimizer.shuffle || optimizer.kind === 'gd') return Array.from({ length: n }, (_, i) => i);
  return permutation(n, mulberry32(epochSeed(optimizer.seed ?? 0, epoch)));
}

/** Unshuffled batches never change: they are made once per optimizer and data size. */
const fixedBatches = new WeakMap<OptimizerSpec, Map<number, number[][]>>();

/** The batches of epoch `epoch`: consecutive slices of size B of its sample order. */
export function epochBatches(optimizer: OptimizerSpec, n: number, epoch: number): number[][] {
  if (!optimizer.shuffle || optimizer.kind === 'gd') {
    let bySize = fixedBatches.get(optimizer);
    if (!bySize) fixedBatches.set(optimizer, (bySize = new Map()));
    let batches = bySize.get(n);
    if (!batches) bySize.set(n, (batches = sliceBatches(optimizer, n, epoch)));
    return batches;
  }
  return sliceBatches(optimizer, n, epoch);
}

function sliceBatches(optimizer: OptimizerSpec, n: number, epoch: number): number[][] {
  const order = epochOrder(optimizer, n, epoch);
  const size = batchSizeOf(optimizer, n);
  const batches: number[][] = [];
  for (let start = 0; start < n; start += size) batches.push(order.slice(start, start + size));
  return batches;
}

/** A fresh run at epoch 0, θ = θ₀. */
export function startRun(setup: TrainingSetup): RunState {
  const { data, model, optimizer } = setup;
  const n = data.xs.length;
  // The last batch of an unshuffled epoch is always the same samples.
  const lastBatch =
    optimizer.kind !== 'gd' && !optimizer.shuffle && n > 0 ? epochBatches(optimizer, n, 0).at(-1)! : null;
  const optimizerState = initialOptimizerState(setup);
  return {
    setup,
    epoch: 0,
    params: setup.init,
    status: 'running',
    divergedAtEpoch: null,
    ...(optimizerState ? { optimizerState } : {}),
    // b under y = w·x and the printed loss are derived, not stored, where they can be (a million
    // epochs, 8 MB less each): GD prints the previous epoch's cost, SGD and mini-batch in data-set
    // order the loss of their fixed last batch at θ after the epoch.
    trace: emptyTrace({
      bias: model === 'wb',
      fixedB: setup.init.b,
      printedLossFromCost: optimizer.kind === 'gd' ? cost(model, setup.init, data) : undefined,
      printedLossOfParams: lastBatch ? (w, b) => batchLoss(model, { w, b }, data, lastBatch) : undefined,
      stateStride: optimizerState?.length ?? 0,
    }),
  };
}

/** Parameters an update rule keeps state for: w, and b under y = w·x + b. */
const parameterCount = (model: ModelKind): number => (model === 'w' ? 1 : 2);

/** A rule's state before the first update: its initialState (or zeros) for w, then for b. */
function initialOptimizerState(setup: TrainingSetup): Float64Array | null {
  const { rule, hyper } = setup.optimizer;
  if (!rule) return null;
  const share = rule.initialState?.(hyper ?? {}) ?? new Array<number>(rule.stateSize).fill(0);
  const state = new Float64Array(rule.stateSize * parameterCount(setup.model));
  for (let at = 0; at < state.length; at += rule.stateSize) state.set(share, at);
  return state;
}

/** Total parameter updates after `epochs` epochs: epochs × ⌈n/B⌉. */
export function updatesAfter(run: RunState, epochs: number = run.epoch): number {
  return epochs * updatesPerEpoch(run.setup.optimizer, run.setup.data.xs.length);
}

/** The data set copied into Float64Arrays: (xᵢ, yᵢ) for i = 0…n−1. */
function samplesOf(data: Dataset): Samples {
  return {
    xs: Float64Array.from(data.xs),
    ys: Float64Array.from(data.ys),
    order: Array.from(data.xs, (_, i) => i),
  };
}

/**
 * Sample visits per call of a loop: advance() calls them in slices of about this many, so that V8
 * soon compiles them as whole functions (w unboxed) rather than only replacing a long first call's
 * frame mid-loop (on-stack replacement), whose code boxes w on every epoch.
 */
const SLICE = 8192;

/**
 * Advances a run by up to `epochs` epochs: (run, epochs) → run. A run that halts on divergence stops
 * at the first epoch that produces a non-finite value; that epoch is not recorded, so everything in
 * the history (and on screen) is finite. The history before it is kept.
 */
export function advance(run: RunState, epochs: number): RunState {
  const { setup } = run;
  const halts = setup.haltOnDivergence ?? true;
  if (epochs <= 0 || (halts && run.status === 'diverged')) return run;
  const buffers = writableBuffers(run.trace, epochs);
  const samples = samplesOf(setup.data);
  const n = samples.xs.length;
  const { optimizer } = setup;
  // The lecture's y = w·x with GD, or SGD in data-set order, while all is finite: kernels.ts.
  // Everything else (y = w·x + b, shuffles, batches of several samples, update rules, a run past its
  // divergence): the general loop.
  const kernel =
    setup.model !== 'w' || n === 0 || buffers.b !== null || !Number.isFinite(run.params.b) || optimizer.rule
      ? null
      : optimizer.kind === 'gd'
        ? gdEpochs
        : !optimizer.shuffle && batchSizeOf(optimizer, n) === 1
          ? sgdEpochs
          : null;
  const batchSize = batchSizeOf(optimizer, n);
  // The rule's state as train() updates it in place: a copy, so that `run` keeps its own.
  const state = run.optimizerState ? run.optimizerState.slice() : null;
  const slice = Math.max(1, Math.floor(SLICE / Math.max(n, 1)));
  const target = run.epoch + epochs;
  let stretch: Stretch = run;
  // The slices start at one epoch and double: each loop runs all the way through, its exit included,
  // a few times before V8 compiles it. (V8 only collects type feedback from a function's first few
  // calls on; code compiled mid-loop without feedback for the loop's exit drops back to the
  // interpreter there, on every later call.)
  let size = 1;
  while (stretch.epoch < target && !(halts && stretch.status === 'diverged')) {
    const from = stretch.epoch;
    const to = Math.min(target, from + size);
    size = Math.min(slice, 2 * size);
    if (kernel && stretch.status === 'running') {
      const reached = kernel(samples.xs, samples.ys, setup.lr, stretch.params.w, from, to, buffers);
      markWritten(buffers, reached);
      const params = reached === from ? stretch.params : { w: buffers.w[reached - 1]!, b: stretch.params.b };
      stretch =
        reached === to
          ? { params, epoch: reached, status: 'running', divergedAtEpoch: null }
          : { params, epoch: reached, status: 'diverged', divergedAtEpoch: reached };
    } else {
      stretch = train(setup, samples, batchSize, stretch.params, state, from, to - from, stretch, {
        buffers,
      });
    }
  }
  const { params, epoch, status, divergedAtEpoch } = stretch;
  if (epoch === run.epoch && status === run.status) return run;
  const trace = { length: epoch, buffers };
  return {
    ...run,
    epoch,
    params,
    status,
    divergedAtEpoch,
    trace,
    ...(state ? { optimizerState: state } : {}),
  };
}

/** θ at the start of epoch `epoch`: θ₀ for epoch 0, else the recorded θ after epoch − 1. */
export function paramsBeforeEpoch(run: RunState, epoch: number): Params {
  if (epoch <= 0) return run.setup.init;
  const record = epochRecord(run.trace, epoch - 1);
  return record ? { w: record.w, b: record.b } : run.params;
}

/**
 * The update rule's state at the start of epoch `epoch` (after `epoch` epochs): the initial state for
 * epoch 0, else the state recorded after epoch − 1; the run's current state past its history. A
 * fresh copy; null without a rule.
 */
export function stateBeforeEpoch(run: RunState, epoch: number): Float64Array | null {
  if (!run.optimizerState) return null;
  if (epoch <= 0) return initialOptimizerState(run.setup);
  return stateAfterEpoch(run.trace, epoch - 1)?.slice() ?? run.optimizerState.slice();
}

/** One parameter's share of a rule's state, by the rule's names for it (e.g. { velocity: 0.3 }). */
export type NamedState = Readonly<Record<string, number>>;

/** The state of a run's update rule for each parameter: w's, and b's under y = w·x + b. */
export interface OptimizerStateReadout {
  readonly w: NamedState;
  readonly b: NamedState | null;
}

/**
 * A rule's state (a run's optimizerState, or an update's state.before/after) named per parameter:
 * `stateSize` floats for w, then for b under y = w·x + b.
 */
export function namedOptimizerState(
  rule: UpdateRule,
  model: ModelKind,
  state: Float64Array,
): OptimizerStateReadout {
  const share = (at: number): NamedState =>
    Object.fromEntries(rule.stateNames.map((name, i) => [name, state[at + i]!]));
  return { w: share(0), b: model === 'w' ? null : share(rule.stateSize) };
}

/**
 * The rule's state after `epoch` epochs (default: the run's current epoch), named per parameter:
 * velocity v (momentum, Nesterov), squareAvg (RMSprop), sum (AdaGrad), expAvg m, expAvgSq v and the
 * running powers β₁ᵗ, β₂ᵗ (Adam). null for a run without a rule.
 */
export function optimizerStateOf(run: RunState, epoch: number = run.epoch): OptimizerStateReadout | null {
  const { rule } = run.setup.optimizer;
  const state = stateBeforeEpoch(run, Math.min(Math.max(0, Math.floor(epoch)), run.epoch));
  return rule && state ? namedOptimizerState(rule, run.setup.model, state) : null;
}

/**
 * Every update of epoch `epoch`, replayed from the recorded θ (and the rule's recorded state) at its
 * start. The arithmetic is the same code, so the replay is bit-identical to the run; recomputing
 * keeps memory at one record per epoch instead of one per sample (a rule's state is recorded per
 * epoch for this: a few floats an epoch, where replaying from epoch 0 would cost O(epoch) a call).
 * Valid for recorded epochs and for the next one (the step-by-sample view walks through it before it
 * is recorded).
 */
export function epochUpdates(run: RunState, epoch: number): SampleUpdate[] {
  if (!Number.isInteger(epoch) || epoch < 0 || epoch > run.trace.length) return [];
  const updates: SampleUpdate[] = [];
  const running = { status: 'running' as const, divergedAtEpoch: null };
  const { setup } = run;
  const n = setup.data.xs.length;
  const state = stateBeforeEpoch(run, epoch);
  train(
    setup,
    samplesOf(setup.data),
    batchSizeOf(setup.optimizer, n),
    paramsBeforeEpoch(run, epoch),
    state,
    epoch,
    1,
    running,
    {
      buffers: null,
      onUpdate: (update) => updates.push(update),
    },
  );
  return updates;
}
