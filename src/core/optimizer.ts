/**
 * The optimizer stepper. One loop serves every optimizer: an epoch visits the data set in batches of
 * B samples (in data-set order, or a seeded shuffle) and takes one step θ ← θ − α·∇ per batch.
 * B = n is the lecture's gradient descent, B = 1 its stochastic gradient descent, anything between
 * is mini-batch.
 */
import type { Dataset } from './dataset';
import { batchGradient, batchLoss, cost, descend, type ModelKind, type Params } from './model';
import { epochSeed, mulberry32, permutation } from './random';
import { emptyTrace, epochRecord, type Trace, writableBuffers, writeEpoch } from './trace';

/** Which optimizer: the lecture's two, or mini-batch with a batch size between them. */
export type OptimizerKind = 'gd' | 'sgd' | 'minibatch';

export interface OptimizerSpec {
  readonly kind: OptimizerKind;
  /** Samples per update for 'minibatch' (clamped to 1…n); ignored by 'gd' (n) and 'sgd' (1). */
  readonly batchSize?: number;
  /** Visit the samples in a fresh seeded order each epoch instead of data-set order. */
  readonly shuffle?: boolean;
  readonly seed?: number;
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
  return {
    setup,
    epoch: 0,
    params: setup.init,
    status: 'running',
    divergedAtEpoch: null,
    // GD's printed loss and b under y = w·x are derived, not stored (a million epochs, 16 MB less).
    trace: emptyTrace({
      bias: setup.model === 'wb',
      fixedB: setup.init.b,
      printedLossFromCost:
        setup.optimizer.kind === 'gd' ? cost(setup.model, setup.init, setup.data) : undefined,
    }),
  };
}

/** Total parameter updates after `epochs` epochs: epochs × ⌈n/B⌉. */
export function updatesAfter(run: RunState, epochs: number = run.epoch): number {
  return epochs * updatesPerEpoch(run.setup.optimizer, run.setup.data.xs.length);
}

interface EpochResult {
  readonly params: Params;
  readonly printedLoss: number;
  readonly cost: number;
  readonly finite: boolean;
}

const isFiniteParams = (p: Params): boolean => Number.isFinite(p.w) && Number.isFinite(p.b);

/**
 * One epoch from θ: for each batch B, θ ← θ − α·(1/|B|)·Σ_{i∈B} ∇ℓᵢ(θ).
 * The printed loss follows the lecture: GD prints cost(θ) before its update; SGD (and mini-batch)
 * the last batch's loss after its update. `onUpdate` sees every update, for replay.
 */
function trainEpoch(
  setup: TrainingSetup,
  start: Params,
  epoch: number,
  onUpdate?: (update: SampleUpdate) => void,
  costAtStart?: number,
): EpochResult {
  const { data, model, lr, optimizer } = setup;
  const isGd = optimizer.kind === 'gd';
  let params = start;
  let finite = true;
  // cost(θ) before the update is the previous epoch's cost after it: the same sum, computed once.
  let printedLoss = isGd ? (costAtStart ?? cost(model, params, data)) : NaN;
  const batches = epochBatches(optimizer, data.xs.length, epoch);
  for (let step = 0; step < batches.length; step++) {
    const indices = batches[step]!;
    const gradient = batchGradient(model, params, data, indices, isGd || indices.length > 1);
    const before = params;
    params = descend(model, params, gradient, lr);
    const lossAfter = batchLoss(model, params, data, indices);
    if (!isGd) printedLoss = lossAfter;
    finite &&= isFiniteParams(gradient) && isFiniteParams(params) && Number.isFinite(lossAfter);
    onUpdate?.({ step, indices, gradient, before, after: params, lossAfter });
  }
  const costAfter = cost(model, params, data);
  finite &&= Number.isFinite(printedLoss) && Number.isFinite(costAfter);
  return { params, printedLoss, cost: costAfter, finite };
}

/**
 * Advances a run by up to `epochs` epochs: (run, epochs) → run. A run that halts on divergence stops
 * at the first epoch that produces a non-finite value; that epoch is not recorded, so everything in
 * the history (and on screen) is finite. The history before it is kept.
 */
export function advance(run: RunState, epochs: number): RunState {
  const halts = run.setup.haltOnDivergence ?? true;
  if (epochs <= 0 || (halts && run.status === 'diverged')) return run;
  const buffers = writableBuffers(run.trace, epochs);
  let { params, epoch, status, divergedAtEpoch } = run;
  const target = epoch + epochs;
  while (epoch < target) {
    const result = trainEpoch(
      run.setup,
      params,
      epoch,
      undefined,
      epoch > 0 ? buffers.cost[epoch - 1] : undefined,
    );
    if (!result.finite && status === 'running') {
      status = 'diverged';
      divergedAtEpoch = epoch;
      if (halts) break;
    }
    writeEpoch(buffers, epoch, result.params.w, result.params.b, result.printedLoss, result.cost);
    params = result.params;
    epoch++;
  }
  if (epoch === run.epoch && status === run.status) return run;
  return { ...run, epoch, params, status, divergedAtEpoch, trace: { length: epoch, buffers } };
}

/** θ at the start of epoch `epoch`: θ₀ for epoch 0, else the recorded θ after epoch − 1. */
export function paramsBeforeEpoch(run: RunState, epoch: number): Params {
  if (epoch <= 0) return run.setup.init;
  const record = epochRecord(run.trace, epoch - 1);
  return record ? { w: record.w, b: record.b } : run.params;
}

/**
 * Every update of epoch `epoch`, replayed from the recorded θ at its start. The arithmetic is the
 * same code, so the replay is bit-identical to the run; recomputing keeps memory at one record per
 * epoch instead of one per sample. Valid for recorded epochs and for the next one (the step-by-sample
 * view walks through it before it is recorded).
 */
export function epochUpdates(run: RunState, epoch: number): SampleUpdate[] {
  if (!Number.isInteger(epoch) || epoch < 0 || epoch > run.trace.length) return [];
  const updates: SampleUpdate[] = [];
  trainEpoch(run.setup, paramsBeforeEpoch(run, epoch), epoch, (update) => updates.push(update));
  return updates;
}
