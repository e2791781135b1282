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
