/**
 * Drawing inside a Recharts chart without re-rendering it. Recharts lays out the axes (and tracks
 * the hovered point) and re-renders only when they change; what moves every frame (curves, dots,
 * the ball) is drawn by small components that read the chart's scales through Recharts' hooks and
 * their data through a React context, so a new frame re-renders them alone. Recharts re-rendering a whole chart
 * costs ~6–10 ms per update with a few hundred points; three charts a frame left 27 fps.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { usePlotArea, useXAxisScale, useXAxisTicks, useYAxisScale, useYAxisTicks } from 'recharts';
import { pixelPath, type PixelScales } from './toolkit';

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
  const grid = pixelPath();
  for (const tick of xTicks ?? []) {
    grid.moveTo(tick.coordinate, area.y);
    grid.lineTo(tick.coordinate, bottom);
  }
  for (const tick of yTicks ?? []) {
    grid.moveTo(area.x, tick.coordinate);
    grid.lineTo(right, tick.coordinate);
  }
  return (
    <g className="chart-grid">
      <path d={grid.toString()} fill="none" stroke={stroke} strokeDasharray="3 3" />
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
