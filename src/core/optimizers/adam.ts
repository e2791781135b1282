/**
 * Adam: torch.optim.Adam(params, lr, betas=(β₁, β₂), eps=ε) (no weight decay, no amsgrad). Per
 * parameter two running means, of the gradient and of its square, both starting at 0 and corrected
 * for that start:
 *
 *   mₜ = β₁·mₜ₋₁ + (1 − β₁)·gₜ,   vₜ = β₂·vₜ₋₁ + (1 − β₂)·gₜ·gₜ
 *   p ← p − (α / (1 − β₁ᵗ))·mₜ / (√vₜ / √(1 − β₂ᵗ) + ε)
 *
 * which is torch's m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), p ← p − α·m̂/(√v̂ + ε) in the order torch's
 * code computes it. β₁ᵗ and β₂ᵗ are running products kept in the state (one multiplication per
 * step), not pow(): JavaScript's Math.pow and C's pow may round differently, products do not, so the
 * plain-Python script (which keeps `beta1_t`, `beta2_t` the same way) prints the same digits.
 */
import { pyFloatLiteral } from '../pyrepr';
import { epsParameter } from './rmsprop';
import type { OptimizerEntry } from './entry';
import { adaptiveRegime } from './adaptive';
import { hyperValue, type HyperParameter, type PythonRule, type UpdateRule } from './types';

/** β₁, the fraction of the gradient's running mean kept each step: 0 ≤ β₁ < 1. */
export const ADAM_BETA1: HyperParameter = {
  key: 'beta1',
  defaultValue: 0.9,
  min: 0,
  max: 1,
  maxExclusive: true,
};
/** β₂, the fraction of the squared gradient's running mean kept each step: 0 ≤ β₂ < 1. */
export const ADAM_BETA2: HyperParameter = {
  key: 'beta2',
  defaultValue: 0.999,
  min: 0,
  max: 1,
  maxExclusive: true,
};
/** Adam's ε: torch's default 1e-8. */
export const ADAM_EPS = epsParameter(1e-8);

/** Adam's hyperparameters: β₁, β₂ and ε. */
export const adamHyperParameters: readonly HyperParameter[] = [ADAM_BETA1, ADAM_BETA2, ADAM_EPS];

/**
 * m ← β₁·m + (1 − β₁)·g; v ← β₂·v + (1 − β₂)·g·g; β₁ᵗ ← β₁ᵗ·β₁; β₂ᵗ ← β₂ᵗ·β₂;
 * p ← p − (α/(1 − β₁ᵗ))·m / (√v/√(1 − β₂ᵗ) + ε). State per parameter: [expAvg, expAvgSq, beta1Power,
 * beta2Power], starting at [0, 0, 1, 1].
 */
export const adamRule: UpdateRule = {
  stateSize: 4,
  stateNames: ['expAvg', 'expAvgSq', 'beta1Power', 'beta2Power'],
  stateSymbols: ['m', 'v', null, null],
  initialState: () => [0, 0, 1, 1],
  formula: {
    lines: (p) => [
      'm ← β₁·m + (1 − β₁)·g',
      'v ← β₂·v + (1 − β₂)·g²',
      `${p} ← ${p} − α/(1 − β₁ᵗ) · m / (√v/√(1 − β₂ᵗ) + ε)`,
    ],
    live: ({ p, before, after, g, lr, hyper, stateBefore, stateAfter, t }, fmt) => {
      const beta1 = hyperValue(ADAM_BETA1, hyper);
      const beta2 = hyperValue(ADAM_BETA2, hyper);
      return [
        `m = ${fmt(beta1)} × ${fmt(stateBefore.expAvg!)} + ${fmt(1 - beta1)} × ${fmt(g)} = ${fmt(stateAfter.expAvg!)}`,
        `v = ${fmt(beta2)} × ${fmt(stateBefore.expAvgSq!)} + ${fmt(1 - beta2)} × ${fmt(g)}² = ${fmt(stateAfter.expAvgSq!)}`,
        `${p} = ${fmt(before)} − ${fmt(lr)}/(1 − ${fmt(beta1)}^${t}) × ${fmt(stateAfter.expAvg!)} / (√${fmt(stateAfter.expAvgSq!)}/√(1 − ${fmt(beta2)}^${t}) + ${fmt(hyperValue(ADAM_EPS, hyper))}) = ${fmt(after)}`,
      ];
    },
  },
  update: (p, g, lr, hyper, state, at) => {
    const beta1 = hyperValue(ADAM_BETA1, hyper);
    const beta2 = hyperValue(ADAM_BETA2, hyper);
    const m = beta1 * state[at]! + (1 - beta1) * g;
    const v = beta2 * state[at + 1]! + (1 - beta2) * g * g;
    const beta1Power = state[at + 2]! * beta1;
    const beta2Power = state[at + 3]! * beta2;
    state[at] = m;
    state[at + 1] = v;
    state[at + 2] = beta1Power;
    state[at + 3] = beta2Power;
    const denom = Math.sqrt(v) / Math.sqrt(1 - beta2Power) + hyperValue(ADAM_EPS, hyper);
    return p - ((lr / (1 - beta1Power)) * m) / denom;
  },
};

/**
 * Adam in the generated scripts: `m_w`, `v_w` (and `m_b`, `v_b`) from 0.0, and `beta1_t`, `beta2_t`
 * shared by the parameters, multiplied once per update before the parameters' steps.
 */
export const adamPython: PythonRule = {
  scriptName: 'adam.py',
  title: 'Adam (torch.optim.Adam)',
  hyperParameters: adamHyperParameters,
  state: [
    { name: 'm', initial: '0.0' },
    { name: 'v', initial: '0.0' },
  ],
  shared: {
    init: [
      '# beta1**t and beta2**t after t steps, kept as running products',
      'beta1_t = 1.0',
      'beta2_t = 1.0',
    ],
    perUpdate: ['beta1_t = beta1_t*beta1', 'beta2_t = beta2_t*beta2'],
  },
  step: [
    'def adam_step(p, grad, m, v):',
    '    m = beta1*m + (1 - beta1)*grad',
    '    v = beta2*v + (1 - beta2)*grad*grad',
    '    # m/(1 - beta1_t) and v/(1 - beta2_t) correct the means for starting at 0',
    '    denom = math.sqrt(v) / math.sqrt(1 - beta2_t) + eps',
    '    p = p - lr / (1 - beta1_t)*m / denom',
    '    return p, m, v',
  ],
  stepFunction: 'adam_step',
  torchOptimizer: (params, lr, hyper) =>
    `torch.optim.Adam(${params}, lr=${lr}, betas=(${pyFloatLiteral(hyperValue(ADAM_BETA1, hyper))}, ` +
    `${pyFloatLiteral(hyperValue(ADAM_BETA2, hyper))}), eps=${pyFloatLiteral(hyperValue(ADAM_EPS, hyper))})`,
};

/** Adam, full batch: torch.optim.Adam(betas=(β₁, β₂), eps=ε). No fixed learning-rate limit. */
export const adam = {
  id: 'adam',
  batching: 'full',
  rule: adamRule,
  hyperParameters: adamHyperParameters,
  python: adamPython,
  color: { light: '#a21caf', dark: '#e879f9' },
  stabilityLimit: () => null,
  regime: adaptiveRegime,
} as const satisfies OptimizerEntry<'adam'>;
