/**
 * The loss landscape of y = w·x + b: cost(w, b) sampled on a grid, its contour lines by marching
 * squares, the levels worth drawing, and the (w, b) window that holds a run. Pure: the chart only
 * draws what these functions compute.
 *
 * The MSE is a quadratic bowl, cost(θ) = cost(θ*) + ½·(θ − θ*)ᵀ·H·(θ − θ*) with
 * H = 2·[[mean x², mean x], [mean x, 1]], so its contour lines are ellipses around θ*.
 */
import type { Dataset } from './dataset';
import { downsampleMinMax } from './downsample';
import { optimum } from './fit';
import { cost, type Params } from './model';
import {
  epochUpdates,
  paramsBeforeEpoch,
  updatesPerEpoch,
  type RunState,
  type SampleUpdate,
} from './optimizer';
import { traceColumn } from './trace';

/** A closed interval [min, max] of one parameter. */
export interface Interval {
  readonly min: number;
  readonly max: number;
}

/** A point of the (w, b) plane. */
export interface Point2 {
  readonly w: number;
  readonly b: number;
}

/** The rectangle of the (w, b) plane a chart shows. */
export interface Window2 {
  readonly w: Interval;
  readonly b: Interval;
}

/**
 * A function sampled on a rectangular grid of nodes: `values[j·cols + i]` = f(ws[i], bs[j]) for
 * i = 0…cols−1 (w ascending) and j = 0…rows−1 (b ascending).
 */
export interface Grid {
  readonly cols: number;
  readonly rows: number;
  readonly ws: Float64Array;
  readonly bs: Float64Array;
  readonly values: Float64Array;
  /** The smallest finite value (Infinity when there is none). */
  readonly min: number;
  /** The largest finite value (−Infinity when there is none). */
  readonly max: number;
}

/** A contour line: its points in order, and whether the last joins back to the first. */
export interface Polyline {
  readonly points: readonly Point2[];
  readonly closed: boolean;
}

/** `count` (≥ 2) evenly spaced values from min to max, both ends exact. */
function spaced(range: Interval, count: number): Float64Array {
  const values = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    values[k] = k === count - 1 ? range.max : range.min + ((range.max - range.min) * k) / (count - 1);
  }
  return values;
}

/** fn sampled at cols × rows nodes spread evenly over the window, both ends included (each ≥ 2). */
export function sampleGrid(
  fn: (w: number, b: number) => number,
  wRange: Interval,
  bRange: Interval,
  cols: number,
  rows: number,
): Grid {
  const nw = Math.max(2, Math.floor(cols));
  const nb = Math.max(2, Math.floor(rows));
  const ws = spaced(wRange, nw);
  const bs = spaced(bRange, nb);
  const values = new Float64Array(nw * nb);
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < nb; j++) {
    for (let i = 0; i < nw; i++) {
      const value = fn(ws[i]!, bs[j]!);
      values[j * nw + i] = value;
      if (Number.isFinite(value)) {
        if (value < min) min = value;
        if (value > max) max = value;
      }
    }
  }
  return { cols: nw, rows: nb, ws, bs, values, min, max };
}

/** cost(w, b) = (1/n)·Σᵢ (xᵢ·w + b − yᵢ)² of model 'wb', exactly as cost() computes it, on a grid. */
export function costGrid(
  data: Dataset,
  wRange: Interval,
  bRange: Interval,
  cols: number,
  rows: number,
): Grid {
  return sampleGrid((w, b) => cost('wb', { w, b }, data), wRange, bRange, cols, rows);
}

/**
 * Edge pairs cut by the contour in each of the 16 cases of a cell, for the unambiguous cases. Corner
 * bits: 1 = (i, j), 2 = (i+1, j), 4 = (i+1, j+1), 8 = (i, j+1), set when the corner is below the
 * level. Edges: 0 bottom, 1 right, 2 top, 3 left. Cases 5 and 10 (saddles) are decided per cell.
 */
const CASES: readonly (readonly (readonly [number, number])[])[] = [
  [],
  [[3, 0]],
  [[0, 1]],
  [[3, 1]],
  [[1, 2]],
  [],
  [[0, 2]],
  [[3, 2]],
  [[2, 3]],
  [[0, 2]],
  [],
  [[1, 2]],
  [[3, 1]],
  [[0, 1]],
  [[3, 0]],
  [],
];

/** Where the level crosses the edge from (pa, va) to (pb, vb); at the finite end if one is not finite. */
function crossing(pa: number, va: number, pb: number, vb: number, level: number): number {
  if (Number.isFinite(va) && Number.isFinite(vb) && va !== vb) {
    const t = Math.min(1, Math.max(0, (level - va) / (vb - va)));
    return pa + (pb - pa) * t;
  }
  return Number.isFinite(va) ? pa : pb;
}

/**
 * The contour lines f = level of a grid, by marching squares: each cell whose corners straddle the
 * level contributes a segment between the crossings on its edges (linear interpolation), and the
 * segments are chained into polylines through their shared edges. A node counts as below when
 * value < level; a saddle cell is resolved by the mean of its corners (right for a convex bowl).
 * Lines that reach the grid's border are open; the others are closed loops.
 */
export function marchingSquares(grid: Grid, level: number): Polyline[] {
  const { cols, rows, ws, bs, values } = grid;
  if (!Number.isFinite(level) || cols < 2 || rows < 2) return [];
  const below = (i: number, j: number) => values[j * cols + i]! < level;
  // Edge ids: the horizontal edge from node (i, j) to (i+1, j) is 2·(j·cols + i); the vertical one
  // from (i, j) to (i, j+1) is 2·(j·cols + i) + 1.
  const cellEdge = (i: number, j: number, edge: number): number => {
    switch (edge) {
      case 0:
        return 2 * (j * cols + i);
      case 1:
        return 2 * (j * cols + i + 1) + 1;
      case 2:
        return 2 * ((j + 1) * cols + i);
      default:
        return 2 * (j * cols + i) + 1;
    }
  };
  const segments: number[] = [];
  for (let j = 0; j < rows - 1; j++) {
    for (let i = 0; i < cols - 1; i++) {
      const index =
        (below(i, j) ? 1 : 0) |
        (below(i + 1, j) ? 2 : 0) |
        (below(i + 1, j + 1) ? 4 : 0) |
        (below(i, j + 1) ? 8 : 0);
      if (index === 0 || index === 15) continue;
      let pairs = CASES[index]!;
      if (index === 5 || index === 10) {
        const centre =
          (values[j * cols + i]! +
            values[j * cols + i + 1]! +
            values[(j + 1) * cols + i + 1]! +
            values[(j + 1) * cols + i]!) /
          4;
        // The centre joins the two corners that are on its side of the level; the other two are cut off.
        const centreBelow = centre < level;
        const cutBottomLeftAndTopRight: readonly (readonly [number, number])[] = [
          [3, 0],
          [1, 2],
        ];
        const cutBottomRightAndTopLeft: readonly (readonly [number, number])[] = [
          [0, 1],
          [2, 3],
        ];
        pairs = (index === 5) === centreBelow ? cutBottomRightAndTopLeft : cutBottomLeftAndTopRight;
      }
      for (const [a, b] of pairs) segments.push(cellEdge(i, j, a), cellEdge(i, j, b));
    }
  }
  return chain(segments, (edge) => {
    const node = edge >> 1;
    const i = node % cols;
    const j = (node - i) / cols;
    const va = values[node]!;
    if ((edge & 1) === 0) {
      return { w: crossing(ws[i]!, va, ws[i + 1]!, values[node + 1]!, level), b: bs[j]! };
    }
    return { w: ws[i]!, b: crossing(bs[j]!, va, bs[j + 1]!, values[node + cols]!, level) };
  });
}

/**
 * Chains segments (consecutive pairs of edge ids in `segments`) into polylines through shared edges:
 * open chains first, from an edge that only one segment uses, then the closed loops.
 */
function chain(segments: readonly number[], pointOf: (edge: number) => Point2): Polyline[] {
  const count = segments.length / 2;
  const byEdge = new Map<number, number[]>();
  for (let s = 0; s < count; s++) {
    for (const edge of [segments[2 * s]!, segments[2 * s + 1]!]) {
      const list = byEdge.get(edge);
      if (list) list.push(s);
      else byEdge.set(edge, [s]);
    }
  }
  const used = new Uint8Array(count);
  const lines: Polyline[] = [];
  const walk = (first: number, startEdge: number): void => {
    const points: Point2[] = [pointOf(startEdge)];
    let segment = first;
    let edge = startEdge;
    let closed = false;
    for (;;) {
      used[segment] = 1;
      const a = segments[2 * segment]!;
      const next = a === edge ? segments[2 * segment + 1]! : a;
      if (next === startEdge) {
        closed = true;
        break;
      }
      points.push(pointOf(next));
      edge = next;
      const following = byEdge.get(next)!.find((s) => used[s] === 0);
      if (following === undefined) break;
      segment = following;
    }
    lines.push({ points, closed });
  };
  for (let s = 0; s < count; s++) {
    if (used[s]) continue;
    for (const edge of [segments[2 * s]!, segments[2 * s + 1]!]) {
      if (byEdge.get(edge)!.length === 1) {
        walk(s, edge);
        break;
      }
    }
  }
  for (let s = 0; s < count; s++) if (!used[s]) walk(s, segments[2 * s]!);
  return lines;
}

/** The grid with one more ring of nodes at its border's coordinates, all valued `ring`. */
function padGrid(grid: Grid, ring: number): Grid {
  const cols = grid.cols + 2;
  const rows = grid.rows + 2;
  const ws = new Float64Array(cols);
  const bs = new Float64Array(rows);
  ws.set(grid.ws, 1);
  bs.set(grid.bs, 1);
  ws[0] = grid.ws[0]!;
  ws[cols - 1] = grid.ws[grid.cols - 1]!;
  bs[0] = grid.bs[0]!;
  bs[rows - 1] = grid.bs[grid.rows - 1]!;
  const values = new Float64Array(cols * rows).fill(ring);
  for (let j = 0; j < grid.rows; j++) {
    values.set(grid.values.subarray(j * grid.cols, (j + 1) * grid.cols), (j + 1) * cols + 1);
  }
  return { ...grid, cols, rows, ws, bs, values };
}

/**
 * The region f < level as closed polygons: the contour lines of the grid with a ring of +∞ around
 * it at its border's coordinates, so a line that leaves the window comes back along its edge. Filled
 * one on another from the highest level down, they shade the bowl deeper toward its minimum.
 */
export function sublevelRegions(grid: Grid, level: number): Polyline[] {
  return marchingSquares(padGrid(grid, Infinity), level);
}

/** The default: excess cost above the minimum doubles from one level to the next. */
export const CONTOUR_RATIO = 2;
/** The highest level sits at this fraction of the way from the minimum to the maximum. */
export const CONTOUR_TOP = 0.85;

/**
 * `count` ascending levels strictly between min and max, geometric in the excess over the minimum:
 * level_k = min + top·(max − min)·ratio^(k − count) for k = 1…count (top = 0.85, ratio = 2). On a
 * quadratic bowl the excess grows with the square of the distance from θ*, so each ellipse is √ratio
 * times the size of the one inside it. Empty when max ≤ min or either is not finite.
 */
export function contourLevels(min: number, max: number, count: number, ratio = CONTOUR_RATIO): number[] {
  const n = Math.floor(count);
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(max > min) || n < 1 || !(ratio > 1)) return [];
  const excess = (max - min) * CONTOUR_TOP;
  const levels: number[] = [];
  for (let k = 1; k <= n; k++) {
    const level = min + excess * Math.pow(ratio, k - n);
    // Far below the spacing of doubles near min, levels would coincide; keep the distinct ones.
    if (level > min && (levels.length === 0 || level > levels[levels.length - 1]!)) levels.push(level);
  }
  return levels;
}

/** Where to draw: the window, and whether a point of the run fell outside the cap and was left out. */
export interface ContourView {
  readonly window: Window2;
  /** Some point (the trajectory or the current one) is beyond the cap, or not finite. */
  readonly clipped: boolean;
}

/** Points to keep in view: w and b side by side (the trace's columns, or one point). */
export interface Track {
  readonly ws: ArrayLike<number>;
  readonly bs: ArrayLike<number>;
}

export interface ContourWindowOptions {
  /** Points farther from the base box's centre than cap × its half-size are off the chart. Default 4. */
  readonly cap?: number;
  /** Extra room on each side, as a fraction of the half-span. Default 0.2. */
  readonly padding?: number;
  /**
   * Neither axis is narrower than `aspect` times the other, measured in units of the contour
   * ellipse through θ₀ (its half-extents along w and b): so when θ₀ and θ* share a b (b₀ = b* = 0)
   * the window still shows the bowl around the path instead of a sliver. Default 0.6.
   */
  readonly aspect?: number;
}

export const CONTOUR_CAP = 4;
export const CONTOUR_PADDING = 0.2;
export const CONTOUR_ASPECT = 0.6;

/**
 * How far the contour ellipse through θ₀ reaches from θ* along w and along b:
 * Δ_w = √(2·(cost(θ₀) − cost(θ*))·(H⁻¹)_ww), Δ_b likewise with (H⁻¹)_bb, where
 * H⁻¹ = [[1, −mean x], [−mean x, mean x²]] / (2·(mean x² − (mean x)²)). Infinity along a flat valley
 * (all x equal: H is singular), 0 when θ₀ = θ*.
 */
export function ellipseExtent(data: Dataset, start: Params): Point2 {
  const n = data.xs.length;
  let sx = 0;
  let sxx = 0;
  for (const x of data.xs) {
    sx += x;
    sxx += x * x;
  }
  const mx = sx / n;
  const mxx = sxx / n;
  const det = mxx - mx * mx;
  if (!(det > 1e-12 * Math.max(1, mxx))) return { w: Infinity, b: Infinity };
  const excess = Math.max(0, cost('wb', start, data) - cost('wb', optimum('wb', data), data));
  return { w: Math.sqrt(excess / det), b: Math.sqrt((excess * mxx) / det) };
}

/** A box's centre and half-spans along w and b. */
interface Box {
  cw: number;
  cb: number;
  hw: number;
  hb: number;
}

const boxOf = (wMin: number, wMax: number, bMin: number, bMax: number): Box => ({
  cw: (wMin + wMax) / 2,
  cb: (bMin + bMax) / 2,
  hw: (wMax - wMin) / 2,
  hb: (bMax - bMin) / 2,
});

/**
 * The box widened so that neither half-span is below `aspect` times the other in ellipse units
 * (h_b/Δ_b ≥ aspect·h_w/Δ_w and the other way round), and neither is zero: 1 when both are, else at
 * least 10⁻⁹ of the centre's size.
 */
function balance(box: Box, extent: Point2, aspect: number): Box {
  let { hw, hb } = box;
  if (extent.w > 0 && extent.b > 0 && Number.isFinite(extent.w) && Number.isFinite(extent.b)) {
    const wide = Math.max(hw, (aspect * hb * extent.w) / extent.b);
    const tall = Math.max(hb, (aspect * hw * extent.b) / extent.w);
    hw = wide;
    hb = tall;
  }
  if (hw === 0 && hb === 0) {
    hw = 1;
    hb = 1;
  }
  hw = Math.max(hw, Math.max(1, Math.abs(box.cw)) * 1e-9);
  hb = Math.max(hb, Math.max(1, Math.abs(box.cb)) * 1e-9);
  return { ...box, hw, hb };
}

/**
 * The window to draw a run in. The base box holds θ₀ and θ*; the window is the bounding box of it
 * and of every point of the tracks within `cap` times the base box (about its centre), balanced
 * (see `aspect`) and padded on each side. A point beyond the cap (or not finite) is left out and sets
 * `clipped`, and the window then takes the whole capped box: a diverging run leaves the chart
 * instead of shrinking the bowl to a dot.
 */
export function contourWindow(
  data: Dataset,
  start: Params,
  tracks: readonly Track[],
  options: ContourWindowOptions = {},
): ContourView {
  const cap = options.cap ?? CONTOUR_CAP;
  const padding = options.padding ?? CONTOUR_PADDING;
  const aspect = options.aspect ?? CONTOUR_ASPECT;
  const star = optimum('wb', data);
  const s = {
    w: Number.isFinite(start.w) ? start.w : star.w,
    b: Number.isFinite(start.b) ? start.b : star.b,
  };
  const extent = ellipseExtent(data, s);
  const base = balance(
    boxOf(Math.min(s.w, star.w), Math.max(s.w, star.w), Math.min(s.b, star.b), Math.max(s.b, star.b)),
    extent,
    aspect,
  );
  const limit: Window2 = {
    w: { min: base.cw - cap * base.hw, max: base.cw + cap * base.hw },
    b: { min: base.cb - cap * base.hb, max: base.cb + cap * base.hb },
  };
  let wMin = base.cw - base.hw;
  let wMax = base.cw + base.hw;
  let bMin = base.cb - base.hb;
  let bMax = base.cb + base.hb;
  let clipped = false;
  for (const track of tracks) {
    const length = Math.min(track.ws.length, track.bs.length);
    for (let k = 0; k < length; k++) {
      const point = { w: track.ws[k]!, b: track.bs[k]! };
      if (!inWindow(limit, point)) {
        clipped = true;
        continue;
      }
      wMin = Math.min(wMin, point.w);
      wMax = Math.max(wMax, point.w);
      bMin = Math.min(bMin, point.b);
      bMax = Math.max(bMax, point.b);
    }
  }
  const box = clipped
    ? boxOf(limit.w.min, limit.w.max, limit.b.min, limit.b.max)
    : balance(boxOf(wMin, wMax, bMin, bMax), extent, aspect);
  const hw = box.hw * (1 + padding);
  const hb = box.hb * (1 + padding);
  return {
    window: { w: { min: box.cw - hw, max: box.cw + hw }, b: { min: box.cb - hb, max: box.cb + hb } },
    clipped,
  };
}

/** Whether `outer` holds all of `inner`. */
export function windowContains(outer: Window2, inner: Window2): boolean {
  return (
    outer.w.min <= inner.w.min &&
    outer.w.max >= inner.w.max &&
    outer.b.min <= inner.b.min &&
    outer.b.max >= inner.b.max
  );
}

/**
 * The window after `needed` has to fit in it: `current` itself (the same object) when it already
 * does, so the contours are not recomputed; otherwise the union of both, each side that had to move
 * pushed out by a further `slack` of the new span, so a run creeping outward does not regrow it on
 * every frame.
 */
export function growWindow(current: Window2, needed: Window2, slack = 0.25): Window2 {
  if (windowContains(current, needed)) return current;
  const grow = (a: Interval, c: Interval): Interval => {
    const min = Math.min(a.min, c.min);
    const max = Math.max(a.max, c.max);
    const extra = (max - min) * slack;
    return { min: c.min < a.min ? min - extra : min, max: c.max > a.max ? max + extra : max };
  };
  return { w: grow(current.w, needed.w), b: grow(current.b, needed.b) };
}

/** Whether a point lies in the window (edges included); false for any non-finite coordinate. */
export function inWindow(window: Window2, point: Point2): boolean {
  return (
    point.w >= window.w.min && point.w <= window.w.max && point.b >= window.b.min && point.b <= window.b.max
  );
}

/**
 * A polyline cut to the box: the pieces inside it, each segment clipped where it crosses an edge
 * (Liang–Barsky); a point that is not finite breaks the line. Keeps drawn coordinates small however
 * far a diverging run goes, and the direction of every segment that enters the box exact.
 */
export function clipPolyline(points: readonly Point2[], box: Window2): Point2[][] {
  const pieces: Point2[][] = [];
  let current: Point2[] = [];
  const flush = () => {
    if (current.length > 0) pieces.push(current);
    current = [];
  };
  const finite = (p: Point2) => Number.isFinite(p.w) && Number.isFinite(p.b);
  if (points.length === 1) {
    const only = points[0]!;
    return finite(only) && inWindow(box, only) ? [[only]] : [];
  }
  for (let k = 1; k < points.length; k++) {
    const p = points[k - 1]!;
    const q = points[k]!;
    if (!finite(p) || !finite(q)) {
      flush();
      continue;
    }
    const dw = q.w - p.w;
    const db = q.b - p.b;
    let t0 = 0;
    let t1 = 1;
    let visible = true;
    const edges: readonly [number, number][] = [
      [-dw, p.w - box.w.min],
      [dw, box.w.max - p.w],
      [-db, p.b - box.b.min],
      [db, box.b.max - p.b],
    ];
    for (const [denominator, numerator] of edges) {
      if (denominator === 0) {
        if (numerator < 0) visible = false;
        continue;
      }
      const t = numerator / denominator;
      if (denominator < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
    }
    if (!visible || t0 > t1) {
      flush();
      continue;
    }
    const from = t0 === 0 ? p : { w: p.w + t0 * dw, b: p.b + t0 * db };
    const to = t1 === 1 ? q : { w: p.w + t1 * dw, b: p.b + t1 * db };
    if (current.length === 0 || t0 > 0) {
      flush();
      current.push(from);
    }
    current.push(to);
    if (t1 < 1) flush();
  }
  flush();
  return pieces;
}

/** A run's (w, b) after each epoch, θ₀ first: index k holds θ after k epochs (a fresh copy). */
export function epochTrack(run: RunState): Track {
  const { init } = run.setup;
  const length = run.trace.length + 1;
  const ws = new Float64Array(length);
  const bs = new Float64Array(length);
  ws[0] = init.w;
  bs[0] = init.b;
  ws.set(traceColumn(run.trace, 'w'), 1);
  bs.set(traceColumn(run.trace, 'b'), 1);
  return { ws, bs };
}

/**
 * Indices of at most `maxPoints` points of a track worth drawing: the union of the min–max
 * downsampling of w and of b (half the budget each), ascending. Every index when the track is short.
 */
export function downsampleTrack(track: Track, maxPoints: number): number[] {
  const length = Math.min(track.ws.length, track.bs.length);
  const half = Math.max(2, Math.floor(maxPoints / 2));
  if (length <= Math.max(2, maxPoints)) {
    const all: number[] = [];
    for (let k = 0; k < length; k++) {
      if (Number.isFinite(track.ws[k]!) && Number.isFinite(track.bs[k]!)) all.push(k);
    }
    return all;
  }
  const picked = new Set([
    ...downsampleMinMax(track.ws, half, length),
    ...downsampleMinMax(track.bs, half, length),
  ]);
  return [...picked]
    .filter((k) => Number.isFinite(track.ws[k]!) && Number.isFinite(track.bs[k]!))
    .sort((a, b) => a - b);
}

/** By default the update path holds about this many updates (whole epochs, at least one). */
export const MAX_UPDATE_POINTS = 240;

/**
 * Every update of a run's latest epochs, the zig-zag an epoch's dot hides: θ at the start of the
 * first of them, then θ after each update, replayed with epochUpdates(). The epochs are the last
 * max(1, ⌊maxUpdates / updates per epoch⌋) recorded ones, then the updates of the epoch in progress
 * given in `inProgress` (SGD stepping sample by sample). Empty for a run with one update per epoch
 * (GD): its epoch path already is its update path.
 */
export function updateTrack(
  run: RunState,
  inProgress: readonly SampleUpdate[] = [],
  maxUpdates = MAX_UPDATE_POINTS,
): Track {
  const perEpoch = updatesPerEpoch(run.setup.optimizer, run.setup.data.xs.length);
  if (perEpoch <= 1) return { ws: [], bs: [] };
  const recorded = run.trace.length;
  const epochs = Math.max(1, Math.floor(maxUpdates / perEpoch));
  const from = Math.max(0, recorded - epochs);
  const first = paramsBeforeEpoch(run, from);
  const ws = [first.w];
  const bs = [first.b];
  for (let epoch = from; epoch < recorded; epoch++) {
    for (const update of epochUpdates(run, epoch)) {
      ws.push(update.after.w);
      bs.push(update.after.b);
    }
  }
  for (const update of inProgress) {
    ws.push(update.after.w);
    bs.push(update.after.b);
  }
  return ws.length > 1 ? { ws, bs } : { ws: [], bs: [] };
}
