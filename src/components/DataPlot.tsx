/**
 * The data plot: the points, which can be dragged, added and removed, and the line ŷ = w·x (+ b) each
 * shown run has fitted so far. Hand-made SVG in layers: the axes, the least-squares line and the
 * points render only when the data or the view change; only the small per-run line and legend
 * components follow the clock.
 */
import {
  memo,
  Profiler,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
  type ProfilerOnRenderCallback,
  type RefObject,
} from 'react';
import {
  addPoint,
  clipLine,
  contentBounds,
  dataView,
  LIMITS,
  movePoint,
  nudgePoint,
  optimum,
  pyFloat,
  removePoint,
  roundTo2,
  viewFits,
  type Dataset,
  type DataPoint,
  type ModelKind,
  type PlotBounds,
} from '../core';
import { useT, type Translate } from '../i18n';
import { usePlaygroundSelector, usePlaygroundStoreApi } from '../store/context';
import { displayedParams, shownRunIds, type PlaygroundStore, type RunId } from '../store/playground';
import { selectModel, selectShowMinibatch, selectXs, selectYs } from '../store/selectors';
import { formatTick, RUN_COLOR_VARS, ticksBetween } from './chartData';

/** Room for the tick labels and axis titles around the plot area, in px. */
const MARGIN = { top: 14, right: 20, bottom: 42, left: 56 } as const;
/** Width before the first measurement (and in tests, where nothing is laid out). */
const DEFAULT_WIDTH = 640;
/** Beyond this many points the dots are drawn small and translucent. */
const DENSE_POINTS = 200;
/** A click that moved further than this (px) since the button went down was a drag, not a click. */
const CLICK_SLOP = 6;

/** The view and its mapping between data units and SVG pixels. */
export interface PlotFrame {
  readonly view: PlotBounds;
  readonly width: number;
  readonly height: number;
  readonly plotWidth: number;
  readonly plotHeight: number;
  readonly px: (x: number) => number;
  readonly py: (y: number) => number;
  /** Data coordinates of an SVG pixel, clamped to the view. */
  readonly toData: (px: number, py: number) => DataPoint;
}

export function plotFrame(view: PlotBounds, width: number, height: number): PlotFrame {
  const plotWidth = Math.max(1, width - MARGIN.left - MARGIN.right);
  const plotHeight = Math.max(1, height - MARGIN.top - MARGIN.bottom);
  const spanX = view.x1 - view.x0;
  const spanY = view.y1 - view.y0;
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  return {
    view,
    width,
    height,
    plotWidth,
    plotHeight,
    px: (x) => MARGIN.left + ((x - view.x0) / spanX) * plotWidth,
    py: (y) => MARGIN.top + (1 - (y - view.y0) / spanY) * plotHeight,
    toData: (px, py) => ({
      x: clamp(view.x0 + ((px - MARGIN.left) / plotWidth) * spanX, view.x0, view.x1),
      y: clamp(view.y0 + (1 - (py - MARGIN.top) / plotHeight) * spanY, view.y0, view.y1),
    }),
  };
}

/** Plot height for a width: a landscape rectangle, never too flat or too tall. */
const heightFor = (width: number) => Math.round(Math.min(420, Math.max(260, width * 0.6)));

/** SVG coordinates are written with 2 decimals: enough for a pixel, and short. */
const r = (v: number) => Math.round(v * 100) / 100;

/** The numbers of a line's formula, short: up to 4 significant digits. */
export function lineFormula(model: ModelKind, w: number, b: number): string {
  const wx = `${formatTick(w)}·x`;
  if (model === 'w') return wx;
  return b < 0 ? `${wx} − ${formatTick(-b)}` : `${wx} + ${formatTick(b)}`;
}

function useMeasuredWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    // The observer reports the first size as soon as it starts observing.
    const observer = new ResizeObserver((entries) => {
      const measured = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (measured > 0) setWidth(measured);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

interface Selection {
  readonly index: number;
  readonly xs: readonly number[];
}

interface DragState {
  readonly index: number;
  readonly pointerId: number;
  /** The data before the drag, restored by Escape. */
  readonly origin: Dataset;
  pending: DataPoint | null;
  frame: number;
  moved: boolean;
}

interface PointHandlers {
  readonly onPointerDown: (index: number, event: ReactPointerEvent<SVGGElement>) => void;
  readonly onPointerMove: (event: ReactPointerEvent<SVGGElement>) => void;
  readonly onPointerEnd: (event: ReactPointerEvent<SVGGElement>) => void;
  readonly onKeyDown: (index: number, event: ReactKeyboardEvent<SVGGElement>) => void;
  readonly onFocus: (index: number) => void;
  readonly onRemove: (index: number) => void;
}

export interface DataPlotProps {
  /** Test seam: a Profiler callback around the points layer, to check it skips clock-only renders. */
  readonly onPointsRender?: ProfilerOnRenderCallback;
}

/** The data plot with its legend, the selected point's remove action and the keyboard help. */
export function DataPlot({ onPointsRender }: DataPlotProps) {
  const t = useT();
  const store = usePlaygroundStoreApi();
  const xs = usePlaygroundSelector(selectXs);
  const ys = usePlaygroundSelector(selectYs);
  const model = usePlaygroundSelector(selectModel);
  const showMinibatch = usePlaygroundSelector(selectShowMinibatch);
  const keysId = useId();

  const wrapper = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const width = useMeasuredWidth(wrapper);
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
  const active = selection && selection.xs === xs && selection.index < n ? selection.index : null;

  // The lines pass under the points, except over a dense cloud that would hide them (they never take
  // the pointer, so the points stay draggable either way).
  const dense = n > DENSE_POINTS;
  const lines = (
    <g clipPath={`url(#${keysId}-clip)`} className="data-lines" aria-hidden="true">
      <BestFitLine xs={xs} ys={ys} model={model} frame={frame} />
      {shownRunIds(showMinibatch).map((id) => (
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
      <div className="data-plot-canvas" ref={wrapper}>
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
          {onPointsRender ? (
            <Profiler id="data-points" onRender={onPointsRender}>
              {points}
            </Profiler>
          ) : (
            points
          )}
          {dense ? lines : null}
        </svg>
      </div>
      <Legend model={model} xs={xs} ys={ys} showMinibatch={showMinibatch} t={t} />
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

function sameBounds(a: PlotBounds, b: PlotBounds): boolean {
  return a.x0 === b.x0 && a.x1 === b.x1 && a.y0 === b.y0 && a.y1 === b.y1;
}

/** SVG pixel coordinates of a pointer position (the SVG may be scaled by CSS). */
function clientToSvg(
  element: SVGSVGElement | null,
  frame: PlotFrame,
  clientX: number,
  clientY: number,
): { x: number; y: number } {
  const box = element?.getBoundingClientRect();
  if (!box) return { x: clientX, y: clientY };
  const sx = box.width > 0 ? frame.width / box.width : 1;
  const sy = box.height > 0 ? frame.height / box.height : 1;
  return { x: (clientX - box.left) * sx, y: (clientY - box.top) * sy };
}

interface ControllerDeps {
  readonly store: PlaygroundStore;
  readonly t: Translate;
  readonly setSelection: (selection: Selection | null) => void;
  readonly setDragging: (dragging: boolean) => void;
  readonly setAnnouncement: (text: string) => void;
}

interface PlotController extends PointHandlers {
  readonly setFrame: (frame: PlotFrame) => void;
  /** The point to focus after the last render (once), or null. */
  readonly takeFocusRequest: () => number | null;
  readonly onBackgroundPointerDown: (event: ReactPointerEvent<SVGRectElement>) => void;
  readonly onBackgroundClick: (event: ReactMouseEvent<SVGRectElement>) => void;
}

/** What the plot does with the pointer and the keyboard; every change goes through updateSettings. */
function plotController({
  store,
  t,
  setSelection,
  setDragging,
  setAnnouncement,
}: ControllerDeps): PlotController {
  let frame: PlotFrame | null = null;
  let drag: DragState | null = null;
  let focusRequest: number | null = null;
  let press: { x: number; y: number } | null = null;

  const data = (): Dataset => store.getState().settings;
  const select = (index: number) => setSelection({ index, xs: data().xs });
  const apply = (next: Dataset) => store.getState().actions.updateSettings({ xs: next.xs, ys: next.ys });
  const describe = (key: 'data.moved' | 'data.added', index: number, d: Dataset) =>
    t(key, { n: index + 1, x: pyFloat(d.xs[index]!), y: pyFloat(d.ys[index]!) });
  /** The data coordinates under the pointer, clamped to the view. */
  const pointAt = (element: SVGElement, clientX: number, clientY: number): DataPoint | null => {
    if (!frame) return null;
    const at = clientToSvg(element.ownerSVGElement, frame, clientX, clientY);
    const point = frame.toData(at.x, at.y);
    return { x: roundTo2(point.x), y: roundTo2(point.y) };
  };

  const flush = () => {
    const state = drag;
    if (!state) return;
    if (state.frame) cancelAnimationFrame(state.frame);
    state.frame = 0;
    const point = state.pending;
    state.pending = null;
    if (!point) return;
    const current = data();
    if (current.xs[state.index] === point.x && current.ys[state.index] === point.y) return;
    if (!apply(movePoint(current, state.index, point))) return;
    state.moved = true;
    select(state.index);
  };

  const endDrag = (commit: boolean) => {
    const state = drag;
    if (!state) return;
    if (commit) flush();
    else if (state.frame) cancelAnimationFrame(state.frame);
    drag = null;
    setDragging(false);
    if (!commit) {
      apply(state.origin);
      return;
    }
    if (state.moved) setAnnouncement(describe('data.moved', state.index, data()));
  };

  const remove = (index: number, refocus: boolean) => {
    const next = removePoint(data(), index);
    if (!next) {
      setAnnouncement(t('data.lastPoint'));
      return;
    }
    if (!apply(next)) return;
    const now = Math.min(index, next.xs.length - 1);
    select(now);
    if (refocus) focusRequest = now;
    setAnnouncement(t('data.removed', { n: index + 1, count: next.xs.length }));
  };

  return {
    setFrame: (next) => {
      frame = next;
    },
    takeFocusRequest: () => {
      const index = focusRequest;
      focusRequest = null;
      return index;
    },
    onBackgroundPointerDown: (event) => {
      press = { x: event.clientX, y: event.clientY };
    },
    onBackgroundClick: (event) => {
      const start = press;
      press = null;
      if (start && Math.hypot(event.clientX - start.x, event.clientY - start.y) > CLICK_SLOP) return;
      const point = pointAt(event.currentTarget, event.clientX, event.clientY);
      if (!point) return;
      const next = addPoint(data(), point);
      if (!next) {
        setAnnouncement(t('data.full', { max: LIMITS.maxPoints }));
        return;
      }
      if (!apply(next)) return;
      const index = next.xs.length - 1;
      select(index);
      setAnnouncement(describe('data.added', index, next));
    },
    onPointerDown: (index, event) => {
      if (event.pointerType === 'mouse' && event.button !== 0) return;
      if (drag) return;
      event.preventDefault();
      event.stopPropagation();
      const element = event.currentTarget;
      element.setPointerCapture?.(event.pointerId);
      element.focus({ preventScroll: true });
      select(index);
      const { xs, ys } = data();
      drag = { index, pointerId: event.pointerId, origin: { xs, ys }, pending: null, frame: 0, moved: false };
      setDragging(true);
    },
    onPointerMove: (event) => {
      const state = drag;
      if (!state || state.pointerId !== event.pointerId) return;
      const point = pointAt(event.currentTarget, event.clientX, event.clientY);
      if (!point) return;
      state.pending = point;
      // One store update per frame, however many pointer events arrive.
      if (!state.frame) {
        if (typeof requestAnimationFrame === 'function') state.frame = requestAnimationFrame(flush);
        else flush();
      }
    },
    onPointerEnd: (event) => {
      if (drag && drag.pointerId === event.pointerId) endDrag(true);
    },
    onKeyDown: (index, event) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key;
      if (key === 'Escape' && drag) {
        event.preventDefault();
        endDrag(false);
        return;
      }
      const step = event.shiftKey ? 1 : 0.1;
      const moves: Record<string, readonly [number, number]> = {
        ArrowUp: [0, step],
        ArrowDown: [0, -step],
        ArrowRight: [step, 0],
        ArrowLeft: [-step, 0],
      };
      const move = moves[key];
      if (move) {
        event.preventDefault();
        const next = nudgePoint(data(), index, move[0], move[1]);
        if (!apply(next)) return;
        select(index);
        setAnnouncement(describe('data.moved', index, next));
        return;
      }
      if (key === 'Delete' || key === 'Backspace') {
        event.preventDefault();
        remove(index, true);
        return;
      }
      const count = data().xs.length;
      const targets: Record<string, number> = {
        PageDown: Math.min(count - 1, index + 1),
        PageUp: Math.max(0, index - 1),
        Home: 0,
        End: count - 1,
      };
      const target = targets[key];
      if (target !== undefined) {
        event.preventDefault();
        select(target);
        focusRequest = target;
      }
    },
    onFocus: (index) => select(index),
    onRemove: (index) => remove(index, false),
  };
}

// ---------------------------------------------------------------------------------------------
// Layers

const Axes = memo(function Axes({ frame, t }: { frame: PlotFrame; t: Translate }) {
  const { view, px, py, plotWidth, plotHeight } = frame;
  const xTicks = ticksBetween(view.x0, view.x1, Math.max(2, Math.round(plotWidth / 90)));
  const yTicks = ticksBetween(view.y0, view.y1, Math.max(2, Math.round(plotHeight / 55)));
  const left = MARGIN.left;
  const right = MARGIN.left + plotWidth;
  const top = MARGIN.top;
  const bottom = MARGIN.top + plotHeight;
  return (
    <g className="data-axes" aria-hidden="true">
      <rect className="data-frame" x={left} y={top} width={plotWidth} height={plotHeight} />
      {xTicks.map((x) => (
        <g key={`x${x}`}>
          <line
            className={x === 0 ? 'data-zero' : 'data-grid'}
            x1={r(px(x))}
            x2={r(px(x))}
            y1={top}
            y2={bottom}
          />
          <text x={r(px(x))} y={bottom + 16} textAnchor="middle" className="data-tick">
            {formatTick(x)}
          </text>
        </g>
      ))}
      {yTicks.map((y) => (
        <g key={`y${y}`}>
          <line
            className={y === 0 ? 'data-zero' : 'data-grid'}
            x1={left}
            x2={right}
            y1={r(py(y))}
            y2={r(py(y))}
          />
          <text x={left - 8} y={r(py(y))} dy="0.32em" textAnchor="end" className="data-tick">
            {formatTick(y)}
          </text>
        </g>
      ))}
      <text className="data-axis-title" x={right} y={bottom + 34} textAnchor="end">
        {t('data.axisX')}
      </text>
      <text className="data-axis-title" x={left - 44} y={top + 4} dy="0.7em">
        {t('data.axisY')}
      </text>
    </g>
  );
});

/** The least-squares line of the data: where the runs are heading. */
const BestFitLine = memo(function BestFitLine({
  xs,
  ys,
  model,
  frame,
}: {
  xs: readonly number[];
  ys: readonly number[];
  model: ModelKind;
  frame: PlotFrame;
}) {
  const best = useMemo(() => optimum(model, { xs, ys }), [model, xs, ys]);
  const ends = clipLine(model, best, frame.view);
  if (!ends) return null;
  return (
    <line
      className="data-best"
      data-w={best.w}
      data-b={best.b}
      x1={r(frame.px(ends[0].x))}
      y1={r(frame.py(ends[0].y))}
      x2={r(frame.px(ends[1].x))}
      y2={r(frame.py(ends[1].y))}
    />
  );
});

/** One run's current line; subscribes to that run's parameters only, so it alone follows the clock. */
function FitLine({ id, model, frame }: { id: RunId; model: ModelKind; frame: PlotFrame }) {
  const w = usePlaygroundSelector((s) => displayedParams(s, id).w);
  const b = usePlaygroundSelector((s) => displayedParams(s, id).b);
  // A diverged run's last finite line is near vertical and means nothing: the legend says so instead.
  const diverged = usePlaygroundSelector((s) => s.runs[id].status === 'diverged');
  const ends = diverged ? null : clipLine(model, { w, b }, frame.view);
  if (!ends) return null;
  const [a, z] = ends;
  return (
    <line
      className="data-fit"
      data-run={id}
      data-w={w}
      data-b={model === 'w' ? 0 : b}
      data-ends={`${a.x},${a.y} ${z.x},${z.y}`}
      stroke={RUN_COLOR_VARS[id]}
      x1={r(frame.px(a.x))}
      y1={r(frame.py(a.y))}
      x2={r(frame.px(z.x))}
      y2={r(frame.py(z.y))}
    />
  );
}

interface PointsLayerProps {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly frame: PlotFrame;
  readonly selected: number | null;
  readonly dragging: boolean;
  readonly describedBy: string;
  readonly t: Translate;
  readonly handlers: PointHandlers;
}

/**
 * The points, each a focusable button; only the selected one (else the first) is in the tab order,
 * and Page Up / Page Down move between them. Re-renders only when the data, view or selection change.
 */
const PointsLayer = memo(function PointsLayer({
  xs,
  ys,
  frame,
  selected,
  dragging,
  describedBy,
  t,
  handlers,
}: PointsLayerProps) {
  const tabStop = selected ?? 0;
  const n = Math.min(xs.length, ys.length);
  // Many points: smaller dots, so the cloud stays readable; a dense cloud drops the dots' halo.
  const dense = n > DENSE_POINTS;
  const dot = dense ? 2.5 : n > 30 ? 4 : 5.5;
  const nodes = [];
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    const cx = r(frame.px(x));
    const cy = r(frame.py(y));
    const isSelected = i === selected;
    nodes.push(
      <g
        key={i}
        data-index={i}
        className={`data-point${isSelected ? ' is-selected' : ''}${isSelected && dragging ? ' is-dragged' : ''}`}
        transform={`translate(${cx} ${cy})`}
        role="button"
        tabIndex={i === tabStop ? 0 : -1}
        aria-label={t('data.point', { n: i + 1, x: pyFloat(x), y: pyFloat(y) })}
        aria-describedby={describedBy}
        onPointerDown={(event) => handlers.onPointerDown(i, event)}
        onPointerMove={handlers.onPointerMove}
        onPointerUp={handlers.onPointerEnd}
        onPointerCancel={handlers.onPointerEnd}
        onLostPointerCapture={handlers.onPointerEnd}
        onKeyDown={(event) => handlers.onKeyDown(i, event)}
        onFocus={() => handlers.onFocus(i)}
      >
        <circle className="data-point-hit" r={14} />
        <circle className="data-point-dot" r={isSelected ? dot + 1.5 : dot} />
      </g>,
    );
  }
  const chosen = selected !== null && selected < n ? selected : null;
  return (
    <g className={`data-points${dense ? ' is-dense' : ''}`} role="group" aria-label={t('data.points')}>
      {nodes}
      {chosen !== null && !dragging && n > 1 ? (
        // A small × beside the selected point removes it with the mouse; keyboard users have Delete
        // and the named button under the plot.
        <g
          className="data-remove-badge"
          aria-hidden="true"
          transform={`translate(${r(frame.px(xs[chosen]!)) + 13} ${r(frame.py(ys[chosen]!)) - 13})`}
          onPointerDown={(event) => event.stopPropagation()}
          onClick={() => handlers.onRemove(chosen)}
        >
          <circle r={8} />
          <path d="M -3 -3 L 3 3 M 3 -3 L -3 3" />
        </g>
      ) : null}
    </g>
  );
});

// ---------------------------------------------------------------------------------------------
// Legend

function Legend({
  model,
  xs,
  ys,
  showMinibatch,
  t,
}: {
  model: ModelKind;
  xs: readonly number[];
  ys: readonly number[];
  showMinibatch: boolean;
  t: Translate;
}) {
  const best = useMemo(() => optimum(model, { xs, ys }), [model, xs, ys]);
  return (
    <ul className="data-legend" aria-label={t('data.legend')}>
      {shownRunIds(showMinibatch).map((id) => (
        <LegendRun key={id} id={id} model={model} t={t} />
      ))}
      <li>
        <span className="data-swatch data-swatch-best" aria-hidden="true" />
        <span className="mono">{t('data.legend.best', { formula: lineFormula(model, best.w, best.b) })}</span>
      </li>
    </ul>
  );
}

function LegendRun({ id, model, t }: { id: RunId; model: ModelKind; t: Translate }) {
  const w = usePlaygroundSelector((s) => displayedParams(s, id).w);
  const b = usePlaygroundSelector((s) => displayedParams(s, id).b);
  const diverged = usePlaygroundSelector((s) => s.runs[id].status === 'diverged');
  const run = t(`run.${id}.short`);
  const finite = !diverged && Number.isFinite(w) && (model === 'w' || Number.isFinite(b));
  return (
    <li data-run={id}>
      <span className="data-swatch" style={{ background: RUN_COLOR_VARS[id] }} aria-hidden="true" />
      <span className="mono">
        {finite
          ? t('data.legend.run', { run, formula: lineFormula(model, w, b) })
          : t('data.legend.diverged', { run })}
      </span>
    </li>
  );
}
