/**
 * The loss landscape of y = w·x + b as a quadratic bowl, and the runs' paths across it. The MSE is
 * cost(θ) = cost(θ*) + ½·(θ − θ*)ᵀ·H·(θ − θ*) with H = 2·[[mean x², mean x], [mean x, 1]], so its
 * level sets are ellipses around θ* whose axes are H's eigenvectors (two parallel lines when every x
 * is the same and H is singular). Which levels are worth drawing, each level's curve in (w, b), and
 * the (w, b) of a run after each epoch and each update. Pure: the chart maps them to pixels.
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

/** A point, or a direction, of the (w, b) plane. */
export interface Point2 {
  readonly w: number;
  readonly b: number;
}

/** A rectangle of the (w, b) plane. */
export interface Window2 {
  readonly w: Interval;
  readonly b: Interval;
}

/** cost(w, b) as a quadratic bowl: its lowest point and the shape of its Hessian. */
export interface CostBowl {
  /** θ*, the least-squares optimum (optimum('wb', data)). */
  readonly centre: Point2;
  /** cost(θ*). */
  readonly floor: number;
  /** Unit eigenvectors of H, the steeper first (across the valley), then along the valley. */
  readonly axes: readonly [Point2, Point2];
  /** Their eigenvalues λ₁ ≥ λ₂ ≥ 0; λ₂ is 0 where H is singular (to 10⁻¹² of λ₁: every x the same). */
  readonly curvatures: readonly [number, number];
}

/** Below this fraction of λ₁, λ₂ counts as 0: the ellipses are more than 10⁶ times longer than wide. */
const FLAT = 1e-12;

/**
 * The bowl of `data`: H = [[a, c], [c, d]] = 2·[[mean x², mean x], [mean x, 1]] has
 * λ₁ = (a + d)/2 + √(((a − d)/2)² + c²) and λ₂ = det H / λ₁ = 4·var(x) / λ₁ (the variance summed
 * about the mean, not mean x² − (mean x)², which cancels to nothing when the x nearly coincide);
 * λ₁'s eigenvector is (λ₁ − d, c) or (c, λ₁ − a), whichever is longer, and λ₂'s is perpendicular.
 */
export function costBowl(data: Dataset): CostBowl {
  const { xs } = data;
  const n = Math.max(1, xs.length);
  let sx = 0;
  let sxx = 0;
  for (const x of xs) {
    sx += x;
    sxx += x * x;
  }
  const mx = sx / n;
  let spread = 0;
  for (const x of xs) spread += (x - mx) * (x - mx);
  const [a, c, d] = [(2 * sxx) / n, 2 * mx, 2];
  const steep = (a + d) / 2 + Math.hypot((a - d) / 2, c);
  const shallow = (4 * spread) / n / steep;
  const [vw, vb] = a >= d ? [steep - d, c] : [c, steep - a];
  const length = Math.hypot(vw, vb);
  const across = length > 0 ? { w: vw / length, b: vb / length } : { w: 1, b: 0 };
  const centre = optimum('wb', data);
  return {
    centre,
    floor: cost('wb', centre, data),
    axes: [across, { w: -across.b, b: across.w }],
    curvatures: [steep, shallow > FLAT * steep ? shallow : 0],
  };
}

/**
 * The curve cost(θ) = level: the ellipse θ(t) = centre + cos t·semiAxes[0] + sin t·semiAxes[1], or,
 * where the bowl is flat along its second axis, the two lines centre ± across + s·along.
 */
export type LevelSet =
  | { readonly kind: 'ellipse'; readonly centre: Point2; readonly semiAxes: readonly [Point2, Point2] }
  | { readonly kind: 'lines'; readonly centre: Point2; readonly across: Point2; readonly along: Point2 };

/**
 * The level set of the bowl at `level`: along eigenvector uᵢ it reaches rᵢ = √(2·(level − floor)/λᵢ)
 * from θ* (written √excess·√(2/λᵢ), which overflows only where the answer does); lines where λ₂ = 0
 * or r₂ is too large for a double. Null at or below the floor, or for a level that is not finite.
 */
export function levelSet(bowl: CostBowl, level: number): LevelSet | null {
  const excess = level - bowl.floor;
  if (!(excess > 0) || !Number.isFinite(excess)) return null;
  const root = Math.sqrt(excess);
  const [u1, u2] = bowl.axes;
  const [steep, shallow] = bowl.curvatures;
  const r1 = root * Math.sqrt(2 / steep);
  const r2 = shallow > 0 ? root * Math.sqrt(2 / shallow) : Infinity;
  if (!Number.isFinite(r1)) return null;
  const across = { w: u1.w * r1, b: u1.b * r1 };
  if (!Number.isFinite(r2)) return { kind: 'lines', centre: bowl.centre, across, along: u2 };
  return { kind: 'ellipse', centre: bowl.centre, semiAxes: [across, { w: u2.w * r2, b: u2.b * r2 }] };
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

/** A contour to draw: its cost and its curve. */
export interface Contour {
  readonly level: number;
  readonly curve: LevelSet;
}

/**
 * The contours of cost(w, b) over a window: `count` levels (contourLevels) from cost(θ*) to the
 * largest finite cost at the window's corners (a convex cost is highest over a rectangle at one of
 * them), each with its level set.
 */
export function windowContours(data: Dataset, window: Window2, count: number): Contour[] {
  const bowl = costBowl(data);
  let low = bowl.floor;
  let high = -Infinity;
  for (const w of [window.w.min, window.w.max]) {
    for (const b of [window.b.min, window.b.max]) {
      const corner = cost('wb', { w, b }, data);
      if (!Number.isFinite(corner)) continue;
      low = Math.min(low, corner);
      high = Math.max(high, corner);
    }
  }
  const contours: Contour[] = [];
  for (const level of contourLevels(low, high, count)) {
    const curve = levelSet(bowl, level);
    if (curve) contours.push({ level, curve });
  }
  return contours;
}

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

/** Points of the (w, b) plane side by side: a run's w and b (the trace's columns), or one point. */
export interface Track {
  readonly ws: ArrayLike<number>;
  readonly bs: ArrayLike<number>;
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
