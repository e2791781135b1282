/**
 * AdaGrad: torch.optim.Adagrad(params, lr, eps=ε) (lr_decay 0, initial_accumulator_value 0). Per
 * parameter the sum of every squared gradient so far scales the step:
 *
 *   sₜ = sₜ₋₁ + gₜ·gₜ;   p ← p − α·gₜ / (√sₜ + ε)
 *
 * The plain-Python script keeps s as `s_w` (and `s_b`). With lr_decay 0 torch's step size
 * α / (1 + (t − 1)·0) is exactly α.
 */
import { pyFloatLiteral } from '../pyrepr';
import { epsParameter } from './rmsprop';
import type { OptimizerEntry } from './entry';
import { adaptiveRegime } from './adaptive';
import { hyperValue, type HyperParameter, type PythonRule, type UpdateRule } from './types';

/** AdaGrad's ε: torch's default 1e-10. */
export const ADAGRAD_EPS = epsParameter(1e-10);

/** AdaGrad's one hyperparameter, ε. */
export const adagradHyperParameters: readonly HyperParameter[] = [ADAGRAD_EPS];

/** s ← s + g·g; p ← p − α·g / (√s + ε). State per parameter: [sum]. */
export const adagradRule: UpdateRule = {
  stateSize: 1,
  stateNames: ['sum'],
  stateSymbols: ['s'],
  formula: {
    lines: (p) => ['s ← s + g²', `${p} ← ${p} − α·g / (√s + ε)`],
    live: ({ p, before, after, g, lr, hyper, stateBefore, stateAfter }, fmt) => [
      `s = ${fmt(stateBefore.sum!)} + ${fmt(g)}² = ${fmt(stateAfter.sum!)}`,
      `${p} = ${fmt(before)} − ${fmt(lr)} × ${fmt(g)} / (√${fmt(stateAfter.sum!)} + ${fmt(hyperValue(ADAGRAD_EPS, hyper))}) = ${fmt(after)}`,
    ],
  },
  update: (p, g, lr, hyper, state, at) => {
    const s = state[at]! + g * g;
    state[at] = s;
    return p - (lr * g) / (Math.sqrt(s) + hyperValue(ADAGRAD_EPS, hyper));
  },
};

/** AdaGrad in the generated scripts: `s_w` (and `s_b`), the sum of g·g, from 0.0. */
export const adagradPython: PythonRule = {
  scriptName: 'adagrad.py',
  title: 'AdaGrad (torch.optim.Adagrad)',
  hyperParameters: adagradHyperParameters,
  state: [{ name: 's', initial: '0.0' }],
  step: [
    'def adagrad_step(p, grad, s):',
    '    s = s + grad*grad',
    '    p = p - lr*grad / (math.sqrt(s) + eps)',
    '    return p, s',
  ],
  stepFunction: 'adagrad_step',
  torchOptimizer: (params, lr, hyper) =>
    `torch.optim.Adagrad(${params}, lr=${lr}, eps=${pyFloatLiteral(hyperValue(ADAGRAD_EPS, hyper))})`,
};

/** AdaGrad, full batch: torch.optim.Adagrad(eps=ε). No fixed learning-rate limit. */
export const adagrad = {
  id: 'adagrad',
  batching: 'full',
  rule: adagradRule,
  hyperParameters: adagradHyperParameters,
  python: adagradPython,
  color: { light: '#a16207', dark: '#facc15' },
  stabilityLimit: () => null,
  regime: adaptiveRegime,
} as const satisfies OptimizerEntry<'adagrad'>;
