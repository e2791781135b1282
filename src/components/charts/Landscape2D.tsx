import { useId, useMemo, type CSSProperties } from 'react';
import {
  batchGradient,
  cost,
  downsampleTrack,
  epochTrack,
  optimum,
  pyFloat,
  updateTrack,
  type Point2,
} from '../../core';
import { useT } from '../../i18n';
import { LayoutIsland } from '../controls/LayoutIsland';
import { usePlaygroundSelector } from '../../store/context';
import type { RunId } from '../../store/playground';
import {
  selectCursorOf,
  selectIsFastPlay,
  selectNextRuleUpdate,
  selectPendingOf,
  selectRun,
  selectShownParams,
} from '../../store/selectors';
import { RUN_COLOR_VARS } from '../run/runColors';
import './charts.css';
import {
  crossPath,
  dotsPath,
  linePath,
  linearTicks,
  pixelsPerUnit,
  pixelXY,
  plotScales,
  tickCount,
  useMeasuredSize,
} from './toolkit';
import './landscape2d.css';
import { Landscape2DFoot, widestFoot, type Landscape2DFootProps } from './Landscape2DFoot';
import {
  clipPolyline,
  contourPaths,
  contourWindow,
  inWindow,
  stepSegment,
  wbPixel,
} from './landscape2dGeometry';
import { ArrowMarker, Landscape2DAxes, NextStepArrow, useGrowingWindow } from './landscape2dParts';
import { numberPath, PathNumbers, usePathNumberFont } from './pathMarks';

export interface Landscape2DProps {
  readonly id: RunId;
  /**
   * Height of the plot in px. By default the CSS variable --landscape-plot-height (260px) sets it,
   * so the page's layout decides.
   */
  readonly height?: number;
  /** A fixed width in px; by default the map fills its container's width. */
  readonly width?: number;
}

/** Contour levels drawn. */
export const CONTOUR_COUNT = 12;
/** At most this many (w, b) after an epoch are drawn as the path; the run itself is never cut. */
export const MAX_TRACK_POINTS = 300;
/** The first epochs' dots are always drawn, numbered where there is room. */
const FIRST_NUMBERED = 12;
/** The −∇cost arrow is this long on screen whatever the gradient's size. */
export const ARROW_PX = 46;
/** Size before the container has been measured (and where ResizeObserver does not exist). */
const FALLBACK_WIDTH = 520;
const FALLBACK_HEIGHT = 260;
/** Radius of the path's dots, and of the ball. */
const DOT_RADIUS = 3;
const BALL_RADIUS = 7;

/** Room a marker's label needs to its right before it flips to the left. */
const LABEL_ROOM = 26;

const MARGIN = { top: 10, right: 14, bottom: 38, left: 50 } as const;

/**
 * cost(w, b) of y = w·x + b as a contour map over a (w, b) window that holds θ₀, θ* and the run:
 * shaded bands deepening toward θ*, the contour lines, the run's (w, b) after each epoch (for SGD
 * and mini-batch also every update of the latest epochs, the zig-zag), the current (w, b) as a ball
 * and the direction of −∇cost as an arrow; for a run with an update rule (momentum, Adam…) also its
 * next update as a dashed arrow to scale, as the 1-D landscape shows it. A run that runs off leaves
 * the map with a note.
 */
export function Landscape2D({ id, height: fixedHeight, width }: Landscape2DProps) {
  const t = useT();
  const titleId = useId();
  const descriptionId = useId();
  const markerId = `landscape2d-arrow-${useId().replace(/[^\w-]/g, '')}`;
  const clipId = `landscape2d-clip-${useId().replace(/[^\w-]/g, '')}`;
  const nextMarkerId = `${markerId}-next`;
  const run = usePlaygroundSelector(selectRun(id));
  const params = usePlaygroundSelector(selectShownParams(id));
  const pending = usePlaygroundSelector(selectPendingOf(id));
  const cursor = usePlaygroundSelector(selectCursorOf(id));
  // The update an update rule takes next (null for plain gradient descent and once it diverged).
  const next = usePlaygroundSelector(selectNextRuleUpdate(id));
  // While the runs play fast the path's numbers hold still and the ball passes over them (see
  // LandscapeLayer's numbersAvoidBall).
  const numbersAvoidBall = !usePlaygroundSelector(selectIsFastPlay);
  const [fontPx, numberProbe] = usePathNumberFont();
  const [measured, measureFrame] = useMeasuredSize(width === undefined || fixedHeight === undefined);
  const totalWidth = width ?? measured.width ?? FALLBACK_WIDTH;
  const height = fixedHeight ?? measured.height ?? FALLBACK_HEIGHT;

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
  const scales = useMemo(
    () =>
      plotScales([wRange.min, wRange.max], [bRange.min, bRange.max], {
        left: MARGIN.left,
        top: MARGIN.top,
        right: MARGIN.left + plotWidth,
        bottom: MARGIN.top + plotHeight,
      }),
    [wRange, bRange, plotWidth, plotHeight],
  );
  const px = (p: Point2) => wbPixel(scales, p);

  // The contours depend on the data and the window only: not on the run, so not on every frame.
  const contours = useMemo(() => contourPaths(data, scales, CONTOUR_COUNT), [data, scales]);

  const path = useMemo(() => {
    const picks = downsampleTrack(track, MAX_TRACK_POINTS - FIRST_NUMBERED);
    // The first epochs are numbered: a long history's picks skip most of them, so they are added.
    const first = Array.from({ length: Math.min(FIRST_NUMBERED, track.ws.length) }, (_, k) => k).filter(
      (k) => Number.isFinite(track.ws[k]!) && Number.isFinite(track.bs[k]!),
    );
    const epochs = [...new Set([...first, ...picks])].sort((a, b) => a - b);
    const points = epochs.map((k) => ({ w: track.ws[k]!, b: track.bs[k]!, epoch: k }));
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
    const dx = -gradient.w * pixelsPerUnit(scales.x);
    const dy = -gradient.b * pixelsPerUnit(scales.y);
    const length = Math.hypot(dx, dy);
    if (length > 0 && Number.isFinite(length)) {
      const { x: x0, y: y0 } = px(current);
      arrow = [x0, y0, x0 + (dx / length) * ARROW_PX, y0 + (dy / length) * ARROW_PX];
    }
  }

  // Its end cut to the window (a diverging run's step can be anything up to the largest double).
  const nextSegment = next && onChart ? stepSegment(current, next.after, view) : null;
  let nextArrow: { from: { x: number; y: number }; to: { x: number; y: number }; clipped: boolean } | null =
    null;
  if (nextSegment) {
    const from = px(current);
    const to = px(nextSegment.to);
    // Shorter than a pixel it would be a lone arrowhead pointing nowhere in particular.
    if (Math.hypot(to.x - from.x, to.y - from.y) >= 1) nextArrow = { from, to, clipped: nextSegment.clipped };
  }

  const wTicks = linearTicks(wRange.min, wRange.max, tickCount(plotWidth, 90, 3));
  const bTicks = linearTicks(bRange.min, bRange.max, tickCount(plotHeight, 50, 3));
  const bottom = MARGIN.top + plotHeight;
  const right = MARGIN.left + plotWidth;
  const { x: ballX, y: ballY } = px(current);
  const { x: starX, y: starY } = px(star);
  const { x: startX, y: startY } = px(init);
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
  const dotCentres = path.dots.map((p) => {
    const { x, y } = px(p);
    // The dot under the ball (the current epoch's) is numbered outside the ball.
    const underBall = numbersAvoidBall && onChart && Math.hypot(x - ballX, y - ballY) < DOT_RADIUS;
    return { x, y, epoch: p.epoch, ...(underBall ? { radius: BALL_RADIUS } : {}) };
  });
  const r = DOT_RADIUS;
  const dots = dotsPath(
    dotCentres.map(({ x, y }) => pixelXY(x, y)),
    r,
  );
  const markBox = (x: number, y: number, radius: number) => ({
    left: x - radius,
    top: y - radius,
    right: x + radius,
    bottom: y + radius,
  });
  /** The box of a marker's label placed by labelAt (one or two glyphs of 12px type). */
  const labelBox = ({ x, y, textAnchor }: ReturnType<typeof labelAt>) => {
    const left = textAnchor === 'end' ? x - 18 : x;
    return { left, top: y - 12, right: left + 18, bottom: y + 3 };
  };
  // θ₀ has its own label, so the numbers start at epoch 1.
  const numbers = numberPath(
    dotCentres.filter((dot) => dot.epoch > 0),
    {
      bounds: { left: MARGIN.left, top: MARGIN.top, right, bottom },
      dotRadius: r,
      fontPx,
      obstacles: [
        ...(numbersAvoidBall && onChart ? [markBox(ballX, ballY, BALL_RADIUS)] : []),
        ...(starOn ? [markBox(starX, starY, 7), labelBox(labelAt(starX, starY, 'above'))] : []),
        ...(startOn ? [labelBox(labelAt(startX, startY, 'below'))] : []),
      ],
    },
  );

  const foot: Landscape2DFootProps = {
    note: !onChart
      ? t('landscape2d.offChart', { w: pyFloat(params.w), b: pyFloat(params.b) })
      : needed.clipped
        ? t('landscape2d.pathClipped')
        : null,
    at: { w: pyFloat(params.w), b: pyFloat(params.b) },
    cost: pyFloat(currentCost),
    gradient: finiteGradient ? { w: pyFloat(gradient.w), b: pyFloat(gradient.b) } : null,
    nextStep: next
      ? { w: pyFloat(next.after.w - next.before.w), b: pyFloat(next.after.b - next.before.b) }
      : null,
    star,
    kind: optimizer.kind,
    rule: optimizer.rule !== undefined,
  };

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
      style={{ '--l2d-run': RUN_COLOR_VARS[id] } as CSSProperties}
    >
      {/* The tab names the map on screen; the title stays its accessible name. */}
      <figcaption className="chart-sr-only">
        <h3 id={titleId}>{t('landscape2d.title')}</h3>
        <p id={descriptionId}>
          {t('landscape2d.description')}
          {optimizer.kind !== 'gd' && ` ${t('landscape2d.descriptionSteps')}`}
          {optimizer.rule && ` ${t('landscape2d.descriptionNextStep')}`}
        </p>
      </figcaption>
      <div
        className="landscape2d-frame"
        ref={measureFrame}
        style={fixedHeight === undefined ? undefined : { height: fixedHeight }}
      >
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
            <ArrowMarker id={markerId} className="landscape2d-arrowhead" />
            {nextArrow && (
              <ArrowMarker
                id={nextMarkerId}
                className="landscape2d-next-head"
                fill="var(--l2d-run)"
                size={5}
              />
            )}
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
              <path key={`path-${k}`} className="landscape2d-path" d={linePath(piece.map(px))} />
            ))}
            {dots && <path className="landscape2d-dots" d={dots} data-count={path.dots.length} />}
            {hasSteps &&
              stepPieces.map((piece, k) => (
                <path key={`steps-${k}`} className="landscape2d-steps" d={linePath(piece.map(px))} />
              ))}
            {starOn && (
              <g className="landscape2d-optimum">
                <path d={crossPath(pixelXY(starX, starY), 6)} />
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
            {nextArrow && next && (
              <NextStepArrow
                {...nextArrow}
                target={{ w: pyFloat(next.after.w), b: pyFloat(next.after.b) }}
                markerId={nextMarkerId}
              />
            )}
            {onChart && (
              <circle
                className="landscape2d-ball"
                cx={ballX}
                cy={ballY}
                r={BALL_RADIUS}
                data-w={pyFloat(params.w)}
                data-b={pyFloat(params.b)}
              />
            )}
          </g>
          <PathNumbers numbers={numbers} className="landscape2d-numbers" probe={numberProbe} />
          <rect
            className="landscape2d-border"
            x={MARGIN.left}
            y={MARGIN.top}
            width={plotWidth}
            height={plotHeight}
          />
          <Landscape2DAxes
            wTicks={wTicks.map((tick) => ({ value: tick, at: scales.x(tick) }))}
            bTicks={bTicks.map((tick) => ({ value: tick, at: scales.y(tick) }))}
            left={MARGIN.left}
            top={MARGIN.top}
            right={right}
            bottom={bottom}
          />
        </svg>
      </div>
      {/* At rest the foot keeps the height it will need while the run plays (the widest numbers):
          pressing Play moves nothing below it. */}
      <LayoutIsland reserve={<Landscape2DFoot {...widestFoot(foot)} />}>
        <Landscape2DFoot {...foot} />
      </LayoutIsland>
    </figure>
  );
}
