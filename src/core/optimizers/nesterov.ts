/**
 * Nesterov momentum: torch.optim.SGD(params, lr, momentum=μ, nesterov=True) (dampening 0). The
 * velocity is momentum's; the step looks ahead along it:
 *
 *   v₁ = g₁,  vₜ = μ·vₜ₋₁ + gₜ;   p ← p − α·(gₜ + μ·vₜ)
 *
 * The plain-Python script keeps v as `v_w` (and `v_b`), None until the first step, as torch does.
 */
import { pyFloatLiteral } from '../pyrepr';
import { MOMENTUM, VELOCITY_LINES, velocityStep } from './momentum';
import type { OptimizerEntry } from './entry';
import { momentumLimit, momentumRegime } from './momentum';
import { hyperValue, type HyperParameter, type PythonRule, type UpdateRule } from './types';

/** Nesterov's one hyperparameter, μ (momentum's). */
export const nesterovHyperParameters: readonly HyperParameter[] = [MOMENTUM];

/** v ← μ·v + g (v₁ = g₁); p ← p − α·(g + μ·v). State per parameter: [velocity]. */
export const nesterovRule: UpdateRule = {
  stateSize: 1,
  stateNames: ['velocity'],
  stateSymbols: ['v'],
  formula: {
    lines: (p) => ['v ← μ·v + g   (v = g at the first step)', `${p} ← ${p} − α·(g + μ·v)`],
    live: ({ p, before, after, g, lr, hyper, stateBefore, stateAfter, t }, fmt) => {
      const mu = hyperValue(MOMENTUM, hyper);
      return [
        t === 1
          ? `v = g = ${fmt(stateAfter.velocity!)}`
          : `v = ${fmt(mu)} × ${fmt(stateBefore.velocity!)} + ${fmt(g)} = ${fmt(stateAfter.velocity!)}`,
        `${p} = ${fmt(before)} − ${fmt(lr)} × (${fmt(g)} + ${fmt(mu)} × ${fmt(stateAfter.velocity!)}) = ${fmt(after)}`,
      ];
    },
  },
  update: (p, g, lr, hyper, state, at, t) => {
    const mu = hyperValue(MOMENTUM, hyper);
    const v = velocityStep(state[at]!, g, mu, t);
    state[at] = v;
    return p - lr * (g + mu * v);
  },
};

/** Nesterov in the generated scripts: momentum's velocity, then the look-ahead step. */
export const nesterovPython: PythonRule = {
  scriptName: 'nesterov.py',
  title: 'Nesterov momentum (torch.optim.SGD with momentum, nesterov=True)',
  hyperParameters: nesterovHyperParameters,
  state: [{ name: 'v', initial: 'None' }],
  step: [
    'def nesterov_step(p, grad, v):',
    ...VELOCITY_LINES,
    '    p = p - lr*(grad + momentum*v)',
    '    return p, v',
  ],
  stepFunction: 'nesterov_step',
  torchOptimizer: (params, lr, hyper) =>
    `torch.optim.SGD(${params}, lr=${lr}, momentum=${pyFloatLiteral(hyperValue(MOMENTUM, hyper))}, nesterov=True)`,
};

/** Nesterov momentum, full batch: torch.optim.SGD(momentum=μ, nesterov=True). */
export const nesterov = {
  id: 'nesterov',
  batching: 'full',
  rule: nesterovRule,
  hyperParameters: nesterovHyperParameters,
  python: nesterovPython,
  color: { light: '#15803d', dark: '#4ade80' },
  stabilityLimit: momentumLimit(true),
  regime: momentumRegime(true),
} as const satisfies OptimizerEntry<'nesterov'>;
