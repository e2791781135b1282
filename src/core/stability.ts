/**
 * Why a learning rate works: the MSE cost is a quadratic bowl, so every optimizer here is an affine
 * map per epoch, θ' = A(α)·θ + c, and a run converges exactly when the spectral radius ρ(A(α)) < 1.
 */
import type { Dataset } from './dataset';
import { meanOfPower } from './dataset';
import type { ModelKind } from './model';
import { epochBatches, type OptimizerSpec } from './optimizer';

/** A 2×2 matrix [[a, b], [c, d]] (row-major); the 'w' model uses only `a`. */
export interface Mat2 {
  a: number;
  b: number;
  c: number;
  d: number;
}

const IDENTITY: Mat2 = { a: 1, b: 0, c: 0, d: 1 };

/** The product P·Q. */
export const multiply = (p: Mat2, q: Mat2): Mat2 => ({
  a: p.a * q.a + p.b * q.c,
  b: p.a * q.b + p.b * q.d,
  c: p.c * q.a + p.d * q.c,
  d: p.c * q.b + p.d * q.d,
});

/** ρ(M): the largest |eigenvalue| of a 2×2 matrix, from its trace and determinant. */
export function spectralRadius(m: Mat2): number {
  const half = (m.a + m.d) / 2;
  // ((a − d)/2)² + bc rather than half² − det: no cancellation when the eigenvalues nearly coincide.
  const disc = ((m.a - m.d) / 2) ** 2 + m.b * m.c;
  if (disc < 0) return Math.sqrt(m.a * m.d - m.b * m.c);
  const root = Math.sqrt(disc);
  return Math.max(Math.abs(half + root), Math.abs(half - root));
}

/** Hessian of the batch's mean loss: H_B = (2/|B|)·Σ_{i∈B} [[xᵢ², xᵢ], [xᵢ, 1]] ('w' keeps only xᵢ²). */
export function batchHessian(model: ModelKind, xs: readonly number[], indices: readonly number[]): Mat2 {
  let xx = 0;
  let x1 = 0;
  for (const i of indices) {
    const x = xs[i]!;
    xx += x * x;
    x1 += x;
  }
  const k = 2 / indices.length;
  return model === 'w'
    ? { a: k * xx, b: 0, c: 0, d: 0 }
    : { a: k * xx, b: k * x1, c: k * x1, d: k * indices.length };
}

/**
 * Largest eigenvalue of the cost's Hessian: 2·mean(x²) for y = w·x; for y = w·x + b the larger
 * eigenvalue of 2·[[mean(x²), mean(x)], [mean(x), 1]].
 */
export function costCurvature(model: ModelKind, data: Dataset): number {
  const xx = meanOfPower(data.xs, 2);
  if (model === 'w') return 2 * xx;
  const x1 = meanOfPower(data.xs, 1);
  const half = (xx + 1) / 2;
  return 2 * (half + Math.sqrt(((xx - 1) / 2) ** 2 + x1 * x1));
}

/** GD converges iff α < 2/λ_max (= 1/mean(x²) for y = w·x: ≈ 0.214 on the lecture's data). */
export function gdStabilityLimit(model: ModelKind, data: Dataset): number {
  const curvature = costCurvature(model, data);
  return curvature > 0 ? 2 / curvature : Infinity;
}

/**
 * α = 1/λ_max: GD lands on the optimum in one step (y = w·x: 1/(2·mean(x²)) ≈ 0.107 on the lecture's
 * data); between it and the limit GD overshoots and oscillates while it converges.
 */
export function gdOneStepRate(model: ModelKind, data: Dataset): number {
  const curvature = costCurvature(model, data);
  return curvature > 0 ? 1 / curvature : Infinity;
}

/**
 * The eigenvalues of a 2×2 matrix, λ = tr/2 ± √((a − d)²/4 + bc): two reals, the dominant one (largest
 * |λ|; the negative one when both are as large) first, or a complex pair of modulus √det.
 */
export type Eigenvalues =
  | { readonly complex: false; readonly dominant: number; readonly other: number }
  | { readonly complex: true; readonly modulus: number };

export function eigenvalues(m: Mat2): Eigenvalues {
  const half = (m.a + m.d) / 2;
  const disc = ((m.a - m.d) / 2) ** 2 + m.b * m.c;
  const det = m.a * m.d - m.b * m.c;
  if (disc < 0) return { complex: true, modulus: Math.sqrt(det) };
  const root = Math.sqrt(disc);
  const dominant = half > 0 ? half + root : half - root;
  // The smaller one as det/dominant: half ∓ root would cancel when it is near 0.
  return { complex: false, dominant, other: dominant === 0 ? 0 : det / dominant };
}

/**
 * One epoch's linear part A(α) = Π_B (I − α·H_B), over the batches in the order epoch `epoch` visits
 * them, as `matrix`·e^`logScale` (y = w·x: A = [[Π_B (1 − α·H_B), 0], [0, 1]], only `a` counts).
 */
export interface EpochMap {
  readonly matrix: Mat2;
  readonly logScale: number;
}

export function epochMap(
  model: ModelKind,
  data: Dataset,
  optimizer: OptimizerSpec,
  lr: number,
  epoch = 0,
): EpochMap {
  return epochMapOf(model, epochHessians(model, data, optimizer, epoch), lr);
}

/** H_B of each batch, in the order epoch `epoch` visits them: what A(α) is made of, for any α. */
function epochHessians(model: ModelKind, data: Dataset, optimizer: OptimizerSpec, epoch: number): Mat2[] {
  return epochBatches(optimizer, data.xs.length, epoch).map((indices) =>
    batchHessian(model, data.xs, indices),
  );
}

/** A(α) = Π_B (I − α·H_B) from the batches' Hessians (see epochMap). */
function epochMapOf(model: ModelKind, hessians: readonly Mat2[], lr: number): EpochMap {
  let product = IDENTITY;
  // Thousands of factors overflow or underflow a double (and ∞·0 is NaN): the product is kept
  // normalised, its scale carried as a logarithm.
  let logScale = 0;
  for (const h of hessians) {
    const step: Mat2 = { a: 1 - lr * h.a, b: -lr * h.b, c: -lr * h.c, d: model === 'w' ? 1 : 1 - lr * h.d };
    product = multiply(step, product);
    const size = Math.max(Math.abs(product.a), Math.abs(product.b), Math.abs(product.c), Math.abs(product.d));
    if (size === 0) return { matrix: product, logScale: 0 };
    if (size > 1e100 || size < 1e-100) {
      product = { a: product.a / size, b: product.b / size, c: product.c / size, d: product.d / size };
      logScale += Math.log(size);
    }
  }
  return { matrix: product, logScale };
}

/** ρ of an epoch map: |a| under y = w·x, the spectral radius under y = w·x + b, times its scale. */
function radiusOf(model: ModelKind, { matrix, logScale }: EpochMap): number {
  const radius = model === 'w' ? Math.abs(matrix.a) : spectralRadius(matrix);
  return logScale === 0 ? radius : radius * Math.exp(logScale);
}

/**
 * ρ(A) of one epoch's linear part A(α) = Π_B (I − α·H_B) (see epochMap). ρ < 1: the epoch contracts
 * toward the fixed point; ρ > 1: the run diverges.
 */
export function epochContraction(
  model: ModelKind,
  data: Dataset,
  optimizer: OptimizerSpec,
  lr: number,
  epoch = 0,
): number {
  return radiusOf(model, epochMap(model, data, optimizer, lr, epoch));
}

/**
 * The stability limit of any optimizer: the smallest α > 0 with ρ(A(α)) > 1, found by a geometric
 * scan and bisection (GD's closed form 2/λ_max is the special case B = n). Infinity when the cost has
 * no curvature (all x = 0 under y = w·x).
 */
export function stabilityLimit(model: ModelKind, data: Dataset, optimizer: OptimizerSpec, epoch = 0): number {
  const gdLimit = gdStabilityLimit(model, data);
  if (!Number.isFinite(gdLimit)) return Infinity;
  if (optimizer.kind === 'gd') return gdLimit;
  // A flat direction (one point, or all x equal, under 'wb') keeps ρ at exactly 1 for every α: that
  // mode neither grows nor shrinks, so only ρ clearly above 1 counts as unstable.
  // The batches' Hessians do not depend on α: made once for the thousands of probes below.
  const hessians = epochHessians(model, data, optimizer, epoch);
  const unstable = (lr: number): boolean => radiusOf(model, epochMapOf(model, hessians, lr)) > 1 + 1e-12;
  // Coarser for large data sets: each probe multiplies one factor per batch.
  const steps = data.xs.length > 500 ? 400 : 2000;
  const low = gdLimit * 1e-4;
  const ratio = Math.pow(1e8, 1 / steps);
  let below = 0;
  let above = Infinity;
  for (let i = 0, lr = low; i <= steps; i++, lr *= ratio) {
    if (unstable(lr)) {
      above = lr;
      break;
    }
    below = lr;
  }
  if (!Number.isFinite(above)) return Infinity;
  for (let i = 0; i < 60; i++) {
    const mid = (below + above) / 2;
    if (unstable(mid)) above = mid;
    else below = mid;
  }
  return (below + above) / 2;
}
