/**
 * Parts of the 2-D landscape (Landscape2D.tsx) that do not change with the run: measuring its frame,
 * keeping its window, SVG path data, the axes and the legend.
 */
import { useEffect, useState } from 'react';
import { growWindow, type OptimizerSpec, type Window2 } from '../core';
import { useT } from '../i18n';
import { formatTick } from './chartData';

/**
 * The content size of an element (its CSS decides it: the frame's height is
 * --landscape-plot-height), kept up to date by a ResizeObserver: null until measured (and where
 * ResizeObserver does not exist), and the callback ref to attach to the element.
 */
export function useMeasuredSize(active: boolean) {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [size, setSize] = useState<{ width: number | null; height: number | null }>({
    width: null,
    height: null,
  });
  useEffect(() => {
    if (!active || !element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const rect = entries[0]?.contentRect;
      if (!rect) return;
      const width = rect.width > 0 ? Math.round(rect.width) : null;
      const height = rect.height > 0 ? Math.round(rect.height) : null;
      setSize((old) => (old.width === width && old.height === height ? old : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [active, element]);
  return [size, setElement] as const;
}

/**
 * The window the map shows: the one the run needs, but kept while it fits (so the contours stay put
 * while the run plays) and only grown when a point needs more room; `resetKey` changing (a new run:
 * reset, or new settings) starts over from what is needed.
 */
export function useGrowingWindow(needed: Window2, resetKey: object): Window2 {
  const [kept, setKept] = useState({ key: resetKey, window: needed });
  const next = kept.key === resetKey ? growWindow(kept.window, needed) : needed;
  if (kept.key !== resetKey || next !== kept.window) setKept({ key: resetKey, window: next });
  return next;
}

/** An SVG path through points (already in px): "M x y L x y …", closed with Z when asked. */
export function pathData(points: readonly (readonly [number, number])[], closed: boolean): string {
  let d = '';
  points.forEach(([x, y], k) => {
    d += `${k === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
  });
  return closed && d ? `${d}Z` : d;
}

/** An axis tick: its value and where it is drawn along the axis, in px. */
export interface AxisTick {
  readonly value: number;
  readonly at: number;
}

/** The w axis under the plot and the b axis left of it: tick marks, labels and the axis names. */
export function Landscape2DAxes({
  wTicks,
  bTicks,
  left,
  top,
  right,
  bottom,
}: {
  readonly wTicks: readonly AxisTick[];
  readonly bTicks: readonly AxisTick[];
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}) {
  const t = useT();
  return (
    <>
      <g className="landscape2d-axis landscape2d-axis-w">
        {wTicks.map(({ value, at: x }) => (
          <g key={value} className="landscape2d-tick-w" data-value={value}>
            <line x1={x} x2={x} y1={bottom} y2={bottom + 5} />
            <text className="landscape2d-tick" x={x} y={bottom + 18} textAnchor="middle">
              {formatTick(value)}
            </text>
          </g>
        ))}
        <text className="landscape2d-label" x={right} y={bottom + 34} textAnchor="end">
          {t('landscape2d.wAxis')}
        </text>
      </g>
      <g className="landscape2d-axis landscape2d-axis-b">
        {bTicks.map(({ value, at: y }) => (
          <g key={value} className="landscape2d-tick-b" data-value={value}>
            <line x1={left - 5} x2={left} y1={y} y2={y} />
            <text className="landscape2d-tick" x={left - 8} y={y + 4} textAnchor="end">
              {formatTick(value)}
            </text>
          </g>
        ))}
        <text className="landscape2d-label" x={14} y={top + 12} textAnchor="middle">
          {t('landscape2d.bAxis')}
        </text>
      </g>
    </>
  );
}

/** What the map's marks mean; the update path only for SGD and mini-batch. */
export function Landscape2DLegend({ kind }: { readonly kind: OptimizerSpec['kind'] }) {
  const t = useT();
  return (
    <ul className="chart-legend landscape2d-legend">
      <li className="chart-legend-item">
        <span className="landscape2d-key landscape2d-key-contour" aria-hidden="true" />
        {t('landscape2d.legendContours')}
      </li>
      <li className="chart-legend-item">
        <span className="landscape2d-key landscape2d-key-path" aria-hidden="true" />
        {t('landscape2d.legendPath')}
      </li>
      {kind !== 'gd' && (
        <li className="chart-legend-item">
          <span className="landscape2d-key landscape2d-key-steps" aria-hidden="true" />
          {t(kind === 'sgd' ? 'landscape2d.legendStepsSgd' : 'landscape2d.legendStepsBatch')}
        </li>
      )}
      <li className="chart-legend-item">
        <span className="landscape2d-key landscape2d-key-arrow" aria-hidden="true" />
        {t('landscape2d.legendArrow')}
      </li>
      <li className="chart-legend-item">
        <span className="landscape2d-key landscape2d-key-optimum" aria-hidden="true">
          ×
        </span>
        {t('landscape2d.legendOptimum')}
      </li>
    </ul>
  );
}
