/**
 * Shared by the optimizer tests: an independent reference for the update rules (torch.optim's
 * algorithms written out plainly, in the order torch's code computes them, sharing no code with
 * src/core), settings that cover every batching and model, and the fixtures' number format.
 */
import type { ScriptConfig } from '../../../src/core';

export const RULE_NAMES = ['momentum', 'nesterov', 'rmsprop', 'adagrad', 'adam'] as const;
export type RuleName = (typeof RULE_NAMES)[number];

export const ALL_NAMES = ['gd', 'sgd', 'minibatch', ...RULE_NAMES] as const;

/** torch's defaults (momentum 0.9 rather than torch's 0). */
export const DEFAULT_HYPER: Readonly<Record<RuleName, Readonly<Record<string, number>>>> = {
  momentum: { momentum: 0.9 },
  nesterov: { momentum: 0.9 },
  rmsprop: { alpha: 0.99, eps: 1e-8 },
  adagrad: { eps: 1e-10 },
  adam: { beta1: 0.9, beta2: 0.999, eps: 1e-8 },
};

/** One parameter under torch's algorithm: `step(g)` applies one update and returns p. */
export interface RefParameter {
  p: number;
  step(g: number): number;
}

/**
 * torch.optim's update of one parameter, as torch 1.13's _single_tensor_* functions compute it
 * (dampening 0, no weight decay, lr_decay 0, not centered, no amsgrad), except that Adam's βᵗ are
 * running products where torch calls pow().
 */
export function refParameter(
  name: RuleName,
  p0: number,
  lr: number,
  hyper: Record<string, number>,
): RefParameter {
  const h = { ...DEFAULT_HYPER[name], ...hyper } as Record<string, number>;
  let buffer: number | null = null;
  let squareAvg = 0;
  let sum = 0;
  let expAvg = 0;
  let expAvgSq = 0;
  let beta1Power = 1;
  let beta2Power = 1;
  const param: RefParameter = {
    p: p0,
    step(g) {
      switch (name) {
        case 'momentum':
        case 'nesterov': {
          const mu = h.momentum!;
          buffer = buffer === null ? g : buffer * mu + g;
          const d = name === 'nesterov' ? g + mu * buffer : buffer;
          param.p = param.p - lr * d;
          break;
        }
        case 'rmsprop': {
          squareAvg = squareAvg * h.alpha! + (1 - h.alpha!) * g * g;
          const avg = Math.sqrt(squareAvg) + h.eps!;
          param.p = param.p - (lr * g) / avg;
          break;
        }
        case 'adagrad': {
          sum = sum + g * g;
          const std = Math.sqrt(sum) + h.eps!;
          param.p = param.p - (lr * g) / std;
          break;
        }
        case 'adam': {
          expAvg = expAvg * h.beta1! + (1 - h.beta1!) * g;
          expAvgSq = expAvgSq * h.beta2! + (1 - h.beta2!) * g * g;
          beta1Power *= h.beta1!;
          beta2Power *= h.beta2!;
          const stepSize = lr / (1 - beta1Power);
          const denom = Math.sqrt(expAvgSq) / Math.sqrt(1 - beta2Power) + h.eps!;
          param.p = param.p - (stepSize * expAvg) / denom;
          break;
        }
      }
      return param.p;
    },
  };
  return param;
}

/** A fixture's number: a Python float repr ('inf', 'nan' included). */
export function pyNumber(text: string): number {
  if (text === 'inf') return Infinity;
  if (text === '-inf') return -Infinity;
  if (text === 'nan') return NaN;
  return Number(text);
}

const LECTURE = { xs: [1, 2, 3], ys: [2, 4, 6] };
/** Five points near y = 3x + 2 with x = 0 among them; a batch of 2 leaves one over. */
const INTERCEPT = { xs: [-1, 0, 1.5, 2, 3], ys: [-0.9, 2.1, 6.4, 8.1, 10.9] };
/** Gradients whose square overflows: an adaptive method's state becomes inf while w stays finite. */
const HUGE = { xs: [1e100, -2e100], ys: [3e100, 1e100] };

/** Every batching a config can take, with and without a shuffle. */
const BATCHINGS: readonly Pick<ScriptConfig, 'batching' | 'batchSize' | 'shuffle' | 'seed'>[] = [
  { batching: 'full' },
  { batching: 'sample' },
  { batching: 'sample', shuffle: true, seed: 11 },
  { batching: 'batch', batchSize: 2 },
  { batching: 'batch', batchSize: 3, shuffle: true, seed: 4_000_000_000 },
];

/**
 * Script configs for every optimizer, both models and every batching: a converging run on the
 * lecture's data, one on data with an intercept, and diverging ones (quickly for the adaptive
 * methods, whose step hardly depends on the gradient; after some epochs for the others).
 */
export function scriptConfigs(): ScriptConfig[] {
  const configs: ScriptConfig[] = [];
  for (const optimizer of ALL_NAMES) {
    const adaptive = optimizer === 'rmsprop' || optimizer === 'adagrad' || optimizer === 'adam';
    for (const model of ['w', 'wb'] as const) {
      for (const batching of BATCHINGS) {
        const base = { optimizer, model, ...batching, predictX: 4 } as const;
        configs.push(
          { ...base, ...LECTURE, w0: 1, b0: 0, lr: 0.01, epochs: 30 },
          { ...base, ...INTERCEPT, w0: -0.5, b0: 0.25, lr: adaptive ? 0.3 : 0.02, epochs: 25, predictX: 2.5 },
          { ...base, ...LECTURE, w0: 1, b0: 0, lr: adaptive ? 1e155 : 3, epochs: 300 },
          { ...base, ...HUGE, w0: 1, b0: 0, lr: 0.01, epochs: 6 },
        );
      }
    }
  }
  return configs;
}
