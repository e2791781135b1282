/**
 * What a learning rate will do, said before the run starts. The MSE cost is a quadratic bowl, so one
 * epoch moves the parameters by an affine map θ' − θ_fix = A(α)·(θ − θ_fix) (see stability.ts): the
 * distance to the point the run settles at is multiplied by A's dominant eigenvalue every epoch.
 *
 * - GD on y = w·x: A = 1 − α·2·mean(x²) (−0.8666… at α = 0.2 on the lecture's data, 0.5333… at 0.05).
 * - SGD and mini-batch on y = w·x: A = Π_B (1 − α·2·mean_{i∈B}(xᵢ²)), the batches in the order epoch 0
 *   visits them (the lecture's order, or the seeded shuffle). One factor of 0 makes the product 0:
 *   on the lecture's data α = 0.5 zeroes sample 1's factor, so SGD lands on w = 2 in one epoch and
 *   stays, while GD's factor is 1 − 0.5·28/3 = −3.67 and it diverges.
 * - y = w·x + b: A = Π_B (I − α·H_B), a 2×2 matrix; its dominant eigenvalue, or the modulus ρ of a
 *   complex pair (the parameters then spiral in or out).
 *
 * The fixed point is the optimum θ* for GD, and for SGD and mini-batch whenever a line fits the data
 * exactly (the lecture's); on other data they settle near θ*, and the factor measures the distance
 * to where they settle.
 */
import type { Dataset } from './dataset';
import type { ModelKind } from './model';
import type { OptimizerSpec } from './optimizer';
import { eigenvalues, epochMap } from './stability';

/**
 * 'smooth': 0 < f < 1, approaches the optimum from one side; 'oscillating': −1 < f < 0 or a complex
 * pair with ρ < 1, overshoots it and swings back, ever closer; 'one-step': f ≈ 0, lands on it in one
 * epoch (one step, for GD); 'diverges': |f| > 1; 'stalls': |f| = 1, neither converges nor diverges;
 * 'adaptive': the step size adapts as the run goes, so no factor is fixed in advance (factor ∞).
 */
export type RegimeKind = 'smooth' | 'oscillating' | 'one-step' | 'diverges' | 'stalls' | 'adaptive';

export interface LearningRateRegime {
  readonly kind: RegimeKind;
  /**
   * What one epoch multiplies the distance to the optimum by: the dominant eigenvalue of the epoch's
   * map (negative: each epoch ends on the other side), or ρ for a complex pair. ±Infinity when it is
   * beyond a double (it is never NaN).
   */
  readonly factor: number;
}

/**
 * |f| within this of 0 reads as one step, within this of 1 as a stall: α = 1/(2·mean x²) computed in
 * floating point leaves f ≈ 1e-16, not 0, and the rounding at the stability limit must not read as
 * divergence (runHealth allows the same 1e-9 there).
 */
export const REGIME_TOLERANCE = 1e-9;

/** x·e^logScale without 0·∞ = NaN; −0 becomes 0. */
function scaled(x: number, logScale: number): number {
  if (x === 0) return 0;
  return logScale === 0 ? x : x * Math.exp(logScale);
}

/** The per-epoch factor f (see LearningRateRegime.factor) and whether it is the modulus of a complex pair. */
function epochFactor(
  model: ModelKind,
  data: Dataset,
  optimizer: OptimizerSpec,
  lr: number,
): { factor: number; complex: boolean } {
  const { matrix, logScale } = epochMap(model, data, optimizer, lr);
  if (model === 'w') return { factor: scaled(matrix.a, logScale), complex: false };
  const { xs } = data;
  if (xs.every((x) => x === xs[0])) {
    // All x equal: every H_B is a multiple of [[x², x], [x, 1]], so w and b may trade along (1, −x)
    // without changing any loss. That direction's eigenvalue is exactly 1 for every α; the other,
    // tr(A) − 1, decides whether the run reaches the line of optima.
    return { factor: scaled(matrix.a + matrix.d, logScale) - 1, complex: false };
  }
  const eigen = eigenvalues(matrix);
  return eigen.complex
    ? { factor: scaled(eigen.modulus, logScale), complex: true }
    : { factor: scaled(eigen.dominant, logScale), complex: false };
}

/** The regime of a per-epoch factor f (complex: f is the modulus of a complex pair). */
export function regimeOfFactor(factor: number, complex = false): RegimeKind {
  if (!Number.isFinite(factor)) return 'diverges';
  const size = Math.abs(factor);
  if (size <= REGIME_TOLERANCE) return 'one-step';
  if (Math.abs(size - 1) <= REGIME_TOLERANCE) return 'stalls';
  if (size > 1) return 'diverges';
  return complex || factor < 0 ? 'oscillating' : 'smooth';
}

/**
 * What learning rate `lr` will do to a run of `optimizer` on `data` under `model`, from epoch 0's
 * map A(α) = Π_B (I − α·H_B) (GD on y = w·x: f = 1 − α·2·mean(x²)); see the module's comment.
 */
export function learningRateRegime(
  model: ModelKind,
  data: Dataset,
  optimizer: OptimizerSpec,
  lr: number,
): LearningRateRegime {
  const { factor, complex } = epochFactor(model, data, optimizer, lr);
  // NaN only comes out of an overflow (∞·0): the run would overflow too.
  const finiteOrInfinite = Number.isNaN(factor) ? Infinity : factor;
  return { kind: regimeOfFactor(finiteOrInfinite, complex), factor: finiteOrInfinite };
}

/**
 * A factor for a sentence: 2 significant digits (−0.8667 → '−0.87'; whole digits kept below 10⁴,
 * −119 → '−119'), more when 2 would show 0 or ±1 for a factor that is not (0.996 → '0.996',
 * 1.004 → '1.004'); 0 and ±1 within REGIME_TOLERANCE as '0', '1', '−1'; e-notation outside
 * 0.001 ≤ |f| < 10⁴ ('1.2e+6'); a real minus sign (U+2212); ±∞ as '∞', '−∞', NaN as '—'.
 */
export function formatRegimeFactor(factor: number): string {
  if (Number.isNaN(factor)) return '—';
  const minus = factor < 0 ? '−' : '';
  const size = Math.abs(factor);
  if (!Number.isFinite(size)) return `${minus}∞`;
  if (size <= REGIME_TOLERANCE) return '0';
  if (Math.abs(size - 1) <= REGIME_TOLERANCE) return `${minus}1`;
  const exponential = size < 1e-3 || size >= 1e4;
  // Whole digits are kept below 10⁴: ×−119, not ×−120.
  let digits = exponential || size < 1 ? 2 : Math.max(2, Math.floor(Math.log10(size)) + 1);
  let rounded = Number(size.toPrecision(digits));
  // Beyond 12 digits every factor outside the tolerance is told apart from 0 and 1.
  while ((rounded === 1 || rounded === 0) && digits < 12) rounded = Number(size.toPrecision(++digits));
  return `${minus}${exponential ? size.toExponential(digits - 1) : String(rounded)}`;
}
