/**
 * Drawing inside a Recharts chart without re-rendering it. Recharts lays out the axes (and tracks
 * the hovered point) and re-renders only when they change; what moves every frame (curves, dots,
 * the ball) is drawn by small components that read the chart's scales through Recharts' hooks and
 * their data through a React context, so a new frame re-renders them alone. Recharts re-rendering a whole chart
 * costs ~6–10 ms per update with a few hundred points; three charts a frame left 27 fps.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { usePlotArea, useXAxisScale, useXAxisTicks, useYAxisScale, useYAxisTicks } from 'recharts';

/** Data value → pixel on one axis; NaN where the axis cannot place it. */
export type PixelScale = (value: number) => number;

export interface PixelScales {
  readonly x: PixelScale;
  readonly y: PixelScale;
}

/**
 * The chart's x and y scales as plain number → pixel functions, null before Recharts has laid out;
 * the same object until the layout changes, so drawings can be memoised on it.
 */
export function usePixelScales(): PixelScales | null {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  return useMemo(
    () =>
      xScale && yScale
        ? { x: (value: number) => xScale(value) ?? NaN, y: (value: number) => yScale(value) ?? NaN }
        : null,
    [xScale, yScale],
  );
}

/** A pixel coordinate to 0.01 px: what the eye can't tell apart, in a short string. */
const px = (value: number): string => String(Math.round(value * 100) / 100);

/**
 * How far from the origin a drawn coordinate may lie, in px. Far beyond any plot, and far inside
 * what an SVG attribute can hold (Chromium parses path numbers as 32-bit floats and rejects
 * "−4.64e+301": "<path> attribute d: Expected number"). Lines are clipped to ±SAFE_PX, so what
 * is visible is drawn exactly; a mark whose centre lies beyond it is not drawn.
 */
export const SAFE_PX = 1e5;

/** Whether a pixel coordinate can be written into an SVG attribute (false for NaN and ±Infinity). */
export const isSafePx = (value: number): boolean => Math.abs(value) <= SAFE_PX;

/** A pixel coordinate pulled into ±SAFE_PX (NaN stays NaN: callers skip it). */
export const clampPx = (value: number): number => Math.min(SAFE_PX, Math.max(-SAFE_PX, value));

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
 * An SVG path "M x,y L x,y …" through the points (xAt(i), yAt(i)), i = 0…count−1, in pixels,
 * skipping points that either axis cannot place, clipped to ±SAFE_PX (a piece that leaves and comes
 * back starts anew with M).
 */
export function polylinePath(
  count: number,
  xAt: (i: number) => number,
  yAt: (i: number) => number,
  scales: PixelScales,
): string {
  let d = '';
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
      if (isSafePx(cx) && isSafePx(cy)) {
        d += `M${px(cx)},${px(cy)}`;
        penX = cx;
        penY = cy;
      }
    } else {
      const piece = clipToSafe(lastX, lastY, cx, cy);
      if (piece) {
        const [ax, ay, bx, by] = piece;
        if (ax !== penX || ay !== penY) d += `M${px(ax)},${px(ay)}`;
        d += `L${px(bx)},${px(by)}`;
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
  return d;
}

/**
 * Circles of radius r around the given pixel centres as ONE path (two arcs each): a component per
 * dot would cost a React subtree per point. A centre beyond ±SAFE_PX is left out.
 */
export function dotsPath(centres: readonly (readonly [number, number])[], r: number): string {
  let d = '';
  for (const [cx, cy] of centres) {
    if (!isSafePx(cx) || !isSafePx(cy)) continue;
    d += `M${px(cx - r)},${px(cy)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  }
  return d;
}

/**
 * Recharts draws axes and labels through React portals into <g> layers of its surface. React listens
 * for focus events on every portal container, and Chromium makes an SVG element with focus listeners
 * focusable, so each such layer became a Tab stop without a name or a purpose (two per chart). Put
 * inside a chart, this takes them out of the tab order (tabindex −1), also the layers added later.
 */
export function NoLayerTabStops() {
  const [anchor, setAnchor] = useState<SVGGElement | null>(null);
  useLayoutEffect(() => {
    const surface = anchor?.ownerSVGElement;
    if (!surface) return;
    const mark = () => {
      for (const layer of surface.querySelectorAll(':scope > g[class*="recharts-zIndex-layer"]')) {
        if (!layer.hasAttribute('tabindex')) layer.setAttribute('tabindex', '-1');
      }
    };
    mark();
    if (typeof MutationObserver === 'undefined') return;
    // Only the surface's own children: what the chart draws inside them does not wake it.
    const observer = new MutationObserver(mark);
    observer.observe(surface, { childList: true });
    return () => observer.disconnect();
  }, [anchor]);
  return <g ref={setAnchor} className="chart-no-tab-stops" aria-hidden="true" />;
}

/** Children clipped to the chart's plot area (what Recharts does for a line with allowDataOverflow). */
export function PlotClip({ children }: { readonly children: ReactNode }) {
  const area = usePlotArea();
  const clipId = `plot-clip-${useId().replace(/[^\w-]/g, '')}`;
  if (!area) return null;
  return (
    <>
      <defs>
        <clipPath id={clipId}>
          <rect x={area.x} y={area.y} width={area.width} height={area.height} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clipId})`}>{children}</g>
    </>
  );
}

/**
 * Dashed grid lines at the axes' ticks across the plot area (what Recharts' CartesianGrid draws,
 * without its ~3 kB of code in the first page's script).
 */
export function PlotGrid({ stroke }: { readonly stroke: string }) {
  const area = usePlotArea();
  const xTicks = useXAxisTicks();
  const yTicks = useYAxisTicks();
  if (!area) return null;
  const right = area.x + area.width;
  const bottom = area.y + area.height;
  let d = '';
  for (const tick of xTicks ?? []) d += `M${px(tick.coordinate)},${px(area.y)}V${px(bottom)}`;
  for (const tick of yTicks ?? []) d += `M${px(area.x)},${px(tick.coordinate)}H${px(right)}`;
  return (
    <g className="chart-grid">
      <path d={d} fill="none" stroke={stroke} strokeDasharray="3 3" />
    </g>
  );
}

/**
 * The font size, in px, that the page gives an SVG text of class `className` (the charts' 12 px,
 * or the 20 px and more of presentation mode), and the ref for a hidden probe of that class (see
 * TextProbe): layouts that must leave room for text (axis widths, numbers kept apart) read it.
 * Measured when the probe mounts and again when the root element's class, theme or style changes
 * or the window is resized; never per frame.
 */
export function useSvgTextPx(fallback: number): readonly [number, (probe: SVGTextElement | null) => void] {
  const [probe, setProbe] = useState<SVGTextElement | null>(null);
  const [px, setPx] = useState(fallback);
  useEffect(() => {
    if (!probe || typeof getComputedStyle === 'undefined') return;
    const measure = () => {
      const size = Number.parseFloat(getComputedStyle(probe).fontSize);
      setPx(Number.isFinite(size) && size > 0 ? size : fallback);
    };
    measure();
    const observer = typeof MutationObserver === 'undefined' ? null : new MutationObserver(measure);
    observer?.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['class', 'data-theme', 'style'],
    });
    window.addEventListener('resize', measure);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [probe, fallback]);
  return [px, setProbe] as const;
}

/** A hidden SVG text of `className` at `fontSize` (its size unless the page's CSS says otherwise). */
export function TextProbe({
  className,
  fontSize,
  probe,
}: {
  readonly className: string;
  readonly fontSize: number;
  readonly probe: (element: SVGTextElement | null) => void;
}) {
  return (
    <text ref={probe} className={className} fontSize={fontSize} visibility="hidden" aria-hidden="true">
      0
    </text>
  );
}

/**
 * TextProbe in an SVG of its own, visually hidden, for a component that lays out outside an SVG
 * (the axes of a memoised Recharts chart).
 */
export function HiddenTextProbe(props: Parameters<typeof TextProbe>[0]) {
  return (
    <svg className="chart-sr-only" aria-hidden="true" focusable="false">
      <TextProbe {...props} />
    </svg>
  );
}
