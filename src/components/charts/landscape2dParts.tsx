/**
 * Parts of the 2-D landscape (Landscape2D.tsx): keeping its window, the arrowheads, the next step of an
 * update rule, the axes and the legend.
 */
import { useState, type CSSProperties } from 'react';
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

/**
 * An arrowhead for a line's markerEnd, `size` times the line's stroke width long: filled by its
 * class's CSS, or by `fill` (a colour or a CSS variable).
 */
export function ArrowMarker({
  id,
  className,
  fill,
  size = 7,
}: {
  readonly id: string;
  readonly className: string;
  readonly fill?: string;
  readonly size?: number;
}) {
  return (
    <marker
      id={id}
      className={className}
      viewBox="0 0 10 10"
      refX="8"
      refY="5"
      markerWidth={size}
      markerHeight={size}
      orient="auto-start-reverse"
    >
      <path d="M0 0L10 5L0 10z" style={fill === undefined ? undefined : { fill }} />
    </marker>
  );
}

/** The run's own colour as the map's CSS uses it. */
const RUN_STROKE = 'var(--l2d-run)';

/**
 * The next step of a run's update rule (momentum's velocity, Adam's adapted step…): a dashed arrow
 * in the run's colour from the ball to where that update takes it, to scale, in px. The true
 * target stays on it as data (the drawn end may be cut at the plot's edge).
 */
export function NextStepArrow({
  from,
  to,
  target,
  clipped,
  markerId,
}: {
  readonly from: { readonly x: number; readonly y: number };
  readonly to: { readonly x: number; readonly y: number };
  readonly target: { readonly w: string; readonly b: string };
  readonly clipped: boolean;
  readonly markerId: string;
}) {
  return (
    <g className="landscape2d-next-step" data-next-w={target.w} data-next-b={target.b} data-clipped={clipped}>
      {/* A light halo keeps the dashes readable over the contour lines. */}
      <line
        x1={from.x}
        y1={from.y}
        x2={to.x}
        y2={to.y}
        style={{
          stroke: 'var(--surface, #ffffff)',
          strokeOpacity: 0.8,
          strokeWidth: 5,
          strokeLinecap: 'round',
        }}
      />
      <line
        className="landscape2d-next-line"
        x1={from.x}
        y1={from.y}
        x2={to.x}
        y2={to.y}
        markerEnd={`url(#${markerId})`}
        style={{ stroke: RUN_STROKE, strokeWidth: 2.5, strokeDasharray: '6 3' }}
      />
    </g>
  );
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

/** The legend's key of the next step: a dashed line in the run's colour. */
const NEXT_KEY: CSSProperties = { height: 0, borderTop: `3px dashed ${RUN_STROKE}` };

/**
 * What the map's marks mean; the update path only for SGD and mini-batch, the next step only for a
 * run with an update rule.
 */
export function Landscape2DLegend({
  kind,
  nextStep = false,
}: {
  readonly kind: OptimizerSpec['kind'];
  readonly nextStep?: boolean;
}) {
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
      {nextStep && (
        <li className="chart-legend-item landscape2d-legend-next">
          <span className="landscape2d-key landscape2d-key-next" style={NEXT_KEY} aria-hidden="true" />
          {t('landscape2d.legendNextStep')}
        </li>
      )}
      <li className="chart-legend-item">
        <span className="landscape2d-key landscape2d-key-optimum" aria-hidden="true">
          ×
        </span>
        {t('landscape2d.legendOptimum')}
      </li>
    </ul>
  );
}
