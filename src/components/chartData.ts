/**
 * What the charts draw, computed from the runs without React: run colours, the cost history per run,
 * its downsampled rows in linear or log view, the y domains and ticks, and axis labels.
 */
import {
  cost,
  epochOrder,
  epochRecord,
  extendMinMax,
  minMaxExtent,
  minMaxPicks,
  traceColumn,
  type MinMaxSummary,
  type RunState,
} from '../core';
import type { PlaygroundState, RunId } from '../store/playground';

/** One hue per run, shared by every panel: GD blue, SGD orange. */
export const RUN_COLORS: Readonly<Record<RunId, string>> = {
  gd: '#2563eb',
  sgd: '#ea580c',
  minibatch: '#7c3aed',
};

/** The same colours through the theme's --gd / --sgd variables (lighter in dark mode), for CSS and SVG. */
export const RUN_COLOR_VARS: Readonly<Record<RunId, string>> = {
  gd: `var(--gd, ${RUN_COLORS.gd})`,
  sgd: `var(--sgd, ${RUN_COLORS.sgd})`,
  minibatch: `var(--minibatch, ${RUN_COLORS.minibatch})`,
};

/** Theme-aware axis and grid styling (CSS variables with light fallbacks) shared by the charts. */
export const CHART_THEME = {
  grid: 'var(--chart-grid, #e2e8f0)',
  axis: 'var(--chart-axis, #94a3b8)',
  text: 'var(--chart-text, #334155)',
  curve: 'var(--chart-curve, var(--text, #0f172a))',
  tangent: 'var(--chart-tangent, #16a34a)',
} as const;

/** Tick labels: theme text colour, 12px. */
export const AXIS_TICK = { fill: CHART_THEME.text, fontSize: 12 } as const;

/** At most this many points of one series are drawn; the data are never truncated. */
export const MAX_LOSS_POINTS = 1000;

/** The landscape draws at most this many dots of the path so far. */
export const MAX_PATH_DOTS = 200;

/** At most this many per-sample curves behind the cost (the highlighted one always among them). */
export const MAX_SAMPLE_CURVES = 12;

/**
 * The sample SGD's latest update used (a selector: returns a number, so it never re-renders for
 * nothing): mid-epoch the cursor's last update, pendingUpdates[sampleCursor − 1].indices[0]; between
 * epochs the last sample of the last completed epoch (data-set order: n − 1); null before the first
 * update and for GD.
 */
export function latestSample(s: PlaygroundState, id: RunId): number | null {
  if (id !== 'sgd') return null;
  if (s.sampleCursor > 0) return s.pendingUpdates[s.sampleCursor - 1]?.indices[0] ?? null;
  const run = s.runs.sgd;
  if (run.epoch === 0) return null;
  const n = run.setup.data.xs.length;
  // Without shuffling the order is 0…n−1; skip building it on every store update.
  if (!run.setup.optimizer.shuffle) return n - 1;
  return epochOrder(run.setup.optimizer, n, run.epoch - 1)[n - 1] ?? null;
}

/** In linear view the y axis stops at this multiple of the initial cost; a diverging run leaves the top. */
export const LINEAR_CAP_FACTOR = 2;

/**
 * In linear view a drawn value is at most this multiple of the axis top: a line leaving through the
 * top looks the same (sub-pixel), and SVG coordinates stay far below float32's limit.
 */
export const OVERFLOW_CEILING = 1000;

export type LossScale = 'linear' | 'log';

/** A series worth drawing: its value at epoch 0, and the epochs picked to draw with their values. */
export interface LossSeries {
  readonly initial: number;
  readonly picks: readonly number[];
  readonly values: readonly number[];
}

/** One series as drawn: epochs and values in the y axis' units (linear: cost; log: log₁₀ cost). */
export interface LossLine {
  readonly epochs: readonly number[];
  readonly values: readonly number[];
}

export interface LossChartModel {
  /** Per series ('gd', 'sgd', 'minibatch' or a pin's id): the points drawn, non-finite costs left out. */
  readonly lines: Readonly<Record<string, LossLine>>;
  readonly domain: readonly [number, number];
  readonly ticks: number[];
  /** Points drawn per series. */
  readonly drawn: Readonly<Record<string, number>>;
  /** Series with a drawn value above the top of the chart (linear view). */
  readonly aboveChart: Readonly<Record<string, boolean>>;
  /** Where a cost sits on the y axis, as the lines draw it; null for a cost the chart can't show. */
  readonly toAxis: (cost: number) => number | null;
}

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

/**
 * w₀ then w after each epoch, thinned to at most maxPoints picks, and the extremes of the whole
 * path: the smallest and largest finite w, and NaN too when some w is not finite (what
 * landscapeRange needs to see of a trajectory).
 */
export function weightPath(
  run: RunState,
  maxPoints = MAX_PATH_DOTS,
): { readonly ws: readonly number[]; readonly extremes: readonly number[] } {
  const recorded = traceColumn(run.trace, 'w');
  const w0 = run.setup.init.w;
  const valueAt = (k: number): number => (k === 0 ? w0 : recorded[k - 1]!);
  const summary = summaryOf(run, recorded, `w:${maxPoints}`, valueAt, maxPoints);
  const { min, max } = minMaxExtent(summary, valueAt);
  const extremes = [min, max].filter((w) => Number.isFinite(w));
  if (summary.nonFinite) extremes.push(NaN);
  return { ws: minMaxPicks(summary, valueAt).map(valueAt), extremes };
}

/** θ and cost after k epochs (k = 0: the start); null past the run's history. */
export function pointAt(run: RunState, k: number): { w: number; b: number; cost: number } | null {
  if (!Number.isInteger(k) || k < 0 || k > run.trace.length) return null;
  const { model, init, data } = run.setup;
  if (k === 0) return { w: init.w, b: init.b, cost: cost(model, init, data) };
  const record = epochRecord(run.trace, k - 1)!;
  return { w: record.w, b: record.b, cost: record.cost };
}

/** A step of 1, 2 or 5 × 10ᵏ near `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = Math.pow(10, Math.floor(Math.log10(rough)));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

const tidy = (x: number): number => Number(x.toPrecision(12));

/** Ticks 0, s, 2s, … up to the first multiple of a nice step s at or above `top` (about 5 of them). */
export function linearTicks(top: number, count = 5): number[] {
  const step = niceStep(top / count);
  const steps = Math.max(1, Math.ceil(tidy(top / step)));
  return Array.from({ length: steps + 1 }, (_, k) => tidy(k * step));
}

/** Nice ticks (a step of 1, 2 or 5 × 10ᵏ) inside [min, max], about `count` of them. */
export function ticksBetween(min: number, max: number, count = 5): number[] {
  if (!(max > min) || !Number.isFinite(min) || !Number.isFinite(max)) return [];
  const step = niceStep((max - min) / count);
  const first = Math.ceil(tidy(min / step));
  const last = Math.floor(tidy(max / step));
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(tidy(k * step));
  return ticks;
}

/**
 * Ticks on whole decades inside [lo, hi] (integers, lo < hi): every 1, 2, 5, 10, 20, 25, 50, 100 or
 * 200 decades, the smallest step leaving at most `count` intervals (so at least 3 ticks once the
 * span exceeds `count` decades).
 */
export function decadeTicks(lo: number, hi: number, count = 8): number[] {
  const span = Math.max(1, hi - lo);
  let step = 1;
  for (const candidate of [1, 2, 5, 10, 20, 25, 50, 100, 200]) {
    step = candidate;
    if (span / candidate <= count) break;
  }
  const ticks: number[] = [];
  for (let d = Math.ceil(lo / step) * step; d <= hi; d += step) ticks.push(d);
  return ticks;
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** 10 to an integer power, written with superscripts: 10⁻⁵, 10⁰, 10³⁰⁷. */
export function powerOfTen(exponent: number): string {
  const digits = String(Math.round(exponent));
  return `10${[...digits].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
}

/** A short axis label: up to 4 significant digits, as m×10ᵏ beyond 10⁵ or below 10⁻³. */
export function formatTick(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-3) {
    const [mantissa = '0', exponent = '0'] = value.toExponential(2).split('e');
    const trimmed = mantissa.replace(/\.?0+$/, '');
    const power = powerOfTen(Number(exponent));
    return trimmed === '1' ? power : trimmed === '-1' ? `−${power}` : `${trimmed}×${power}`;
  }
  return String(Number(value.toPrecision(4)));
}

/**
 * The lines, y domain and ticks of the loss chart. Linear: y = cost on [0, top], where top is the
 * largest drawn cost but at most LINEAR_CAP_FACTOR × the initial cost, rounded up to a tick.
 * Values above the top are drawn at most OVERFLOW_CEILING × top (still off the chart).
 * Log: y = log₁₀(cost) on whole decades around the drawn values, ticks labelled 10ᵏ; a cost ≤ 0
 * (log = −∞) is pinned to the bottom edge. Only finite numbers ever reach the chart.
 */
export function lossChartModel(
  series: Readonly<Record<string, LossSeries>>,
  scale: LossScale,
): LossChartModel {
  const ids = Object.keys(series);
  const of = (id: string): LossSeries => series[id]!;
  const aboveChart: Record<string, boolean> = Object.fromEntries(ids.map((id) => [id, false]));
  const linesOf = (toAxis: (cost: number) => number | null): Record<string, LossLine> =>
    Object.fromEntries(
      ids.map((id) => {
        const { picks, values: costs } = of(id);
        const epochs: number[] = [];
        const values: number[] = [];
        picks.forEach((k, i) => {
          const value = toAxis(costs[i]!);
          if (value === null) return;
          epochs.push(k);
          values.push(value);
        });
        return [id, { epochs, values }];
      }),
    );
  const model = (
    domain: readonly [number, number],
    ticks: number[],
    toAxis: (cost: number) => number | null,
  ): LossChartModel => {
    const lines = linesOf(toAxis);
    const drawn = Object.fromEntries(ids.map((id) => [id, lines[id]!.values.length]));
    return { lines, domain, ticks, drawn, aboveChart, toAxis };
  };

  if (scale === 'linear') {
    let initial = 0;
    let highest = 0;
    for (const id of ids) {
      const { initial: first, values } = of(id);
      if (Number.isFinite(first)) initial = Math.max(initial, first);
      for (const value of values) if (Number.isFinite(value)) highest = Math.max(highest, value);
    }
    const cap = LINEAR_CAP_FACTOR * initial;
    let top = cap > 0 && highest > cap ? cap : highest;
    if (!(top > 0) || !Number.isFinite(top)) top = 1;
    const ticks = linearTicks(top);
    const domainTop = ticks[ticks.length - 1]!;
    for (const id of ids) {
      aboveChart[id] = of(id).values.some((value) => Number.isFinite(value) && value > domainTop);
    }
    // A cost of 1e300 would put a path coordinate past what a browser parses (Chrome rejects the
    // whole path); far above the top, any height looks the same, so drawn values stop there.
    const ceiling = domainTop * OVERFLOW_CEILING;
    return model([0, domainTop], ticks, (cost) => (Number.isFinite(cost) ? Math.min(cost, ceiling) : null));
  }

  const log = (cost: number): number | null => (Number.isFinite(cost) && cost > 0 ? Math.log10(cost) : null);
  let lowest = Infinity;
  let highest = -Infinity;
  for (const id of ids) {
    for (const value of of(id).values) {
      const y = log(value);
      if (y === null) continue;
      lowest = Math.min(lowest, y);
      highest = Math.max(highest, y);
    }
  }
  if (!Number.isFinite(lowest)) {
    lowest = 0;
    highest = 1;
  }
  const bottom = Math.floor(lowest);
  const top = Math.max(bottom + 1, Math.ceil(highest));
  const ticks = decadeTicks(bottom, top);
  return model([bottom, top], ticks, (cost) => (Number.isFinite(cost) ? (log(cost) ?? bottom) : null));
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
