/**
 * Drawing inside a Recharts chart without re-rendering it. Recharts lays out the axes (and tracks
 * the hovered point) and re-renders only when they change; what moves every frame (curves, dots,
 * the ball) is drawn by small components that read the chart's scales through Recharts' hooks and
 * their data through a React context, so a new frame re-renders them alone. Recharts re-rendering a whole chart
 * costs ~6–10 ms per update with a few hundred points; three charts a frame left 27 fps.
 */
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
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
 * An SVG path "M x,y L x,y …" through the points (xAt(i), yAt(i)), i = 0…count−1, in pixels,
 * skipping points that either axis cannot place.
 */
export function polylinePath(
  count: number,
  xAt: (i: number) => number,
  yAt: (i: number) => number,
  scales: PixelScales,
): string {
  let d = '';
  for (let i = 0; i < count; i++) {
    const cx = scales.x(xAt(i));
    const cy = scales.y(yAt(i));
    if (!Number.isFinite(cx) || !Number.isFinite(cy)) continue;
    d += `${d === '' ? 'M' : 'L'}${px(cx)},${px(cy)}`;
  }
  return d;
}

/**
 * Circles of radius r around the given pixel centres as ONE path (two arcs each): a component per
 * dot would cost a React subtree per point.
 */
export function dotsPath(centres: readonly (readonly [number, number])[], r: number): string {
  let d = '';
  for (const [cx, cy] of centres) {
    d += `M${px(cx - r)},${px(cy)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  }
  return d;
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
