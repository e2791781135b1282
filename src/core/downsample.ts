/**
 * Downsampling for drawing: a chart never needs more points than it has pixels, but a spike must
 * survive. The data themselves are never truncated; only what is drawn is thinned.
 */

/**
 * Indices of at most ~`maxPoints` points of `values[0…length)`: the first and last point, and per
 * bucket of consecutive indices its minimum and maximum (kept in index order). Non-finite values are
 * skipped. With `length ≤ maxPoints` every index is kept.
 */
export function downsampleMinMax(
  values: ArrayLike<number>,
  maxPoints: number,
  length = values.length,
): number[] {
  if (length <= 0) return [];
  if (length <= Math.max(2, maxPoints)) {
    const all: number[] = [];
    for (let i = 0; i < length; i++) if (Number.isFinite(values[i]!)) all.push(i);
    return all;
  }
  const buckets = Math.max(1, Math.floor((maxPoints - 2) / 2));
  const picked: number[] = [0];
  const span = (length - 2) / buckets;
  for (let k = 0; k < buckets; k++) {
    const start = 1 + Math.floor(k * span);
    const end = Math.min(length - 1, 1 + Math.floor((k + 1) * span));
    let minAt = -1;
    let maxAt = -1;
    for (let i = start; i < end; i++) {
      const v = values[i]!;
      if (!Number.isFinite(v)) continue;
      if (minAt < 0 || v < values[minAt]!) minAt = i;
      if (maxAt < 0 || v > values[maxAt]!) maxAt = i;
    }
    if (minAt < 0) continue;
    if (minAt === maxAt) picked.push(minAt);
    else picked.push(Math.min(minAt, maxAt), Math.max(minAt, maxAt));
  }
  if (picked[picked.length - 1] !== length - 1) picked.push(length - 1);
  return picked.filter((i) => Number.isFinite(values[i]!));
}

/**
 * A min/max summary of an append-only series, kept up to date as it grows: per bucket of B
 * consecutive indices [jB, (j + 1)B) (B a power of two) the index of its smallest and largest finite
 * value (−1 when it has none). Extending by m values costs O(m + buckets), not O(length), so a chart
 * playing on a 100,000-epoch history does the same work per frame as on a short one.
 */
export interface MinMaxSummary {
  /** Values summarised: indices 0…length−1. */
  readonly length: number;
  readonly bucketSize: number;
  readonly minAt: readonly number[];
  readonly maxAt: readonly number[];
  /** Whether any summarised value is NaN or ±Infinity. */
  readonly nonFinite: boolean;
  /** At most this many buckets (B doubles to stay under it). */
  readonly maxBuckets: number;
}

/**
 * The summary of valueAt(0…length−1), extending `previous` when it summarises a prefix of the same
 * series with the same maxBuckets (the caller's promise: values it has seen never change), else
 * built afresh. Buckets: the smallest B = 2ᵏ with ⌈length / B⌉ ≤ maxBuckets; when B doubles, bucket
 * pairs merge (min of the two minima, max of the two maxima).
 */
export function extendMinMax(
  previous: MinMaxSummary | null,
  valueAt: (i: number) => number,
  length: number,
  maxBuckets: number,
): MinMaxSummary {
  const buckets = Math.max(1, Math.floor(maxBuckets));
  const reuse = previous !== null && previous.maxBuckets === buckets && previous.length <= length;
  let bucketSize = reuse ? previous.bucketSize : 1;
  let minAt = reuse ? previous.minAt.slice() : [];
  let maxAt = reuse ? previous.maxAt.slice() : [];
  let nonFinite = reuse ? previous.nonFinite : false;
  const from = reuse ? previous.length : 0;

  // Double the buckets until the new length fits, merging pairs of summarised buckets.
  while (Math.ceil(length / bucketSize) > buckets) {
    const pick = (a: number, b: number, better: (x: number, y: number) => boolean): number =>
      a < 0 ? b : b < 0 ? a : better(valueAt(b), valueAt(a)) ? b : a;
    const mergedMin: number[] = [];
    const mergedMax: number[] = [];
    for (let j = 0; j < minAt.length; j += 2) {
      mergedMin.push(pick(minAt[j]!, minAt[j + 1] ?? -1, (x, y) => x < y));
      mergedMax.push(pick(maxAt[j]!, maxAt[j + 1] ?? -1, (x, y) => x > y));
    }
    minAt = mergedMin;
    maxAt = mergedMax;
    bucketSize *= 2;
  }

  // The current bucket's smallest and largest value so far are kept beside their indices (NaN while
  // it has none), so each new value is read once: a key press rebuilds 10,000 epochs of four series.
  let bucket = -1;
  let low = NaN;
  let high = NaN;
  for (let i = from; i < length; i++) {
    const j = Math.floor(i / bucketSize);
    if (j !== bucket) {
      while (minAt.length <= j) {
        minAt.push(-1);
        maxAt.push(-1);
      }
      bucket = j;
      low = minAt[j]! < 0 ? NaN : valueAt(minAt[j]!);
      high = maxAt[j]! < 0 ? NaN : valueAt(maxAt[j]!);
    }
    const v = valueAt(i);
    if (!Number.isFinite(v)) {
      nonFinite = true;
      continue;
    }
    // v is finite: !(v >= NaN) holds, so a bucket without a value takes it.
    if (!(v >= low)) {
      minAt[j] = i;
      low = v;
    }
    if (!(v <= high)) {
      maxAt[j] = i;
      high = v;
    }
  }
  return { length, bucketSize, minAt, maxAt, nonFinite, maxBuckets: buckets };
}

/**
 * The indices to draw from a summary, ascending: the first and last index when finite, and each
 * bucket's minimum and maximum; every index when there are no more than 2·maxBuckets + 2 values.
 */
export function minMaxPicks(summary: MinMaxSummary, valueAt: (i: number) => number): number[] {
  const { length, minAt, maxAt } = summary;
  const picked: number[] = [];
  const add = (i: number) => {
    if (i >= 0 && i > (picked[picked.length - 1] ?? -1) && Number.isFinite(valueAt(i))) picked.push(i);
  };
  if (length <= 2 * summary.maxBuckets + 2) {
    for (let i = 0; i < length; i++) add(i);
    return picked;
  }
  add(0);
  for (let j = 0; j < minAt.length; j++) {
    const lo = minAt[j]!;
    const hi = maxAt[j]!;
    add(Math.min(lo, hi));
    add(Math.max(lo, hi));
  }
  add(length - 1);
  return picked;
}

/** The smallest and largest finite value a summary saw (NaN, NaN when it saw none). */
export function minMaxExtent(
  summary: MinMaxSummary,
  valueAt: (i: number) => number,
): { readonly min: number; readonly max: number } {
  let min = NaN;
  let max = NaN;
  for (let j = 0; j < summary.minAt.length; j++) {
    const lo = summary.minAt[j]!;
    const hi = summary.maxAt[j]!;
    if (lo >= 0 && !(valueAt(lo) >= min)) min = valueAt(lo);
    if (hi >= 0 && !(valueAt(hi) <= max)) max = valueAt(hi);
  }
  return { min, max };
}
