import { useId, useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { pyFloat, type RunState } from '../core';
import { useT, type Translate } from '../i18n';
import { usePlaygroundSelector } from '../store/context';
import { RUN_IDS, type RunId } from '../store/playground';
import { selectRun, selectTotalEpochs } from '../store/selectors';
import {
  AXIS_TICK,
  CHART_THEME,
  formatTick,
  lossChartModel,
  lossSeries,
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

/**
 * Loss vs epoch: the full-dataset cost after each epoch of both runs on one chart, in linear or log
 * view. Long histories are thinned for drawing only; the tooltip reads the exact recorded values.
 */
export function LossChart({ height = 320, width }: LossChartProps) {
  const t = useT();
  const gd = usePlaygroundSelector(selectGd);
  const sgd = usePlaygroundSelector(selectSgd);
  const totalEpochs = usePlaygroundSelector(selectTotalEpochs);
  const [scale, setScale] = useState<LossScale>('linear');
  const radioName = useId();
  const titleId = useId();
  const descriptionId = useId();

  const gdSeries = useMemo(() => lossSeries(gd), [gd]);
  const sgdSeries = useMemo(() => lossSeries(sgd), [sgd]);
  const chart = useMemo(
    () => lossChartModel({ gd: gdSeries, sgd: sgdSeries }, scale),
    [gdSeries, sgdSeries, scale],
  );
  const runs: Record<RunId, RunState> = { gd, sgd };
  const lastEpoch = Math.max(gd.epoch, sgd.epoch);
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
        {RUN_IDS.map((id) => (
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
          content={(props: TooltipContentProps) => <LossTooltip {...props} runs={runs} t={t} />}
        />
        {RUN_IDS.map((id) => (
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
    </figure>
  );
}

interface LossTooltipProps extends TooltipContentProps {
  readonly runs: Readonly<Record<RunId, RunState>>;
  readonly t: Translate;
}

/** The exact epoch, w and cost of both runs at the hovered epoch, read from the full history. */
function LossTooltip({ active, label, payload, runs, t }: LossTooltipProps) {
  if (!active) return null;
  const fromPayload = (payload[0]?.payload as { epoch?: unknown } | undefined)?.epoch;
  const epoch = typeof label === 'number' ? label : typeof fromPayload === 'number' ? fromPayload : null;
  if (epoch === null || !Number.isInteger(epoch)) return null;
  return (
    <div className="chart-tooltip" data-testid="loss-tooltip">
      <p className="chart-tooltip-title">
        {epoch === 0 ? t('loss.tooltipStart') : t('loss.tooltipEpoch', { epoch })}
      </p>
      {RUN_IDS.map((id) => {
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
