/**
 * The loss chart's y axis and lines, computed from the runs' (thinned) cost series without React:
 * linear or log, or 'auto' (linear until a cost grows AUTO_LOG_FACTOR-fold past the start, then log,
 * saying so). Every axis reaches the largest cost drawn, so no line ever leaves the chart through
 * its top, and only finite numbers reach the SVG.
 */
import { scaleLinear } from 'd3-scale';
import { decadeTicks } from './toolkit';

export type LossScale = 'linear' | 'log';

/** What the reader asked for: a scale, or 'auto' (the chart picks, and says so when it turns to log). */
export type LossScaleChoice = LossScale | 'auto';

/**
 * In 'auto', the axis turns to log once some drawn cost is this many times the largest initial
 * cost: a diverging run's growth is still seen on a linear axis at first (the hockey stick), then
 * the log axis keeps the converging run readable beside it instead of flattening it onto zero.
 */
export const AUTO_LOG_FACTOR = 10;

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
  /** The scale drawn: the reader's choice, or what 'auto' picked. */
  readonly scale: LossScale;
  /**
   * In 'auto' after turning to log: how many times the largest initial cost the largest drawn cost
   * is (≥ AUTO_LOG_FACTOR, finite); null otherwise.
   */
  readonly growth: number | null;
  /** Per series ('gd', 'sgd', 'minibatch' or a pin's id): the points drawn, non-finite costs left out. */
  readonly lines: Readonly<Record<string, LossLine>>;
  readonly domain: readonly [number, number];
  /** Tick values in axis units, ascending; the last one is at or above every drawn value. */
  readonly ticks: number[];
  /** Points drawn per series. */
  readonly drawn: Readonly<Record<string, number>>;
  /** Where a cost sits on the y axis, as the lines draw it; null for a cost the chart can't show. */
  readonly toAxis: (cost: number) => number | null;
}

const TICK_COUNT = 5;

/**
 * A linear axis from 0 to at least `highest` (> 0, finite): d3's nice domain and its ticks, about
 * five, the last one the top. Near the largest double the nice top would overflow to Infinity; then
 * the top is `highest` itself, given a tick of its own (the one below dropped if it would crowd it).
 */
export function linearAxis(highest: number): { readonly top: number; readonly ticks: number[] } {
  // The chart asks again every frame for the same highest cost (the start's, mostly): d3's nice()
  // was a few milliseconds of each of the run's first frames at 4× CPU.
  if (lastAxis === null || !Object.is(lastAxis.highest, highest))
    lastAxis = { highest, ...niceLinearAxis(highest) };
  return { top: lastAxis.top, ticks: [...lastAxis.ticks] };
}

let lastAxis: { readonly highest: number; readonly top: number; readonly ticks: readonly number[] } | null =
  null;

function niceLinearAxis(highest: number): { readonly top: number; readonly ticks: number[] } {
  const wanted = highest > 0 && Number.isFinite(highest) ? highest : 1;
  const scale = scaleLinear().domain([0, wanted]).nice(TICK_COUNT);
  const top = scale.domain()[1]!;
  const ticks = scale.ticks(TICK_COUNT);
  if (Number.isFinite(top) && top >= wanted) {
    const last = ticks[ticks.length - 1];
    if (last === undefined || last < top) ticks.push(top);
    return { top, ticks };
  }
  const inside = scaleLinear().domain([0, wanted]).ticks(TICK_COUNT);
  const step = inside.length > 1 ? inside[1]! - inside[0]! : wanted;
  while (inside.length > 1 && wanted - inside[inside.length - 1]! < step / 2) inside.pop();
  return { top: wanted, ticks: [...inside, wanted] };
}

/**
 * A log axis (in decades) around [lowest, highest] (log₁₀ of the drawn costs): whole decades, its
 * ends moved out to ticks so that the labels span every drawn value.
 */
export function logAxis(
  lowest: number,
  highest: number,
): { readonly domain: readonly [number, number]; readonly ticks: number[] } {
  let bottom = Math.floor(lowest);
  let top = Math.max(bottom + 1, Math.ceil(highest));
  const ticks = decadeTicks(bottom, top);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1;
  if (ticks.length === 0) ticks.push(bottom);
  if (ticks[0]! > bottom) ticks.unshift((bottom = ticks[0]! - step));
  if (ticks[ticks.length - 1]! < top) ticks.push((top = ticks[ticks.length - 1]! + step));
  return { domain: [bottom, top], ticks };
}

/**
 * The lines, y domain and ticks of the loss chart. Linear: y = cost on [0, top], top the nice round
 * number at or above the largest drawn cost (the axis grows with a diverging run). Log: y =
 * log₁₀(cost) on whole decades around the drawn values, ticks labelled 10ᵏ; a cost ≤ 0 (log = −∞)
 * is pinned to the bottom edge. 'auto': linear until the largest drawn cost is AUTO_LOG_FACTOR times
 * the largest initial cost, log from then on (with `growth` set, for the chart to say so).
 */
export function lossChartModel(
  series: Readonly<Record<string, LossSeries>>,
  choice: LossScaleChoice,
): LossChartModel {
  const ids = Object.keys(series);
  const of = (id: string): LossSeries => series[id]!;
  let initial = 0;
  let highest = 0;
  for (const id of ids) {
    const { initial: first, values } = of(id);
    if (Number.isFinite(first)) initial = Math.max(initial, first);
    for (const value of values) if (Number.isFinite(value)) highest = Math.max(highest, value);
  }
  const ratio = initial > 0 ? highest / initial : 0;
  const turnsLog = choice === 'auto' && ratio >= AUTO_LOG_FACTOR && Number.isFinite(ratio);
  const scale: LossScale = choice === 'auto' ? (turnsLog ? 'log' : 'linear') : choice;

  const model = (
    domain: readonly [number, number],
    ticks: number[],
    toAxis: (cost: number) => number | null,
  ): LossChartModel => {
    const lines: Record<string, LossLine> = {};
    const drawn: Record<string, number> = {};
    for (const id of ids) {
      const { picks, values: costs } = of(id);
      const epochs: number[] = [];
      const values: number[] = [];
      picks.forEach((k, i) => {
        const value = toAxis(costs[i]!);
        if (value === null) return;
        epochs.push(k);
        values.push(value);
      });
      lines[id] = { epochs, values };
      drawn[id] = values.length;
    }
    return { scale, growth: turnsLog ? ratio : null, lines, domain, ticks, drawn, toAxis };
  };

  if (scale === 'linear') {
    const { top, ticks } = linearAxis(highest);
    return model([0, top], ticks, (cost) => (Number.isFinite(cost) ? cost : null));
  }

  const log = (cost: number): number | null => (Number.isFinite(cost) && cost > 0 ? Math.log10(cost) : null);
  let lowest = Infinity;
  let highestLog = -Infinity;
  for (const id of ids) {
    for (const value of of(id).values) {
      const y = log(value);
      if (y === null) continue;
      lowest = Math.min(lowest, y);
      highestLog = Math.max(highestLog, y);
    }
  }
  if (!Number.isFinite(lowest)) {
    lowest = 0;
    highestLog = 1;
  }
  const { domain, ticks } = logAxis(lowest, highestLog);
  const bottom = domain[0];
  return model(domain, ticks, (cost) => (Number.isFinite(cost) ? (log(cost) ?? bottom) : null));
}
