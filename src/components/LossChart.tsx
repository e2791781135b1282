import { useDeferredValue, useId, useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { downsampleMinMax, pyFloat, type RunState } from '../core';
import { useT, type Translate } from '../i18n';
import { usePlaygroundSelector } from '../store/context';
import { shownRunIds, type Pin, type RunId } from '../store/playground';
import {
  selectActions,
  selectPins,
  selectRun,
  selectShowMinibatch,
  selectTotalEpochs,
} from '../store/selectors';
import {
  AXIS_TICK,
  CHART_THEME,
  formatTick,
  lossChartModel,
  lossSeries,
  MAX_LOSS_POINTS,
  pointAt,
  powerOfTen,
  RUN_COLOR_VARS,
  type LossScale,
} from './chartData';
import './charts.css';

export interface LossChartProps {
  /** Height of the plot in px (the caption and legend come on top). Default 320. */
  readonly height?: number;
  /** A fixed width in px; by default the chart fills its container's width. */
  readonly width?: number;
}

const selectGd = selectRun('gd');
const selectSgd = selectRun('sgd');
const selectMinibatch = selectRun('minibatch');

/** A pinned curve is drawn with no downsampling of its own beyond the usual cap, and no tooltip. */
const pinSeries = (pin: Pin) => ({ costs: pin.costs, picks: downsampleMinMax(pin.costs, MAX_LOSS_POINTS) });

/**
 * Loss vs epoch: the full-dataset cost after each epoch of both runs on one chart, in linear or log
 * view. Long histories are thinned for drawing only; the tooltip reads the exact recorded values.
 */
export function LossChart({ height = 320, width }: LossChartProps) {
  const t = useT();
  // Deferred: the clock and the controls paint first; the chart catches up in the same or next frame
  // and a render it cannot finish in time is dropped instead of stalling the animation.
  const gd = useDeferredValue(usePlaygroundSelector(selectGd));
  const sgd = useDeferredValue(usePlaygroundSelector(selectSgd));
  const minibatch = useDeferredValue(usePlaygroundSelector(selectMinibatch));
  const showMinibatch = usePlaygroundSelector(selectShowMinibatch);
  const pins = useDeferredValue(usePlaygroundSelector(selectPins));
  const actions = usePlaygroundSelector(selectActions);
  const shown = shownRunIds(showMinibatch);
  const totalEpochs = usePlaygroundSelector(selectTotalEpochs);
  const [scale, setScale] = useState<LossScale>('linear');
  const radioName = useId();
  const titleId = useId();
  const descriptionId = useId();

  const gdSeries = useMemo(() => lossSeries(gd), [gd]);
  const sgdSeries = useMemo(() => lossSeries(sgd), [sgd]);
  const minibatchSeries = useMemo(() => lossSeries(minibatch), [minibatch]);
  const pinned = useMemo(() => pins.map((pin) => [pin.id, pinSeries(pin)] as const), [pins]);
  const chart = useMemo(
    () =>
      lossChartModel(
        {
          ...Object.fromEntries(pinned),
          gd: gdSeries,
          sgd: sgdSeries,
          ...(showMinibatch ? { minibatch: minibatchSeries } : {}),
        },
        scale,
      ),
    [gdSeries, sgdSeries, minibatchSeries, showMinibatch, pinned, scale],
  );
  const runs: Record<RunId, RunState> = { gd, sgd, minibatch };
  const lastEpoch = Math.max(gd.epoch, sgd.epoch, showMinibatch ? minibatch.epoch : 0);
  const xMax = Math.max(1, totalEpochs, lastEpoch);
  const size =
    width === undefined ? { responsive: true, style: { width: '100%', height } } : { width, height };

  return (
    <figure
      className="chart loss-chart"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      data-scale={scale}
      data-gd-points={chart.drawn.gd}
      data-sgd-points={chart.drawn.sgd}
    >
      <figcaption className="chart-caption">
        <div>
          <h3 className="chart-title" id={titleId}>
            {t('loss.title')}
          </h3>
          <p className="chart-subtitle">{t('loss.subtitle')}</p>
        </div>
        <fieldset className="chart-toggle">
          <legend>{t('loss.scale')}</legend>
          {(['linear', 'log'] as const).map((option) => (
            <label key={option} className={scale === option ? 'chart-toggle-on' : undefined}>
              <input
                type="radio"
                name={radioName}
                value={option}
                checked={scale === option}
                onChange={() => setScale(option)}
              />
              {t(option === 'linear' ? 'loss.linear' : 'loss.log')}
            </label>
          ))}
        </fieldset>
      </figcaption>
      <ul className="chart-legend">
        {shown.map((id) => (
          <li key={id} className={`chart-legend-item chart-run-${id}`}>
            <span className="chart-swatch" style={{ background: RUN_COLOR_VARS[id] }} aria-hidden="true" />
            {t(`run.${id}.short`)}
            {runs[id].divergedAtEpoch !== null && (
              <span className="chart-note">
                {t('loss.diverged', { epoch: runs[id].divergedAtEpoch ?? 0 })}
              </span>
            )}
            {chart.aboveChart[id] && <span className="chart-note">{t('loss.offScale')}</span>}
          </li>
        ))}
      </ul>
      <p className="chart-sr-only" id={descriptionId}>
        {t('loss.description')}
      </p>
      <LineChart
        {...size}
        className="chart-plot"
        data={chart.rows}
        margin={{ top: 8, right: 20, bottom: 22, left: 4 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke={CHART_THEME.grid} />
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
          domain={[chart.domain[0], chart.domain[1]]}
          ticks={chart.ticks}
          allowDataOverflow
          interval={0}
          width={scale === 'log' ? 56 : 64}
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
        <Tooltip
          isAnimationActive={false}
          content={(props: TooltipContentProps) => <LossTooltip {...props} runs={runs} shown={shown} t={t} />}
        />
        {pins.map((pin) => (
          <Line
            key={pin.id}
            className={`loss-line loss-pin chart-run-${pin.run}`}
            dataKey={pin.id}
            name={pinLabel(t, pin)}
            type="linear"
            stroke={RUN_COLOR_VARS[pin.run]}
            strokeOpacity={0.35}
            strokeDasharray="6 4"
            strokeWidth={2}
            connectNulls
            dot={false}
            activeDot={false}
            isAnimationActive={false}
          />
        ))}
        {shown.map((id) => (
          <Line
            key={id}
            className={`loss-line chart-run-${id}`}
            dataKey={id}
            name={t(`run.${id}.short`)}
            type="linear"
            stroke={RUN_COLOR_VARS[id]}
            strokeWidth={2}
            connectNulls
            dot={chart.drawn[id] === 1 ? { r: 3, fill: RUN_COLOR_VARS[id] } : false}
            activeDot={{ r: 4 }}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
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
  return t(pin.run === 'minibatch' ? 'pins.labelBatch' : 'pins.label', {
    run: t(`run.${pin.run}.short`),
    lr: pyFloat(pin.lr),
    b: pin.batchSize,
  });
}

interface LossTooltipProps extends TooltipContentProps {
  readonly runs: Readonly<Record<RunId, RunState>>;
  readonly shown: readonly RunId[];
  readonly t: Translate;
}

/** The exact epoch, w and cost of both runs at the hovered epoch, read from the full history. */
function LossTooltip({ active, label, payload, runs, shown, t }: LossTooltipProps) {
  if (!active) return null;
  const fromPayload = (payload[0]?.payload as { epoch?: unknown } | undefined)?.epoch;
  const epoch = typeof label === 'number' ? label : typeof fromPayload === 'number' ? fromPayload : null;
  if (epoch === null || !Number.isInteger(epoch)) return null;
  return (
    <div className="chart-tooltip" data-testid="loss-tooltip">
      <p className="chart-tooltip-title">
        {epoch === 0 ? t('loss.tooltipStart') : t('loss.tooltipEpoch', { epoch })}
      </p>
      {shown.map((id) => {
        const point = pointAt(runs[id], epoch);
        return (
          <div key={id} className={`chart-tooltip-run chart-run-${id}`}>
            <p className="chart-tooltip-name">
              <span className="chart-swatch" style={{ background: RUN_COLOR_VARS[id] }} aria-hidden="true" />
              <strong>{t(`run.${id}.short`)}</strong>
            </p>
            {point === null ? (
              <p>{t('loss.diverged', { epoch: runs[id].divergedAtEpoch ?? runs[id].epoch })}</p>
            ) : (
              <>
                <p className="chart-mono">{t('loss.tooltipW', { value: pyFloat(point.w) })}</p>
                <p className="chart-mono">{t('loss.tooltipCost', { value: pyFloat(point.cost) })}</p>
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}
