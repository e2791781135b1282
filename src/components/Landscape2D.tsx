import { useEffect, useId, useMemo, useState } from 'react';
import {
  batchGradient,
  clipPolyline,
  contourLevels,
  contourWindow,
  cost,
  costGrid,
  downsampleTrack,
  epochTrack,
  growWindow,
  inWindow,
  marchingSquares,
  optimum,
  pyFloat,
  sublevelRegions,
  updateTrack,
  type Point2,
  type Polyline,
  type SampleUpdate,
  type Window2,
} from '../core';
import { useT } from '../i18n';
import { usePlaygroundSelector } from '../store/context';
import { displayedParams, type PlaygroundState, type RunId } from '../store/playground';
import { selectRun } from '../store/selectors';
import { formatTick, ticksBetween } from './chartData';
import './charts.css';
import './landscape2d.css';

export interface Landscape2DProps {
  readonly id: RunId;
  /** Height of the plot in px. Default 260. */
  readonly height?: number;
  /** A fixed width in px; by default the map fills its container's width. */
  readonly width?: number;
}

/** Contour levels drawn. */
export const CONTOUR_COUNT = 12;
/** At most this many (w, b) after an epoch are drawn as the path; the run itself is never cut. */
export const MAX_TRACK_POINTS = 300;
/** The −∇cost arrow is this long on screen whatever the gradient's size. */
export const ARROW_PX = 46;
/** Grid nodes are about this many px apart (clamped to 24…160 nodes per axis). */
const GRID_PX = 4;
/** Width before the container has been measured (and where ResizeObserver does not exist). */
const FALLBACK_WIDTH = 520;

/** Room a marker's label needs to its right before it flips to the left. */
const LABEL_ROOM = 26;

const MARGIN = { top: 10, right: 14, bottom: 38, left: 50 } as const;

const runSelectors = {
  gd: selectRun('gd'),
  sgd: selectRun('sgd'),
  minibatch: selectRun('minibatch'),
} as const;

const NO_UPDATES: readonly SampleUpdate[] = [];
const selectPending = (s: PlaygroundState) => s.pendingUpdates;
const selectCursor = (s: PlaygroundState) => s.sampleCursor;
const selectNothing = () => NO_UPDATES;
const selectZero = () => 0;

/**
 * The width of an element, kept up to date by a ResizeObserver: null until measured (and where
 * ResizeObserver does not exist), and the callback ref to attach to the element.
 */
function useMeasuredWidth(active: boolean) {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    if (!active || !element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const measured = entries[0]?.contentRect.width ?? 0;
      if (measured > 0) setWidth(Math.round(measured));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [active, element]);
  return [width, setElement] as const;
}

/**
 * The window the map shows: the one the run needs, but kept while it fits (so the contours stay put
 * while the run plays) and only grown when a point needs more room; `resetKey` changing (a new run:
 * reset, or new settings) starts over from what is needed.
 */
function useGrowingWindow(needed: Window2, resetKey: object): Window2 {
  const [kept, setKept] = useState({ key: resetKey, window: needed });
  const next = kept.key === resetKey ? growWindow(kept.window, needed) : needed;
  if (kept.key !== resetKey || next !== kept.window) setKept({ key: resetKey, window: next });
  return next;
}

/** An SVG path through points (already in px): "M x y L x y …", closed with Z when asked. */
function pathData(points: readonly (readonly [number, number])[], closed: boolean): string {
  let d = '';
  points.forEach(([x, y], k) => {
    d += `${k === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
  });
  return closed && d ? `${d}Z` : d;
}

/**
 * cost(w, b) of y = w·x + b as a contour map over a (w, b) window that holds θ₀, θ* and the run:
 * shaded bands deepening toward θ*, the contour lines, the run's (w, b) after each epoch (for SGD
 * and mini-batch also every update of the latest epochs, the zig-zag), the current (w, b) as a ball
 * and the direction of −∇cost as an arrow. A run that runs off leaves the map with a note.
 */
export function Landscape2D({ id, height = 260, width }: Landscape2DProps) {
  const t = useT();
  const titleId = useId();
  const descriptionId = useId();
  const markerId = `landscape2d-arrow-${useId().replace(/[^\w-]/g, '')}`;
  const clipId = `landscape2d-clip-${useId().replace(/[^\w-]/g, '')}`;
  const run = usePlaygroundSelector(runSelectors[id]);
  const params = usePlaygroundSelector((s) => displayedParams(s, id));
  const pending = usePlaygroundSelector(id === 'sgd' ? selectPending : selectNothing);
  const cursor = usePlaygroundSelector(id === 'sgd' ? selectCursor : selectZero);
  const [measuredWidth, measureFrame] = useMeasuredWidth(width === undefined);
  const totalWidth = width ?? measuredWidth ?? FALLBACK_WIDTH;

  const { data, init, optimizer } = run.setup;
  const star = useMemo(() => optimum('wb', data), [data]);
  const track = useMemo(() => epochTrack(run), [run]);
  const steps = useMemo(() => updateTrack(run, pending.slice(0, cursor)), [run, pending, cursor]);
  const needed = useMemo(
    () => contourWindow(data, init, [track, steps, { ws: [params.w], bs: [params.b] }]),
    [data, init, track, steps, params.w, params.b],
  );
  const view = useGrowingWindow(needed.window, run.setup);
  const { w: wRange, b: bRange } = view;

  const plotWidth = Math.max(80, totalWidth - MARGIN.left - MARGIN.right);
  const plotHeight = Math.max(60, height - MARGIN.top - MARGIN.bottom);
  const cols = Math.min(160, Math.max(24, Math.round(plotWidth / GRID_PX)));
  const rows = Math.min(160, Math.max(24, Math.round(plotHeight / GRID_PX)));
  const sx = plotWidth / (wRange.max - wRange.min);
  const sy = plotHeight / (bRange.max - bRange.min);
  const px = (p: Point2): [number, number] => [
    MARGIN.left + (p.w - wRange.min) * sx,
    MARGIN.top + (bRange.max - p.b) * sy,
  ];

  // The contours depend on the data and the window only: not on the run, so not on every frame.
  const contours = useMemo(() => {
    const grid = costGrid(data, wRange, bRange, cols, rows);
    const floor = Math.min(grid.min, cost('wb', star, data));
    const levels = contourLevels(floor, grid.max, CONTOUR_COUNT);
    const toPx = (line: Polyline) =>
      line.points.map((p): [number, number] => [
        MARGIN.left + ((p.w - wRange.min) / (wRange.max - wRange.min)) * plotWidth,
        MARGIN.top + ((bRange.max - p.b) / (bRange.max - bRange.min)) * plotHeight,
      ]);
    return levels.map((level) => ({
      level,
      lines: marchingSquares(grid, level)
        .map((line) => pathData(toPx(line), line.closed))
        .join(''),
      band: sublevelRegions(grid, level)
        .map((line) => pathData(toPx(line), true))
        .join(''),
    }));
  }, [data, star, wRange, bRange, cols, rows, plotWidth, plotHeight]);

  const path = useMemo(() => {
    const points = downsampleTrack(track, MAX_TRACK_POINTS).map((k) => ({
      w: track.ws[k]!,
      b: track.bs[k]!,
    }));
    return {
      pieces: clipPolyline(points, view),
      dots: points.filter((p) => inWindow(view, p)),
    };
  }, [track, view]);
  const stepPieces = useMemo(() => {
    const points: Point2[] = [];
    for (let k = 0; k < steps.ws.length; k++) points.push({ w: steps.ws[k]!, b: steps.bs[k]! });
    return clipPolyline(points, view);
  }, [steps, view]);

  const current = { w: params.w, b: params.b };
  const onChart = inWindow(view, current);
  const currentCost = cost('wb', current, data);
  const all = useMemo(() => Array.from({ length: data.xs.length }, (_, i) => i), [data]);
  const gradient = batchGradient('wb', current, data, all, true);
  const finiteGradient = Number.isFinite(gradient.w) && Number.isFinite(gradient.b);
  let arrow: [number, number, number, number] | null = null;
  if (onChart && finiteGradient) {
    const dx = -gradient.w * sx;
    const dy = gradient.b * sy;
    const length = Math.hypot(dx, dy);
    if (length > 0 && Number.isFinite(length)) {
      const [x0, y0] = px(current);
      arrow = [x0, y0, x0 + (dx / length) * ARROW_PX, y0 + (dy / length) * ARROW_PX];
    }
  }

  const wTicks = ticksBetween(wRange.min, wRange.max, Math.max(3, Math.round(plotWidth / 90)));
  const bTicks = ticksBetween(bRange.min, bRange.max, Math.max(3, Math.round(plotHeight / 50)));
  const bottom = MARGIN.top + plotHeight;
  const right = MARGIN.left + plotWidth;
  const [ballX, ballY] = px(current);
  const [starX, starY] = px(star);
  const [startX, startY] = px(init);
  const starOn = inWindow(view, star);
  const startOn = inWindow(view, init);
  const hasSteps = optimizer.kind !== 'gd' && stepPieces.length > 0;
  const pathPoints = path.pieces.reduce((sum, piece) => sum + piece.length, 0);
  const stepPoints = stepPieces.reduce((sum, piece) => sum + piece.length, 0);
  /** A marker's label beside it, flipped to the other side where it would leave the plot. */
  const labelAt = (x: number, y: number, side: 'above' | 'below') => {
    const left = x + LABEL_ROOM > right;
    const above = side === 'above' ? y - 18 > MARGIN.top : y + 20 > bottom;
    return {
      x: left ? x - 8 : x + 8,
      y: above ? y - 8 : y + 16,
      textAnchor: left ? ('end' as const) : ('start' as const),
    };
  };
  const dots = path.dots
    .map((p) => {
      const [x, y] = px(p);
      return `M${(x - 2.5).toFixed(1)} ${y.toFixed(1)}a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0 -5 0`;
    })
    .join('');

  return (
    <figure
      className={`chart landscape2d landscape2d-${id}`}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      data-w={pyFloat(params.w)}
      data-b={pyFloat(params.b)}
      data-w-min={wRange.min}
      data-w-max={wRange.max}
      data-b-min={bRange.min}
      data-b-max={bRange.max}
      data-clipped={needed.clipped}
      data-on-chart={onChart}
      data-contours={contours.length}
      data-path-points={pathPoints}
      data-step-points={stepPoints}
    >
      <figcaption className="chart-caption landscape2d-caption">
        <h3 className="chart-title" id={titleId}>
          {t('landscape2d.title')}
        </h3>
        <p className="chart-subtitle">{t('landscape2d.caption')}</p>
        <p className="chart-sr-only" id={descriptionId}>
          {t('landscape2d.description')}
          {optimizer.kind !== 'gd' && ` ${t('landscape2d.descriptionSteps')}`}
        </p>
      </figcaption>
      <div className="landscape2d-frame" ref={measureFrame}>
        <svg
          className="landscape2d-plot"
          width={totalWidth}
          height={height}
          viewBox={`0 0 ${totalWidth} ${height}`}
          aria-hidden="true"
          focusable="false"
        >
          <defs>
            <clipPath id={clipId}>
              <rect x={MARGIN.left} y={MARGIN.top} width={plotWidth} height={plotHeight} />
            </clipPath>
            <marker
              id={markerId}
              className="landscape2d-arrowhead"
              viewBox="0 0 10 10"
              refX="8"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M0 0L10 5L0 10z" />
            </marker>
          </defs>
          <rect
            className="landscape2d-bg"
            x={MARGIN.left}
            y={MARGIN.top}
            width={plotWidth}
            height={plotHeight}
          />
          <g clipPath={`url(#${clipId})`}>
            <g className="landscape2d-bands">
              {contours.map(({ level, band }) =>
                band ? <path key={level} className="landscape2d-band" d={band} /> : null,
              )}
            </g>
            <g className="landscape2d-contours">
              {contours.map(({ level, lines }) =>
                lines ? (
                  <path key={level} className="landscape2d-contour" d={lines} data-level={level} />
                ) : null,
              )}
            </g>
            {startOn && <circle className="landscape2d-start" cx={startX} cy={startY} r={4.5} />}
            {path.pieces.map((piece, k) => (
              <path key={`path-${k}`} className="landscape2d-path" d={pathData(piece.map(px), false)} />
            ))}
            {dots && <path className="landscape2d-dots" d={dots} data-count={path.dots.length} />}
            {hasSteps &&
              stepPieces.map((piece, k) => (
                <path key={`steps-${k}`} className="landscape2d-steps" d={pathData(piece.map(px), false)} />
              ))}
            {starOn && (
              <g className="landscape2d-optimum">
                <path
                  d={`M${starX - 6} ${starY - 6}L${starX + 6} ${starY + 6}M${starX - 6} ${starY + 6}L${starX + 6} ${starY - 6}`}
                />
                <text {...labelAt(starX, starY, 'above')}>{t('landscape2d.optimumMark')}</text>
              </g>
            )}
            {startOn && (
              <text className="landscape2d-start-label" {...labelAt(startX, startY, 'below')}>
                {t('landscape2d.startMark')}
              </text>
            )}
            {arrow && (
              <line
                className="landscape2d-arrow"
                x1={arrow[0]}
                y1={arrow[1]}
                x2={arrow[2]}
                y2={arrow[3]}
                markerEnd={`url(#${markerId})`}
              />
            )}
            {onChart && (
              <circle
                className="landscape2d-ball"
                cx={ballX}
                cy={ballY}
                r={7}
                data-w={pyFloat(params.w)}
                data-b={pyFloat(params.b)}
              />
            )}
          </g>
          <rect
            className="landscape2d-border"
            x={MARGIN.left}
            y={MARGIN.top}
            width={plotWidth}
            height={plotHeight}
          />
          <g className="landscape2d-axis landscape2d-axis-w">
            {wTicks.map((tick) => {
              const x = MARGIN.left + (tick - wRange.min) * sx;
              return (
                <g key={tick} className="landscape2d-tick-w" data-value={tick}>
                  <line x1={x} x2={x} y1={bottom} y2={bottom + 5} />
                  <text className="landscape2d-tick" x={x} y={bottom + 18} textAnchor="middle">
                    {formatTick(tick)}
                  </text>
                </g>
              );
            })}
            <text className="landscape2d-label" x={right} y={bottom + 34} textAnchor="end">
              {t('landscape2d.wAxis')}
            </text>
          </g>
          <g className="landscape2d-axis landscape2d-axis-b">
            {bTicks.map((tick) => {
              const y = MARGIN.top + (bRange.max - tick) * sy;
              return (
                <g key={tick} className="landscape2d-tick-b" data-value={tick}>
                  <line x1={MARGIN.left - 5} x2={MARGIN.left} y1={y} y2={y} />
                  <text className="landscape2d-tick" x={MARGIN.left - 8} y={y + 4} textAnchor="end">
                    {formatTick(tick)}
                  </text>
                </g>
              );
            })}
            <text className="landscape2d-label" x={14} y={MARGIN.top + 12} textAnchor="middle">
              {t('landscape2d.bAxis')}
            </text>
          </g>
        </svg>
      </div>
      {!onChart && (
        <p className="chart-offchart">
          {t('landscape2d.offChart', { w: pyFloat(params.w), b: pyFloat(params.b) })}
        </p>
      )}
      {onChart && needed.clipped && <p className="chart-offchart">{t('landscape2d.pathClipped')}</p>}
      <p className="chart-stats">
        <span className="chart-mono">
          {t('landscape2d.current', { w: pyFloat(params.w), b: pyFloat(params.b) })}
        </span>
        <span className="chart-mono">{t('landscape2d.cost', { value: pyFloat(currentCost) })}</span>
        {finiteGradient && (
          <span className="chart-mono">
            {t('landscape2d.gradient', { w: pyFloat(gradient.w), b: pyFloat(gradient.b) })}
          </span>
        )}
        <span className="chart-mono">
          {t('landscape2d.optimum', { w: pyFloat(star.w), b: pyFloat(star.b) })}
        </span>
      </p>
      <ul className="chart-legend landscape2d-legend">
        <li className="chart-legend-item">
          <span className="landscape2d-key landscape2d-key-contour" aria-hidden="true" />
          {t('landscape2d.legendContours')}
        </li>
        <li className="chart-legend-item">
          <span className="landscape2d-key landscape2d-key-path" aria-hidden="true" />
          {t('landscape2d.legendPath')}
        </li>
        {optimizer.kind !== 'gd' && (
          <li className="chart-legend-item">
            <span className="landscape2d-key landscape2d-key-steps" aria-hidden="true" />
            {t(optimizer.kind === 'sgd' ? 'landscape2d.legendStepsSgd' : 'landscape2d.legendStepsBatch')}
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
    </figure>
  );
}
