/**
 * SVG path data in pixels, written with d3-path to 0.01 px (what the eye can't tell apart, in a
 * short string): polylines kept inside ±SAFE_PX however far their points lie, polygons, dots and
 * the × mark.
 */
import { pathRound, type Path } from 'd3-path';
import { isSafePx, SAFE_PX, clampPx, type PixelScales, type PixelXY } from './scales';

/** Decimals of every drawn coordinate. */
const DIGITS = 2;

/** An empty d3 path that writes coordinates to 0.01 px. */
export const pixelPath = (): Path => pathRound(DIGITS);

/** A pixel coordinate rounded as the paths write it. */
const px = (value: number): number => Math.round(value * 10 ** DIGITS) / 10 ** DIGITS;

const inSafe = (x: number, y: number): boolean => isSafePx(x) && isSafePx(y);

/**
 * Where the segment from P (inside ±SAFE_PX) towards Q leaves the safe square, or Q when it does not.
 * Measured from P, so it is exact however far Q is.
 */
function exitPoint(px: number, py: number, qx: number, qy: number): [number, number] {
  const dx = qx - px;
  const dy = qy - py;
  let f = 1;
  if (qx > SAFE_PX) f = Math.min(f, (SAFE_PX - px) / dx);
  else if (qx < -SAFE_PX) f = Math.min(f, (-SAFE_PX - px) / dx);
  if (qy > SAFE_PX) f = Math.min(f, (SAFE_PX - py) / dy);
  else if (qy < -SAFE_PX) f = Math.min(f, (-SAFE_PX - py) / dy);
  return f === 1 ? [qx, qy] : [clampPx(px + f * dx), clampPx(py + f * dy)];
}

/**
 * The part of the segment (x0, y0)–(x1, y1) inside the square ±SAFE_PX, or null. An end inside stays
 * as it is and the other is cut where the segment leaves, measured from the inside end, so a segment
 * from a point on the plot to one at 10³⁰⁰ px keeps its exact direction where it shows. A segment with
 * both ends outside is cut from a point of it inside the square (Liang–Barsky finds one), or is null.
 */
export function clipToSafe(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): readonly [number, number, number, number] | null {
  if (![x0, y0, x1, y1].every(Number.isFinite)) return null;
  const startIn = inSafe(x0, y0);
  const endIn = inSafe(x1, y1);
  if (startIn && endIn) return [x0, y0, x1, y1];
  if (startIn) return [x0, y0, ...exitPoint(x0, y0, x1, y1)];
  if (endIn) return [...exitPoint(x1, y1, x0, y0), x1, y1];
  const dx = x1 - x0;
  const dy = y1 - y0;
  if (!Number.isFinite(dx) || !Number.isFinite(dy)) return null;
  let t0 = 0;
  let t1 = 1;
  const edges: readonly (readonly [number, number])[] = [
    [-dx, x0 + SAFE_PX],
    [dx, SAFE_PX - x0],
    [-dy, y0 + SAFE_PX],
    [dy, SAFE_PX - y0],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return null;
  }
  const t = (t0 + t1) / 2;
  const mx = x0 + t * dx;
  const my = y0 + t * dy;
  if (!inSafe(mx, my)) return null;
  return [...exitPoint(mx, my, x0, y0), ...exitPoint(mx, my, x1, y1)];
}

/**
 * "M x,y L x,y …" through the points (x(xAt(i)), y(yAt(i))), i = 0…count−1, skipping points that
 * either scale cannot place, clipped to ±SAFE_PX (a piece that leaves and comes back starts anew
 * with M).
 */
export function polylinePath(
  count: number,
  xAt: (i: number) => number,
  yAt: (i: number) => number,
  scales: PixelScales,
): string {
  const path = pixelPath();
  let started = false;
  let lastX = NaN;
  let lastY = NaN;
  // Where the pen is: the end of what was drawn last (NaN when it was lifted).
  let penX = NaN;
  let penY = NaN;
  for (let i = 0; i < count; i++) {
    const cx = scales.x(xAt(i));
    const cy = scales.y(yAt(i));
    if (!Number.isFinite(cx) || !Number.isFinite(cy)) continue;
    if (!started) {
      started = true;
      if (inSafe(cx, cy)) {
        path.moveTo(cx, cy);
        penX = cx;
        penY = cy;
      }
    } else {
      const piece = clipToSafe(lastX, lastY, cx, cy);
      if (piece) {
        const [ax, ay, bx, by] = piece;
        if (ax !== penX || ay !== penY) path.moveTo(ax, ay);
        path.lineTo(bx, by);
        penX = bx;
        penY = by;
      } else {
        penX = NaN;
        penY = NaN;
      }
    }
    lastX = cx;
    lastY = cy;
  }
  return path.toString();
}

/** A polyline's points in pixels, as drawn: see visiblePolyline. */
export interface PixelPolyline {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
}

/**
 * The points (x(xAt(i)), y(yAt(i))) that a line drawn through them needs: the first, then each
 * one at least `step` px (either way) from the last one kept; a point that a scale cannot place is
 * kept, for polylinePath to skip. A line that grows by a fraction of a pixel a frame keeps the same
 * points (and the same SVG) until it has grown visibly; its end then lies under `step` px short.
 */
export function visiblePolyline(
  count: number,
  xAt: (i: number) => number,
  yAt: (i: number) => number,
  scales: PixelScales,
  step: number,
): PixelPolyline {
  const xs: number[] = [];
  const ys: number[] = [];
  let lastX = NaN;
  let lastY = NaN;
  for (let i = 0; i < count; i++) {
    const cx = scales.x(xAt(i));
    const cy = scales.y(yAt(i));
    const placed = Number.isFinite(cx) && Number.isFinite(cy);
    if (placed && Math.abs(cx - lastX) < step && Math.abs(cy - lastY) < step) continue;
    xs.push(cx);
    ys.push(cy);
    if (placed) {
      lastX = cx;
      lastY = cy;
    }
  }
  return { xs, ys };
}

/** Whether two pixel polylines have exactly the same points. */
export function samePolyline(a: PixelPolyline, b: PixelPolyline): boolean {
  return a.xs.length === b.xs.length && samePolylinePrefix(a, b, a.xs.length);
}

/** Whether the first `count` points of both polylines are the same (both have that many). */
export function samePolylinePrefix(a: PixelPolyline, b: PixelPolyline, count: number): boolean {
  if (a.xs.length < count || b.xs.length < count) return false;
  for (let i = 0; i < count; i++) {
    if (!Object.is(a.xs[i], b.xs[i]) || !Object.is(a.ys[i], b.ys[i])) return false;
  }
  return true;
}

const PIXELS: PixelScales = { x: (value) => value, y: (value) => value };

/** polylinePath through points already in pixels. */
export const pixelPolylinePath = ({ xs, ys }: PixelPolyline): string =>
  polylinePath(
    xs.length,
    (i) => xs[i]!,
    (i) => ys[i]!,
    PIXELS,
  );

/** "M p₀ L p₁ … (Z)": straight segments through points already in pixels, closed when asked. */
export function linePath(points: readonly PixelXY[], closed = false): string {
  const path = pixelPath();
  points.forEach((p, k) => (k === 0 ? path.moveTo(p.x, p.y) : path.lineTo(p.x, p.y)));
  if (closed && points.length > 0) path.closePath();
  return path.toString();
}

/**
 * Circles of radius r around pixel centres as ONE path, each "M x−r,y" and two relative half-circle
 * arcs (d3-path writes only absolute arcs, twice as long for the 200 dots of a path): a component
 * per dot would cost a React subtree per point. A centre beyond ±SAFE_PX is left out.
 */
export function dotsPath(centres: readonly PixelXY[], r: number): string {
  let d = '';
  for (const { x, y } of centres) {
    if (!inSafe(x, y)) continue;
    d += `M${px(x - r)},${px(y)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  }
  return d;
}

/** A × of half-size h centred on c: the strokes (c − h, c + h) and (c − h·(1, −1), c + h·(1, −1)). */
export function crossPath(c: PixelXY, h: number): string {
  const path = pixelPath();
  path.moveTo(c.x - h, c.y - h);
  path.lineTo(c.x + h, c.y + h);
  path.moveTo(c.x - h, c.y + h);
  path.lineTo(c.x + h, c.y - h);
  return path.toString();
}
