/**
 * Where the 2-D landscape draws: the (w, b) window that holds θ₀, θ* and a run (kept while the run
 * stays inside it), the run's path cut to that window, and the contours of cost(w, b) in pixels.
 */
import {
  ellipseExtent,
  optimum,
  windowContours,
  type Dataset,
  type Interval,
  type LevelSet,
  type Params,
  type Point2,
  type Track,
  type Window2,
} from '../../core';
import {
  levelCurvePaths,
  pixelsPerUnit,
  pixelXY,
  type PixelLevelCurve,
  type PixelXY,
  type PlotScales,
} from './toolkit';

/** Where to draw: the window, and whether a point of the run fell outside the cap and was left out. */
export interface ContourView {
  readonly window: Window2;
  /** Some point (the trajectory or the current one) is beyond the cap, or not finite. */
  readonly clipped: boolean;
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

/** A step drawn on the map: where its arrow ends, and whether the window's edge cut it short. */
export interface StepSegment {
  readonly to: Point2;
  readonly clipped: boolean;
}

/**
 * The next step of a run's update rule as drawn, from `from` (the current (w, b)) toward `to`: `to`
 * itself when it is in the window, else the point where the step leaves it (same direction, cut at
 * the edge); null when `from` is off the window or either point is not finite. A step so long that
 * to − from overflows (a diverging run) is first shortened along its own direction, from halves, so
 * nothing drawn is ever NaN or infinite.
 */
export function stepSegment(from: Point2, to: Point2, window: Window2): StepSegment | null {
  if (!inWindow(window, from) || !Number.isFinite(to.w) || !Number.isFinite(to.b)) return null;
  const halfW = to.w / 2 - from.w / 2;
  const halfB = to.b / 2 - from.b / 2;
  // Half the step in window spans: beyond 1 the step surely leaves the window, so one span along
  // its larger axis reaches the edge just as well and stays finite.
  const reach = Math.max(
    Math.abs(halfW) / Math.max(window.w.max - window.w.min, Number.MIN_VALUE),
    Math.abs(halfB) / Math.max(window.b.max - window.b.min, Number.MIN_VALUE),
  );
  const end = reach > 1 ? { w: from.w + halfW / reach, b: from.b + halfB / reach } : to;
  const piece = clipPolyline([from, end], window)[0];
  const last = piece?.[piece.length - 1];
  if (!last || !Number.isFinite(last.w) || !Number.isFinite(last.b)) return null;
  return { to: last, clipped: last !== to };
}

/** A point of the (w, b) plane in pixels: (x(w), y(b)). */
export const wbPixel = (scales: PlotScales, p: Point2): PixelXY => pixelXY(scales.x(p.w), scales.y(p.b));

/** A direction or offset of the (w, b) plane in pixels: (Δw·x′, Δb·y′), y′ < 0 (b grows upward). */
function wbOffset(scales: PlotScales, v: Point2): PixelXY {
  return pixelXY(v.w * pixelsPerUnit(scales.x), v.b * pixelsPerUnit(scales.y));
}

/** A level set of the (w, b) plane in pixels: the map is affine, so an ellipse stays one. */
function inPixels(curve: LevelSet, scales: PlotScales): PixelLevelCurve {
  const centre = wbPixel(scales, curve.centre);
  if (curve.kind === 'lines') {
    return {
      kind: 'lines',
      centre,
      across: wbOffset(scales, curve.across),
      along: wbOffset(scales, curve.along),
    };
  }
  const [u, v] = curve.semiAxes;
  return { kind: 'ellipse', centre, semiAxes: [wbOffset(scales, u), wbOffset(scales, v)] };
}

/** A contour as drawn: its cost, its outline, and the region below it (within the plot) to shade. */
export interface ContourPaths {
  readonly level: number;
  readonly lines: string;
  readonly band: string;
}

/**
 * The `count` contours of cost(w, b) over the plot's window (windowContours), each cut to the plot
 * (scales.box) as its outline and its sublevel region: filled one on another, from the highest
 * level down, the regions shade the bowl deeper toward θ*.
 */
export function contourPaths(data: Dataset, scales: PlotScales, count: number): ContourPaths[] {
  const [wMin, wMax] = scales.x.domain() as [number, number];
  const [bMin, bMax] = scales.y.domain() as [number, number];
  const window: Window2 = { w: { min: wMin, max: wMax }, b: { min: bMin, max: bMax } };
  return windowContours(data, window, count).map(({ level, curve }) => {
    const { outline, region } = levelCurvePaths(inPixels(curve, scales), scales.box);
    return { level, lines: outline, band: region };
  });
}
