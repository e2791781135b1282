import { useDeferredValue, useId, useMemo } from 'react';
import {
  ComposedChart,
  Line,
  ReferenceDot,
  ReferenceLine,
  useXAxisScale,
  useYAxisScale,
  XAxis,
  YAxis,
  type DotProps,
} from 'recharts';
import {
  cost,
  costSlice,
  costSlope,
  downsampleMinMax,
  landscapeRange,
  pickSamples,
  pyFloat,
  pyLiteral,
  sampleCurve,
  sampleLossSlice,
  sliceOptimum,
  tangentSegment,
  traceColumn,
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
  MAX_PATH_DOTS,
  MAX_SAMPLE_CURVES,
  RUN_COLOR_VARS,
  ticksBetween,
} from './chartData';
import './charts.css';

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

/**
 * cost(w) around the optimum with the run's current w as a ball, its path as faded dots and the
 * tangent at the ball; for SGD each sample's loss ℓᵢ(w) faintly behind, the latest update's
 * highlighted. A run that runs off to huge w leaves the chart with a note instead of flattening it.
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
  const trajectory = useMemo(() => traceColumn(run.trace, 'w'), [run.trace]);
  const range = useMemo(
    () => landscapeRange(init.w, wStar, trajectory, params.w),
    [init.w, wStar, trajectory, params.w],
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
  const yTicks = useMemo(() => ticksBetween(0, yTop, 4), [yTop]);
  const xTicks = useMemo(() => ticksBetween(min, max), [min, max]);

  const samples = useMemo(() => {
    if (id !== 'sgd') return [];
    return pickSamples(data.xs.length, latest, MAX_SAMPLE_CURVES).map((i) => ({
      i,
      points: sampleCurve(sampleLossSlice(model, data, i, b), min, max, CURVE_POINTS),
    }));
  }, [id, data, model, b, min, max, latest]);

  const path = useMemo(() => {
    const ws = new Float64Array(trajectory.length + 1);
    ws[0] = init.w;
    ws.set(trajectory, 1);
    const dots: CurvePoint[] = [];
    for (const k of downsampleMinMax(ws, MAX_PATH_DOTS)) {
      const w = ws[k]!;
      if (w < min || w > max) continue;
      const value = cost(model, { w, b }, data);
      if (Number.isFinite(value)) dots.push({ w, value });
    }
    return dots;
  }, [trajectory, init.w, model, b, data, min, max]);

  const w = params.w;
  const onChart = Number.isFinite(w) && w >= min && w <= max;
  const ballCost = cost(model, { w, b }, data);
  const slope = costSlope(model, data, w, b);
  const tangent = onChart ? tangentSegment(w, ballCost, slope, max - min, yTop, 0.3) : null;
  const highlighted = latest === null ? null : samples.find((sample) => sample.i === latest);
  const size =
    width === undefined ? { responsive: true, style: { width: '100%', height } } : { width, height };
  const color = RUN_COLOR_VARS[id];

  const renderBall = (props: DotProps) => (
    <circle
      className="landscape-ball"
      data-w={pyFloat(w)}
      cx={props.cx}
      cy={props.cy}
      r={7}
      fill={color}
      stroke="var(--surface, #ffffff)"
      strokeWidth={2}
    />
  );

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
          ticks={xTicks}
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
          ticks={yTicks}
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
        {wStar >= min && wStar <= max && (
          <ReferenceLine
            x={wStar}
            className="landscape-optimum"
            stroke={CHART_THEME.text}
            strokeOpacity={0.45}
            strokeDasharray="4 4"
            ifOverflow="hidden"
          />
        )}
        {samples.map((sample) => (
          <Line
            key={`sample-${sample.i}`}
            className={sample.i === latest ? 'landscape-sample landscape-sample-latest' : 'landscape-sample'}
            data={sample.points}
            dataKey="value"
            type="linear"
            stroke={sample.i === latest ? RUN_COLOR_VARS.sgd : CHART_THEME.text}
            strokeOpacity={sample.i === latest ? 0.75 : 0.22}
            strokeWidth={sample.i === latest ? 2 : 1}
            {...QUIET_LINE}
          />
        ))}
        <Line
          className="landscape-cost"
          data={curve}
          dataKey="value"
          type="linear"
          stroke={CHART_THEME.curve}
          strokeWidth={2}
          {...QUIET_LINE}
        />
        <PathDots points={path} color={color} />
        {tangent && (
          <Line
            className="landscape-tangent"
            data={[...tangent]}
            dataKey="value"
            type="linear"
            stroke={CHART_THEME.tangent}
            strokeWidth={2}
            {...QUIET_LINE}
          />
        )}
        {onChart && Number.isFinite(ballCost) && (
          <ReferenceDot x={w} y={ballCost} ifOverflow="visible" shape={renderBall} />
        )}
      </ComposedChart>
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

/** A drawn curve that is only a picture: no dots, no legend or tooltip entry, no animation. */
const QUIET_LINE = {
  dot: false,
  activeDot: false,
  legendType: 'none',
  tooltipType: 'none',
  isAnimationActive: false,
} as const;

const DOT_RADIUS = 3.5;

/**
 * The path so far as faded dots, drawn as ONE svg path of small circles: a Recharts Scatter makes a
 * component chain per dot, which cost ~75 ms a frame with two landscapes while playing fast.
 */
function PathDots({ points, color }: { points: readonly CurvePoint[]; color: string }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  if (!x || !y) return null;
  const r = DOT_RADIUS;
  let d = '';
  let drawn = 0;
  for (const point of points) {
    const cx = x(point.w);
    const cy = y(point.value);
    if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) continue;
    d += `M${(cx - r).toFixed(2)},${cy.toFixed(2)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
    drawn++;
  }
  return (
    <g className="landscape-path">
      <path className="landscape-path-dots" d={d} fill={color} fillOpacity={0.3} data-dots={drawn} />
    </g>
  );
}
