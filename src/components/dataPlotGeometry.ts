/**
 * The data plot's geometry, without React: its margins and size, the mapping between data units and
 * SVG pixels, and where a line ŷ = w·x (+ b) crosses the view, exactly also for the steep and far
 * lines that very large parameters make (w = 10¹⁵⁰ is a vertical line through the origin, not a
 * line that vanishes or one drawn 10¹³⁵ px away).
 */
import type { DataPoint, ModelKind, Params, PlotBounds } from '../core';
import { formatTick } from './chartData';
import { isSafePx } from './plotLayer';

/** Room for the tick labels and axis titles around the plot area, in px. */
export const MARGIN = { top: 14, right: 20, bottom: 42, left: 56 } as const;
/** Width before the first measurement (and in tests, where nothing is laid out). */
export const DEFAULT_WIDTH = 640;

/** The view and its mapping between data units and SVG pixels. */
export interface PlotFrame {
  readonly view: PlotBounds;
  readonly width: number;
  readonly height: number;
  readonly plotWidth: number;
  readonly plotHeight: number;
  readonly px: (x: number) => number;
  readonly py: (y: number) => number;
  /** Data coordinates of an SVG pixel, clamped to the view. */
  readonly toData: (px: number, py: number) => DataPoint;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function plotFrame(view: PlotBounds, width: number, height: number): PlotFrame {
  const plotWidth = Math.max(1, width - MARGIN.left - MARGIN.right);
  const plotHeight = Math.max(1, height - MARGIN.top - MARGIN.bottom);
  const spanX = view.x1 - view.x0;
  const spanY = view.y1 - view.y0;
  return {
    view,
    width,
    height,
    plotWidth,
    plotHeight,
    px: (x) => MARGIN.left + ((x - view.x0) / spanX) * plotWidth,
    py: (y) => MARGIN.top + (1 - (y - view.y0) / spanY) * plotHeight,
    toData: (px, py) => ({
      x: clamp(view.x0 + ((px - MARGIN.left) / plotWidth) * spanX, view.x0, view.x1),
      y: clamp(view.y0 + (1 - (py - MARGIN.top) / plotHeight) * spanY, view.y0, view.y1),
    }),
  };
}

/** Plot height for a width: a landscape rectangle, never too flat or too tall. */
export const heightFor = (width: number) => Math.round(Math.min(420, Math.max(260, width * 0.6)));

/** SVG coordinates are written with 2 decimals: enough for a pixel, and short. */
export const r = (v: number) => Math.round(v * 100) / 100;

/** A point's pixel centre, or null where it cannot be drawn (not finite, or beyond any plot). */
export function pointPixel(frame: PlotFrame, x: number, y: number): readonly [number, number] | null {
  const cx = frame.px(x);
  const cy = frame.py(y);
  return isSafePx(cx) && isSafePx(cy) ? [r(cx), r(cy)] : null;
}

/** The numbers of a line's formula, short: up to 4 significant digits. */
export function lineFormula(model: ModelKind, w: number, b: number): string {
  const wx = `${formatTick(w)}·x`;
  if (model === 'w') return wx;
  return b < 0 ? `${wx} − ${formatTick(-b)}` : `${wx} + ${formatTick(b)}`;
}

export function sameBounds(a: PlotBounds, b: PlotBounds): boolean {
  return a.x0 === b.x0 && a.x1 === b.x1 && a.y0 === b.y0 && a.y1 === b.y1;
}

/**
 * The part of the line ŷ = w·x (+ b) inside `view`, from left to right (both ends inside the view);
 * null when the line misses the view or a parameter is not finite. A shallow line is followed along
 * x (ŷ at the view's left and right), a steep one along y (x = (y − b)/w at its bottom and top), so
 * the ends are exact whatever the slope; core's clipLine, which follows every line along x, loses a
 * line steeper than about 10¹⁶ in its rounding.
 */
export function lineEnds(
  model: ModelKind,
  params: Params,
  view: PlotBounds,
): readonly [DataPoint, DataPoint] | null {
  const w = params.w;
  const b = model === 'w' ? 0 : params.b;
  const spanX = view.x1 - view.x0;
  const spanY = view.y1 - view.y0;
  if (![w, b, spanX, spanY].every(Number.isFinite) || !(spanX > 0) || !(spanY > 0)) return null;
  const inView = (p: DataPoint): DataPoint => ({
    x: clamp(p.x, view.x0, view.x1),
    y: clamp(p.y, view.y0, view.y1),
  });
  if (Math.abs(w) * spanX <= spanY) {
    // Shallow: ŷ at both sides, then pulled in to where it crosses the bottom or the top.
    const ends = [view.x0, view.x1].map((x) => ({ x, y: w * x + b }));
    const [a, z] = ends as [DataPoint, DataPoint];
    if (!Number.isFinite(a.y) || !Number.isFinite(z.y)) return null;
    if (Math.max(a.y, z.y) < view.y0 || Math.min(a.y, z.y) > view.y1) return null;
    const pull = (p: DataPoint): DataPoint => {
      if (p.y < view.y0) return { x: (view.y0 - b) / w, y: view.y0 };
      if (p.y > view.y1) return { x: (view.y1 - b) / w, y: view.y1 };
      return p;
    };
    return [inView(pull(a)), inView(pull(z))];
  }
  // Steep: x where the line crosses the bottom and the top, then pulled in to the sides.
  const ends = [view.y0, view.y1].map((y) => ({ x: (y - b) / w, y }));
  const [p, q] = ends as [DataPoint, DataPoint];
  if (!Number.isFinite(p.x) || !Number.isFinite(q.x)) return null;
  const [a, z] = p.x <= q.x ? [p, q] : [q, p];
  if (z.x < view.x0 || a.x > view.x1) return null;
  const pull = (end: DataPoint): DataPoint => {
    if (end.x < view.x0) return { x: view.x0, y: w * view.x0 + b };
    if (end.x > view.x1) return { x: view.x1, y: w * view.x1 + b };
    return end;
  };
  return [inView(pull(a)), inView(pull(z))];
}

/** SVG pixel coordinates of a pointer position (the SVG may be scaled by CSS). */
export function clientToSvg(
  element: SVGSVGElement | null,
  frame: PlotFrame,
  clientX: number,
  clientY: number,
): { x: number; y: number } {
  const box = element?.getBoundingClientRect();
  if (!box) return { x: clientX, y: clientY };
  const sx = box.width > 0 ? frame.width / box.width : 1;
  const sy = box.height > 0 ? frame.height / box.height : 1;
  return { x: (clientX - box.left) * sx, y: (clientY - box.top) * sy };
}
