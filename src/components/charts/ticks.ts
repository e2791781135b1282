/**
 * Axis ticks and their labels: round values on a linear axis (d3-array), whole decades on a log axis,
 * labels short enough for an axis, and the room a y axis needs for them.
 */
import { tickStep, ticks } from 'd3-array';

/** The charts' tick labels are 12 px (more when presenting: see useSvgTextPx). */
export const TICK_FONT_PX = 12;

/**
 * Round ticks inside [min, max] at most `count` intervals apart: the step is the smallest of 1, 2 or
 * 5 × 10ᵏ at or above (max − min)/count, and every tick an exact multiple of it (d3's ticks). d3
 * alone rounds the step to the nearest round one, which can crowd a narrow axis with labels; a step
 * it rounded down is moved up to the next round one, tickStep(0, 2.1·step, 1) (2.1·1 → 2, 2.1·2 → 5,
 * 2.1·5 → 10). Empty for an empty or non-finite range.
 */
export function linearTicks(min: number, max: number, count: number): number[] {
  const wanted = (max - min) / Math.max(1, count);
  if (!(wanted > 0) || !Number.isFinite(wanted)) return [];
  let step = tickStep(min, max, Math.max(1, count));
  // Within rounding of the wanted step (1.2/6 is 0.20000000000000004) it is that step.
  if (step < wanted * (1 - 1e-9)) step = tickStep(0, 2.1 * step, 1);
  return ticks(min, max, (max - min) / step);
}

/**
 * At most about one tick interval every `spacingPx` along an axis `lengthPx` long, and never fewer
 * than `least`: max(least, round(length / spacing)), the count to give linearTicks.
 */
export const tickCount = (lengthPx: number, spacingPx: number, least = 2): number =>
  Math.max(least, Math.round(lengthPx / spacingPx));

/**
 * Ticks of a log axis drawn in decades (its values are log₁₀ of the data): whole numbers inside
 * [lo, hi] (integers, lo < hi), every 1, 2, 5, 10, 20, 25, 50, 100 or 200 decades, the smallest step
 * leaving at most `count` intervals (so at least 3 ticks once the span exceeds `count` decades).
 * d3's log ticks would add 2×, 3×, … 9× of each decade, which a long axis has no room to label.
 */
export function decadeTicks(lo: number, hi: number, count = 8): number[] {
  const span = Math.max(1, hi - lo);
  let step = 1;
  for (const candidate of [1, 2, 5, 10, 20, 25, 50, 100, 200]) {
    step = candidate;
    if (span / candidate <= count) break;
  }
  const decades: number[] = [];
  for (let d = Math.ceil(lo / step) * step; d <= hi; d += step) decades.push(d);
  return decades;
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
 * Room for a y axis whose tick labels are `labels` in type of `fontPx` (12 px on a laptop, 20 px or
 * more when presenting): up to 0.63 em a character (the digits of DejaVu Sans, Linux's default),
 * plus the tick and the rotated axis name beside them, so that "15000" or "6×10¹¹" does not run
 * into "cost": max(least, ⌈longest·0.63·fontPx + 1.2·fontPx + 16⌉).
 */
export function axisWidth(labels: readonly string[], fontPx: number = TICK_FONT_PX, least = 56): number {
  let longest = 0;
  for (const label of labels) longest = Math.max(longest, [...label].length);
  return Math.max(least, Math.ceil(longest * 0.63 * fontPx + 1.2 * fontPx + 16));
}
