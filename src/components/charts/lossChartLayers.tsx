/**
 * What moves on the loss chart, drawn inside its Recharts chart (see plotLayer.tsx): the lines and
 * where a diverged run stopped (LossLines, re-rendered as the runs play), and the hover readout
 * (LossHover, re-rendered as the pointer moves). The chart around them re-renders only when an axis
 * changes.
 */
import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useActiveTooltipCoordinate, useActiveTooltipLabel, usePlotArea } from 'recharts';
import { pyFloat, type RunState } from '../../core';
import { useDismissOnEscape } from '../../hooks/keyboard';
import type { Translate } from '../../i18n';
import type { Pin, RunId, Runs } from '../../store/playground';
import { CHART_THEME, pointAt, RUN_COLOR_VARS, type LossChartModel } from './chartData';
import {
  crossPath,
  isSafePx,
  pixelPolylinePath,
  pixelXY,
  samePolyline,
  samePolylinePrefix,
  visiblePolyline,
  type PixelPolyline,
  type PixelScales,
} from './toolkit';
import type { DrawnRuns } from './drawnRuns';
import { PlotClip, usePixelScales } from './plotLayer';
import { TAIL_KEEP, TAIL_MAX } from './bodyAndTail';

/** What the drawn layer and the tooltip read each frame; the chart around them stays as it was. */
export interface LossLayer {
  readonly model: LossChartModel;
  readonly pins: readonly Pin[];
  readonly shown: readonly RunId[];
  /** The runs by id; every id in `shown` is one of them. */
  readonly runs: Runs;
  readonly lastEpoch: number;
  readonly t: Translate;
  /** Where the hover readout is put (an HTML box over the chart); null before it is mounted. */
  readonly host: HTMLElement | null;
  /** A live region that speaks the hovered epoch's values to screen readers (arrow keys on the chart). */
  readonly speaker: HTMLElement | null;
  /** The runs as the chart draws them; the lines report how they were drawn (see drawnRuns.ts). */
  readonly drawn: DrawnRuns;
}

export const LossLayerContext = createContext<LossLayer | null>(null);

/**
 * "diverged in epoch k": k counts epochs from 1 (the k-th epoch is the one that overflowed), while
 * the run's divergedAtEpoch is that epoch's 0-based index, the epochs it completed before it.
 */
export const divergedText = (t: Translate, run: RunState): string =>
  t('loss.diverged', { epoch: (run.divergedAtEpoch ?? run.epoch) + 1 });

/** The hovered epoch (Recharts' active label) as a whole number, or null. */
function hoveredEpoch(label: unknown): number | null {
  const epoch = typeof label === 'string' && label !== '' ? Number(label) : label;
  return typeof epoch === 'number' && Number.isInteger(epoch) && epoch >= 0 ? epoch : null;
}

/** A line's point closer than this (px, both ways) to the last one drawn is not drawn. */
const MIN_STEP_PX = 0.5;

/**
 * A line as drawn, in two SVG paths: a long body that stays as it is while the run plays, and a short
 * tail from the body's last point to the run's latest epoch. A frame that moves the line's end
 * rewrites the tail only: the browser then parses a few points, not the whole line (with three runs
 * that was most of such a frame's script). Once the tail is TAIL_MAX points long, all but its last
 * TAIL_KEEP join the body.
 */
interface DrawnLine {
  readonly line: PixelPolyline;
  /** How many of the line's first points the body draws. */
  readonly bodyCount: number;
  readonly body: string;
  /** From the body's last placed point on; '' when the body draws the whole line. */
  readonly tail: string;
  readonly placed: number;
}

/**
 * Each chart's lines as last drawn (by its scales, which stay the same object until the axes
 * change): a line that has not moved a visible step keeps its SVG string, so React writes nothing.
 */
const drawnLines = new WeakMap<PixelScales, Map<string, DrawnLine>>();

const DOT_RADIUS = 3;
const ACTIVE_DOT_RADIUS = 4;
/** Half the size of the × where a diverged run's line ends. */
const END_MARK = 5;
/** Vertical room of an end label (12px type). */
const END_LABEL_ROOM = 15;

/** Where run `id`'s cost after `epoch` epochs is drawn, in pixels; null where it is not drawn. */
function runPoint(layer: LossLayer, scales: PixelScales, id: RunId, epoch: number): [number, number] | null {
  const point = pointAt(layer.runs[id]!, epoch);
  const value = point === null ? null : layer.model.toAxis(point.cost);
  if (value === null) return null;
  const cx = scales.x(epoch);
  const cy = scales.y(value);
  // Beyond ±SAFE_PX (for a frame the axes still have the last scale): not drawn.
  return isSafePx(cx) && isSafePx(cy) ? [cx, cy] : null;
}

const isPlaced = (line: PixelPolyline, i: number): boolean =>
  Number.isFinite(line.xs[i]!) && Number.isFinite(line.ys[i]!);

/** Points start … end−1 of a line. */
const slice = (line: PixelPolyline, start: number, end = line.xs.length): PixelPolyline => ({
  xs: line.xs.slice(start, end),
  ys: line.ys.slice(start, end),
});

/**
 * A line as drawn (see DrawnLine), keeping the body it was drawn with before while that body's points
 * are still the line's first ones and the tail is short. Together the body and the tail draw exactly
 * the segments one path through all the points would: the tail starts at the body's last placed point.
 * A pinned ghost does not grow: its body is all of it.
 */
function drawnLine(line: PixelPolyline, before: DrawnLine | undefined, grows: boolean): DrawnLine {
  let placed = 0;
  for (let i = 0; i < line.xs.length; i++) if (isPlaced(line, i)) placed++;
  const count = line.xs.length;
  const keep =
    before !== undefined &&
    count - before.bodyCount <= TAIL_MAX &&
    samePolylinePrefix(before.line, line, before.bodyCount);
  const bodyCount = keep ? before.bodyCount : grows ? Math.max(count - TAIL_KEEP, Math.min(count, 2)) : count;
  const body = keep ? before.body : pixelPolylinePath(slice(line, 0, bodyCount));
  let junction = bodyCount - 1;
  while (junction >= 0 && !isPlaced(line, junction)) junction--;
  const tail = bodyCount >= count ? '' : pixelPolylinePath(slice(line, Math.max(0, junction)));
  return { line, bodyCount, body, tail, placed };
}

/**
 * The pinned ghosts and each shown run's line (a dot while it has one point), clipped to the plot;
 * a run that diverged ends at its last finite epoch with a × and "diverged in epoch k" beside it.
 */
export function LossLines() {
  const layer = useContext(LossLayerContext);
  const scales = usePixelScales();
  const area = usePlotArea();
  const paths = useMemo(() => {
    if (!layer || !scales) return null;
    const before = drawnLines.get(scales);
    const now = new Map<string, DrawnLine>();
    const pinned = new Set(layer.pins.map((pin) => pin.id));
    for (const id of [...pinned, ...layer.shown]) {
      const data = layer.model.lines[id];
      const line = data
        ? visiblePolyline(
            data.epochs.length,
            (i) => data.epochs[i]!,
            (i) => data.values[i]!,
            scales,
            MIN_STEP_PX,
          )
        : { xs: [], ys: [] };
      const old = before?.get(id);
      now.set(id, old && samePolyline(old.line, line) ? old : drawnLine(line, old, !pinned.has(id)));
    }
    drawnLines.set(scales, now);
    return now;
  }, [layer, scales]);
  // The chart renders again once a line's end would move on these scales.
  useLayoutEffect(() => {
    if (layer && scales) layer.drawn.report({ scales, toAxis: layer.model.toAxis });
  }, [layer, scales]);
  if (!layer || !scales || !area || !paths) return null;
  const { model, pins, shown, runs, t } = layer;

  // End labels: beside the ×, toward the middle of the plot, kept apart and inside it.
  const ends: { id: RunId; x: number; y: number; labelX: number; labelY: number; left: boolean }[] = [];
  for (const id of shown) {
    if (runs[id]!.status !== 'diverged') continue;
    const end = runPoint(layer, scales, id, runs[id]!.epoch);
    if (end === null) continue;
    const left = end[0] > area.x + area.width / 2;
    ends.push({ id, x: end[0], y: end[1], labelX: end[0] + (left ? -9 : 9), labelY: end[1], left });
  }
  ends.sort((a, b) => a.y - b.y);
  const top = area.y + 11;
  const bottom = area.y + area.height - 4;
  let previous = -Infinity;
  for (const end of ends) {
    end.labelY = Math.min(bottom, Math.max(top, end.labelY, previous + END_LABEL_ROOM));
    previous = end.labelY;
  }
  return (
    <g className="loss-lines">
      <PlotClip>
        {pins.map((pin) => (
          <g key={pin.id} className={`loss-line loss-pin chart-run-${pin.run}`}>
            <path
              className="chart-line"
              d={paths.get(pin.id)?.body}
              fill="none"
              stroke={RUN_COLOR_VARS[pin.run]}
              strokeOpacity={0.35}
              strokeDasharray="6 4"
              strokeWidth={2}
            />
          </g>
        ))}
        {shown.map((id) => {
          const single =
            model.drawn[id] === 1 ? runPoint(layer, scales, id, model.lines[id]!.epochs[0]!) : null;
          return (
            <g key={id} className={`loss-line chart-run-${id}`}>
              <path
                className="chart-line"
                d={paths.get(id)?.body}
                data-points={paths.get(id)?.placed ?? 0}
                fill="none"
                stroke={RUN_COLOR_VARS[id]}
                strokeWidth={2}
                strokeLinejoin="round"
                strokeLinecap="round"
              />
              {paths.get(id)?.tail ? (
                <path
                  className="chart-line chart-line-tail"
                  d={paths.get(id)!.tail}
                  fill="none"
                  stroke={RUN_COLOR_VARS[id]}
                  strokeWidth={2}
                  strokeLinejoin="round"
                  strokeLinecap="round"
                />
              ) : null}
              {single && (
                <circle
                  className="loss-dot"
                  cx={single[0]}
                  cy={single[1]}
                  r={DOT_RADIUS}
                  fill={RUN_COLOR_VARS[id]}
                />
              )}
            </g>
          );
        })}
      </PlotClip>
      {ends.map((end) => (
        <g key={end.id} className={`loss-end chart-run-${end.id}`} data-epoch={runs[end.id]!.epoch}>
          <path
            className="loss-end-mark"
            d={crossPath(pixelXY(end.x, end.y), END_MARK)}
            stroke={RUN_COLOR_VARS[end.id]}
            strokeWidth={2.5}
            strokeLinecap="round"
          />
          <text
            className="loss-end-label"
            x={end.labelX}
            y={end.labelY}
            textAnchor={end.left ? 'end' : 'start'}
            dominantBaseline="central"
            fontSize={12}
            fill={CHART_THEME.text}
            stroke="var(--surface, #ffffff)"
            strokeWidth={3}
            strokeLinejoin="round"
            paintOrder="stroke"
          >
            {divergedText(t, runs[end.id]!)}
          </text>
        </g>
      ))}
    </g>
  );
}

/**
 * Which of a run's epochs the readout shows at the hovered `epoch`: that one, or past the run's end
 * its last; null for a run that diverged and stopped before it (it has nothing to show there).
 */
const shownEpoch = (run: RunState, epoch: number): number | null =>
  run.status === 'diverged' && epoch > run.epoch ? null : Math.min(epoch, run.epoch);

/**
 * At the hovered epoch (pointer, or arrow keys on the focused chart): a cursor line, a dot on each
 * run, and a readout of the exact epoch, w and cost of each shown run (past the runs' last epoch:
 * their last one; for a run that diverged before it, where it stopped). "after epoch k" counts the
 * epochs done, as the clock does; the lecture's script prints that line as `epoch: k−1`, which the
 * title gives beside it. Escape hides the readout until the hovered epoch changes.
 */
export function LossHover() {
  const scales = usePixelScales();
  const area = usePlotArea();
  const hovered = hoveredEpoch(useActiveTooltipLabel());
  const coordinate = useActiveTooltipCoordinate();
  // Escape hides the readout until the hovered epoch changes (leaving the chart counts).
  const [dismissed, setDismissed] = useState(false);
  const dismiss = useCallback(() => setDismissed(true), []);
  const [shownFor, setShownFor] = useState(hovered);
  if (shownFor !== hovered) {
    setShownFor(hovered);
    setDismissed(false);
  }
  useDismissOnEscape(hovered !== null && !dismissed, dismiss);
  if (!scales || !area || hovered === null) return null;
  // Only a shown readout reads the runs, which change every frame while they play.
  return (
    <HoverReadout
      hovered={hovered}
      anchor={coordinate?.x ?? null}
      dismissed={dismissed}
      scales={scales}
      area={area}
    />
  );
}

interface HoverReadoutProps {
  readonly hovered: number;
  /** The pointer's x in px, or null (keys moved the cursor): the readout then sits at the epoch. */
  readonly anchor: number | null;
  readonly dismissed: boolean;
  readonly scales: PixelScales;
  readonly area: NonNullable<ReturnType<typeof usePlotArea>>;
}

/** The cursor, the dots and the readout at the hovered epoch, from the runs as they are now. */
function HoverReadout({ hovered, anchor, dismissed, scales, area }: HoverReadoutProps) {
  const layer = useContext(LossLayerContext);
  if (!layer) return null;
  const { runs, shown, lastEpoch, t, host, speaker } = layer;
  const epoch = Math.min(hovered, lastEpoch);
  const x = scales.x(epoch);
  const anchorX = anchor ?? x;
  const onLeft = anchorX > area.x + area.width / 2;
  const values = (
    <>
      <p className="chart-tooltip-title">
        {epoch === 0 ? t('loss.tooltipStart') : t('loss.tooltipEpoch', { epoch })}
      </p>
      {epoch > 0 && (
        <p className="chart-tooltip-printed">{t('loss.tooltipPrinted', { printed: epoch - 1 })}</p>
      )}
      {shown.map((id) => {
        const at = shownEpoch(runs[id]!, epoch);
        const point = at === null ? null : pointAt(runs[id]!, at);
        return (
          <div key={id} className={`chart-tooltip-run chart-run-${id}`}>
            <p className="chart-tooltip-name">
              <span className="chart-swatch" style={{ background: RUN_COLOR_VARS[id] }} aria-hidden="true" />
              <strong>{t(`run.${id}.short`)}</strong>
            </p>
            {point === null ? (
              <p>{divergedText(t, runs[id]!)}</p>
            ) : (
              <>
                <p className="chart-mono">{t('loss.tooltipW', { value: pyFloat(point.w) })}</p>
                <p className="chart-mono">{t('loss.tooltipCost', { value: pyFloat(point.cost) })}</p>
              </>
            )}
          </div>
        );
      })}
    </>
  );
  const readout = (
    <div
      className={`chart-tooltip loss-readout${onLeft ? ' loss-readout-left' : ''}`}
      data-testid="loss-tooltip"
      style={{ left: anchorX, top: area.y }}
      // Screen readers hear the same values once, from the live region.
      aria-hidden="true"
    >
      {values}
    </div>
  );
  return (
    <g className="loss-hover">
      {isSafePx(x) && (
        <line
          className="loss-cursor"
          x1={x}
          x2={x}
          y1={area.y}
          y2={area.y + area.height}
          stroke={CHART_THEME.axis}
        />
      )}
      {shown.map((id) => {
        const at = shownEpoch(runs[id]!, epoch);
        const point = at === null ? null : runPoint(layer, scales, id, at);
        return (
          point && (
            <circle
              key={id}
              className={`loss-active-dot chart-run-${id}`}
              cx={point[0]}
              cy={point[1]}
              r={ACTIVE_DOT_RADIUS}
              fill={RUN_COLOR_VARS[id]}
              stroke="var(--surface, #ffffff)"
              strokeWidth={2}
            />
          )
        );
      })}
      {host && !dismissed && createPortal(readout, host)}
      {speaker && createPortal(values, speaker)}
    </g>
  );
}
