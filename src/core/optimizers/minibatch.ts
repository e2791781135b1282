import { stabilityLimit } from '../stability';
import type { OptimizerEntry } from './entry';

/** Mini-batch gradient descent: one update per batch of B samples, θ ← θ − α·(1/B)·Σ_{i∈B} ∇ℓᵢ(θ). */
export const minibatch = {
  id: 'minibatch',
  batching: 'batch',
  hyperParameters: [],
  color: { light: '#7c3aed', dark: '#a78bfa' },
  stabilityLimit: (model, data, spec) => stabilityLimit(model, data, spec),
} as const satisfies OptimizerEntry<'minibatch'>;
