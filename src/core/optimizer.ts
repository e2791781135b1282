/**
 * The optimizer stepper. One loop serves every optimizer: an epoch visits the data set in batches of
 * B samples (in data-set order, or a seeded shuffle) and takes one step θ ← θ − α·∇ per batch.
 * B = n is the lecture's gradient descent, B = 1 its stochastic gradient descent, anything between
 * is mini-batch. The lecture's own two runs (y = w·x, data-set order) also have a loop each of their
 * own, written for speed, that computes the same floats.
 */
import type { Dataset } from './dataset';
import { batchLoss, cost, type ModelKind, type Params } from './model';
import { epochSeed, mulberry32, permutation } from './random';
import {
  type Buffers,
  emptyTrace,
  epochRecord,
  markWritten,
  type Trace,
  writableBuffers,
  writeEpoch,
} from './trace';

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
  const { data, model, optimizer } = setup;
  const n = data.xs.length;
  // The last batch of an unshuffled epoch is always the same samples.
  const lastBatch =
    optimizer.kind !== 'gd' && !optimizer.shuffle && n > 0 ? epochBatches(optimizer, n, 0).at(-1)! : null;
  return {
    setup,
    epoch: 0,
    params: setup.init,
    status: 'running',
    divergedAtEpoch: null,
    // b under y = w·x and the printed loss are derived, not stored, where they can be (a million
    // epochs, 8 MB less each): GD prints the previous epoch's cost, SGD and mini-batch in data-set
    // order the loss of their fixed last batch at θ after the epoch.
    trace: emptyTrace({
      bias: model === 'wb',
      fixedB: setup.init.b,
      printedLossFromCost: optimizer.kind === 'gd' ? cost(model, setup.init, data) : undefined,
      printedLossOfParams: lastBatch ? (w, b) => batchLoss(model, { w, b }, data, lastBatch) : undefined,
    }),
  };
}

/** Total parameter updates after `epochs` epochs: epochs × ⌈n/B⌉. */
export function updatesAfter(run: RunState, epochs: number = run.epoch): number {
  return epochs * updatesPerEpoch(run.setup.optimizer, run.setup.data.xs.length);
}

/** Where a stretch of epochs left the run. */
interface Stretch {
  readonly params: Params;
  readonly epoch: number;
  readonly status: RunStatus;
  readonly divergedAtEpoch: number | null;
}

/** The data as the loops read it: one Float64Array per column, and the unshuffled order 0…n−1. */
interface Samples {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly order: readonly number[];
}

/** The data set copied into Float64Arrays: (xᵢ, yᵢ) for i = 0…n−1. */
function samplesOf(data: Dataset): Samples {
  return {
    xs: Float64Array.from(data.xs),
    ys: Float64Array.from(data.ys),
    order: Array.from(data.xs, (_, i) => i),
  };
}

/** What `train` records: the trace's buffers (advance), or every update of one epoch (epochUpdates). */
interface Sink {
  readonly buffers: Buffers | null;
  readonly onUpdate?: (update: SampleUpdate) => void;
}

/**
 * Epochs `from`…`from + epochs − 1` from θ: for each batch B, θ ← θ − α·(1/|B|)·Σ_{i∈B} ∇ℓᵢ(θ), with
 * ∇ℓᵢ = (2·xᵢ·rᵢ, 2·rᵢ), rᵢ = ŷᵢ − yᵢ. The printed loss follows the lecture: GD prints cost(θ) before
 * its update; SGD (and mini-batch) the last batch's loss after its update. Every epoch also records
 * cost(θ) after it. An epoch that produces a non-finite value marks the run diverged; a halting run
 * stops before recording it.
 *
 * Every optimizer and model, every float in the order model.ts computes it (its functions are the
 * specification; the tests hold this loop to them). θ lives in two number locals, so an epoch
 * allocates nothing but a shuffled order; GD takes cost(θ) after epoch k and the gradient of epoch
 * k + 1 (both at the same θ, each summed from 0 in data-set order) in one pass over the data.
 */
function train(
  setup: TrainingSetup,
  samples: Samples,
  start: Params,
  from: number,
  epochs: number,
  running: { readonly status: RunStatus; readonly divergedAtEpoch: number | null },
  sink: Sink,
): Stretch {
  const { model, lr, optimizer } = setup;
  const { xs, ys, order: unshuffled } = samples;
  const halts = setup.haltOnDivergence ?? true;
  const n = xs.length;
  const isW = model === 'w';
  const isGd = optimizer.kind === 'gd';
  const shuffled = !isGd && optimizer.shuffle === true;
  const size = batchSizeOf(optimizer, n);
  const seed = optimizer.seed ?? 0;
  const { buffers, onUpdate } = sink;

  let w = start.w;
  let b = start.b;
  let { status, divergedAtEpoch } = running;
  // GD: the mean gradient at θ and cost(θ), the loss it prints, from one pass over the data.
  let gdGw = 0;
  let gdGb = 0;
  let sc = 0;
  if (isGd) {
    let sw = 0;
    let sb = 0;
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      const r = (isW ? x * w : x * w + b) - ys[i]!;
      sw += 2 * x * r;
      if (!isW) sb += 2 * r;
      sc += r * r;
    }
    gdGw = sw / n;
    gdGb = sb / n;
  }
  let costBefore = sc / n;

  let epoch = from;
  const target = from + epochs;
  while (epoch < target) {
    const order = shuffled ? permutation(n, mulberry32(epochSeed(seed, epoch))) : unshuffled;
    let finite = true;
    let printedLoss = isGd ? costBefore : NaN;
    const wBefore = w;
    const bBefore = b;
    let before: Params | null = onUpdate ? { w, b } : null;
    for (let first = 0, step = 0; first < n; first += size, step++) {
      const end = Math.min(first + size, n);
      const count = end - first;
      let gw: number;
      let gb: number;
      if (isGd) {
        gw = gdGw;
        gb = gdGb;
      } else if (count === 1) {
        // One sample's gradient as is (the lecture's `grad = gradient(x, y)`), not summed from 0.
        const i = order[first]!;
        const x = xs[i]!;
        const r = (isW ? x * w : x * w + b) - ys[i]!;
        gw = 2 * x * r;
        gb = isW ? 0 : 2 * r;
      } else {
        gw = 0;
        gb = 0;
        for (let k = first; k < end; k++) {
          const i = order[k]!;
          const x = xs[i]!;
          const r = (isW ? x * w : x * w + b) - ys[i]!;
          gw += 2 * x * r;
          if (!isW) gb += 2 * r;
        }
        gw /= count;
        gb /= count;
      }
      w = w - lr * gw;
      if (!isW) b = b - lr * gb;
      // The batch's mean loss after the step. GD's is the cost after the epoch (the same sum in the
      // same order), taken below; it is only computed here for a replay.
      let lossAfter = NaN;
      if (!isGd || onUpdate) {
        if (count === 1) {
          const i = order[first]!;
          const d = (isW ? xs[i]! * w : xs[i]! * w + b) - ys[i]!;
          lossAfter = d * d;
        } else {
          let sum = 0;
          for (let k = first; k < end; k++) {
            const i = order[k]!;
            const d = (isW ? xs[i]! * w : xs[i]! * w + b) - ys[i]!;
            sum += d * d;
          }
          lossAfter = sum / count;
        }
        if (!isGd) printedLoss = lossAfter;
        if (!Number.isFinite(lossAfter)) finite = false;
      }
      if (!(Number.isFinite(gw) && Number.isFinite(gb) && Number.isFinite(w) && Number.isFinite(b)))
        finite = false;
      if (onUpdate) {
        const after = { w, b };
        onUpdate({
          step,
          indices: order.slice(first, end),
          gradient: { w: gw, b: gb },
          before: before!,
          after,
          lossAfter,
        });
        before = after;
      }
    }
    // cost(θ) after the epoch, summed from 0 in data-set order; GD's next gradient in the same pass.
    sc = 0;
    if (isGd) {
      let sw = 0;
      let sb = 0;
      for (let i = 0; i < n; i++) {
        const x = xs[i]!;
        const r = (isW ? x * w : x * w + b) - ys[i]!;
        sw += 2 * x * r;
        if (!isW) sb += 2 * r;
        sc += r * r;
      }
      gdGw = sw / n;
      gdGb = sb / n;
    } else {
      for (let i = 0; i < n; i++) {
        const d = (isW ? xs[i]! * w : xs[i]! * w + b) - ys[i]!;
        sc += d * d;
      }
    }
    const costAfter = sc / n;
    if (!(Number.isFinite(printedLoss) && Number.isFinite(costAfter))) finite = false;
    if (!finite && status === 'running') {
      status = 'diverged';
      divergedAtEpoch = epoch;
      if (halts) {
        w = wBefore;
        b = bBefore;
        break;
      }
    }
    if (buffers) writeEpoch(buffers, epoch, w, b, printedLoss, costAfter);
    costBefore = costAfter;
    epoch++;
  }
  return { params: { w, b }, epoch, status, divergedAtEpoch };
}

/**
 * GD under y = w·x from w over epochs `from`…`to − 1`, recorded straight into the trace's columns:
 * per epoch w ← w − α·(1/n)·Σᵢ 2·xᵢ·(xᵢ·w − yᵢ), summed from 0 in data-set order; it prints cost(w)
 * before the step and records cost(w) after it. Returns the first epoch it did not record: `to`, or
 * the first epoch that produced a non-finite value.
 *
 * The floats of `train` in the same order, without its generality: w and the sums are number locals,
 * and cost(w) after epoch k shares its pass over the data with the gradient of epoch k + 1.
 */
function gdEpochs(
  xs: Float64Array,
  ys: Float64Array,
  lr: number,
  w: number,
  from: number,
  to: number,
  columns: Buffers,
): number {
  const n = xs.length;
  const { w: wColumn, printedLoss: lossColumn, cost: costColumn } = columns;
  let sw = 0;
  let sc = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    const r = x * w - ys[i]!;
    sw += 2 * x * r;
    sc += r * r;
  }
  let gw = sw / n;
  let printedLoss = sc / n;
  for (let epoch = from; epoch < to; epoch++) {
    w = w - lr * gw;
    sw = 0;
    sc = 0;
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      const r = x * w - ys[i]!;
      sw += 2 * x * r;
      sc += r * r;
    }
    const cost = sc / n;
    // The gradient's b part is 0 and b never moves under y = w·x: nothing else can stop being finite.
    if (!(Number.isFinite(gw) && Number.isFinite(w) && Number.isFinite(printedLoss) && Number.isFinite(cost)))
      return epoch;
    wColumn[epoch] = w;
    if (lossColumn) lossColumn[epoch] = printedLoss;
    costColumn[epoch] = cost;
    gw = sw / n;
    printedLoss = cost;
  }
  return to;
}

/**
 * SGD under y = w·x in data-set order (B = 1, no shuffle) from w over epochs `from`…`to − 1`,
 * recorded straight into the trace's columns: for each sample, w ← w − α·2·xᵢ·(xᵢ·w − yᵢ); it prints
 * the last sample's loss after its step and records cost(w) after the epoch. Returns the first epoch
 * it did not record: `to`, or the first epoch that produced a non-finite value.
 *
 * The floats of `train` in the same order. cost(w) after epoch k is summed in the pass that makes
 * epoch k + 1's steps (from the w they start at), so that its additions run beside the steps' chain
 * of dependent operations instead of after it.
 */
function sgdEpochs(
  xs: Float64Array,
  ys: Float64Array,
  lr: number,
  w: number,
  from: number,
  to: number,
  columns: Buffers,
): number {
  const n = xs.length;
  const { w: wColumn, printedLoss: lossColumn, cost: costColumn } = columns;
  // The epoch before, done but for its cost: its printed loss and whether its steps stayed finite.
  let pendingLoss = NaN;
  let pendingFinite = true;
  for (let epoch = from; epoch <= to; epoch++) {
    const start = w;
    let sc = 0;
    let loss = NaN;
    let finite = true;
    if (epoch < to) {
      for (let i = 0; i < n; i++) {
        const x = xs[i]!;
        const y = ys[i]!;
        const c = x * start - y;
        sc += c * c;
        const gw = 2 * x * (x * w - y);
        w = w - lr * gw;
        const d = x * w - y;
        loss = d * d;
        // A step or a w that is not finite makes this loss not finite (x·w − y is ±∞ or NaN, also for
        // x = 0), and b never moves: the loss alone tells whether everything stayed finite.
        if (!Number.isFinite(loss)) finite = false;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const c = xs[i]! * start - ys[i]!;
        sc += c * c;
      }
    }
    if (epoch > from) {
      // The epoch before is complete: it ended at `start`, and sc / n is cost(start).
      const cost = sc / n;
      if (!(pendingFinite && Number.isFinite(pendingLoss) && Number.isFinite(cost))) return epoch - 1;
      wColumn[epoch - 1] = start;
      if (lossColumn) lossColumn[epoch - 1] = pendingLoss;
      costColumn[epoch - 1] = cost;
    }
    pendingLoss = loss;
    pendingFinite = finite;
  }
  return to;
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
  // The lecture's y = w·x with GD, or SGD in data-set order, while all is finite: the loops above.
  // Everything else (y = w·x + b, shuffles, batches of several samples, a run past its divergence):
  // the general loop.
  const kernel =
    setup.model !== 'w' || n === 0 || buffers.b !== null || !Number.isFinite(run.params.b)
      ? null
      : optimizer.kind === 'gd'
        ? gdEpochs
        : !optimizer.shuffle && batchSizeOf(optimizer, n) === 1
          ? sgdEpochs
          : null;
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
      stretch = train(setup, samples, stretch.params, from, to - from, stretch, { buffers });
    }
  }
  const { params, epoch, status, divergedAtEpoch } = stretch;
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
  const running = { status: 'running' as const, divergedAtEpoch: null };
  train(run.setup, samplesOf(run.setup.data), paramsBeforeEpoch(run, epoch), epoch, 1, running, {
    buffers: null,
    onUpdate: (update) => updates.push(update),
  });
  return updates;
}
