/**
 * What the charts draw, computed from the runs without React: run colours, the cost history per run
 * and the landscape's path, thinned for drawing, how far a path stays drawable, and axis labels. The
 * loss chart's axes and lines are in lossChartModel.ts.
 */
import {
  cost,
  epochRecord,
  extendMinMax,
  minMaxPicks,
  traceColumn,
  type MinMaxSummary,
  type RunState,
} from '../../core';
import { TICK_FONT_PX } from './toolkit';
import type { LossSeries } from './lossChartModel';

export {
  AUTO_LOG_FACTOR,
  lossChartModel,
  type LossChartModel,
  type LossLine,
  type LossScale,
  type LossScaleChoice,
  type LossSeries,
} from './lossChartModel';

export { RUN_COLORS, RUN_COLOR_VARS } from '../run/runColors';
export { latestSample, latestUpdate } from '../../store/selectors';

/** Theme-aware axis and grid styling (CSS variables with light fallbacks) shared by the charts. */
export const CHART_THEME = {
  grid: 'var(--chart-grid, #e2e8f0)',
  axis: 'var(--chart-axis, #94a3b8)',
  text: 'var(--chart-text, #334155)',
  curve: 'var(--chart-curve, var(--text, #0f172a))',
  tangent: 'var(--chart-tangent, #16a34a)',
} as const;

/** Tick labels: theme text colour, 12px. */
export const AXIS_TICK = { fill: CHART_THEME.text, fontSize: TICK_FONT_PX } as const;

/** At most this many points of one series are drawn; the data are never truncated. */
export const MAX_LOSS_POINTS = 1000;

/** The landscape draws at most this many dots of the path so far. */
export const MAX_PATH_DOTS = 200;

/** At most this many per-sample curves behind the cost (the highlighted one always among them). */
export const MAX_SAMPLE_CURVES = 12;

/** Buckets for at most maxPoints drawn points: two per bucket, plus the first and the last. */
const bucketsFor = (maxPoints: number): number => Math.max(1, Math.floor((maxPoints - 2) / 2));

/**
 * The summary of a run's trace column, kept per column buffer and extended as the run grows: a
 * buffer's written entries never change (trace.ts copies before a different history is written), so
 * only the epochs since the last frame are read. A different run (setup) starts afresh.
 */
const summaries = new WeakMap<ArrayBufferLike, Map<string, { run: RunState; summary: MinMaxSummary }>>();

function summaryOf(
  run: RunState,
  column: Float64Array,
  purpose: string,
  valueAt: (k: number) => number,
  maxPoints: number,
): MinMaxSummary {
  let byPurpose = summaries.get(column.buffer);
  if (!byPurpose) summaries.set(column.buffer, (byPurpose = new Map()));
  const cached = byPurpose.get(purpose);
  const sameRun = cached !== undefined && cached.run.setup === run.setup;
  const summary = extendMinMax(
    sameRun ? cached.summary : null,
    valueAt,
    column.length + 1,
    bucketsFor(maxPoints),
  );
  byPurpose.set(purpose, { run, summary });
  return summary;
}

/**
 * cost(θ after k epochs) for k = 0…epoch: the initial cost cost(model, θ₀, data) at k = 0, then the
 * trace's 'cost' column (index k − 1), thinned to at most maxPoints min/max picks for drawing.
 * Incremental: playing on a long history reads only the new epochs.
 */
export function lossSeries(run: RunState, maxPoints = MAX_LOSS_POINTS): LossSeries {
  const { model, init, data } = run.setup;
  const recorded = traceColumn(run.trace, 'cost');
  const initial = cost(model, init, data);
  const valueAt = (k: number): number => (k === 0 ? initial : recorded[k - 1]!);
  const summary = summaryOf(run, recorded, `cost:${maxPoints}`, valueAt, maxPoints);
  const picks = minMaxPicks(summary, valueAt);
  return { initial, picks, values: picks.map(valueAt) };
}

/** A series held whole (a pinned curve's costs), thinned the same way. */
export function lossSeriesOf(costs: ArrayLike<number>, maxPoints = MAX_LOSS_POINTS): LossSeries {
  const valueAt = (k: number): number => costs[k]!;
  const picks = minMaxPicks(extendMinMax(null, valueAt, costs.length, bucketsFor(maxPoints)), valueAt);
  return { initial: costs[0] ?? NaN, picks, values: picks.map(valueAt) };
}

/** The landscape numbers its path's dots from the start: these epochs are always among the picks. */
export const FIRST_PATH_EPOCHS = 12;

/**
 * w₀ then w after each epoch, thinned to at most maxPoints: the first FIRST_PATH_EPOCHS (which the
 * landscape numbers) and min/max picks of the rest, with the epoch k of each (k = 0: w₀), ascending.
 */
export function weightPath(
  run: RunState,
  maxPoints = MAX_PATH_DOTS,
): { readonly ws: readonly number[]; readonly epochs: readonly number[] } {
  const recorded = traceColumn(run.trace, 'w');
  const w0 = run.setup.init.w;
  const valueAt = (k: number): number => (k === 0 ? w0 : recorded[k - 1]!);
  const budget = Math.max(2, maxPoints - FIRST_PATH_EPOCHS);
  const summary = summaryOf(run, recorded, `w:${budget}`, valueAt, budget);
  const picks = minMaxPicks(summary, valueAt);
  // A long history's picks skip most early epochs; merge them back in (all finite by construction of
  // the picks: a non-finite w is never drawn).
  const first: number[] = [];
  for (let k = 0; k < Math.min(FIRST_PATH_EPOCHS, recorded.length + 1); k++) {
    if (Number.isFinite(valueAt(k))) first.push(k);
  }
  const epochs = first.every((k, i) => picks[i] === k)
    ? picks
    : [...new Set([...first, ...picks])].sort((a, b) => a - b);
  return { ws: epochs.map(valueAt), epochs };
}

/** How far a run's path stays drawable around a centre, and where it first left. */
export interface PathReach {
  /** The smallest and largest drawable w of the path (w₀ included); NaN, NaN when none is. */
  readonly min: number;
  readonly max: number;
  /**
   * The first epoch k (1-based: w after k epochs; 0 is w₀) whose w is not drawable: farther than
   * `limit` from the centre, not finite, or with a cost that is not finite; and that w. Null while
   * every w is drawable.
   */
  readonly beyond: { readonly epoch: number; readonly w: number } | null;
}

interface ReachScan extends PathReach {
  readonly setup: RunState['setup'];
  readonly centre: number;
  readonly limit: number;
  /** Epochs 0…scanned − 1 have been read. */
  readonly scanned: number;
}

const reachScans = new WeakMap<ArrayBufferLike, ReachScan>();

/**
 * The drawable extent of w₀, w₁, … (w after each epoch) within `limit` of `centre`, and the first
 * epoch that is not drawable. Incremental like the summaries: playing reads only the new epochs; a
 * different run, centre or limit scans afresh.
 */
export function pathReach(run: RunState, centre: number, limit: number): PathReach {
  const ws = traceColumn(run.trace, 'w');
  const costs = traceColumn(run.trace, 'cost');
  const cached = reachScans.get(ws.buffer);
  const reuse =
    cached !== undefined &&
    cached.setup === run.setup &&
    cached.centre === centre &&
    cached.limit === limit &&
    cached.scanned <= ws.length + 1;
  let { min, max, beyond } = reuse ? cached : { min: NaN, max: NaN, beyond: null as PathReach['beyond'] };
  const from = reuse ? cached.scanned : 0;
  const length = ws.length + 1;
  const { model, init, data } = run.setup;
  for (let k = from; k < length && beyond === null; k++) {
    const w = k === 0 ? init.w : ws[k - 1]!;
    const value = k === 0 ? cost(model, init, data) : costs[k - 1]!;
    if (!(Math.abs(w - centre) <= limit) || !Number.isFinite(value)) {
      beyond = { epoch: k, w };
      break;
    }
    if (!(w >= min)) min = w;
    if (!(w <= max)) max = w;
  }
  // Once a w has left, later ones still widen nothing: the range stops where the path left.
  reachScans.set(ws.buffer, { setup: run.setup, centre, limit, scanned: length, min, max, beyond });
  return { min, max, beyond };
}

/** θ and cost after k epochs (k = 0: the start); null past the run's history. */
export function pointAt(run: RunState, k: number): { w: number; b: number; cost: number } | null {
  if (!Number.isInteger(k) || k < 0 || k > run.trace.length) return null;
  const { model, init, data } = run.setup;
  if (k === 0) return { w: init.w, b: init.b, cost: cost(model, init, data) };
  const record = epochRecord(run.trace, k - 1)!;
  return { w: record.w, b: record.b, cost: record.cost };
}

/**
 * A number in a sentence, short: 3 significant digits, in e-notation with a true minus from 10⁵ up
 * or below 10⁻³ ("−3.2e+12"); '' for a value that is not finite (the caller says so in words).
 */
export function formatCompact(value: number): string {
  if (!Number.isFinite(value)) return '';
  const magnitude = Math.abs(value);
  const text =
    magnitude !== 0 && (magnitude >= 1e5 || magnitude < 1e-3)
      ? value.toExponential(1)
      : String(Number(value.toPrecision(3)));
  return text.replace(/^-/, '−');
}

/**
 * The epochs the loss chart's tooltip snaps to, as chart rows: every epoch 0…last, or every s-th
 * (s = ⌈last / MAX_LOSS_POINTS⌉) and the last one on a longer axis. They depend on the axis only,
 * so the chart's data stay the same while the runs play.
 */
export function tooltipRows(last: number): { readonly epoch: number }[] {
  const step = Math.max(1, Math.ceil(last / MAX_LOSS_POINTS));
  const rows: { epoch: number }[] = [];
  for (let epoch = 0; epoch < last; epoch += step) rows.push({ epoch });
  rows.push({ epoch: Math.max(0, last) });
  return rows;
}
