/** A training set of (x, y) pairs, in the order the lecture's `zip(x_data, y_data)` visits them. */
export interface Dataset {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
}

/** The lecture's setup: y = 2x sampled at 1, 2, 3; w starts at 1.0; α = 0.01; 100 epochs; predict at 4. */
export const LECTURE = {
  data: { xs: [1, 2, 3], ys: [2, 4, 6] } satisfies Dataset,
  w0: 1,
  b0: 0,
  lr: 0.01,
  epochs: 100,
  predictX: 4,
} as const;

/** mean(xᵏ) over the data set; the curvature of the MSE cost is built from these moments. */
export function meanOfPower(xs: readonly number[], power: 1 | 2): number {
  let sum = 0;
  for (const x of xs) sum += power === 1 ? x : x * x;
  return sum / xs.length;
}
