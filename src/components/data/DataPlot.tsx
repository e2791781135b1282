/**
 * The data plot: the points, which can be dragged, added and removed, and the line ŷ = w·x (+ b) each
 * shown run has fitted so far. Hand-made SVG in layers (dataPlotLayers.tsx): the axes, the
 * least-squares line and the points render only when the data or the view change; only the small
 * per-run line and legend components follow the clock. The pointer and the keyboard are handled in
 * dataPlotController.ts, the geometry in dataPlotGeometry.ts.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { optimum, pyFloat, type ModelKind } from '../../core';
import { useT, type Translate } from '../../i18n';
import { usePlaygroundSelector, usePlaygroundStoreApi } from '../../store/context';
import type { RunId } from '../../store/playground';
import {
  selectDiverged,
  selectModel,
  selectShownB,
  selectShownRunIds,
  selectShownW,
  selectXs,
  selectYs,
} from '../../store/selectors';
import { RUN_COLOR_VARS } from '../charts/chartData';
import { useMeasuredSize } from '../charts/toolkit';
import { plotController, type Selection } from './dataPlotController';
import {
  contentBounds,
  dataView,
  DEFAULT_WIDTH,
  heightFor,
  lineEnds,
  lineFormula,
  MARGIN,
  widestLineFormula,
  plotFrame,
  pointPixel,
  sameBounds,
  viewFits,
  type PlotBounds,
} from './dataPlotGeometry';
import { LayoutIsland } from '../controls/LayoutIsland';
import { Axes, BestFitLine, DENSE_POINTS, FitLine, PointsLayer } from './dataPlotLayers';
import './dataPlot.css';

export { lineFormula, plotFrame, type PlotFrame } from './dataPlotGeometry';

/** The data plot with its legend, the selected point's remove action and the keyboard help. */
export function DataPlot() {
  const t = useT();
  const store = usePlaygroundStoreApi();
  const xs = usePlaygroundSelector(selectXs);
  const ys = usePlaygroundSelector(selectYs);
  const model = usePlaygroundSelector(selectModel);
  const shownRuns = usePlaygroundSelector(selectShownRunIds);
  const keysId = useId();

  const svg = useRef<SVGSVGElement>(null);
  const [measured, measureCanvas] = useMeasuredSize();
  const width = measured.width ?? DEFAULT_WIDTH;
  const height = heightFor(width);

  // The selected point, with the data it was selected in: a change from elsewhere (a preset, the
  // table) ends the selection, a change made here carries it over.
  const [selection, setSelection] = useState<Selection | null>(null);
  const [dragging, setDragging] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  // The view stays while the points still sit well inside it (and always during a drag), so the
  // plot does not rescale under the pointer; otherwise it follows the data.
  const content = useMemo(() => contentBounds({ xs, ys }, model), [xs, ys, model]);
  const [shown, setShown] = useState(() => ({ view: dataView({ xs, ys }, model), model }));
  let view = shown.view;
  if (!dragging && (shown.model !== model || (content !== null && !viewFits(shown.view, content)))) {
    const fresh = dataView({ xs, ys }, model);
    if (!sameBounds(fresh, shown.view) || shown.model !== model) setShown({ view: fresh, model });
    view = fresh;
  }
  const frame = useMemo(() => plotFrame(view, width, height), [view, width, height]);

  // The pointer and keyboard handlers live in one controller made once per store and language: they
  // never change, so the memoized points layer is not re-rendered for their sake. It is told the
  // latest frame after each render, and asks for a point to be focused after a removal.
  const controller = useMemo(
    () => plotController({ store, t, setSelection, setDragging, setAnnouncement }),
    [store, t],
  );
  useLayoutEffect(() => {
    controller.setFrame(frame);
  });
  useEffect(() => {
    const index = controller.takeFocusRequest();
    if (index === null) return;
    svg.current?.querySelector<SVGGElement>(`[data-index="${index}"]`)?.focus({ preventScroll: true });
  });

  const n = xs.length;
  // Points the plot cannot draw (none on the view it picks for the data; a guard, not a feature).
  const offChart = useMemo(() => {
    const off: number[] = [];
    for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
      if (pointPixel(frame, xs[i]!, ys[i]!) === null) off.push(i + 1);
    }
    return off;
  }, [frame, xs, ys]);
  const active = selection && selection.xs === xs && selection.index < n ? selection.index : null;

  // The lines pass under the points, except over a dense cloud that would hide them (they never take
  // the pointer, so the points stay draggable either way).
  const dense = n > DENSE_POINTS;
  const lines = (
    <g clipPath={`url(#${keysId}-clip)`} className="data-lines" aria-hidden="true">
      <BestFitLine xs={xs} ys={ys} model={model} frame={frame} />
      {shownRuns.map((id) => (
        <FitLine key={id} id={id} model={model} frame={frame} />
      ))}
    </g>
  );
  const points = (
    <PointsLayer
      xs={xs}
      ys={ys}
      frame={frame}
      selected={active}
      dragging={dragging}
      describedBy={keysId}
      t={t}
      handlers={controller}
    />
  );

  return (
    <div className="data-plot">
      <div className="data-plot-canvas" ref={measureCanvas}>
        <svg
          ref={svg}
          className={`data-svg${dragging ? ' is-dragging' : ''}`}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="group"
          aria-label={t('data.plot')}
          data-view={`${view.x0} ${view.x1} ${view.y0} ${view.y1}`}
        >
          <defs>
            <clipPath id={`${keysId}-clip`}>
              <rect x={MARGIN.left} y={MARGIN.top} width={frame.plotWidth} height={frame.plotHeight} />
            </clipPath>
          </defs>
          <Axes frame={frame} t={t} />
          <rect
            className="data-hit"
            x={MARGIN.left}
            y={MARGIN.top}
            width={frame.plotWidth}
            height={frame.plotHeight}
            onPointerDown={controller.onBackgroundPointerDown}
            onClick={controller.onBackgroundClick}
          />
          {dense ? null : lines}
          {points}
          {dense ? lines : null}
        </svg>
      </div>
      <Legend model={model} xs={xs} ys={ys} view={view} shownRuns={shownRuns} t={t} />
      {offChart.length > 0 && (
        <p className="data-offchart">{t('data.plotPointsOff', { list: offChart.join(', ') })}</p>
      )}
      <div className="data-selection">
        {active !== null ? (
          <>
            <span className="mono">
              {t('data.point', { n: active + 1, x: pyFloat(xs[active]!), y: pyFloat(ys[active]!) })}
            </span>
            <button
              type="button"
              className="button button-small"
              disabled={n <= 1}
              title={n <= 1 ? t('data.lastPoint') : undefined}
              onClick={() => controller.onRemove(active)}
            >
              {t('data.removePoint', { n: active + 1 })}
            </button>
          </>
        ) : null}
      </div>
      <p className="hint data-keys" id={keysId}>
        {t('data.keys')}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Legend

interface LegendProps {
  readonly model: ModelKind;
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** The plot's view: a line that misses it is named "off the chart". */
  readonly view: PlotBounds;
  readonly shownRuns: readonly RunId[];
  readonly t: Translate;
}

function Legend({ model, xs, ys, view, shownRuns, t }: LegendProps) {
  const best = useMemo(() => optimum(model, { xs, ys }), [model, xs, ys]);
  const formula = lineFormula(model, best.w, best.b);
  const bestOff = lineEnds(model, best, view) === null;
  const bestItem = (
    <li>
      <span className="data-swatch data-swatch-best" aria-hidden="true" />
      <span className={bestOff ? 'mono data-offchart' : 'mono'}>
        {bestOff
          ? t('data.plotOffChart', { line: t('data.legend.best', { formula }) })
          : t('data.legend.best', { formula })}
      </span>
    </li>
  );
  // The legend as it may become while the runs play: each run's line with its numbers at their
  // widest (the formulas grow from "1·x + 0" to four digits and more), laid out unseen so that
  // pressing Play moves nothing below the legend (see LayoutIsland).
  const widest = widestLineFormula(model);
  const reserve = (
    <ul className="data-legend">
      {shownRuns.map((id) => (
        <li key={id} data-run={id}>
          <span className="data-swatch" style={{ background: RUN_COLOR_VARS[id] }} />
          <span className="mono">{t('data.legend.run', { run: t(`run.${id}.short`), formula: widest })}</span>
        </li>
      ))}
      {bestItem}
    </ul>
  );
  return (
    <LayoutIsland reserve={reserve}>
      <ul className="data-legend" aria-label={t('data.legend')}>
        {shownRuns.map((id) => (
          <LegendRun key={id} id={id} model={model} view={view} t={t} />
        ))}
        {bestItem}
      </ul>
    </LayoutIsland>
  );
}

function LegendRun({ id, model, view, t }: { id: RunId; model: ModelKind; view: PlotBounds; t: Translate }) {
  const w = usePlaygroundSelector(selectShownW(id));
  const b = usePlaygroundSelector(selectShownB(id));
  const diverged = usePlaygroundSelector(selectDiverged(id));
  const run = t(`run.${id}.short`);
  const finite = !diverged && Number.isFinite(w) && (model === 'w' || Number.isFinite(b));
  if (!finite) {
    return (
      <li data-run={id}>
        <span className="data-swatch" style={{ background: RUN_COLOR_VARS[id] }} aria-hidden="true" />
        <span className="mono">{t('data.legend.diverged', { run })}</span>
      </li>
    );
  }
  const line = t('data.legend.run', { run, formula: lineFormula(model, w, b) });
  // A finite line the plot cannot show (its view is the data's): the words say where it went.
  const off = lineEnds(model, { w, b }, view) === null;
  return (
    <li data-run={id} data-off-chart={off || undefined}>
      <span className="data-swatch" style={{ background: RUN_COLOR_VARS[id] }} aria-hidden="true" />
      <span className={off ? 'mono data-offchart' : 'mono'}>
        {off ? t('data.plotOffChart', { line }) : line}
      </span>
    </li>
  );
}
