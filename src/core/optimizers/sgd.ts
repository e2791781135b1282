import { stabilityLimit } from '../stability';
import type { OptimizerEntry } from './entry';

/** The lecture's stochastic gradient descent: one update per sample, θ ← θ − α·∇ℓᵢ(θ). */
export const sgd = {
  id: 'sgd',
  batching: 'sample',
  hyperParameters: [],
  lectureScript: 'sgd',
  color: { light: '#c2410c', dark: '#fb923c' },
  // An epoch is a product of per-sample linear maps: its limit is where their product's ρ reaches 1.
  stabilityLimit: (model, data, spec) => stabilityLimit(model, data, spec),
} as const satisfies OptimizerEntry<'sgd'>;
