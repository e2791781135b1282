/**
 * The level curves of a quadratic bowl drawn in pixels: an ellipse, or (where the bowl is a flat
 * valley) two parallel lines, cut to a box. Each gives its outline and the region it encloses within
 * the box, as SVG path data with every coordinate near the box, however large the curve: a contour
 * of a near-singular bowl can be 10⁹ px long and still show as a smooth arc.
 */
import type { Path } from 'd3-path';
import { linePath, pixelPath } from './paths';
import { isSafePx, pixelXY, type PixelBox, type PixelXY } from './scales';

/**
 * A level curve in pixels: the ellipse p(t) = centre + cos t·semiAxes[0] + sin t·semiAxes[1]
 * (t ∈ [0, 2π); any conjugate pair of semi-diameters), or the two lines centre ± across + s·along.
 */
export type PixelLevelCurve =
  | { readonly kind: 'ellipse'; readonly centre: PixelXY; readonly semiAxes: readonly [PixelXY, PixelXY] }
  | { readonly kind: 'lines'; readonly centre: PixelXY; readonly across: PixelXY; readonly along: PixelXY };

/** A level curve's path data: its visible outline, and its inside within the box (to fill). */
export interface LevelCurvePaths {
  readonly outline: string;
  readonly region: string;
}

const NOTHING: LevelCurvePaths = { outline: '', region: '' };
const TAU = 2 * Math.PI;
/** The most a drawn arc may stray from the true curve, px. */
const TOLERANCE_PX = 0.05;
/** How far a cubic Bézier through a quarter circle strays, as a fraction of the radius. */
const QUARTER_ERROR = 2.7e-4;
/** An ellipse reaching this many times farther than the box's farthest corner is drawn as its long sides. */
const LINE_RATIO = 1e3;

/** An ellipse by its principal semi-axes: a ⟂ b, |a| = ra ≥ |b| = rb, cross(a, b) > 0. */
interface Ellipse {
  readonly c: PixelXY;
  readonly a: PixelXY;
  readonly b: PixelXY;
  readonly ra: number;
  readonly rb: number;
}

const at = (e: Ellipse, t: number): PixelXY =>
  pixelXY(
    e.c.x + e.a.x * Math.cos(t) + e.b.x * Math.sin(t),
    e.c.y + e.a.y * Math.cos(t) + e.b.y * Math.sin(t),
  );

/** dp/dt = −a·sin t + b·cos t. */
const tangent = (e: Ellipse, t: number): PixelXY =>
  pixelXY(-e.a.x * Math.sin(t) + e.b.x * Math.cos(t), -e.a.y * Math.sin(t) + e.b.y * Math.cos(t));

/**
 * The principal semi-axes of the ellipse c + cos t·u + sin t·v: with M = [u v], ra² is the larger
 * eigenvalue of M·Mᵀ, its direction at φ = ½·atan2(2·(MMᵀ)ₓᵧ, (MMᵀ)ₓₓ − (MMᵀ)ᵧᵧ), and rb = |det M|/ra
 * (not from the smaller eigenvalue, which cancels away for a long thin ellipse). Null when not finite.
 */
function principal(c: PixelXY, u: PixelXY, v: PixelXY): Ellipse | null {
  const sxx = u.x * u.x + v.x * v.x;
  const syy = u.y * u.y + v.y * v.y;
  const sxy = u.x * u.y + v.x * v.y;
  const ra = Math.sqrt((sxx + syy) / 2 + Math.hypot((sxx - syy) / 2, sxy));
  const rb = Math.abs(u.x * v.y - u.y * v.x) / ra;
  if (![c.x, c.y, ra, rb].every(Number.isFinite) || !(ra > 0)) return null;
  const phi = Math.atan2(2 * sxy, sxx - syy) / 2;
  const cos = Math.cos(phi);
  const sin = Math.sin(phi);
  return { c, a: pixelXY(ra * cos, ra * sin), b: pixelXY(-rb * sin, rb * cos), ra, rb };
}

/** Whether a point is inside the ellipse (or on it): u² + v² ≤ 1 in its principal coordinates. */
function insideEllipse(e: Ellipse, p: PixelXY): boolean {
  const dx = p.x - e.c.x;
  const dy = p.y - e.c.y;
  const u = (dx * e.a.x + dy * e.a.y) / (e.ra * e.ra);
  const v = e.rb > 0 ? (dx * e.b.x + dy * e.b.y) / (e.rb * e.rb) : Infinity;
  return u * u + v * v <= 1;
}

const insideBox = (box: PixelBox, p: PixelXY, slack = 1e-9): boolean =>
  p.x >= box.left - slack && p.x <= box.right + slack && p.y >= box.top - slack && p.y <= box.bottom + slack;

/** The box grown by `margin` px on every side. */
const grown = (box: PixelBox, margin: number): PixelBox => ({
  left: box.left - margin,
  top: box.top - margin,
  right: box.right + margin,
  bottom: box.bottom + margin,
});

/** The corners clockwise on screen from the top left, with their places along the perimeter. */
function corners(box: PixelBox): { readonly p: PixelXY; readonly s: number }[] {
  const w = box.right - box.left;
  const h = box.bottom - box.top;
  return [
    { p: pixelXY(box.left, box.top), s: 0 },
    { p: pixelXY(box.right, box.top), s: w },
    { p: pixelXY(box.right, box.bottom), s: w + h },
    { p: pixelXY(box.left, box.bottom), s: 2 * w + h },
  ];
}

/** Where a point on the box's edge lies along its perimeter, clockwise on screen from the top left. */
function perimeterAt(box: PixelBox, p: PixelXY): number {
  const w = box.right - box.left;
  const h = box.bottom - box.top;
  const clamp = (v: number, hi: number) => Math.min(hi, Math.max(0, v));
  const edges = [
    { d: Math.abs(p.y - box.top), s: clamp(p.x - box.left, w) },
    { d: Math.abs(p.x - box.right), s: w + clamp(p.y - box.top, h) },
    { d: Math.abs(p.y - box.bottom), s: w + h + clamp(box.right - p.x, w) },
    { d: Math.abs(p.x - box.left), s: 2 * w + h + clamp(box.bottom - p.y, h) },
  ];
  return edges.reduce((best, edge) => (edge.d < best.d ? edge : best)).s;
}

/** Along the box's edge, clockwise on screen, from `from` to `to`: the corners passed on the way. */
function cornersBetween(box: PixelBox, from: PixelXY, to: PixelXY): PixelXY[] {
  const perimeter = 2 * (box.right - box.left + box.bottom - box.top);
  const mod = (v: number) => ((v % perimeter) + perimeter) % perimeter;
  const start = perimeterAt(box, from);
  const length = mod(perimeterAt(box, to) - start);
  return corners(box)
    .map((corner) => ({ p: corner.p, offset: mod(corner.s - start) }))
    .filter((corner) => corner.offset > 0 && corner.offset < length)
    .sort((a, b) => a.offset - b.offset)
    .map((corner) => corner.p);
}

/** The rectangle as a closed path through its corners. */
const boxPath = (box: PixelBox): string =>
  linePath(
    corners(box).map((corner) => corner.p),
    true,
  );

/**
 * Appends the arc of the ellipse from t0 to t1 (> t0) as cubic Béziers, each spanning at most
 * (π/2)·(tolerance / (2.7·10⁻⁴·ra))^(1/6) (≤ π/2), with control points p(tᵢ) ± k·p′(tᵢ),
 * k = (4/3)·tan(Δt/4): within TOLERANCE_PX of the ellipse.
 */
function appendArc(path: Path, e: Ellipse, t0: number, t1: number): void {
  const step = (Math.PI / 2) * Math.min(1, Math.pow(TOLERANCE_PX / (QUARTER_ERROR * e.ra), 1 / 6));
  const n = Math.max(1, Math.ceil((t1 - t0) / step));
  const dt = (t1 - t0) / n;
  const k = (4 / 3) * Math.tan(dt / 4);
  for (let i = 0; i < n; i++) {
    const a = t0 + i * dt;
    const b = i === n - 1 ? t1 : a + dt;
    const [p, q, dp, dq] = [at(e, a), at(e, b), tangent(e, a), tangent(e, b)];
    path.bezierCurveTo(p.x + k * dp.x, p.y + k * dp.y, q.x - k * dq.x, q.y - k * dq.y, q.x, q.y);
  }
}

/** Parameters t where the ellipse meets the lines through the box's sides, ascending in [0, 2π). */
function crossings(e: Ellipse, box: PixelBox): number[] {
  const ts: number[] = [];
  // c + a·cos t + b·sin t = X along one coordinate: R·cos(t − α) = X − c, R = |(a, b)|.
  const solve = (a: number, b: number, offset: number) => {
    const r = Math.hypot(a, b);
    if (!(r > 0) || Math.abs(offset) > r) return;
    const alpha = Math.atan2(b, a);
    const delta = Math.acos(offset / r);
    ts.push(alpha - delta, alpha + delta);
  };
  solve(e.a.x, e.b.x, box.left - e.c.x);
  solve(e.a.x, e.b.x, box.right - e.c.x);
  solve(e.a.y, e.b.y, box.top - e.c.y);
  solve(e.a.y, e.b.y, box.bottom - e.c.y);
  const sorted = ts.map((t) => ((t % TAU) + TAU) % TAU).sort((x, y) => x - y);
  return sorted.filter((t, i) => i === 0 || t - sorted[i - 1]! > 1e-12);
}

/**
 * The ellipse cut to the box: the arcs inside it (between consecutive crossings of the box's sides
 * whose middle is inside), and the region as those arcs joined along the box's edge, clockwise like
 * the arcs (cross(a, b) > 0), through the corners on the way.
 */
function clippedEllipse(e: Ellipse, box: PixelBox): LevelCurvePaths {
  const ts = crossings(e, box);
  const whole = () => {
    const path = pixelPath();
    const start = at(e, 0);
    path.moveTo(start.x, start.y);
    appendArc(path, e, 0, TAU);
    path.closePath();
    const d = path.toString();
    return { outline: d, region: d };
  };
  if (ts.length === 0) return insideBox(box, e.c) ? whole() : NOTHING;
  // The arcs between crossings, as [from, to] with to > from, the last one wrapping past 2π.
  const arcs = ts.map((t, i) => [t, i + 1 < ts.length ? ts[i + 1]! : ts[0]! + TAU] as const);
  const shown = arcs.map(([from, to]) => insideBox(box, at(e, (from + to) / 2)));
  if (shown.every(Boolean)) return whole();
  const centre = pixelXY((box.left + box.right) / 2, (box.top + box.bottom) / 2);
  if (!shown.some(Boolean)) return insideEllipse(e, centre) ? { outline: '', region: boxPath(box) } : NOTHING;
  // Visible arcs merged where they meet, starting after a hidden one so none wraps around the list.
  const first = shown.findIndex((visible, i) => visible && !shown[(i + arcs.length - 1) % arcs.length]);
  const pieces: [number, number][] = [];
  for (let k = 0; k < arcs.length; k++) {
    const i = (first + k) % arcs.length;
    if (!shown[i]) continue;
    const [from, to] = arcs[i]!;
    const shift = i < first ? TAU : 0;
    const last = pieces[pieces.length - 1];
    if (last && shown[(i + arcs.length - 1) % arcs.length]) last[1] = to + shift;
    else pieces.push([from + shift, to + shift]);
  }
  const outline = pixelPath();
  const region = pixelPath();
  pieces.forEach(([from, to], k) => {
    const start = at(e, from);
    outline.moveTo(start.x, start.y);
    appendArc(outline, e, from, to);
    if (k === 0) region.moveTo(start.x, start.y);
    else region.lineTo(start.x, start.y);
    appendArc(region, e, from, to);
    const next = pieces[(k + 1) % pieces.length]!;
    for (const corner of cornersBetween(box, at(e, to), at(e, next[0]))) region.lineTo(corner.x, corner.y);
  });
  region.closePath();
  return { outline: outline.toString(), region: region.toString() };
}

/** The polygon cut to the half-plane n·p ≤ k (Sutherland–Hodgman). */
function cutPolygon(points: readonly PixelXY[], n: PixelXY, k: number): PixelXY[] {
  const out: PixelXY[] = [];
  points.forEach((p, i) => {
    const q = points[(i + 1) % points.length]!;
    const fp = n.x * p.x + n.y * p.y - k;
    const fq = n.x * q.x + n.y * q.y - k;
    if (fp <= 0) out.push(p);
    if ((fp < 0 && fq > 0) || (fp > 0 && fq < 0)) {
      const f = fp / (fp - fq);
      out.push(pixelXY(p.x + f * (q.x - p.x), p.y + f * (q.y - p.y)));
    }
  });
  return out;
}

/** The part of the line p + s·d (d ≠ 0) inside the box (Liang–Barsky), or null. */
function lineInBox(p: PixelXY, d: PixelXY, box: PixelBox): [PixelXY, PixelXY] | null {
  let s0 = -Infinity;
  let s1 = Infinity;
  for (const [dv, lo, hi, v] of [
    [d.x, box.left, box.right, p.x],
    [d.y, box.top, box.bottom, p.y],
  ] as const) {
    if (dv === 0) {
      if (v < lo || v > hi) return null;
      continue;
    }
    const [a, b] = [(lo - v) / dv, (hi - v) / dv];
    s0 = Math.max(s0, Math.min(a, b));
    s1 = Math.min(s1, Math.max(a, b));
  }
  if (!(s0 <= s1)) return null;
  return [pixelXY(p.x + s0 * d.x, p.y + s0 * d.y), pixelXY(p.x + s1 * d.x, p.y + s1 * d.y)];
}

/**
 * The lines c ± across + s·along cut to the box, and the strip between them: the box cut to
 * |n·(p − c)| ≤ h, n the unit normal of `along` and h = |n·across|.
 */
function clippedLines(c: PixelXY, across: PixelXY, along: PixelXY, box: PixelBox): LevelCurvePaths {
  const length = Math.hypot(along.x, along.y);
  const n = pixelXY(-along.y / length, along.x / length);
  const h = Math.abs(n.x * across.x + n.y * across.y);
  const mid = n.x * c.x + n.y * c.y;
  if (![length, h, mid].every(Number.isFinite) || !(length > 0)) return NOTHING;
  const outline = pixelPath();
  for (const side of [1, -1]) {
    const segment = lineInBox(pixelXY(c.x + side * h * n.x, c.y + side * h * n.y), pixelXY(n.y, -n.x), box);
    if (!segment) continue;
    outline.moveTo(segment[0].x, segment[0].y);
    outline.lineTo(segment[1].x, segment[1].y);
  }
  const box4 = corners(box).map((corner) => corner.p);
  const strip = cutPolygon(cutPolygon(box4, n, mid + h), pixelXY(-n.x, -n.y), -(mid - h));
  return { outline: outline.toString(), region: strip.length >= 3 ? linePath(strip, true) : '' };
}

/** Whether every number in the path data is a coordinate an SVG attribute can hold. */
const drawable = (d: string): boolean =>
  !/NaN|Infinity/.test(d) && (d.match(/-?[\d.]+(?:e[+-]?\d+)?/g) ?? []).every((n) => isSafePx(Number(n)));

/**
 * A level curve cut to `box` grown by `margin` px (the plot's clip path trims the rest, so no edge of
 * the cut shows): its outline and the region inside it. An ellipse that holds the whole box draws no
 * outline and fills the box; one reaching more than LINE_RATIO times the box's farthest corner is
 * drawn as its two long sides (within the box they differ by rb·reach²/(2·ra²) < 10⁻⁶·reach). Empty,
 * never NaN, for a curve that cannot be placed.
 */
export function levelCurvePaths(curve: PixelLevelCurve, box: PixelBox, margin = 2): LevelCurvePaths {
  const paths = cut(curve, grown(box, margin));
  return drawable(paths.outline) && drawable(paths.region) ? paths : NOTHING;
}

/** levelCurvePaths before the last check: which way to cut the curve to the box. */
function cut(curve: PixelLevelCurve, box: PixelBox): LevelCurvePaths {
  if (curve.kind === 'lines') return clippedLines(curve.centre, curve.across, curve.along, box);
  const e = principal(curve.centre, curve.semiAxes[0], curve.semiAxes[1]);
  if (!e) return NOTHING;
  const reach = Math.max(...corners(box).map(({ p }) => Math.hypot(p.x - e.c.x, p.y - e.c.y)));
  if (e.rb >= reach) return { outline: '', region: boxPath(box) };
  if (e.ra > LINE_RATIO * reach) return clippedLines(e.c, e.b, e.a, box);
  return clippedEllipse(e, box);
}
