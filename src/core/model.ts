/**
 * The linear model and its mean squared error, written operation for operation as the lecture writes
 * them, so that every float comes out bit-identical to Python's.
 *
 * Squares are taken as d·d (the correctly rounded square). The lecture's `**2` goes through the C
 * library's pow(), which on glibc is now and then one ULP off; only a printed loss can show that.
 */
import type { Dataset } from './dataset';

/** 'w': ŷ = x·w, the lecture's model. 'wb': ŷ = x·w + b. */
export type ModelKind = 'w' | 'wb';

/** The trainable parameters; b stays 0 (and untouched) under the 'w' model. */
export interface Params {
  readonly w: number;
  readonly b: number;
}

/** ŷ = x·w (model 'w') or ŷ = x·w + b (model 'wb'). */
export function predict(model: ModelKind, params: Params, x: number): number {
  return model === 'w' ? x * params.w : x * params.w + params.b;
}

/** Per-sample loss ℓ = (ŷ − y)². */
export function sampleLoss(model: ModelKind, params: Params, x: number, y: number): number {
  const d = predict(model, params, x) - y;
  return d * d;
}

/** Full-dataset cost = (1/n)·Σᵢ (ŷᵢ − yᵢ)², summed from 0 in data-set order like the lecture's `cost()`. */
export function cost(model: ModelKind, params: Params, data: Dataset): number {
  const { xs, ys } = data;
  let sum = 0;
  for (let i = 0; i < xs.length; i++) {
    const d = predict(model, params, xs[i]!) - ys[i]!;
    sum += d * d;
  }
  return sum / xs.length;
}

/** Per-sample gradient: ∂ℓ/∂w = 2·x·(x·w + b − y), ∂ℓ/∂b = 2·(x·w + b − y) (b ≡ 0 under model 'w'). */
export function sampleGradient(model: ModelKind, params: Params, x: number, y: number): Params {
  const residual = predict(model, params, x) - y;
  return { w: 2 * x * residual, b: model === 'w' ? 0 : 2 * residual };
}

/**
 * Mean gradient over the samples at `indices`: (1/|B|)·Σ_{i∈B} ∇ℓᵢ.
 * `fromZero` starts the sum at 0 as the lecture's GD does (`grad = 0; grad += …`); SGD uses the single
 * sample's gradient as is. The two differ only in the sign of a zero, which Python prints (`-0.0`).
 */
export function batchGradient(
  model: ModelKind,
  params: Params,
  data: Dataset,
  indices: readonly number[],
  fromZero: boolean,
): Params {
  if (indices.length === 1 && !fromZero) {
    const i = indices[0]!;
    return sampleGradient(model, params, data.xs[i]!, data.ys[i]!);
  }
  let gw = 0;
  let gb = 0;
  for (const i of indices) {
    const g = sampleGradient(model, params, data.xs[i]!, data.ys[i]!);
    gw += g.w;
    gb += g.b;
  }
  return { w: gw / indices.length, b: gb / indices.length };
}

/** Mean loss over the samples at `indices`: (1/|B|)·Σ_{i∈B} ℓᵢ (for one sample: that sample's loss). */
export function batchLoss(
  model: ModelKind,
  params: Params,
  data: Dataset,
  indices: readonly number[],
): number {
  if (indices.length === 1) {
    const i = indices[0]!;
    return sampleLoss(model, params, data.xs[i]!, data.ys[i]!);
  }
  let sum = 0;
  for (const i of indices) sum += sampleLoss(model, params, data.xs[i]!, data.ys[i]!);
  return sum / indices.length;
}

/** One gradient step: θ ← θ − α·∇ (b is left alone under model 'w'). */
export function descend(model: ModelKind, params: Params, gradient: Params, lr: number): Params {
  return { w: params.w - lr * gradient.w, b: model === 'w' ? params.b : params.b - lr * gradient.b };
}
