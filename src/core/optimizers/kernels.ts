/**
 * The lecture's own two runs, y = w·x with GD and with SGD in data-set order, each as a loop of its
 * own written for speed. They compute the floats of the general loop (train.ts) in the same order,
 * without its generality: w and the sums are number locals, and the history goes straight into the
 * trace's columns.
 */
import type { Buffers } from '../trace';

/**
 * GD under y = w·x from w over epochs `from`…`to − 1`, recorded straight into the trace's columns:
 * per epoch w ← w − α·(1/n)·Σᵢ 2·xᵢ·(xᵢ·w − yᵢ), summed from 0 in data-set order; it prints cost(w)
 * before the step and records cost(w) after it. Returns the first epoch it did not record: `to`, or
 * the first epoch that produced a non-finite value.
 *
 * The floats of `train` in the same order, without its generality: w and the sums are number locals,
 * and cost(w) after epoch k shares its pass over the data with the gradient of epoch k + 1.
 */
export function gdEpochs(
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
export function sgdEpochs(
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
