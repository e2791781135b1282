/**
 * Every number the lesson says about the lecture, computed here from the core's own model (the same
 * operations, in the same order, as the lecture's scripts), never typed into a sentence: the cost
 * and the gradient at w = 1.0, the first step, 100 epochs, SGD's first epoch, and the exhaustive
 * search of the previous lecture (穷举法) with how its grid grows beside gradient descent's steps.
 */
import { LECTURE, type Dataset } from '../dataset';
import { optimum } from '../fit';
import { batchGradient, cost, descend, sampleGradient, sampleLoss, type ModelKind } from '../model';

const indicesOf = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** The lecture's gradient(): (Σ 2·x·(x·w − y)) / n, summed from 0 in data-set order. */
export function lectureGradient(data: Dataset, w: number): number {
  return batchGradient('w', { w, b: 0 }, data, indicesOf(data.xs.length), true).w;
}

/** One term 2·xᵢ·(xᵢ·w − yᵢ) of the lecture's gradient, with its sample. */
export interface GradientTerm {
  readonly x: number;
  readonly y: number;
  readonly term: number;
}

/** The terms of the lecture's gradient at `w`, one per sample, in data-set order. */
export function gradientTerms(data: Dataset, w: number): GradientTerm[] {
  return data.xs.map((x, i) => {
    const y = data.ys[i]!;
    return { x, y, term: sampleGradient('w', { w, b: 0 }, x, y).w };
  });
}

/** One epoch of the lecture's GD: the cost before it (what it prints), the gradient, w after. */
export interface GdStep {
  readonly w: number;
  readonly cost: number;
  readonly gradient: number;
  readonly next: number;
}

/** The GD epoch from `w` at learning rate `lr`: `w -= lr * gradient(x_data, y_data)`. */
export function gdStep(data: Dataset, w: number, lr: number): GdStep {
  const gradient = lectureGradient(data, w);
  const next = descend('w', { w, b: 0 }, { w: gradient, b: 0 }, lr).w;
  return { w, cost: cost('w', { w, b: 0 }, data), gradient, next };
}

/** w after `epochs` epochs of the lecture's GD from `w0`. */
export function gdAfter(data: Dataset, w0: number, lr: number, epochs: number): number {
  let w = w0;
  for (let epoch = 0; epoch < epochs; epoch++) w = gdStep(data, w, lr).next;
  return w;
}

/** One SGD update, as the lecture's inner loop takes it: the sample, its gradient, w after. */
export interface SgdUpdate {
  readonly x: number;
  readonly y: number;
  readonly gradient: number;
  readonly w: number;
}

/**
 * One epoch of the lecture's SGD from `w`: an update per sample in data-set order; `printedLoss` is
 * what the script prints, `loss(x, y)` of the last sample after its update, and `cost` the cost
 * over all the data at that same w, which the script never prints.
 */
export function sgdEpoch(
  data: Dataset,
  w0: number,
  lr: number,
): { readonly updates: readonly SgdUpdate[]; readonly printedLoss: number; readonly cost: number } {
  let w = w0;
  const updates = data.xs.map((x, i) => {
    const y = data.ys[i]!;
    const gradient = sampleGradient('w', { w, b: 0 }, x, y).w;
    w = descend('w', { w, b: 0 }, { w: gradient, b: 0 }, lr).w;
    return { x, y, gradient, w };
  });
  const last = data.xs.length - 1;
  return {
    updates,
    printedLoss: sampleLoss('w', { w, b: 0 }, data.xs[last]!, data.ys[last]!),
    cost: cost('w', { w, b: 0 }, data),
  };
}

// ---------------------------------------------------------------------------------------------
// Exhaustive search (穷举法), the previous lecture's way: the cost at every w of a grid.

/** The previous lecture's grid: w = 0.0, 0.1, …, 4.0 (np.arange(0.0, 4.1, 0.1) has 41 values). */
export const SEARCH_GRID = { first: 0, last: 4, tenths: 40 } as const;

/** How many values the grid tries for one parameter. */
export const GRID_SIZE = SEARCH_GRID.tenths + 1;

/** The grid's w values, each the double nearest i/10 (0.3, not 0.30000000000000004). */
export function searchGrid(): number[] {
  return Array.from({ length: GRID_SIZE }, (_, i) => i / 10);
}

export interface SearchPoint {
  readonly w: number;
  readonly cost: number;
}

/** The exhaustive search: the cost over all the data at every w of the grid, in order. */
export function exhaustiveSearch(data: Dataset, model: ModelKind = 'w'): SearchPoint[] {
  return searchGrid().map((w) => ({ w, cost: cost(model, { w, b: 0 }, data) }));
}

/** The grid point of lowest cost (the first, on a tie). */
export function bestOf(points: readonly SearchPoint[]): SearchPoint {
  return points.reduce((best, point) => (point.cost < best.cost ? point : best));
}

/** The evaluations a grid of `size` values per parameter needs for `parameters` parameters: sizeⁿ, exactly. */
export function gridEvaluations(parameters: number, size: number = GRID_SIZE): bigint {
  return BigInt(size) ** BigInt(parameters);
}

/** A whole number with a comma between each group of three digits: 1,681. */
export function groupDigits(n: bigint | number): string {
  return BigInt(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** How close the grid gets for sure: half its spacing (w* may fall between two grid values). */
export const SEARCH_TOLERANCE = 0.05;

/**
 * Gradient-descent steps (epochs) from the lecture's start until every parameter is within
 * `tolerance` of the optimum: y = w·x from w = w0, or y = w·x + b from (w0, 0), at learning rate
 * `lr`. Null when `limit` steps do not get there (a learning rate too large, or too small).
 */
export function gdStepsWithin(
  data: Dataset,
  model: ModelKind,
  lr: number,
  tolerance: number = SEARCH_TOLERANCE,
  w0: number = LECTURE.w0,
  limit = 1_000_000,
): number | null {
  const target = optimum(model, data);
  const indices = indicesOf(data.xs.length);
  let params = { w: w0, b: 0 };
  const close = () =>
    Math.abs(params.w - target.w) <= tolerance && Math.abs(params.b - target.b) <= tolerance;
  for (let steps = 0; steps <= limit; steps++) {
    if (close()) return steps;
    const gradient = batchGradient(model, params, data, indices, true);
    params = descend(model, params, gradient, lr);
    if (!Number.isFinite(params.w) || !Number.isFinite(params.b)) return null;
  }
  return null;
}

/** Days a computer making `perSecond` evaluations a second needs for `evaluations`, rounded down. */
export function daysToEvaluate(evaluations: bigint, perSecond: number): number {
  return Number(evaluations / (BigInt(perSecond) * 86_400n));
}

/** One row of the growth figure: the grid's evaluations for `parameters` parameters beside GD's steps. */
export interface GrowthRow {
  readonly parameters: number;
  readonly grid: bigint;
  /** GD's steps to get as close (SEARCH_TOLERANCE), or null where the lecture has no such model. */
  readonly gdSteps: number | null;
}

/**
 * How the grid grows with the number of parameters, beside gradient descent on the same data at
 * learning rate `lr`: one parameter (y = w·x), two (y = w·x + b), and ten, for which the lecture
 * has no model (GD's steps depend on the shape of the cost, not on 41 to the power of anything).
 */
export function searchGrowth(data: Dataset, lr: number): GrowthRow[] {
  return [
    { parameters: 1, grid: gridEvaluations(1), gdSteps: gdStepsWithin(data, 'w', lr) },
    { parameters: 2, grid: gridEvaluations(2), gdSteps: gdStepsWithin(data, 'wb', lr) },
    { parameters: 10, grid: gridEvaluations(10), gdSteps: null },
  ];
}
