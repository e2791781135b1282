/**
 * The 1-D landscape's marks in the plot's pixels, as pure functions of its layer: the path's dots
 * and numbers, and the marks that move as the run plays (ball, tangent, next step, the highlighted
 * sample, the path's body and tail). LandscapeDrawing renders them; landscapeMotion paints them.
 */
import { pyFloat, type CurvePoint } from '../../core';
import type { RunId } from '../../store/playground';
import { bodyAndTailCache, type BodyAndTail } from './bodyAndTail';
import { numberPath, type PathDot, type PathNumber } from './pathMarks';
import { dotsPath, isSafePx, pixelXY, polylinePath, type PixelScales } from './toolkit';

/** A dot of the path: w after `epoch` epochs and the cost there. */
export interface PathPoint extends CurvePoint {
  readonly epoch: number;
}

/** What the drawn layer reads each frame; the chart around it stays as it was. */
export interface LandscapeLayer {
  /** The run drawn (its view in the store is what the motion painter reads). */
  readonly id: RunId;
  /** The run's w (the ball's, when it is on the chart). */
  readonly w: number;
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

export const curvePath = (points: readonly CurvePoint[], scales: PixelScales): string =>
  polylinePath(
    points.length,
    (i) => points[i]!.w,
    (i) => points[i]!.value,
    scales,
  );

export const DOT_RADIUS = 4;

/** A filled arrowhead at (x, y) pointing along the horizontal from `fromX`. */
function arrowHead(fromX: number, x: number, y: number): string {
  const dir = x >= fromX ? 1 : -1;
  return `M${x},${y}L${x - dir * 9},${y - 5}L${x - dir * 9},${y + 5}Z`;
}
export const BALL_RADIUS = 7;

/** A point (the ball, the tangent's touch) in the plot's pixels; null for none or beyond the safe range. */
function safePixel(point: CurvePoint | null, scales: PixelScales): { x: number; y: number } | null {
  const x = point ? scales.x(point.w) : NaN;
  const y = point ? scales.y(point.value) : NaN;
  return isSafePx(x) && isSafePx(y) ? { x, y } : null;
}

/**
 * The path's dots in the plot's pixels. With `avoided` (the ball), the dot under it is drawn with the
 * ball's radius, so that its number is placed outside the ball.
 */
export function pathDots(
  path: readonly PathPoint[],
  scales: PixelScales,
  avoided: CurvePoint | null,
): PathDot[] {
  const ball = safePixel(avoided, scales);
  const dots: PathDot[] = [];
  for (const point of path) {
    const x = scales.x(point.w);
    const y = scales.y(point.value);
    if (!isSafePx(x) || !isSafePx(y)) continue;
    // The dot under the ball (the current epoch's) is numbered outside the ball.
    const underBall = ball !== null && Math.hypot(x - ball.x, y - ball.y) < DOT_RADIUS;
    dots.push({ x, y, epoch: point.epoch, ...(underBall ? { radius: BALL_RADIUS } : {}) });
  }
  return dots;
}

/**
 * The path's dots (pathDots) and the numbers of the first ones (numberPath), in the plot's pixels.
 * With `avoided` (the ball), the numbers keep clear of it and the dot under it is numbered outside it.
 */
export function pathMarks(
  path: readonly PathPoint[],
  scales: PixelScales,
  area: { readonly x: number; readonly y: number; readonly width: number; readonly height: number },
  fontPx: number,
  avoided: CurvePoint | null,
): { readonly dots: readonly PathDot[]; readonly numbers: readonly PathNumber[] } {
  const dots = pathDots(path, scales, avoided);
  const ball = safePixel(avoided, scales);
  const numbers = numberPath(dots, {
    bounds: { left: area.x, top: area.y, right: area.x + area.width, bottom: area.y + area.height },
    dotRadius: DOT_RADIUS,
    fontPx,
    obstacles: ball
      ? [
          {
            left: ball.x - BALL_RADIUS,
            top: ball.y - BALL_RADIUS,
            right: ball.x + BALL_RADIUS,
            bottom: ball.y + BALL_RADIUS,
          },
        ]
      : [],
  });
  return { dots, numbers };
}

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

/** The marks that move as the run plays, in the plot's pixels: what React renders and landscapeMotion paints. */
export interface MovingMarks {
  readonly ball: { readonly x: number; readonly y: number } | null;
  /** The tangent's path. */
  readonly tangent: string | null;
  readonly touch: { readonly x: number; readonly y: number } | null;
  /** The next step's dashed line and arrowhead; `shown` when it is a pixel long or more. */
  readonly step: {
    readonly x1: number;
    readonly y1: number;
    readonly x2: number;
    readonly y2: number;
    readonly arrow: string;
    readonly nextW: string;
    readonly shown: boolean;
  } | null;
  /** The latest update's sample loss, drawn over the faint ones. */
  readonly highlight: string | null;
  readonly line: BodyAndTail<CurvePoint>;
  readonly dots: BodyAndTail<PathDot>;
  /** The run's w as Python prints it, the number of path dots, the highlighted sample ('' for none). */
  readonly w: string;
  readonly pathDots: number;
  readonly highlighted: string;
}

/** A sample's loss curve as drawn, by sample index. */
export interface DrawnSampleCurve {
  readonly i: number;
  readonly d: string;
}

/** The moving marks of `layer` with the path's `dots` (pathDots), in `scales`' pixels. */
export function movingMarks(
  layer: LandscapeLayer,
  scales: PixelScales,
  sampleCurves: readonly DrawnSampleCurve[],
  dots: readonly PathDot[],
): MovingMarks {
  const { ball, tangent, touch, nextStep } = layer;
  let step: MovingMarks['step'] = null;
  if (nextStep) {
    const [x1, y1, x2, y2] = [
      scales.x(nextStep[0].w),
      scales.y(nextStep[0].value),
      scales.x(nextStep[1].w),
      scales.y(nextStep[1].value),
    ];
    if ([x1, y1, x2, y2].every(isSafePx)) {
      step = {
        x1,
        y1,
        x2,
        y2,
        arrow: arrowHead(x1, x2, y2),
        nextW: pyFloat(nextStep[1].w),
        shown: Math.abs(x2 - x1) >= 1,
      };
    }
  }
  return {
    // Beyond the safe range (for a frame the axes still have the last range): not drawn.
    ball: safePixel(ball, scales),
    tangent: tangent ? curvePath(tangent, scales) : null,
    touch: tangent ? safePixel(touch, scales) : null,
    step,
    highlight: sampleCurves.find((sample) => sample.i === layer.latest)?.d ?? null,
    line: drawnLines(layer.line, scales),
    dots: drawnDots(dots, scales),
    w: pyFloat(layer.w),
    pathDots: layer.path.length,
    highlighted: layer.latest === null ? '' : String(layer.latest),
  };
}

/** Which of the moving marks are drawn at all: marks with equal lists are painted in place. */
export const marksPresent = (marks: MovingMarks): readonly boolean[] => [
  marks.ball !== null,
  marks.tangent !== null,
  marks.touch !== null,
  marks.step !== null,
  marks.highlight !== null,
];
