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
  b: Float64Array;
  printedLoss: Float64Array;
  cost: Float64Array;
  /** How many entries some trace has written; a trace shorter than this must copy before appending. */
  used: number;
}

export interface Trace {
  readonly length: number;
  /** @internal shared storage; read through the functions below. */
  readonly buffers: Buffers;
}

const INITIAL_CAPACITY = 128;

function allocate(capacity: number): Buffers {
  return {
    w: new Float64Array(capacity),
    b: new Float64Array(capacity),
    printedLoss: new Float64Array(capacity),
    cost: new Float64Array(capacity),
    used: 0,
  };
}

function copyInto(source: Buffers, length: number, capacity: number): Buffers {
  const target = allocate(capacity);
  target.w.set(source.w.subarray(0, length));
  target.b.set(source.b.subarray(0, length));
  target.printedLoss.set(source.printedLoss.subarray(0, length));
  target.cost.set(source.cost.subarray(0, length));
  target.used = length;
  return target;
}

/** An empty trace. */
export function emptyTrace(): Trace {
  return { length: 0, buffers: allocate(INITIAL_CAPACITY) };
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
  buffers.b[at] = b;
  buffers.printedLoss[at] = printedLoss;
  buffers.cost[at] = cost;
  buffers.used = at + 1;
}

/** The record of epoch `epoch` (0-based); undefined outside the trace. */
export function epochRecord(trace: Trace, epoch: number): EpochRecord | undefined {
  if (!Number.isInteger(epoch) || epoch < 0 || epoch >= trace.length) return undefined;
  const { buffers } = trace;
  return {
    epoch,
    w: buffers.w[epoch]!,
    b: buffers.b[epoch]!,
    printedLoss: buffers.printedLoss[epoch]!,
    cost: buffers.cost[epoch]!,
  };
}

/** A read-only view of one column, without copying. */
export function traceColumn(trace: Trace, column: 'w' | 'b' | 'printedLoss' | 'cost'): Float64Array {
  return trace.buffers[column].subarray(0, trace.length);
}
