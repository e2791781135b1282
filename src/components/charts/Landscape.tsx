import { useId, useMemo } from 'react';
import { ComposedChart, XAxis, YAxis } from 'recharts';
import { costSlice, optimizerEntry, pyFloat, sampleCurve, sampleLossSlice } from '../../core';
import { useT } from '../../i18n';
import { LayoutIsland } from '../controls/LayoutIsland';
import { usePlaygroundSelector } from '../../store/context';
import type { PlaygroundState, RunId } from '../../store/playground';
import { AXIS_TICK, CHART_THEME, RUN_COLOR_VARS } from './chartData';
import './charts.css';
import { WIDEST_FLOAT } from '../controls/LiveNumber';
import { CadencedLandscapeFoot, LandscapeFoot, widestSample, type LandscapeFootProps } from './LandscapeFoot';
import { heldLandscapeView } from './landscapeView';
import {
  landscapeLayer,
  pickedSamples,
  shownSlope,
  usedUpdate,
  usedValue,
  type LandscapeScene,
} from './landscapeLayer';
import { axisWidth, formatTick, linearTicks } from './toolkit';
import { LandscapeDrawing, LandscapeLayerContext } from './landscapeDrawing';
import { HiddenTextProbe, NoLayerTabStops, useSvgTextPx } from './plotLayer';

export interface LandscapeProps {
  readonly id: RunId;
  /**
   * Height of the plot in px. By default the CSS variable --landscape-plot-height (260px) sets it,
   * so the page's layout decides.
   */
  readonly height?: number;
  /** A fixed width in px; by default the landscape fills its container's width. */
  readonly width?: number;
}

/** Samples per drawn curve. */
const CURVE_POINTS = 121;

/**
 * cost(w) around the optimum with the run's current w as a ball, its path as numbered dots joined in
 * epoch order, and a tangent; for SGD each sample's loss ℓᵢ(w) faintly behind, the latest update's
 * highlighted. The tangent is the slope the run uses: the mean cost's at the ball, or, right after
 * "Step one sample", the slope of that sample's loss at the w the update started from, the gradient
 * it used. The chart zooms out to follow a run bouncing across w*; one that runs off beyond any
 * drawable range (landscapeRange) is left off the chart with a note saying where it went.
 * Recharts draws the axes and re-renders only when the range changes; LandscapeDrawing draws the
 * rest and alone re-renders as the run plays. While the runs play fast, neither renders on a frame
 * that only moves the ball, the tangent, the path's end and the highlighted sample: landscapeMotion
 * paints those, and the foot reads the store by itself.
 */
export function Landscape({ id, height, width }: LandscapeProps) {
  const t = useT();
  const titleId = useId();
  const descriptionId = useId();
  // The tick labels' size as the page draws them (larger when presenting): the y axis makes room.
  const [tickPx, tickProbe] = useSvgTextPx(AXIS_TICK.fontSize);
  // One view of the run while nothing it shows changes: a settled run's frame renders nothing here,
  // and while the runs play fast, one while nothing but the moving marks changes (landscapeMotion).
  const { view, numbersAvoidBall } = usePlaygroundSelector(
    useMemo(() => (state: PlaygroundState) => heldLandscapeView(state, id), [id]),
  );
  const { run, latest, b, wStar, range } = view;
  const { data, model } = run.setup;
  // Runs of one update per sample (SGD) draw each sample's loss behind the cost.
  const perSample = optimizerEntry(id).batching === 'sample';
  const { min, max } = range;

  // The sample step shown: SGD right after "Step one sample" (for GD and between epochs, null).
  const used = usedUpdate(view);
  const usedW = used?.before.w ?? NaN;
  const usedCost = useMemo(() => usedValue(view), [view]);

  const curve = useMemo(
    () => sampleCurve(costSlice(model, data, b), min, max, CURVE_POINTS),
    [model, data, b, min, max],
  );
  const yTop = useMemo(() => {
    let highest = 0;
    for (const point of curve) highest = Math.max(highest, point.value);
    // The sample's loss where its slope was taken can lie above the bowl (ℓ₃ = 9·(w − 2)² is steeper
    // than the mean's 14/3·(w − 2)²): the axis grows to keep that tangent in view.
    if (usedW >= min && usedW <= max && Number.isFinite(usedCost)) highest = Math.max(highest, usedCost);
    return highest > 0 ? highest * 1.05 : 1;
  }, [curve, usedW, usedCost, min, max]);

  // The curves drawn depend on which samples are picked, not on which one is highlighted: with up
  // to MAX_SAMPLE_CURVES samples the highlight moves every update while the curves stay as they are.
  const pickedKey = pickedSamples(view, perSample).join(',');
  const samples = useMemo(
    () =>
      pickedKey === ''
        ? []
        : pickedKey.split(',').map((text) => {
            const i = Number(text);
            return { i, points: sampleCurve(sampleLossSlice(model, data, i, b), min, max, CURVE_POINTS) };
          }),
    [pickedKey, data, model, b, min, max],
  );

  const color = RUN_COLOR_VARS[id];
  const scene = useMemo<LandscapeScene>(
    () => ({ id, curve, samples, yTop, color }),
    [id, curve, samples, yTop, color],
  );
  // One object per drawn change: the drawing re-renders when what it draws changes, not when the
  // landscape re-renders for another reason (the language, the tick labels' size).
  const layer = useMemo(() => landscapeLayer(view, scene, numbersAvoidBall), [view, scene, numbersAvoidBall]);

  // The chart itself, rebuilt only when the axes change (not every frame).
  const fixed = width !== undefined && height !== undefined;
  const frame = useMemo(() => {
    const size = fixed
      ? { width, height }
      : { responsive: true, style: { width: width ?? '100%', height: '100%' } };
    const yTicks = linearTicks(0, yTop, 4);
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
          ticks={linearTicks(min, max, 5)}
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
          width={axisWidth(yTicks.map(formatTick), tickPx)}
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
        <NoLayerTabStops />
      </ComposedChart>
    );
  }, [fixed, width, height, min, max, yTop, tickPx, t]);

  // The same foot with every float at its widest and SGD's latest sample named (see LayoutIsland);
  // the same object while what it holds stays, so it renders again only when that changes.
  const hasSlope = Number.isFinite(shownSlope(view));
  const hasUsed = used !== null;
  const hasNext = view.next !== null;
  // Not the off-chart note: it is no wider while playing, and its words would be on the page twice.
  const reserve = useMemo<LandscapeFootProps>(
    () => ({
      note: null,
      w: WIDEST_FLOAT,
      slope: hasSlope ? WIDEST_FLOAT : null,
      used: hasUsed ? { sample: String(data.xs.length), w: WIDEST_FLOAT } : null,
      nextStep: hasNext ? WIDEST_FLOAT : null,
      wStar,
      color,
      perSample,
      latest: perSample ? widestSample(data.xs, data.ys) : null,
    }),
    [hasSlope, hasUsed, hasNext, wStar, color, perSample, data],
  );
  return (
    <figure
      className="chart landscape"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      data-w={pyFloat(view.params.w)}
      data-range-min={min}
      data-range-max={max}
      data-clipped={range.clipped}
      data-path-dots={view.path.length}
      data-sample-curves={samples.length}
      data-highlighted-sample={latest ?? ''}
      data-tangent={used ? 'sample' : 'cost'}
    >
      {/* The tab names the chart on screen; the title stays its accessible name. */}
      <figcaption className="chart-sr-only">
        <h3 id={titleId}>{t(perSample ? 'landscape.titleSgd' : 'landscape.title')}</h3>
        <p id={descriptionId}>
          {t('landscape.description')}
          {perSample && ` ${t('landscape.descriptionSgd')}`}
        </p>
      </figcaption>
      <div
        className="chart-plot-box landscape-plot-box"
        style={height === undefined ? undefined : { height }}
      >
        <LandscapeLayerContext.Provider value={layer}>{frame}</LandscapeLayerContext.Provider>
      </div>
      <HiddenTextProbe
        className="recharts-cartesian-axis-tick-value"
        fontSize={AXIS_TICK.fontSize}
        probe={tickProbe}
      />
      {/* At rest the foot keeps the height it will need while the runs play (the widest numbers,
          SGD's latest sample): pressing Play moves nothing below it. */}
      <LayoutIsland reserve={<LandscapeFoot {...reserve} />}>
        <CadencedLandscapeFoot id={id} />
      </LayoutIsland>
    </figure>
  );
}
