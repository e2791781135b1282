/**
 * Per-epoch history in growable typed arrays: a million epochs cost 16–32 MB, not a million objects.
 * Only what cannot be derived exactly is stored: w and the cost always, b and the printed loss only
 * where they cannot be derived from those, and an optimizer's state (velocity, moment estimates)
 * only for optimizers that have one.
 *
 * A Trace is append-only and shares its buffers with the trace it grew from (structural sharing),
 * so advancing a run never copies its history. Appending to an older trace whose buffers a newer
 * one has already extended copies first, so no trace ever sees another's epochs.
 */

/** What the run records after each epoch. */
export interface EpochRecord {
  /** Epoch index, from 0 as the lecture's `range(epochs)`. */
  readonly epoch: number;
  /** w after the epoch. */
  readonly w: number;
  /** b after the epoch (0 under model 'w'). */
  readonly b: number;
  /** The loss the lecture prints: GD, the cost before the update; SGD, the last sample's loss after it. */
  readonly printedLoss: number;
  /** The full-dataset cost at the new parameters: the fair metric for comparing GD and SGD. */
  readonly cost: number;
}

/** @internal a trace's storage, written by the optimizer (writeEpoch, or its columns and markWritten). */
export interface Buffers {
  w: Float64Array;
  /** null under y = w·x, where b stays 0: a million epochs need not store a million zeros. */
  b: Float64Array | null;
  /**
   * null when the printed loss is derived: GD's is the cost before its update (the previous epoch's
   * cost); SGD's and mini-batch's in data-set order, the last batch's loss at θ after the epoch.
   */
  printedLoss: Float64Array | null;
  cost: Float64Array;
  /** With no b column: the b every epoch keeps (y = w·x never moves it from b₀). */
  fixedB: number;
  /** With no printedLoss column, GD: the loss printed in epoch 0 (the cost at θ₀). */
  firstPrintedLoss: number;
  /** With no printedLoss column, SGD and mini-batch: the printed loss as a function of θ after the epoch. */
  printedLossOf: ((w: number, b: number) => number) | null;
  /** How many entries some trace has written; a trace shorter than this must copy before appending. */
  used: number;
  /**
   * The optimizer's state after each epoch, `stateStride` floats per epoch (epoch k at k·stride);
   * absent or null for plain gradient descent, which has none. Kept so that any epoch can be
   * replayed from its start without replaying the epochs before it.
   */
  state?: Float64Array | null;
  stateStride?: number;
}

export interface Trace {
  readonly length: number;
  /** @internal shared storage; read through the functions below. */
  readonly buffers: Buffers;
}

/** Which columns a trace stores; the others are derived exactly. */
export interface TraceShape {
  /** Store b (model y = w·x + b). */
  readonly bias: boolean;
  /** Without a b column, the b of every epoch (default 0). */
  readonly fixedB?: number;
  /** GD: the printed loss of epoch k is the cost after epoch k − 1, and this for k = 0. */
  readonly printedLossFromCost?: number;
  /**
   * SGD and mini-batch in data-set order: the printed loss of epoch k is the last batch's loss at θ
   * after epoch k, which this computes (with the run's own arithmetic, so exactly).
   */
  readonly printedLossOfParams?: (w: number, b: number) => number;
  /** Floats of optimizer state recorded per epoch (0 or absent: none). */
  readonly stateStride?: number;
}

const INITIAL_CAPACITY = 128;

function allocate(
  capacity: number,
  shape: {
    bias: boolean;
    printed: boolean;
    first: number;
    of: ((w: number, b: number) => number) | null;
    fixedB: number;
    stateStride: number;
  },
): Buffers {
  const buffers: Buffers = {
    w: new Float64Array(capacity),
    b: shape.bias ? new Float64Array(capacity) : null,
    printedLoss: shape.printed ? new Float64Array(capacity) : null,
    cost: new Float64Array(capacity),
    firstPrintedLoss: shape.first,
    printedLossOf: shape.of,
    fixedB: shape.fixedB,
    used: 0,
  };
  // Only runs with optimizer state get the two keys, so plain GD's buffers keep their old shape.
  if (shape.stateStride > 0) {
    buffers.state = new Float64Array(capacity * shape.stateStride);
    buffers.stateStride = shape.stateStride;
  }
  return buffers;
}

function copyInto(source: Buffers, length: number, capacity: number): Buffers {
  const target = allocate(capacity, {
    bias: source.b !== null,
    printed: source.printedLoss !== null,
    first: source.firstPrintedLoss,
    of: source.printedLossOf,
    fixedB: source.fixedB,
    stateStride: source.state ? (source.stateStride ?? 0) : 0,
  });
  target.w.set(source.w.subarray(0, length));
  if (target.state) target.state.set(source.state!.subarray(0, length * target.stateStride!));
  target.b?.set(source.b!.subarray(0, length));
  target.printedLoss?.set(source.printedLoss!.subarray(0, length));
  target.cost.set(source.cost.subarray(0, length));
  target.used = length;
  return target;
}

/** An empty trace; by default it stores every column. */
export function emptyTrace(shape: TraceShape = { bias: true }): Trace {
  const fromCost = shape.printedLossFromCost !== undefined;
  const of = fromCost ? null : (shape.printedLossOfParams ?? null);
  return {
    length: 0,
    buffers: allocate(INITIAL_CAPACITY, {
      bias: shape.bias,
      printed: !fromCost && of === null,
      first: shape.printedLossFromCost ?? NaN,
      of,
      fixedB: shape.fixedB ?? 0,
      stateStride: shape.stateStride ?? 0,
    }),
  };
}

/**
 * Storage ready to append `extra` more epochs to `trace`: its own buffers when it is the newest
 * trace on them and they have room, otherwise a private copy (doubling the capacity).
 */
export function writableBuffers(trace: Trace, extra: number): Buffers {
  const { buffers, length } = trace;
  const needed = length + extra;
  if (buffers.used === length && needed <= buffers.w.length) return buffers;
  let capacity = Math.max(INITIAL_CAPACITY, buffers.w.length);
  while (capacity < needed) capacity *= 2;
  return copyInto(buffers, length, capacity);
}

/** Writes one epoch at index `at` of writable buffers (the caller appends in order). */
export function writeEpoch(
  buffers: Buffers,
  at: number,
  w: number,
  b: number,
  printedLoss: number,
  cost: number,
): void {
  buffers.w[at] = w;
  if (buffers.b) buffers.b[at] = b;
  if (buffers.printedLoss) buffers.printedLoss[at] = printedLoss;
  buffers.cost[at] = cost;
  buffers.used = at + 1;
}

/** Writes the optimizer state after epoch `at` (before writeEpoch of the same epoch marks it written). */
export function writeState(buffers: Buffers, at: number, state: Float64Array): void {
  buffers.state!.set(state, at * buffers.stateStride!);
}

/**
 * The optimizer state recorded after epoch `epoch` (0-based), as a view of the trace's storage (read,
 * never write: epochs already recorded are shared by every trace grown from this one); undefined
 * outside the trace or when the trace records no state.
 */
export function stateAfterEpoch(trace: Trace, epoch: number): Float64Array | undefined {
  const { buffers } = trace;
  if (!buffers.state || !Number.isInteger(epoch) || epoch < 0 || epoch >= trace.length) return undefined;
  const stride = buffers.stateStride!;
  return buffers.state.subarray(epoch * stride, (epoch + 1) * stride);
}

/** Notes that epochs up to `length` of writable buffers were written straight into their columns. */
export function markWritten(buffers: Buffers, length: number): void {
  buffers.used = length;
}

/**
 * Epoch k's printed loss: stored; or (GD) the cost after epoch k − 1, the cost at θ₀ for k = 0; or
 * (SGD, mini-batch in data-set order) the last batch's loss at θ after epoch k.
 */
function printedLossAt(buffers: Buffers, epoch: number): number {
  if (buffers.printedLoss) return buffers.printedLoss[epoch]!;
  if (buffers.printedLossOf)
    return buffers.printedLossOf(buffers.w[epoch]!, buffers.b ? buffers.b[epoch]! : buffers.fixedB);
  return epoch === 0 ? buffers.firstPrintedLoss : buffers.cost[epoch - 1]!;
}

/** The record of epoch `epoch` (0-based); undefined outside the trace. */
export function epochRecord(trace: Trace, epoch: number): EpochRecord | undefined {
  if (!Number.isInteger(epoch) || epoch < 0 || epoch >= trace.length) return undefined;
  const { buffers } = trace;
  return {
    epoch,
    w: buffers.w[epoch]!,
    b: buffers.b ? buffers.b[epoch]! : buffers.fixedB,
    printedLoss: printedLossAt(buffers, epoch),
    cost: buffers.cost[epoch]!,
  };
}

/**
 * One column of the trace. Stored columns are views without copying; a derived one (b under
 * y = w·x, a derived printed loss) is built for the call.
 */
export function traceColumn(trace: Trace, column: 'w' | 'b' | 'printedLoss' | 'cost'): Float64Array {
  const { buffers, length } = trace;
  if (column === 'w' || column === 'cost') return buffers[column].subarray(0, length);
  const stored = buffers[column];
  if (stored) return stored.subarray(0, length);
  const derived = new Float64Array(length);
  if (column === 'b') derived.fill(buffers.fixedB);
  if (column === 'printedLoss' && buffers.printedLossOf) {
    for (let k = 0; k < length; k++) derived[k] = printedLossAt(buffers, k);
  } else if (column === 'printedLoss' && length > 0) {
    derived[0] = buffers.firstPrintedLoss;
    derived.set(buffers.cost.subarray(0, length - 1), 1);
  }
  return derived;
}
