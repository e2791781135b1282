import { gdStabilityLimit } from '../stability';
import type { OptimizerEntry } from './entry';

/** The lecture's gradient descent: one update per epoch on the whole data set, θ ← θ − α·∇cost(θ). */
export const gd = {
  id: 'gd',
  batching: 'full',
  hyperParameters: [],
  lectureScript: 'gd',
  color: { light: '#2563eb', dark: '#60a5fa' },
  // cost is quadratic: GD converges iff α < 2/λ_max of its Hessian.
  stabilityLimit: (model, data) => gdStabilityLimit(model, data),
} as const satisfies OptimizerEntry<'gd'>;
