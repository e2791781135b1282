import { createContext, useContext, useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import {
  LineChart,
  useActiveTooltipCoordinate,
  useActiveTooltipLabel,
  usePlotArea,
  XAxis,
  YAxis,
} from 'recharts';
import { pyFloat, type RunState } from '../core';
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
  lossSeriesOf,
  pointAt,
  powerOfTen,
  RUN_COLOR_VARS,
  tooltipRows,
  type LossChartModel,
  type LossScale,
} from './chartData';
import './charts.css';
import { PlotClip, PlotGrid, polylinePath, usePixelScales, type PixelScales } from './plotLayer';

export interface LossChartProps {
  /** Height of the plot in px (the caption and legend come on top). Default 320. */
  readonly height?: number;
  /** A fixed width in px; by default the chart fills its container's width. */
  readonly width?: number;
}

const selectGd = selectRun('gd');
const selectSgd = selectRun('sgd');
const selectMinibatch = selectRun('minibatch');

/** What the drawn layer and the tooltip read each frame; the chart around them stays as it was. */
interface LossLayer {
  readonly model: LossChartModel;
  readonly pins: readonly Pin[];
  readonly shown: readonly RunId[];
  readonly runs: Readonly<Record<RunId, RunState>>;
  readonly lastEpoch: number;
  readonly t: Translate;
  /** Where the hover readout is put (an HTML box over the chart); null before it is mounted. */
  readonly host: HTMLElement | null;
  /** A live region that speaks the hovered epoch's values to screen readers (arrow keys on the chart). */
  readonly speaker: HTMLElement | null;
}

const LossLayerContext = createContext<LossLayer | null>(null);

/**
 * Loss vs epoch: the full-dataset cost after each epoch of both runs on one chart, in linear or log
 * view. Long histories are thinned for drawing only; the tooltip reads the exact recorded values.
 * Recharts lays out the axes and tracks the hovered epoch (mouse or arrow keys) and re-renders only
 * when an axis changes (it grows, the scale flips); the grid, the lines and the hover readout are
 * drawn here: LossLines alone re-renders as the runs play, LossHover as the pointer moves.
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
  const shown = useMemo(() => shownRunIds(showMinibatch), [showMinibatch]);
  const totalEpochs = usePlaygroundSelector(selectTotalEpochs);
  const [scale, setScale] = useState<LossScale>('linear');
  const radioName = useId();
  const titleId = useId();
  const descriptionId = useId();

  const gdSeries = useMemo(() => lossSeries(gd), [gd]);
  const sgdSeries = useMemo(() => lossSeries(sgd), [sgd]);
  const minibatchSeries = useMemo(() => lossSeries(minibatch), [minibatch]);
  const pinned = useMemo(() => pins.map((pin) => [pin.id, lossSeriesOf(pin.costs)] as const), [pins]);
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
  const runs = useMemo(() => ({ gd, sgd, minibatch }), [gd, sgd, minibatch]);
  const lastEpoch = Math.max(gd.epoch, sgd.epoch, showMinibatch ? minibatch.epoch : 0);
  const xMax = Math.max(1, totalEpochs, lastEpoch);
  const [host, setHost] = useState<HTMLElement | null>(null);
  const [speaker, setSpeaker] = useState<HTMLElement | null>(null);
  const layer = useMemo<LossLayer>(
    () => ({ model: chart, pins, shown, runs, lastEpoch, t, host, speaker }),
    [chart, pins, shown, runs, lastEpoch, t, host, speaker],
  );

  // The chart itself, rebuilt only when an axis or the tooltip's epochs change (not every frame).
  const [yLow, yHigh] = chart.domain;
  const yTicksKey = chart.ticks.join(',');
  const rows = useMemo(() => tooltipRows(xMax), [xMax]);
  const frame = useMemo(() => {
    const size =
      width === undefined ? { responsive: true, style: { width: '100%', height } } : { width, height };
    return (
      <LineChart
        {...size}
        className="chart-plot"
        data={rows}
        margin={{ top: 8, right: 20, bottom: 22, left: 4 }}
      >
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
        <LossLines />
        <LossHover />
      </LineChart>
    );
  }, [width, height, rows, xMax, yLow, yHigh, yTicksKey, scale, t]);

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
      <div className="chart-sr-only" aria-live="polite" ref={setSpeaker} />
      <div className="chart-plot-host" ref={setHost}>
        <LossLayerContext.Provider value={layer}>{frame}</LossLayerContext.Provider>
      </div>
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

/** The hovered epoch (Recharts' active label) as a whole number, or null. */
function hoveredEpoch(label: unknown): number | null {
  const epoch = typeof label === 'string' && label !== '' ? Number(label) : label;
  return typeof epoch === 'number' && Number.isInteger(epoch) && epoch >= 0 ? epoch : null;
}

const DOT_RADIUS = 3;
const ACTIVE_DOT_RADIUS = 4;

/** The pinned ghosts and each shown run's line (a dot while it has one point), clipped to the plot. */
function LossLines() {
  const layer = useContext(LossLayerContext);
  const scales = usePixelScales();
  const paths = useMemo(() => {
    if (!layer || !scales) return null;
    const d = (id: string) => {
      const line = layer.model.lines[id];
      return line
        ? polylinePath(
            line.epochs.length,
            (i) => line.epochs[i]!,
            (i) => line.values[i]!,
            scales,
          )
        : '';
    };
    return Object.fromEntries([...layer.pins.map((pin) => pin.id), ...layer.shown].map((id) => [id, d(id)]));
  }, [layer, scales]);
  if (!layer || !scales || !paths) return null;
  const { model, pins, shown } = layer;
  return (
    <g className="loss-lines">
      <PlotClip>
        {pins.map((pin) => (
          <g key={pin.id} className={`loss-line loss-pin chart-run-${pin.run}`}>
            <path
              className="chart-line"
              d={paths[pin.id]}
              fill="none"
              stroke={RUN_COLOR_VARS[pin.run]}
              strokeOpacity={0.35}
              strokeDasharray="6 4"
              strokeWidth={2}
            />
          </g>
        ))}
        {shown.map((id) => {
          const single =
            model.drawn[id] === 1 ? runPoint(layer, scales, id, model.lines[id]!.epochs[0]!) : null;
          return (
            <g key={id} className={`loss-line chart-run-${id}`}>
              <path
                className="chart-line"
                d={paths[id]}
                fill="none"
                stroke={RUN_COLOR_VARS[id]}
                strokeWidth={2}
                strokeLinejoin="round"
              />
              {single && (
                <circle
                  className="loss-dot"
                  cx={single[0]}
                  cy={single[1]}
                  r={DOT_RADIUS}
                  fill={RUN_COLOR_VARS[id]}
                />
              )}
            </g>
          );
        })}
      </PlotClip>
    </g>
  );
}

/** Where run `id`'s cost after `epoch` epochs is drawn, in pixels; null where it is not drawn. */
function runPoint(layer: LossLayer, scales: PixelScales, id: RunId, epoch: number): [number, number] | null {
  const point = pointAt(layer.runs[id], epoch);
  const value = point === null ? null : layer.model.toAxis(point.cost);
  if (value === null) return null;
  const cx = scales.x(epoch);
  const cy = scales.y(value);
  return Number.isFinite(cx) && Number.isFinite(cy) ? [cx, cy] : null;
}

/**
 * Which of a run's epochs the readout shows at the hovered `epoch`: that one, or past the run's end
 * its last; null for a run that diverged and stopped before it (it has nothing to show there).
 */
const shownEpoch = (run: RunState, epoch: number): number | null =>
  run.status === 'diverged' && epoch > run.epoch ? null : Math.min(epoch, run.epoch);

/**
 * At the hovered epoch (pointer, or arrow keys on the focused chart): a cursor line, a dot on each
 * run, and a readout of the exact epoch, w and cost of each shown run (past the runs' last epoch:
 * their last one; for a run that diverged before it, where it stopped). Escape hides the readout
 * until the hovered epoch changes.
 */
function LossHover() {
  const layer = useContext(LossLayerContext);
  const scales = usePixelScales();
  const area = usePlotArea();
  const hovered = hoveredEpoch(useActiveTooltipLabel());
  const coordinate = useActiveTooltipCoordinate();
  // Escape hides the readout until the hovered epoch changes (leaving the chart counts).
  const [dismissed, setDismissed] = useState(false);
  const [shownFor, setShownFor] = useState(hovered);
  if (shownFor !== hovered) {
    setShownFor(hovered);
    setDismissed(false);
  }
  useEffect(() => {
    if (hovered === null) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setDismissed(true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [hovered]);
  if (!layer || !scales || !area || hovered === null) return null;
  const { runs, shown, lastEpoch, t, host, speaker } = layer;
  const epoch = Math.min(hovered, lastEpoch);
  const x = scales.x(epoch);
  const anchorX = coordinate?.x ?? x;
  const onLeft = anchorX > area.x + area.width / 2;
  const values = (
    <>
      <p className="chart-tooltip-title">
        {epoch === 0 ? t('loss.tooltipStart') : t('loss.tooltipEpoch', { epoch })}
      </p>
      {shown.map((id) => {
        const at = shownEpoch(runs[id], epoch);
        const point = at === null ? null : pointAt(runs[id], at);
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
    </>
  );
  const readout = (
    <div
      className={`chart-tooltip loss-readout${onLeft ? ' loss-readout-left' : ''}`}
      data-testid="loss-tooltip"
      style={{ left: anchorX, top: area.y }}
      // Screen readers hear the same values once, from the live region.
      aria-hidden="true"
    >
      {values}
    </div>
  );
  return (
    <g className="loss-hover">
      {Number.isFinite(x) && (
        <line
          className="loss-cursor"
          x1={x}
          x2={x}
          y1={area.y}
          y2={area.y + area.height}
          stroke={CHART_THEME.axis}
        />
      )}
      {shown.map((id) => {
        const at = shownEpoch(runs[id], epoch);
        const point = at === null ? null : runPoint(layer, scales, id, at);
        return (
          point && (
            <circle
              key={id}
              className={`loss-active-dot chart-run-${id}`}
              cx={point[0]}
              cy={point[1]}
              r={ACTIVE_DOT_RADIUS}
              fill={RUN_COLOR_VARS[id]}
              stroke="var(--surface, #ffffff)"
              strokeWidth={2}
            />
          )
        );
      })}
      {host && !dismissed && createPortal(readout, host)}
      {speaker && createPortal(values, speaker)}
    </g>
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
