/**
 * What moves on the 1-D loss landscape, drawn inside its Recharts chart (see plotLayer.tsx): the
 * bowl, the per-sample curves, w*, the path as dots joined in epoch order with the first ones
 * numbered, the tangent and the ball. Alone it re-renders as the run plays; while the runs play
 * fast, only when its structure changes (landscapeMotion.ts paints the frames between).
 */
import { createContext, useContext, useMemo, useState } from 'react';
import { usePlotArea } from 'recharts';
import { CHART_THEME, RUN_COLOR_VARS } from './chartData';
import { clampPx, isSafePx } from './toolkit';
import { PathNumbers, usePathNumberFont } from './pathMarks';
import { PlotClip, usePixelScales } from './plotLayer';
import { useLandscapeMotion } from './landscapeMotion';
import { BALL_RADIUS, curvePath, movingMarks, pathMarks, type LandscapeLayer } from './landscapeMarks';

export const LandscapeLayerContext = createContext<LandscapeLayer | null>(null);

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

/** How the path's line and dots are drawn, body and tail alike. */
const PATH_LINE = { fill: 'none', strokeOpacity: 0.7, strokeWidth: 1.5, strokeLinejoin: 'round' } as const;
const PATH_DOTS = { stroke: 'var(--surface, #ffffff)', strokeWidth: 1 } as const;

/**
 * The bowl, the per-sample curves, w*, the path (a line through the dots in epoch order, so a run
 * jumping across w* zig-zags; one SVG path for the line and one for the dots: a component per dot
 * cost ~75 ms a frame with two landscapes), the tangent, all clipped to the plot; then the numbers
 * of the first dots and the ball on top. While the runs play fast, the landscape renders this only
 * when its structure changes and useLandscapeMotion paints the moving marks in between.
 */
export function LandscapeDrawing() {
  const contextLayer = useContext(LandscapeLayerContext);
  // A layer the painter could not paint in place (a mark came or went between renders).
  const [fresh, setFresh] = useState<{
    readonly base: LandscapeLayer;
    readonly layer: LandscapeLayer;
  } | null>(null);
  const layer = fresh !== null && fresh.base === contextLayer ? fresh.layer : contextLayer;
  const scales = usePixelScales();
  const area = usePlotArea();
  const [fontPx, probe] = usePathNumberFont();
  const [root, setRoot] = useState<SVGGElement | null>(null);
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
  const path = layer?.path;
  const avoided = layer?.numbersAvoidBall ? (layer.ball ?? null) : null;
  // The same dots and numbers while the path and what they avoid stay (most frames of a settled run).
  const pathMarked = useMemo(
    () => (path && scales && area ? pathMarks(path, scales, area, fontPx, avoided) : null),
    [path, scales, area, fontPx, avoided],
  );
  const marks = useMemo(
    () => (layer && scales && pathMarked ? movingMarks(layer, scales, sampleCurves, pathMarked.dots) : null),
    [layer, scales, sampleCurves, pathMarked],
  );
  const drawn = useMemo(
    () =>
      layer && scales && marks
        ? {
            layer,
            scales,
            sampleCurves,
            marks,
            showFresh: (next: LandscapeLayer) => setFresh({ base: contextLayer!, layer: next }),
          }
        : null,
    [layer, scales, sampleCurves, marks, contextLayer],
  );
  useLandscapeMotion(root, drawn);
  if (!layer || !scales || !area || !pathMarked || !marks) return null;
  const { wStar, yTop, color } = layer;
  const { ball, tangent, touch, step, highlight, line, dots } = marks;
  const optimumX = wStar === null ? NaN : scales.x(wStar);
  const optimumFoot = scales.y(0);
  const optimumTop = scales.y(yTop);
  return (
    <g className="landscape-drawing" ref={setRoot}>
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
          <path className="chart-line-thin landscape-path-line" d={line.body} {...PATH_LINE} stroke={color} />
          <path
            className="chart-line-thin landscape-path-line-tail"
            d={line.tail}
            {...PATH_LINE}
            stroke={color}
          />
          <path
            className="landscape-path-dots"
            d={dots.body}
            {...PATH_DOTS}
            fill={color}
            data-dots={dots.points.length}
          />
          <path className="landscape-path-dots-tail" d={dots.tail} {...PATH_DOTS} fill={color} />
        </g>
        {tangent !== null && (
          <g className={touch ? 'landscape-tangent landscape-tangent-sample' : 'landscape-tangent'}>
            <path
              className="chart-line"
              d={tangent}
              fill="none"
              stroke={CHART_THEME.tangent}
              strokeWidth={2}
            />
            {touch && (
              <circle
                className="landscape-touch"
                cx={touch.x}
                cy={touch.y}
                r={3.5}
                fill="var(--surface, #ffffff)"
                stroke={CHART_THEME.tangent}
                strokeWidth={2}
              />
            )}
          </g>
        )}
      </PlotClip>
      {step && (
        <g
          className="landscape-next-step"
          data-next-w={step.nextW}
          visibility={step.shown ? undefined : 'hidden'}
        >
          <line
            x1={step.x1}
            y1={step.y1}
            x2={step.x2}
            y2={step.y2}
            stroke={color}
            strokeWidth={3}
            strokeDasharray="6 3"
          />
          <path d={step.arrow} fill={color} />
        </g>
      )}
      <PathNumbers numbers={pathMarked.numbers} className="landscape-path-numbers" probe={probe} />
      {ball && (
        <circle
          className="landscape-ball"
          data-w={marks.w}
          cx={ball.x}
          cy={ball.y}
          r={BALL_RADIUS}
          fill={color}
          stroke="var(--surface, #ffffff)"
          strokeWidth={2}
        />
      )}
    </g>
  );
}
