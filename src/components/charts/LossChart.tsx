import { memo, useId, useLayoutEffect, useMemo, useReducer, useState } from 'react';
import { LineChart, XAxis, YAxis } from 'recharts';
import { OPTIMIZER_IDS, optimizerEntry, pyFloat } from '../../core';
import { useT, type Translate } from '../../i18n';
import { usePlaygroundSelector } from '../../store/context';
import type { Pin, RunId } from '../../store/playground';
import { selectActions, selectPins, selectTotalEpochs } from '../../store/selectors';
import {
  AXIS_TICK,
  CHART_THEME,
  lossChartModel,
  lossSeries,
  lossSeriesOf,
  RUN_COLOR_VARS,
  tooltipRows,
  type LossScaleChoice,
} from './chartData';
import './charts.css';
import { DrawnRuns } from './drawnRuns';
import { axisWidth, formatTick, powerOfTen } from './toolkit';
import { divergedText, LossHover, LossLayerContext, LossLines, type LossLayer } from './lossChartLayers';
import { HiddenTextProbe, NoLayerTabStops, PlotGrid, useSvgTextPx } from './plotLayer';

export interface LossChartProps {
  /**
   * Height of the plot in px (the header comes on top). By default the CSS variable
   * --loss-plot-height (320px) sets it, so the page's layout decides.
   */
  readonly height?: number;
  /** A fixed width in px; by default the chart fills its container's width. */
  readonly width?: number;
}

/**
 * Loss vs epoch: the full-dataset cost after each epoch of both runs on one chart, in linear or log
 * view; until the reader picks one, linear that turns to log by itself (and says so) once a cost
 * grows tenfold, so a diverging run never leaves the chart. Long histories are thinned for drawing
 * only; the tooltip reads the exact recorded values.
 * Recharts lays out the axes and tracks the hovered epoch (mouse or arrow keys) and re-renders only
 * when an axis changes (it grows, the scale flips); the grid, the lines and the hover readout are
 * drawn here: LossLines alone re-renders as the runs play, LossHover as the pointer moves.
 */
export function LossChart({ height, width }: LossChartProps) {
  const t = useT();
  // The runs as last drawn while no line's end moves half a pixel: a settled frame renders nothing.
  const [drawn] = useState(() => new DrawnRuns());
  const runs = usePlaygroundSelector(drawn.select);
  const [, refresh] = useReducer((renders: number) => renders + 1, 0);
  useLayoutEffect(() => drawn.onStale(refresh), [drawn]);
  // The shown ids from the same snapshot as the runs: exactly the runs there are.
  const shownKey = OPTIMIZER_IDS.filter((id) => runs[id] !== undefined).join(',');
  const shown = useMemo(() => (shownKey === '' ? [] : (shownKey.split(',') as RunId[])), [shownKey]);
  const pins = usePlaygroundSelector(selectPins);
  const actions = usePlaygroundSelector(selectActions);
  const totalEpochs = usePlaygroundSelector(selectTotalEpochs);
  const [choice, setChoice] = useState<LossScaleChoice>('auto');
  // The tick labels' size as the page draws them (larger when presenting): the y axis makes room.
  const [tickPx, tickProbe] = useSvgTextPx(AXIS_TICK.fontSize);
  const radioName = useId();
  const titleId = useId();
  const descriptionId = useId();

  const series = useMemo(
    () => Object.fromEntries(shown.flatMap((id) => (runs[id] ? [[id, lossSeries(runs[id])] as const] : []))),
    [runs, shown],
  );
  const pinned = useMemo(() => pins.map((pin) => [pin.id, lossSeriesOf(pin.costs)] as const), [pins]);
  const chart = useMemo(
    () => lossChartModel({ ...Object.fromEntries(pinned), ...series }, choice),
    [series, pinned, choice],
  );
  const scale = chart.scale;
  const lastEpoch = Math.max(0, ...shown.map((id) => runs[id]?.epoch ?? 0));
  const xMax = Math.max(1, totalEpochs, lastEpoch);
  const [host, setHost] = useState<HTMLElement | null>(null);
  const [speaker, setSpeaker] = useState<HTMLElement | null>(null);
  const layer = useMemo<LossLayer>(
    () => ({ model: chart, pins, shown, runs, lastEpoch, t, host, speaker, drawn }),
    [chart, pins, shown, runs, lastEpoch, t, host, speaker, drawn],
  );

  // The chart itself, rebuilt only when an axis or the tooltip's epochs change (not every frame).
  const [yLow, yHigh] = chart.domain;
  const yTicksKey = chart.ticks.join(',');
  const rows = useMemo(() => tooltipRows(xMax), [xMax]);
  const fixed = width !== undefined && height !== undefined;
  const frame = useMemo(() => {
    const size = fixed
      ? { width, height }
      : { responsive: true, style: { width: width ?? '100%', height: '100%' } };
    return (
      <LineChart
        {...size}
        className="chart-plot"
        data={rows}
        margin={{ top: 8, right: 20, bottom: 22, left: 4 }}
        // The one Tab stop of the chart (← → move the readout): named, so it says what it is for.
        aria-label={t('loss.chartKeys')}
      >
        <NoLayerTabStops />
        <PlotGrid stroke={CHART_THEME.grid} />
        <XAxis
          type="number"
          dataKey="epoch"
          domain={[0, xMax]}
          allowDecimals={false}
          stroke={CHART_THEME.axis}
          tick={AXIS_TICK}
          tickFormatter={formatTick}
          label={{
            value: t('loss.epochAxis'),
            position: 'insideBottom',
            offset: -14,
            fill: CHART_THEME.text,
          }}
        />
        <YAxis
          type="number"
          domain={[yLow, yHigh]}
          ticks={yTicksKey.split(',').map(Number)}
          allowDataOverflow
          interval={0}
          width={axisWidth(
            yTicksKey.split(',').map((tick) => (scale === 'log' ? powerOfTen : formatTick)(Number(tick))),
            tickPx,
            64,
          )}
          stroke={CHART_THEME.axis}
          tick={AXIS_TICK}
          tickFormatter={scale === 'log' ? powerOfTen : formatTick}
          label={{
            value: t('loss.costAxis'),
            angle: -90,
            position: 'insideLeft',
            offset: 10,
            fill: CHART_THEME.text,
          }}
        />
        <LossLines />
        <LossHover />
      </LineChart>
    );
  }, [fixed, width, height, rows, xMax, yLow, yHigh, yTicksKey, scale, tickPx, t]);

  return (
    <figure
      className="chart loss-chart"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      data-scale={scale}
      data-gd-points={chart.drawn.gd}
      data-sgd-points={chart.drawn.sgd}
    >
      {/* One header line: the title, the runs and the scale; below it, why the axis is log when it turned so. */}
      <figcaption className="chart-caption loss-caption">
        <h3 className="chart-title" id={titleId}>
          {t('loss.title')}
        </h3>
        <ul className="chart-legend loss-legend">
          {shown.map((id) => (
            <li key={id} className={`chart-legend-item chart-run-${id}`}>
              <span className="chart-swatch" style={{ background: RUN_COLOR_VARS[id] }} aria-hidden="true" />
              {t(`run.${id}.short`)}
              {runs[id]?.divergedAtEpoch != null && (
                <span className="chart-note">{divergedText(t, runs[id])}</span>
              )}
            </li>
          ))}
        </ul>
        <ScaleToggle scale={scale} name={radioName} onChoose={setChoice} />
        {chart.growth !== null && (
          <p className="loss-scale-note">
            {t('loss.autoLog', { factor: powerOfTen(Math.floor(Math.log10(chart.growth))) })}
          </p>
        )}
      </figcaption>
      <p className="chart-sr-only" id={descriptionId}>
        {t('loss.description')}
      </p>
      <div className="chart-sr-only" aria-live="polite" ref={setSpeaker} />
      {/* ← → move the readout on the chart reached with Tab (the page's keyboard module reads this). */}
      <div
        className="chart-plot-host"
        ref={setHost}
        data-keys="ArrowLeft ArrowRight"
        style={height === undefined ? undefined : { height }}
      >
        <LossLayerContext.Provider value={layer}>{frame}</LossLayerContext.Provider>
      </div>
      <HiddenTextProbe
        className="recharts-cartesian-axis-tick-value"
        fontSize={AXIS_TICK.fontSize}
        probe={tickProbe}
      />
      <p className="chart-subtitle loss-subtitle">{t('loss.subtitle')}</p>
      <div className="pin-bar">
        {shown.map((id) => (
          <button key={id} type="button" className="button pin-button" onClick={() => actions.pinRun(id)}>
            {t('pins.pin', { run: t(`run.${id}.short`) })}
          </button>
        ))}
        {pins.length > 0 && (
          <button type="button" className="button pin-button" onClick={actions.clearPins}>
            {t('pins.clear')}
          </button>
        )}
      </div>
      {pins.length > 0 && (
        <ul className="chart-legend pin-legend" aria-label={t('pins.legend')}>
          {pins.map((pin) => (
            <li key={pin.id} className={`chart-legend-item chart-run-${pin.run}`}>
              <span
                className="chart-swatch pin-swatch"
                style={{ background: RUN_COLOR_VARS[pin.run] }}
                aria-hidden="true"
              />
              {pinLabel(t, pin)}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

/** "GD, α = 0.05" (mini-batch adds its batch size). */
function pinLabel(t: Translate, pin: Pin): string {
  return t(optimizerEntry(pin.run).batching === 'batch' ? 'pins.labelBatch' : 'pins.label', {
    run: t(`run.${pin.run}.short`),
    lr: pyFloat(pin.lr),
    b: pin.batchSize,
  });
}

interface ScaleToggleProps {
  readonly scale: 'linear' | 'log';
  readonly name: string;
  readonly onChoose: (choice: LossScaleChoice) => void;
}

/**
 * Linear or log: two radio buttons, memoised so that a frame of the runs, which re-renders the chart
 * around them, does not rewrite their attributes (React sets an input's name and type on every render).
 */
const ScaleToggle = memo(function ScaleToggle({ scale, name, onChoose }: ScaleToggleProps) {
  const t = useT();
  return (
    <fieldset className="chart-toggle">
      {/* Named for assistive technology; on screen the two buttons say it. */}
      <legend className="chart-sr-only">{t('loss.scale')}</legend>
      {(['linear', 'log'] as const).map((option) => (
        <label key={option} className={scale === option ? 'chart-toggle-on' : undefined}>
          <input
            type="radio"
            name={name}
            value={option}
            checked={scale === option}
            onChange={() => onChoose(option)}
          />
          {t(option === 'linear' ? 'loss.linear' : 'loss.log')}
        </label>
      ))}
    </fieldset>
  );
});
