/**
 * Momentum: torch.optim.SGD(params, lr, momentum=μ) (dampening 0, no weight decay). Per parameter
 * p with gradient g, a velocity v that torch starts at the first gradient:
 *
 *   v₁ = g₁,  vₜ = μ·vₜ₋₁ + gₜ;   p ← p − α·vₜ
 *
 * The plain-Python script keeps v as `v_w` (and `v_b`), None until the first step, as torch does.
 */
import { pyFloatLiteral } from '../pyrepr';
import type { Dataset } from '../dataset';
import type { ModelKind } from '../model';
import type { OptimizerSpec } from '../optimizer';
import { regimeOfFactor, type LearningRateRegime } from '../regime';
import { batchHessian, eigenvalues, gdStabilityLimit, type Mat2 } from '../stability';
import type { OptimizerEntry } from './entry';
import { hyperValue, type HyperParameter, type PythonRule, type UpdateRule } from './types';

/** μ, the fraction of the velocity kept each step: 0 ≤ μ < 1 (torch's default 0 would be plain SGD). */
export const MOMENTUM: HyperParameter = {
  key: 'momentum',
  defaultValue: 0.9,
  min: 0,
  max: 1,
  maxExclusive: true,
};

/** Momentum's one hyperparameter, μ. */
export const momentumHyperParameters: readonly HyperParameter[] = [MOMENTUM];

/** vₜ = gₜ for t = 1, else μ·vₜ₋₁ + gₜ (torch clones the first gradient rather than adding it to 0·v). */
export function velocityStep(v: number, g: number, mu: number, t: number): number {
  return t === 1 ? g : mu * v + g;
}

/** v ← μ·v + g (v₁ = g₁); p ← p − α·v. State per parameter: [velocity]. */
export const momentumRule: UpdateRule = {
  stateSize: 1,
  stateNames: ['velocity'],
  stateSymbols: ['v'],
  formula: {
    lines: (p) => ['v ← μ·v + g   (v = g at the first step)', `${p} ← ${p} − α·v`],
    live: ({ p, before, after, g, lr, hyper, stateBefore, stateAfter, t }, fmt) => [
      t === 1
        ? `v = g = ${fmt(stateAfter.velocity!)}`
        : `v = ${fmt(hyperValue(MOMENTUM, hyper))} × ${fmt(stateBefore.velocity!)} + ${fmt(g)} = ${fmt(stateAfter.velocity!)}`,
      `${p} = ${fmt(before)} − ${fmt(lr)} × ${fmt(stateAfter.velocity!)} = ${fmt(after)}`,
    ],
  },
  update: (p, g, lr, hyper, state, at, t) => {
    const v = velocityStep(state[at]!, g, hyperValue(MOMENTUM, hyper), t);
    state[at] = v;
    return p - lr * v;
  },
};

/** The velocity update as the scripts write it: v is None until the first step (torch's empty buffer). */
export const VELOCITY_LINES: readonly string[] = [
  '    if v is None:  # torch.optim.SGD starts the velocity at the first gradient',
  '        v = grad',
  '    else:',
  '        v = momentum*v + grad',
];

/** Momentum in the generated scripts: `v_w` (and `v_b`) start as None, torch's empty buffer. */
export const momentumPython: PythonRule = {
  scriptName: 'momentum.py',
  title: 'gradient descent with momentum (torch.optim.SGD with momentum)',
  hyperParameters: momentumHyperParameters,
  state: [{ name: 'v', initial: 'None' }],
  step: ['def momentum_step(p, grad, v):', ...VELOCITY_LINES, '    p = p - lr*v', '    return p, v'],
  stepFunction: 'momentum_step',
  torchOptimizer: (params, lr, hyper) =>
    `torch.optim.SGD(${params}, lr=${lr}, momentum=${pyFloatLiteral(hyperValue(MOMENTUM, hyper))})`,
};

/**
 * Heavy-ball momentum on a quadratic: along a Hessian eigenvector with eigenvalue λ, with h = α·λ,
 * (x, α·v) evolves by A = [[1 − h, −μ], [h, μ]] per step (Nesterov: [[1 − h·(1 + μ), −μ²], [h, μ]]).
 * The dominant eigenvalue of A over the Hessian's eigenvalues is the regime's factor per step;
 * a complex pair means the run spirals in (modulus √μ, or √(μ(1 − h)) for Nesterov).
 */
export function momentumRegime(
  nesterov: boolean,
): (model: ModelKind, data: Dataset, spec: OptimizerSpec, lr: number) => LearningRateRegime {
  return (model, data, spec, lr) => {
    const mu = hyperValue(MOMENTUM, spec.hyper ?? {});
    const hessian = batchHessian(
      model,
      data.xs,
      data.xs.map((_, i) => i),
    );
    const curvatures = model === 'w' ? [hessian.a] : eigenvalueList(hessian);
    let worst: { factor: number; complex: boolean } = { factor: 0, complex: false };
    for (const lambda of curvatures) {
      const h = lr * lambda;
      const matrix: Mat2 = nesterov
        ? { a: 1 - h * (1 + mu), b: -mu * mu, c: h, d: mu }
        : { a: 1 - h, b: -mu, c: h, d: mu };
      const eigen = eigenvalues(matrix);
      const factor = eigen.complex ? eigen.modulus : eigen.dominant;
      if (!(Math.abs(factor) <= Math.abs(worst.factor))) worst = { factor, complex: eigen.complex };
    }
    const factor = Number.isNaN(worst.factor) ? Infinity : worst.factor;
    return { kind: regimeOfFactor(factor, worst.complex), factor };
  };
}

/** The two eigenvalues of a symmetric 2×2 Hessian. */
function eigenvalueList(m: Mat2): number[] {
  const mean = (m.a + m.d) / 2;
  const spread = Math.hypot((m.a - m.d) / 2, m.b);
  return [mean + spread, mean - spread];
}

/** Momentum converges on the quadratic cost while α < 2·(1 + μ)/λ_max (Nesterov: 2·(1 + μ)/((1 + 2μ)·λ_max)). */
export function momentumLimit(nesterov: boolean) {
  return (model: ModelKind, data: Dataset, spec: OptimizerSpec): number => {
    const mu = hyperValue(MOMENTUM, spec.hyper ?? {});
    // gdStabilityLimit is 2/λ_max.
    const gdLimit = gdStabilityLimit(model, data);
    return nesterov ? (gdLimit * (1 + mu)) / (1 + 2 * mu) : gdLimit * (1 + mu);
  };
}

/** Gradient descent with momentum, full batch: torch.optim.SGD(momentum=μ). */
export const momentum = {
  id: 'momentum',
  batching: 'full',
  rule: momentumRule,
  hyperParameters: momentumHyperParameters,
  python: momentumPython,
  color: { light: '#0f766e', dark: '#2dd4bf' },
  stabilityLimit: momentumLimit(false),
  regime: momentumRegime(false),
} as const satisfies OptimizerEntry<'momentum'>;
