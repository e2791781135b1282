import { createContext, useContext, useDeferredValue, useId, useMemo } from 'react';
import { ComposedChart, XAxis, YAxis } from 'recharts';
import {
  cost,
  costSlice,
  costSlope,
  landscapeRange,
  pickSamples,
  pyFloat,
  pyLiteral,
  sampleCurve,
  sampleLossSlice,
  sliceOptimum,
  tangentSegment,
  type CurvePoint,
} from '../core';
import { useT } from '../i18n';
import { usePlaygroundSelector } from '../store/context';
import { displayedParams, type RunId } from '../store/playground';
import { selectRun } from '../store/selectors';
import {
  AXIS_TICK,
  CHART_THEME,
  formatTick,
  latestSample,
  MAX_SAMPLE_CURVES,
  RUN_COLOR_VARS,
  ticksBetween,
  weightPath,
} from './chartData';
import './charts.css';
import { dotsPath, PlotClip, polylinePath, usePixelScales, type PixelScales } from './plotLayer';

export interface LandscapeProps {
  readonly id: RunId;
  /** Height of the plot in px. Default 260. */
  readonly height?: number;
  /** A fixed width in px; by default the landscape fills its container's width. */
  readonly width?: number;
}

/** Samples per drawn curve. */
const CURVE_POINTS = 121;

const runSelectors = {
  gd: selectRun('gd'),
  sgd: selectRun('sgd'),
  minibatch: selectRun('minibatch'),
} as const;

/** What the drawn layer reads each frame; the chart around it stays as it was. */
interface LandscapeLayer {
  readonly curve: readonly CurvePoint[];
  readonly samples: readonly { readonly i: number; readonly points: readonly CurvePoint[] }[];
  readonly latest: number | null;
  readonly path: readonly CurvePoint[];
  /** The optimum of the slice, when it is on the chart. */
  readonly wStar: number | null;
  readonly yTop: number;
  readonly tangent: readonly [CurvePoint, CurvePoint] | null;
  /** The run's current w and its cost, when the ball is on the chart. */
  readonly ball: CurvePoint | null;
  readonly color: string;
}

const LandscapeLayerContext = createContext<LandscapeLayer | null>(null);

/**
 * cost(w) around the optimum with the run's current w as a ball, its path as faded dots and the
 * tangent at the ball; for SGD each sample's loss ℓᵢ(w) faintly behind, the latest update's
 * highlighted. A run that runs off to huge w leaves the chart with a note instead of flattening it.
 * Recharts draws the axes and re-renders only when the range changes; LandscapeDrawing draws the
 * rest and alone re-renders as the run plays.
 */
export function Landscape({ id, height = 260, width }: LandscapeProps) {
  const t = useT();
  const titleId = useId();
  const descriptionId = useId();
  // Deferred like the loss chart: the animation paints first, the landscape follows.
  const run = useDeferredValue(usePlaygroundSelector(runSelectors[id]));
  const params = useDeferredValue(usePlaygroundSelector((s) => displayedParams(s, id)));
  const latest = useDeferredValue(usePlaygroundSelector((s) => latestSample(s, id)));

  const { data, model, init } = run.setup;
  // The 2-D bowl of w and b is shown as its slice through the current b (b ≡ 0 for y = w·x).
  const b = model === 'w' ? 0 : params.b;
  const wStar = useMemo(() => sliceOptimum(model, data, b), [model, data, b]);
  // The path thinned for drawing, and its extremes: all landscapeRange needs of the trajectory.
  const weights = useMemo(() => weightPath(run), [run]);
  const range = useMemo(
    () => landscapeRange(init.w, wStar, weights.extremes, params.w),
    [init.w, wStar, weights, params.w],
  );
  const { min, max } = range;

  const curve = useMemo(
    () => sampleCurve(costSlice(model, data, b), min, max, CURVE_POINTS),
    [model, data, b, min, max],
  );
  const yTop = useMemo(() => {
    let highest = 0;
    for (const point of curve) highest = Math.max(highest, point.value);
    return highest > 0 ? highest * 1.05 : 1;
  }, [curve]);

  const samples = useMemo(() => {
    if (id !== 'sgd') return [];
    return pickSamples(data.xs.length, latest, MAX_SAMPLE_CURVES).map((i) => ({
      i,
      points: sampleCurve(sampleLossSlice(model, data, i, b), min, max, CURVE_POINTS),
    }));
  }, [id, data, model, b, min, max, latest]);

  const path = useMemo(() => {
    const dots: CurvePoint[] = [];
    for (const w of weights.ws) {
      if (!(w >= min && w <= max)) continue;
      const value = cost(model, { w, b }, data);
      if (Number.isFinite(value)) dots.push({ w, value });
    }
    return dots;
  }, [weights, model, b, data, min, max]);

  const w = params.w;
  const onChart = Number.isFinite(w) && w >= min && w <= max;
  const ballCost = cost(model, { w, b }, data);
  const slope = costSlope(model, data, w, b);
  const tangent = onChart ? tangentSegment(w, ballCost, slope, max - min, yTop, 0.3) : null;
  const highlighted = latest === null ? null : samples.find((sample) => sample.i === latest);
  const color = RUN_COLOR_VARS[id];
  const layer: LandscapeLayer = {
    curve,
    samples,
    latest,
    path,
    wStar: wStar >= min && wStar <= max ? wStar : null,
    yTop,
    tangent,
    ball: onChart && Number.isFinite(ballCost) ? { w, value: ballCost } : null,
    color,
  };

  // The chart itself, rebuilt only when the axes change (not every frame).
  const frame = useMemo(() => {
    const size =
      width === undefined ? { responsive: true, style: { width: '100%', height } } : { width, height };
    return (
      <ComposedChart
        {...size}
        className="chart-plot"
        accessibilityLayer={false}
        margin={{ top: 8, right: 16, bottom: 18, left: 4 }}
      >
        <XAxis
          type="number"
          dataKey="w"
          domain={[min, max]}
          ticks={ticksBetween(min, max)}
          interval={0}
          allowDataOverflow
          stroke={CHART_THEME.axis}
          tick={AXIS_TICK}
          tickFormatter={formatTick}
          label={{
            value: t('landscape.wAxis'),
            position: 'insideBottomRight',
            offset: -8,
            fill: CHART_THEME.text,
          }}
        />
        <YAxis
          type="number"
          dataKey="value"
          domain={[0, yTop]}
          ticks={ticksBetween(0, yTop, 4)}
          interval={0}
          allowDataOverflow
          width={56}
          stroke={CHART_THEME.axis}
          tick={AXIS_TICK}
          tickFormatter={formatTick}
          label={{
            value: t('landscape.costAxis'),
            angle: -90,
            position: 'insideLeft',
            offset: 10,
            fill: CHART_THEME.text,
          }}
        />
        <LandscapeDrawing />
      </ComposedChart>
    );
  }, [width, height, min, max, yTop, t]);

  return (
    <figure
      className="chart landscape"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      data-w={pyFloat(w)}
      data-range-min={min}
      data-range-max={max}
      data-clipped={range.clipped}
      data-path-dots={path.length}
      data-sample-curves={samples.length}
      data-highlighted-sample={latest ?? ''}
    >
      <figcaption className="chart-caption">
        <div>
          <h3 className="chart-title" id={titleId}>
            {t(id === 'sgd' ? 'landscape.titleSgd' : 'landscape.title')}
          </h3>
          <p className="chart-sr-only" id={descriptionId}>
            {t('landscape.description')}
            {id === 'sgd' && ` ${t('landscape.descriptionSgd')}`}
          </p>
        </div>
      </figcaption>
      <LandscapeLayerContext.Provider value={layer}>{frame}</LandscapeLayerContext.Provider>
      {!onChart && <p className="chart-offchart">{t('landscape.offChart', { w: pyFloat(w) })}</p>}
      <p className="chart-stats">
        <span className="chart-mono">{t('landscape.current', { w: pyFloat(w) })}</span>
        <span className="chart-mono">{t('landscape.slope', { value: pyFloat(slope) })}</span>
        <span className="chart-mono">{t('landscape.optimum', { value: pyFloat(wStar) })}</span>
      </p>
      <ul className="chart-legend">
        <li className="chart-legend-item">
          <span
            className="chart-swatch chart-swatch-dot"
            style={{ background: color, opacity: 0.4 }}
            aria-hidden="true"
          />
          {t('landscape.legendPath')}
        </li>
        <li className="chart-legend-item">
          <span className="chart-swatch" style={{ background: CHART_THEME.tangent }} aria-hidden="true" />
          {t('landscape.legendTangent')}
        </li>
        {id === 'sgd' && (
          <li className="chart-legend-item">
            <span
              className="chart-swatch"
              style={{ background: CHART_THEME.text, opacity: 0.3 }}
              aria-hidden="true"
            />
            {t('landscape.legendSamples')}
          </li>
        )}
        {highlighted && (
          <li className="chart-legend-item landscape-latest" data-sample={highlighted.i}>
            <span className="chart-swatch" style={{ background: RUN_COLOR_VARS.sgd }} aria-hidden="true" />
            {t('landscape.latestSample', {
              sample: t('landscape.sample', {
                i: highlighted.i + 1,
                x: pyLiteral(data.xs[highlighted.i] ?? 0),
                y: pyLiteral(data.ys[highlighted.i] ?? 0),
              }),
            })}
          </li>
        )}
      </ul>
    </figure>
  );
}

const curvePath = (points: readonly CurvePoint[], scales: PixelScales): string =>
  polylinePath(
    points.length,
    (i) => points[i]!.w,
    (i) => points[i]!.value,
    scales,
  );

const DOT_RADIUS = 3.5;
const BALL_RADIUS = 7;

/**
 * The bowl, the per-sample curves, w*, the path so far as faded dots (one SVG path: a component per
 * dot cost ~75 ms a frame with two landscapes), the tangent, all clipped to the plot, and the ball.
 */
function LandscapeDrawing() {
  const layer = useContext(LandscapeLayerContext);
  const scales = usePixelScales();
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
  if (!layer || !scales) return null;
  const { latest, path, wStar, yTop, tangent, ball, color } = layer;
  const centres: [number, number][] = [];
  for (const point of path) {
    const cx = scales.x(point.w);
    const cy = scales.y(point.value);
    if (Number.isFinite(cx) && Number.isFinite(cy)) centres.push([cx, cy]);
  }
  const ballX = ball ? scales.x(ball.w) : NaN;
  const ballY = ball ? scales.y(ball.value) : NaN;
  return (
    <g className="landscape-drawing">
      <PlotClip>
        {wStar !== null && (
          <line
            className="landscape-optimum"
            x1={scales.x(wStar)}
            x2={scales.x(wStar)}
            y1={scales.y(0)}
            y2={scales.y(yTop)}
            stroke={CHART_THEME.text}
            strokeOpacity={0.45}
            strokeDasharray="4 4"
          />
        )}
        {sampleCurves.map(({ i, d }) => (
          <g
            key={`sample-${i}`}
            className={i === latest ? 'landscape-sample landscape-sample-latest' : 'landscape-sample'}
          >
            <path
              className="chart-line-thin"
              d={d}
              fill="none"
              stroke={i === latest ? RUN_COLOR_VARS.sgd : CHART_THEME.text}
              strokeOpacity={i === latest ? 0.75 : 0.22}
              strokeWidth={i === latest ? 2 : 1}
            />
          </g>
        ))}
        <g className="landscape-cost">
          <path className="chart-line" d={bowl} fill="none" stroke={CHART_THEME.curve} strokeWidth={2} />
        </g>
        <g className="landscape-path">
          <path
            className="landscape-path-dots"
            d={dotsPath(centres, DOT_RADIUS)}
            fill={color}
            fillOpacity={0.3}
            data-dots={centres.length}
          />
        </g>
        {tangent && (
          <g className="landscape-tangent">
            <path
              className="chart-line"
              d={curvePath(tangent, scales)}
              fill="none"
              stroke={CHART_THEME.tangent}
              strokeWidth={2}
            />
          </g>
        )}
      </PlotClip>
      {ball && Number.isFinite(ballX) && Number.isFinite(ballY) && (
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
