/**
 * Parts of the 2-D landscape (Landscape2D.tsx) that do not change with the run: keeping its window,
 * the axes and the legend.
 */
import { useState } from 'react';
import type { OptimizerSpec, Window2 } from '../../core';
import { useT } from '../../i18n';
import { formatTick } from './toolkit';
import { growWindow } from './landscape2dGeometry';

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
