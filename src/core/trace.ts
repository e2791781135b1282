/**
 * Per-epoch history in growable typed arrays: a million epochs cost 32 MB, not a million objects.
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

interface Buffers {
  w: Float64Array;
  /** null under y = w·x, where b stays 0: a million epochs need not store a million zeros. */
  b: Float64Array | null;
  /** null for GD, whose printed loss is the cost before its update: the previous epoch's cost. */
  printedLoss: Float64Array | null;
  cost: Float64Array;
  /** With no b column: the b every epoch keeps (y = w·x never moves it from b₀). */
  fixedB: number;
  /** With no printedLoss column: the loss printed in epoch 0 (the cost at θ₀). */
  firstPrintedLoss: number;
  /** How many entries some trace has written; a trace shorter than this must copy before appending. */
  used: number;
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
}

const INITIAL_CAPACITY = 128;

function allocate(
  capacity: number,
  shape: { bias: boolean; printed: boolean; first: number; fixedB: number },
): Buffers {
  return {
    w: new Float64Array(capacity),
    b: shape.bias ? new Float64Array(capacity) : null,
    printedLoss: shape.printed ? new Float64Array(capacity) : null,
    cost: new Float64Array(capacity),
    firstPrintedLoss: shape.first,
    fixedB: shape.fixedB,
    used: 0,
  };
}

function copyInto(source: Buffers, length: number, capacity: number): Buffers {
  const target = allocate(capacity, {
    bias: source.b !== null,
    printed: source.printedLoss !== null,
    first: source.firstPrintedLoss,
    fixedB: source.fixedB,
  });
  target.w.set(source.w.subarray(0, length));
  target.b?.set(source.b!.subarray(0, length));
  target.printedLoss?.set(source.printedLoss!.subarray(0, length));
  target.cost.set(source.cost.subarray(0, length));
  target.used = length;
  return target;
}

/** An empty trace; by default it stores every column. */
export function emptyTrace(shape: TraceShape = { bias: true }): Trace {
  const derived = shape.printedLossFromCost !== undefined;
  return {
    length: 0,
    buffers: allocate(INITIAL_CAPACITY, {
      bias: shape.bias,
      printed: !derived,
      first: shape.printedLossFromCost ?? NaN,
      fixedB: shape.fixedB ?? 0,
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

/** Epoch k's printed loss: stored, or (GD) the cost after epoch k − 1 and the cost at θ₀ for k = 0. */
function printedLossAt(buffers: Buffers, epoch: number): number {
  if (buffers.printedLoss) return buffers.printedLoss[epoch]!;
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
 * y = w·x, GD's printed loss) is built for the call.
 */
export function traceColumn(trace: Trace, column: 'w' | 'b' | 'printedLoss' | 'cost'): Float64Array {
  const { buffers, length } = trace;
  if (column === 'w' || column === 'cost') return buffers[column].subarray(0, length);
  const stored = buffers[column];
  if (stored) return stored.subarray(0, length);
  const derived = new Float64Array(length);
  if (column === 'b') derived.fill(buffers.fixedB);
  if (column === 'printedLoss' && length > 0) {
    derived[0] = buffers.firstPrintedLoss;
    derived.set(buffers.cost.subarray(0, length - 1), 1);
  }
  return derived;
}
