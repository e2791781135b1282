/**
 * The data plot's geometry, without React: which rectangle of the data it shows, its margins and
 * size, the scales between data units and SVG pixels, and where a line ŷ = w·x (+ b) crosses the
 * view, exactly also for the steep and far lines that very large parameters make (w = 10¹⁵⁰ is a
 * vertical line through the origin, not a line that vanishes or one drawn 10¹³⁵ px away).
 */
import type { Dataset, ModelKind, Params } from '../../core';
import {
  dataXY,
  formatTick,
  isSafePx,
  pixelXY,
  plotScales,
  type DataXY,
  type PixelXY,
  type PlotScales,
} from '../charts/toolkit';

/** A rectangle in data units: x from x0 to x1, y from y0 to y1 (x0 < x1, y0 < y1). */
export interface PlotBounds {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/**
 * The smallest rectangle holding every point, and the origin for the model y = w·x (whose line passes
 * through it). Null for no finite point.
 */
export function contentBounds(data: Dataset, model: ModelKind): PlotBounds | null {
  let x0 = model === 'w' ? 0 : Infinity;
  let x1 = model === 'w' ? 0 : -Infinity;
  let y0 = x0;
  let y1 = x1;
  let any = false;
  const n = Math.min(data.xs.length, data.ys.length);
  for (let i = 0; i < n; i++) {
    const x = data.xs[i]!;
    const y = data.ys[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    any = true;
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  return any ? { x0, x1, y0, y1 } : null;
}

/** Padding around the content, as a fraction of its span on each side. */
export const VIEW_PADDING = 0.1;

/** [lo − p·span, hi + p·span]; around a single value, ± max(1, |value|/4). */
function padded(lo: number, hi: number, padding: number): [number, number] {
  const span = hi - lo;
  // A single value (one point, or all on a vertical or horizontal line): a unit around it, wider for
  // large values, so there is always room to drag.
  if (!(span > 0)) {
    const half = Math.max(1, Math.abs(lo) * 0.25);
    return [lo - half, hi + half];
  }
  return [lo - span * padding, hi + span * padding];
}

/**
 * The view of the data plot: the content bounds (points, and the origin for y = w·x) with
 * VIEW_PADDING on every side. The lecture's data give x ∈ [−0.3, 3.3], y ∈ [−0.6, 6.6].
 */
export function dataView(data: Dataset, model: ModelKind, padding: number = VIEW_PADDING): PlotBounds {
  const content = contentBounds(data, model) ?? { x0: 0, x1: 1, y0: 0, y1: 1 };
  const [x0, x1] = padded(content.x0, content.x1, padding);
  const [y0, y1] = padded(content.y0, content.y1, padding);
  return { x0, x1, y0, y1 };
}

/**
 * Whether a view shown already can stay for new content, so the plot does not rescale under the
 * pointer at every small change: the content lies inside the view, `margin` of a span clear of each
 * edge, and the view is at most `zoomOut` times as wide and as tall as the one dataView would choose.
 */
export function viewFits(view: PlotBounds, content: PlotBounds, margin = 0.02, zoomOut = 2): boolean {
  const w = view.x1 - view.x0;
  const h = view.y1 - view.y0;
  const inside =
    content.x0 >= view.x0 + margin * w &&
    content.x1 <= view.x1 - margin * w &&
    content.y0 >= view.y0 + margin * h &&
    content.y1 <= view.y1 - margin * h;
  if (!inside) return false;
  const [fx0, fx1] = padded(content.x0, content.x1, VIEW_PADDING);
  const [fy0, fy1] = padded(content.y0, content.y1, VIEW_PADDING);
  return w <= zoomOut * (fx1 - fx0) && h <= zoomOut * (fy1 - fy0);
}

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
  readonly scales: PlotScales;
  /** x in data units → SVG px. */
  readonly px: (x: number) => number;
  /** y in data units → SVG px (up is up). */
  readonly py: (y: number) => number;
  /** The data coordinates of an SVG pixel, clamped to the view. */
  readonly toData: (at: PixelXY) => DataXY;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The plot area inside the margins and its scales: the view's x onto its width, y onto its height. */
export function plotFrame(view: PlotBounds, width: number, height: number): PlotFrame {
  const plotWidth = Math.max(1, width - MARGIN.left - MARGIN.right);
  const plotHeight = Math.max(1, height - MARGIN.top - MARGIN.bottom);
  const scales = plotScales([view.x0, view.x1], [view.y0, view.y1], {
    left: MARGIN.left,
    top: MARGIN.top,
    right: MARGIN.left + plotWidth,
    bottom: MARGIN.top + plotHeight,
  });
  const { x, y } = scales;
  return {
    view,
    width,
    height,
    plotWidth,
    plotHeight,
    scales,
    px: (value) => x(value),
    py: (value) => y(value),
    toData: (at) => dataXY(clamp(x.invert(at.x), view.x0, view.x1), clamp(y.invert(at.y), view.y0, view.y1)),
  };
}

/** Plot height for a width: a landscape rectangle, never too flat or too tall. */
export const heightFor = (width: number) => Math.round(Math.min(420, Math.max(260, width * 0.6)));

/** SVG coordinates are written with 2 decimals: enough for a pixel, and short. */
export const r = (v: number) => Math.round(v * 100) / 100;

/** A point's pixel centre, to 0.01 px, or null where it cannot be drawn (not finite, or beyond any plot). */
export function pointPixel(frame: PlotFrame, x: number, y: number): PixelXY | null {
  const cx = frame.px(x);
  const cy = frame.py(y);
  return isSafePx(cx) && isSafePx(cy) ? pixelXY(r(cx), r(cy)) : null;
}

/** The numbers of a line's formula, short: up to 4 significant digits. */
export function lineFormula(model: ModelKind, w: number, b: number): string {
  const wx = `${formatTick(w)}·x`;
  if (model === 'w') return wx;
  return b < 0 ? `${wx} − ${formatTick(-b)}` : `${wx} + ${formatTick(b)}`;
}

/**
 * The widest number lineFormula writes where a run may take it: four significant digits, a sign and
 * a two-digit power of ten ("-1.23×10⁻¹⁶", b near 0); a fit's numbers are seldom further out.
 */
export const WIDEST_TICK = '-0.00×10⁻⁰⁰';

/** A line's formula as lineFormula writes it, with both numbers at their widest: a legend's reserve. */
export function widestLineFormula(model: ModelKind): string {
  const wx = `${WIDEST_TICK}·x`;
  return model === 'w' ? wx : `${wx} − ${WIDEST_TICK.slice(1)}`;
}

/** Whether two views are the same rectangle. */
export function sameBounds(a: PlotBounds, b: PlotBounds): boolean {
  return a.x0 === b.x0 && a.x1 === b.x1 && a.y0 === b.y0 && a.y1 === b.y1;
}

/**
 * The part of the line ŷ = w·x (+ b) inside `view`, from left to right (both ends inside the view);
 * null when the line misses the view or a parameter is not finite. A shallow line is followed along
 * x (ŷ at the view's left and right), a steep one along y (x = (y − b)/w at its bottom and top), so
 * the ends are exact whatever the slope: following every line along x, as a plain clip does, loses
 * a line steeper than about 10¹⁶ in its rounding.
 */
export function lineEnds(
  model: ModelKind,
  params: Params,
  view: PlotBounds,
): readonly [DataXY, DataXY] | null {
  const w = params.w;
  const b = model === 'w' ? 0 : params.b;
  const spanX = view.x1 - view.x0;
  const spanY = view.y1 - view.y0;
  if (![w, b, spanX, spanY].every(Number.isFinite) || !(spanX > 0) || !(spanY > 0)) return null;
  const inView = (p: DataXY): DataXY => dataXY(clamp(p.x, view.x0, view.x1), clamp(p.y, view.y0, view.y1));
  if (Math.abs(w) * spanX <= spanY) {
    // Shallow: ŷ at both sides, then pulled in to where it crosses the bottom or the top.
    const [a, z] = [dataXY(view.x0, w * view.x0 + b), dataXY(view.x1, w * view.x1 + b)];
    if (!Number.isFinite(a.y) || !Number.isFinite(z.y)) return null;
    if (Math.max(a.y, z.y) < view.y0 || Math.min(a.y, z.y) > view.y1) return null;
    const pull = (p: DataXY): DataXY => {
      if (p.y < view.y0) return dataXY((view.y0 - b) / w, view.y0);
      if (p.y > view.y1) return dataXY((view.y1 - b) / w, view.y1);
      return p;
    };
    return [inView(pull(a)), inView(pull(z))];
  }
  // Steep: x where the line crosses the bottom and the top, then pulled in to the sides.
  const [p, q] = [dataXY((view.y0 - b) / w, view.y0), dataXY((view.y1 - b) / w, view.y1)];
  if (!Number.isFinite(p.x) || !Number.isFinite(q.x)) return null;
  const [a, z] = p.x <= q.x ? [p, q] : [q, p];
  if (z.x < view.x0 || a.x > view.x1) return null;
  const pull = (end: DataXY): DataXY => {
    if (end.x < view.x0) return dataXY(view.x0, w * view.x0 + b);
    if (end.x > view.x1) return dataXY(view.x1, w * view.x1 + b);
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
): PixelXY {
  const box = element?.getBoundingClientRect();
  if (!box) return pixelXY(clientX, clientY);
  const sx = box.width > 0 ? frame.width / box.width : 1;
  const sy = box.height > 0 ? frame.height / box.height : 1;
  return pixelXY((clientX - box.left) * sx, (clientY - box.top) * sy);
}
