/**
 * What moves on the 1-D loss landscape, drawn inside its Recharts chart (see plotLayer.tsx): the
 * bowl, the per-sample curves, w*, the path as dots joined in epoch order with the first ones
 * numbered, the tangent and the ball. Alone it re-renders as the run plays.
 */
import { createContext, useContext, useMemo } from 'react';
import { usePlotArea } from 'recharts';
import { pyFloat, type CurvePoint } from '../../core';
import { CHART_THEME, RUN_COLOR_VARS } from './chartData';
import { clampPx, dotsPath, isSafePx, pixelXY, polylinePath, type PixelScales } from './toolkit';
import { numberPath, PathNumbers, usePathNumberFont, type PathDot, type PathNumber } from './pathMarks';
import { PlotClip, usePixelScales } from './plotLayer';
import { bodyAndTailCache } from './bodyAndTail';

/** A dot of the path: w after `epoch` epochs and the cost there. */
export interface PathPoint extends CurvePoint {
  readonly epoch: number;
}

/** What the drawn layer reads each frame; the chart around it stays as it was. */
export interface LandscapeLayer {
  readonly curve: readonly CurvePoint[];
  readonly samples: readonly { readonly i: number; readonly points: readonly CurvePoint[] }[];
  readonly latest: number | null;
  /** The path's dots on the chart, in epoch order, each place once. */
  readonly path: readonly PathPoint[];
  /** The path's line through its points in epoch order (a point where the last one was left out). */
  readonly line: readonly PathPoint[];
  /** The optimum of the slice, when it is on the chart. */
  readonly wStar: number | null;
  readonly yTop: number;
  readonly tangent: readonly [CurvePoint, CurvePoint] | null;
  /** Where the tangent touches a sample's loss (the w SGD's update started from); null on the cost. */
  readonly touch: CurvePoint | null;
  /** The run's current w and its cost, when the ball is on the chart. */
  readonly ball: CurvePoint | null;
  /**
   * An optimizer with state (momentum, Adam…): its next step from the ball, at the ball's height, so
   * the velocity or the adapted step size shows beside the slope; null for plain gradient descent.
   */
  readonly nextStep: readonly [CurvePoint, CurvePoint] | null;
  readonly color: string;
  /**
   * Whether the path's numbers step aside for the ball (at rest, stepping, slow play). While the
   * runs play fast they hold still and the ball passes over them: placed around a ball that moves
   * every frame, they jumped from spot to spot and in and out of the page 60 times a second, which
   * no one can read and which cost the frame a new layout of their text.
   */
  readonly numbersAvoidBall: boolean;
}

export const LandscapeLayerContext = createContext<LandscapeLayer | null>(null);

const curvePath = (points: readonly CurvePoint[], scales: PixelScales): string =>
  polylinePath(
    points.length,
    (i) => points[i]!.w,
    (i) => points[i]!.value,
    scales,
  );

/** A sample's loss ℓᵢ(w): faint, or in SGD's colour when the latest update used it. */
function SampleCurve({ d, latest }: { readonly d: string; readonly latest: boolean }) {
  return (
    <path
      className="chart-line-thin"
      d={d}
      fill="none"
      stroke={latest ? RUN_COLOR_VARS.sgd : CHART_THEME.text}
      strokeOpacity={latest ? 0.75 : 0.22}
      strokeWidth={latest ? 2 : 1}
    />
  );
}

export const DOT_RADIUS = 4;

/** A filled arrowhead at (x, y) pointing along the horizontal from `fromX`. */
function arrowHead(fromX: number, x: number, y: number): string {
  const dir = x >= fromX ? 1 : -1;
  return `M${x},${y}L${x - dir * 9},${y - 5}L${x - dir * 9},${y + 5}Z`;
}
export const BALL_RADIUS = 7;

/**
 * The path's dots (one SVG path) and the numbers of the first ones (numberPath), in the plot's
 * pixels. With `avoided` (the ball), the numbers keep clear of it and the dot under it is numbered
 * outside it.
 */
function pathMarks(
  path: readonly PathPoint[],
  scales: PixelScales,
  area: { readonly x: number; readonly y: number; readonly width: number; readonly height: number },
  fontPx: number,
  avoided: CurvePoint | null,
): { readonly dots: readonly PathDot[]; readonly numbers: readonly PathNumber[] } {
  const ballX = avoided ? scales.x(avoided.w) : NaN;
  const ballY = avoided ? scales.y(avoided.value) : NaN;
  const avoidBall = isSafePx(ballX) && isSafePx(ballY);
  const dots: PathDot[] = [];
  for (const point of path) {
    const x = scales.x(point.w);
    const y = scales.y(point.value);
    if (!isSafePx(x) || !isSafePx(y)) continue;
    // The dot under the ball (the current epoch's) is numbered outside the ball.
    const underBall = avoidBall && Math.hypot(x - ballX, y - ballY) < DOT_RADIUS;
    dots.push({ x, y, epoch: point.epoch, ...(underBall ? { radius: BALL_RADIUS } : {}) });
  }
  const numbers = numberPath(dots, {
    bounds: { left: area.x, top: area.y, right: area.x + area.width, bottom: area.y + area.height },
    dotRadius: DOT_RADIUS,
    fontPx,
    obstacles: avoidBall
      ? [
          {
            left: ballX - BALL_RADIUS,
            top: ballY - BALL_RADIUS,
            right: ballX + BALL_RADIUS,
            bottom: ballY + BALL_RADIUS,
          },
        ]
      : [],
  });
  return { dots, numbers };
}

/** How the path's line and dots are drawn, body and tail alike. */
const PATH_LINE = { fill: 'none', strokeOpacity: 0.7, strokeWidth: 1.5, strokeLinejoin: 'round' } as const;
const PATH_DOTS = { stroke: 'var(--surface, #ffffff)', strokeWidth: 1 } as const;

// Each chart's path as last drawn, by its scales (see bodyAndTail.ts).
const drawnLines = bodyAndTailCache<CurvePoint, PixelScales>(
  (points, scales) => curvePath(points, scales),
  (a, b) => a.w === b.w && a.value === b.value,
  true,
);
const drawnDots = bodyAndTailCache<PathDot, PixelScales>(
  (dots) =>
    dotsPath(
      dots.map((dot) => pixelXY(dot.x, dot.y)),
      DOT_RADIUS,
    ),
  (a, b) => a.x === b.x && a.y === b.y,
  false,
);

/**
 * The bowl, the per-sample curves, w*, the path (a line through the dots in epoch order, so a run
 * jumping across w* zig-zags; one SVG path for the line and one for the dots: a component per dot
 * cost ~75 ms a frame with two landscapes), the tangent, all clipped to the plot; then the numbers
 * of the first dots and the ball on top.
 */
export function LandscapeDrawing() {
  const layer = useContext(LandscapeLayerContext);
  const scales = usePixelScales();
  const area = usePlotArea();
  const [fontPx, probe] = usePathNumberFont();
  const curve = layer?.curve;
  const samples = layer?.samples;
  const bowl = useMemo(() => (curve && scales ? curvePath(curve, scales) : ''), [curve, scales]);
  const sampleCurves = useMemo(
    () =>
      samples && scales
        ? samples.map((sample) => ({ i: sample.i, d: curvePath(sample.points, scales) }))
        : [],
    [samples, scales],
  );
  // Every sample's loss, faint, stays as it is while the runs play; the latest update's is drawn
  // again over them, so that a new update changes one path's data, not the style of two curves.
  const faintSamples = useMemo(
    () =>
      sampleCurves.map(({ i, d }) => (
        <g key={`sample-${i}`} className="landscape-sample">
          <SampleCurve d={d} latest={false} />
        </g>
      )),
    [sampleCurves],
  );
  const highlight = sampleCurves.find((sample) => sample.i === layer?.latest)?.d ?? null;
  const path = layer?.path;
  const line = layer?.line;
  const avoided = layer?.numbersAvoidBall ? (layer.ball ?? null) : null;
  // The same dots and numbers while the path and what they avoid stay (most frames of a settled run).
  const marks = useMemo(
    () => (path && scales && area ? pathMarks(path, scales, area, fontPx, avoided) : null),
    [path, scales, area, fontPx, avoided],
  );
  // On a long history only the newest of the path's points change as the run plays: the line and
  // the dots each keep a body and rewrite a short tail (bodyAndTail.ts).
  const lineDrawn = useMemo(() => (line && scales ? drawnLines(line, scales) : null), [line, scales]);
  const dotsDrawn = useMemo(() => (marks && scales ? drawnDots(marks.dots, scales) : null), [marks, scales]);
  if (!layer || !scales || !area || !marks || !lineDrawn || !dotsDrawn) return null;
  const { wStar, yTop, tangent, touch, ball, color, nextStep } = layer;
  const stepFrom = nextStep ? { x: scales.x(nextStep[0].w), y: scales.y(nextStep[0].value) } : null;
  const stepTo = nextStep ? { x: scales.x(nextStep[1].w), y: scales.y(nextStep[1].value) } : null;
  const stepShown =
    stepFrom !== null &&
    stepTo !== null &&
    [stepFrom.x, stepFrom.y, stepTo.x, stepTo.y].every(isSafePx) &&
    Math.abs(stepTo.x - stepFrom.x) >= 1;
  const ballX = ball ? scales.x(ball.w) : NaN;
  const ballY = ball ? scales.y(ball.value) : NaN;
  // Beyond the safe range (for a frame the axes still have the last range): not drawn.
  const ballShown = isSafePx(ballX) && isSafePx(ballY);
  const { numbers } = marks;
  const touchX = touch ? scales.x(touch.w) : NaN;
  const touchY = touch ? scales.y(touch.value) : NaN;
  const optimumX = wStar === null ? NaN : scales.x(wStar);
  const optimumFoot = scales.y(0);
  const optimumTop = scales.y(yTop);
  return (
    <g className="landscape-drawing">
      <PlotClip>
        {isSafePx(optimumX) && Number.isFinite(optimumFoot) && Number.isFinite(optimumTop) && (
          <line
            className="landscape-optimum"
            x1={optimumX}
            x2={optimumX}
            y1={clampPx(optimumFoot)}
            y2={clampPx(optimumTop)}
            stroke={CHART_THEME.text}
            strokeOpacity={0.45}
            strokeDasharray="4 4"
          />
        )}
        {faintSamples}
        {highlight !== null && (
          <g className="landscape-sample-latest">
            <SampleCurve d={highlight} latest />
          </g>
        )}
        <g className="landscape-cost">
          <path className="chart-line" d={bowl} fill="none" stroke={CHART_THEME.curve} strokeWidth={2} />
        </g>
        <g className="landscape-path">
          <path
            className="chart-line-thin landscape-path-line"
            d={lineDrawn.body}
            {...PATH_LINE}
            stroke={color}
          />
          <path
            className="chart-line-thin landscape-path-line-tail"
            d={lineDrawn.tail}
            {...PATH_LINE}
            stroke={color}
          />
          <path
            className="landscape-path-dots"
            d={dotsDrawn.body}
            {...PATH_DOTS}
            fill={color}
            data-dots={marks.dots.length}
          />
          <path className="landscape-path-dots-tail" d={dotsDrawn.tail} {...PATH_DOTS} fill={color} />
        </g>
        {tangent && (
          <g className={touch ? 'landscape-tangent landscape-tangent-sample' : 'landscape-tangent'}>
            <path
              className="chart-line"
              d={curvePath(tangent, scales)}
              fill="none"
              stroke={CHART_THEME.tangent}
              strokeWidth={2}
            />
            {isSafePx(touchX) && isSafePx(touchY) && (
              <circle
                className="landscape-touch"
                cx={touchX}
                cy={touchY}
                r={3.5}
                fill="var(--surface, #ffffff)"
                stroke={CHART_THEME.tangent}
                strokeWidth={2}
              />
            )}
          </g>
        )}
      </PlotClip>
      {stepShown && (
        <g className="landscape-next-step" data-next-w={pyFloat(nextStep![1].w)}>
          <line
            x1={stepFrom!.x}
            y1={stepFrom!.y}
            x2={stepTo!.x}
            y2={stepTo!.y}
            stroke={color}
            strokeWidth={3}
            strokeDasharray="6 3"
          />
          <path d={arrowHead(stepFrom!.x, stepTo!.x, stepTo!.y)} fill={color} />
        </g>
      )}
      <PathNumbers numbers={numbers} className="landscape-path-numbers" probe={probe} />
      {ball && ballShown && (
        <circle
          className="landscape-ball"
          data-w={pyFloat(ball.w)}
          cx={ballX}
          cy={ballY}
          r={BALL_RADIUS}
          fill={color}
          stroke="var(--surface, #ffffff)"
          strokeWidth={2}
        />
      )}
    </g>
  );
}
