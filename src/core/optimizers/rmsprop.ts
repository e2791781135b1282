/**
 * RMSprop: torch.optim.RMSprop(params, lr, alpha=ρ, eps=ε) (no momentum, not centered). Per
 * parameter a running mean of squared gradients, starting at 0, scales the step:
 *
 *   vₜ = ρ·vₜ₋₁ + (1 − ρ)·gₜ·gₜ;   p ← p − α·gₜ / (√vₜ + ε)
 *
 * The plain-Python script keeps v as `v_w` (and `v_b`) and squares with g*g, as torch's addcmul does.
 */
import { pyFloatLiteral } from '../pyrepr';
import type { OptimizerEntry } from './entry';
import { adaptiveRegime } from './adaptive';
import { hyperValue, type HyperParameter, type PythonRule, type UpdateRule } from './types';

/** ρ (torch's `alpha`), the fraction of the mean kept each step: 0 ≤ ρ < 1. */
export const RMSPROP_ALPHA: HyperParameter = {
  key: 'alpha',
  defaultValue: 0.99,
  min: 0,
  max: 1,
  maxExclusive: true,
};

/** ε, added to √v so that a zero gradient never divides by zero: 0 < ε ≤ 1. */
export const epsParameter = (defaultValue: number): HyperParameter => ({
  key: 'eps',
  defaultValue,
  min: 0,
  max: 1,
  minExclusive: true,
});

/** RMSprop's ε: torch's default 1e-8. */
export const RMSPROP_EPS = epsParameter(1e-8);

/** RMSprop's hyperparameters: ρ (`alpha`) and ε. */
export const rmspropHyperParameters: readonly HyperParameter[] = [RMSPROP_ALPHA, RMSPROP_EPS];

/** v ← ρ·v + (1 − ρ)·g·g; p ← p − α·g / (√v + ε). State per parameter: [squareAvg]. */
export const rmspropRule: UpdateRule = {
  stateSize: 1,
  stateNames: ['squareAvg'],
  stateSymbols: ['s'],
  formula: {
    lines: (p) => ['s ← ρ·s + (1 − ρ)·g²', `${p} ← ${p} − α·g / (√s + ε)`],
    live: ({ p, before, after, g, lr, hyper, stateBefore, stateAfter }, fmt) => [
      `s = ${fmt(hyperValue(RMSPROP_ALPHA, hyper))} × ${fmt(stateBefore.squareAvg!)} + ${fmt(1 - hyperValue(RMSPROP_ALPHA, hyper))} × ${fmt(g)}² = ${fmt(stateAfter.squareAvg!)}`,
      `${p} = ${fmt(before)} − ${fmt(lr)} × ${fmt(g)} / (√${fmt(stateAfter.squareAvg!)} + ${fmt(hyperValue(RMSPROP_EPS, hyper))}) = ${fmt(after)}`,
    ],
  },
  update: (p, g, lr, hyper, state, at) => {
    const rho = hyperValue(RMSPROP_ALPHA, hyper);
    const v = rho * state[at]! + (1 - rho) * g * g;
    state[at] = v;
    return p - (lr * g) / (Math.sqrt(v) + hyperValue(RMSPROP_EPS, hyper));
  },
};

/** RMSprop in the generated scripts: `v_w` (and `v_b`), the running mean of g·g, from 0.0. */
export const rmspropPython: PythonRule = {
  scriptName: 'rmsprop.py',
  title: 'RMSprop (torch.optim.RMSprop)',
  hyperParameters: rmspropHyperParameters,
  state: [{ name: 'v', initial: '0.0' }],
  step: [
    'def rmsprop_step(p, grad, v):',
    '    v = alpha*v + (1 - alpha)*grad*grad',
    '    p = p - lr*grad / (math.sqrt(v) + eps)',
    '    return p, v',
  ],
  stepFunction: 'rmsprop_step',
  torchOptimizer: (params, lr, hyper) =>
    `torch.optim.RMSprop(${params}, lr=${lr}, alpha=${pyFloatLiteral(hyperValue(RMSPROP_ALPHA, hyper))}, ` +
    `eps=${pyFloatLiteral(hyperValue(RMSPROP_EPS, hyper))})`,
};

/** RMSprop, full batch: torch.optim.RMSprop(alpha=α, eps=ε). No fixed learning-rate limit. */
export const rmsprop = {
  id: 'rmsprop',
  batching: 'full',
  rule: rmspropRule,
  hyperParameters: rmspropHyperParameters,
  python: rmspropPython,
  color: { light: '#be185d', dark: '#f472b6' },
  stabilityLimit: () => null,
  regime: adaptiveRegime,
} as const satisfies OptimizerEntry<'rmsprop'>;
