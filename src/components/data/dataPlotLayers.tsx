/**
 * The data plot's SVG layers: the axes, the least-squares line, each run's line and the points. The
 * axes, the least-squares line and the points render only when the data, the view or the selection
 * change; a run's line follows the clock on its own.
 */
import { memo, useMemo } from 'react';
import { optimum, pyFloat, type ModelKind } from '../../core';
import type { Translate } from '../../i18n';
import { usePlaygroundSelector } from '../../store/context';
import type { RunId } from '../../store/playground';
import { selectDiverged, selectShownB, selectShownW } from '../../store/selectors';
import { RUN_COLOR_VARS } from '../charts/chartData';
import { formatTick, linearTicks, tickCount } from '../charts/toolkit';
import { POINT_KEYS, type PointHandlers } from './dataPlotController';
import { lineEnds, MARGIN, pointPixel, r, type PlotFrame } from './dataPlotGeometry';

/** Beyond this many points the dots are drawn small and translucent. */
export const DENSE_POINTS = 200;

export const Axes = memo(function Axes({ frame, t }: { frame: PlotFrame; t: Translate }) {
  const { view, px, py, plotWidth, plotHeight } = frame;
  const xTicks = linearTicks(view.x0, view.x1, tickCount(plotWidth, 90));
  const yTicks = linearTicks(view.y0, view.y1, tickCount(plotHeight, 55));
  const left = MARGIN.left;
  const right = MARGIN.left + plotWidth;
  const top = MARGIN.top;
  const bottom = MARGIN.top + plotHeight;
  return (
    <g className="data-axes" aria-hidden="true">
      <rect className="data-frame" x={left} y={top} width={plotWidth} height={plotHeight} />
      {xTicks.map((x) => (
        <g key={`x${x}`}>
          <line
            className={x === 0 ? 'data-zero' : 'data-grid'}
            x1={r(px(x))}
            x2={r(px(x))}
            y1={top}
            y2={bottom}
          />
          <text x={r(px(x))} y={bottom + 16} textAnchor="middle" className="data-tick">
            {formatTick(x)}
          </text>
        </g>
      ))}
      {yTicks.map((y) => (
        <g key={`y${y}`}>
          <line
            className={y === 0 ? 'data-zero' : 'data-grid'}
            x1={left}
            x2={right}
            y1={r(py(y))}
            y2={r(py(y))}
          />
          <text x={left - 8} y={r(py(y))} dy="0.32em" textAnchor="end" className="data-tick">
            {formatTick(y)}
          </text>
        </g>
      ))}
      <text className="data-axis-title" x={right} y={bottom + 34} textAnchor="end">
        {t('data.axisX')}
      </text>
      <text className="data-axis-title" x={left - 44} y={top + 4} dy="0.7em">
        {t('data.axisY')}
      </text>
    </g>
  );
});

/** The least-squares line of the data: where the runs are heading. */
export const BestFitLine = memo(function BestFitLine({
  xs,
  ys,
  model,
  frame,
}: {
  xs: readonly number[];
  ys: readonly number[];
  model: ModelKind;
  frame: PlotFrame;
}) {
  const best = useMemo(() => optimum(model, { xs, ys }), [model, xs, ys]);
  const ends = lineEnds(model, best, frame.view);
  if (!ends) return null;
  return (
    <line
      className="data-best"
      data-w={best.w}
      data-b={best.b}
      x1={r(frame.px(ends[0].x))}
      y1={r(frame.py(ends[0].y))}
      x2={r(frame.px(ends[1].x))}
      y2={r(frame.py(ends[1].y))}
    />
  );
});

/**
 * One run's current line; subscribes to that run's parameters only, so it alone follows the clock.
 * A line that misses the view is not drawn (the legend says it is off the chart).
 */
export function FitLine({ id, model, frame }: { id: RunId; model: ModelKind; frame: PlotFrame }) {
  const w = usePlaygroundSelector(selectShownW(id));
  const b = usePlaygroundSelector(selectShownB(id));
  // A diverged run's last finite line is near vertical and means nothing: the legend says so instead.
  const diverged = usePlaygroundSelector(selectDiverged(id));
  const ends = diverged ? null : lineEnds(model, { w, b }, frame.view);
  if (!ends) return null;
  const [a, z] = ends;
  return (
    <line
      className="data-fit"
      data-run={id}
      data-w={w}
      data-b={model === 'w' ? 0 : b}
      data-ends={`${a.x},${a.y} ${z.x},${z.y}`}
      stroke={RUN_COLOR_VARS[id]}
      x1={r(frame.px(a.x))}
      y1={r(frame.py(a.y))}
      x2={r(frame.px(z.x))}
      y2={r(frame.py(z.y))}
    />
  );
}

interface PointsLayerProps {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly frame: PlotFrame;
  readonly selected: number | null;
  readonly dragging: boolean;
  readonly describedBy: string;
  readonly t: Translate;
  readonly handlers: PointHandlers;
}

/**
 * The points, each a focusable button; only the selected one (else the first) is in the tab order,
 * and Page Up / Page Down move between them. A point reached with the keyboard shows a focus ring
 * around it, apart from the fill that marks the selected point. Re-renders only when the data, view
 * or selection change. A point that cannot be drawn (never on the view the plot picks for its data)
 * is left out rather than written as NaN.
 */
export const PointsLayer = memo(function PointsLayer({
  xs,
  ys,
  frame,
  selected,
  dragging,
  describedBy,
  t,
  handlers,
}: PointsLayerProps) {
  const tabStop = selected ?? 0;
  const n = Math.min(xs.length, ys.length);
  // Many points: smaller dots, so the cloud stays readable; a dense cloud drops the dots' halo.
  const dense = n > DENSE_POINTS;
  const dot = dense ? 2.5 : n > 30 ? 4 : 5.5;
  const nodes = [];
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    const at = pointPixel(frame, x, y);
    if (!at) continue;
    const isSelected = i === selected;
    const radius = isSelected ? dot + 1.5 : dot;
    nodes.push(
      <g
        key={i}
        data-index={i}
        data-keys={POINT_KEYS}
        className={`data-point${isSelected ? ' is-selected' : ''}${isSelected && dragging ? ' is-dragged' : ''}`}
        transform={`translate(${at.x} ${at.y})`}
        role="button"
        tabIndex={i === tabStop ? 0 : -1}
        aria-label={t('data.point', { n: i + 1, x: pyFloat(x), y: pyFloat(y) })}
        aria-describedby={describedBy}
        onPointerDown={(event) => handlers.onPointerDown(i, event)}
        onPointerMove={handlers.onPointerMove}
        onPointerUp={handlers.onPointerEnd}
        onPointerCancel={handlers.onPointerEnd}
        onLostPointerCapture={handlers.onPointerEnd}
        onKeyDown={(event) => handlers.onKeyDown(i, event)}
        onFocus={() => handlers.onFocus(i)}
      >
        <circle className="data-point-hit" r={14} />
        <circle className="data-point-dot" r={radius} />
        {/* Shown only while the point has the keyboard focus (CSS :focus-visible): an amber ring
            with a line of the text colour in it, which stands out on every background. */}
        <g className="data-point-ring">
          <circle className="data-point-ring-outer" r={radius + 3.5} />
          <circle className="data-point-ring-inner" r={radius + 3.5} />
        </g>
      </g>,
    );
  }
  const chosen = selected !== null && selected < n ? selected : null;
  const chosenAt = chosen === null ? null : pointPixel(frame, xs[chosen]!, ys[chosen]!);
  return (
    <g className={`data-points${dense ? ' is-dense' : ''}`} role="group" aria-label={t('data.points')}>
      {nodes}
      {chosenAt && !dragging && n > 1 ? (
        // A small × beside the selected point removes it with the mouse; keyboard users have Delete
        // and the named button under the plot.
        <g
          className="data-remove-badge"
          aria-hidden="true"
          transform={`translate(${chosenAt.x + 15} ${chosenAt.y - 15})`}
          onPointerDown={(event) => event.stopPropagation()}
          onClick={() => chosen !== null && handlers.onRemove(chosen)}
        >
          <circle r={8} />
          <path d="M -3 -3 L 3 3 M 3 -3 L -3 3" />
        </g>
      ) : null}
    </g>
  );
});
