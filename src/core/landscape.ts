/**
 * The loss landscape of one parameter: cost(w) with every other parameter held where it is, sampled
 * curves and the tangent whose slope is the gradient. Pure: the chart only draws what these functions
 * compute (the range of w it draws is the chart's own, charts/landscapeRange.ts).
 */
import type { Dataset } from './dataset';
import { optimum } from './fit';
import { batchGradient, cost, sampleLoss, type ModelKind } from './model';

/** One point of a sampled curve: w and the curve's value there. */
export interface CurvePoint {
  readonly w: number;
  readonly value: number;
}

/**
 * `points` samples of fn on [min, max]: w_k = min + (max − min)·k/(points − 1), k = 0…points−1
 * (at least 2). Samples whose value is not finite are left out.
 */
export function sampleCurve(
  fn: (w: number) => number,
  min: number,
  max: number,
  points: number,
): CurvePoint[] {
  const count = Math.max(2, Math.floor(points));
  const curve: CurvePoint[] = [];
  for (let k = 0; k < count; k++) {
    const w = k === count - 1 ? max : min + ((max - min) * k) / (count - 1);
    const value = fn(w);
    if (Number.isFinite(w) && Number.isFinite(value)) curve.push({ w, value });
  }
  return curve;
}

/**
 * A short piece of the tangent at (w, value) with the given slope, the same length on screen whatever
 * the slope: in chart-normalised units (u = w/xSpan, v = value/ySpan) the segment has length
 * `length`, so its ends are w ± δ, value ± slope·δ with δ = (length/2) / √(1/xSpan² + slope²/ySpan²).
 * Null when an input is not finite or a span is not positive.
 */
export function tangentSegment(
  w: number,
  value: number,
  slope: number,
  xSpan: number,
  ySpan: number,
  length = 0.2,
): readonly [CurvePoint, CurvePoint] | null {
  if (![w, value, slope, xSpan, ySpan, length].every(Number.isFinite) || xSpan <= 0 || ySpan <= 0) {
    return null;
  }
  const perUnit = Math.hypot(1 / xSpan, slope / ySpan);
  const delta = length / 2 / perUnit;
  if (!Number.isFinite(delta)) return null;
  return [
    { w: w - delta, value: value - slope * delta },
    { w: w + delta, value: value + slope * delta },
  ];
}

/**
 * The cost as a function of w alone, b held fixed: w ↦ (1/n)·Σᵢ (xᵢ·w + b − yᵢ)² (b ≡ 0 under
 * model 'w').
 */
export function costSlice(model: ModelKind, data: Dataset, b: number): (w: number) => number {
  return (w) => cost(model, { w, b }, data);
}

/** Sample i's loss as a function of w alone, b held fixed: w ↦ (xᵢ·w + b − yᵢ)². */
export function sampleLossSlice(
  model: ModelKind,
  data: Dataset,
  i: number,
  b: number,
): (w: number) => number {
  const x = data.xs[i] ?? 0;
  const y = data.ys[i] ?? 0;
  return (w) => sampleLoss(model, { w, b }, x, y);
}

/**
 * The slope of the cost along w, the full-batch gradient: dcost/dw = (2/n)·Σᵢ xᵢ·(xᵢ·w + b − yᵢ).
 */
export function costSlope(model: ModelKind, data: Dataset, w: number, b: number): number {
  const all = Array.from({ length: data.xs.length }, (_, i) => i);
  return batchGradient(model, { w, b }, data, all, true).w;
}

/**
 * The w minimising the cost with b held fixed: w* = Σxᵢyᵢ / Σxᵢ² for model 'w' (optimum() of fit.ts);
 * w*(b) = Σxᵢ(yᵢ − b) / Σxᵢ² for model 'wb'. Falls back to the joint optimum when every x is 0.
 */
export function sliceOptimum(model: ModelKind, data: Dataset, b: number): number {
  if (model === 'w') return optimum('w', data).w;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < data.xs.length; i++) {
    const x = data.xs[i]!;
    sxx += x * x;
    sxy += x * (data.ys[i]! - b);
  }
  return sxx > 0 ? sxy / sxx : optimum('wb', data).w;
}

/**
 * Which of n samples to draw when at most `max` curves fit: every index when n ≤ max; otherwise m
 * indices spread evenly, round(k·(n − 1)/(m − 1)) for k = 0…m−1, with m = max − 1 and `highlighted`
 * (when in range) added, or m = max without it. Sorted, without duplicates, never more than max.
 */
export function pickSamples(n: number, highlighted: number | null, max: number): number[] {
  const count = Math.max(0, Math.floor(n));
  const limit = Math.max(1, Math.floor(max));
  const valid =
    highlighted !== null && Number.isInteger(highlighted) && highlighted >= 0 && highlighted < count;
  if (count <= limit) return Array.from({ length: count }, (_, i) => i);
  const picks = new Set<number>();
  const slots = valid ? limit - 1 : limit;
  for (let k = 0; k < slots; k++) {
    picks.add(slots === 1 ? 0 : Math.round((k * (count - 1)) / (slots - 1)));
  }
  if (valid) picks.add(highlighted);
  return [...picks].sort((a, b) => a - b);
}
