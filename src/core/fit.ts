/**
 * The least-squares optimum the runs head for, and the range of w worth drawing.
 */
import type { Dataset } from './dataset';
import type { ModelKind, Params } from './model';

/**
 * θ* minimising the MSE: y = w·x gives w* = Σxᵢyᵢ / Σxᵢ²; y = w·x + b the ordinary least-squares line.
 * Degenerate data (all x equal to 0, or all equal under 'wb') fall back to the best b alone.
 */
export function optimum(model: ModelKind, data: Dataset): Params {
  const { xs, ys } = data;
  const n = xs.length;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  if (model === 'w') return { w: sxx > 0 ? sxy / sxx : 0, b: 0 };
  const det = n * sxx - sx * sx;
  if (Math.abs(det) <= 1e-12 * Math.max(1, n * sxx)) return { w: 0, b: sy / n };
  return { w: (n * sxy - sx * sy) / det, b: (sxx * sy - sx * sxy) / det };
}
