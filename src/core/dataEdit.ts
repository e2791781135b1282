/**
 * Editing the data set by hand: moving, adding and removing points, reading a table of typed cells
 * (and keeping its unfinished cells when the data change elsewhere), and the view of the data plot.
 * Pasted blocks of numbers are read in paste.ts. Pure functions on plain arrays: nothing
 * here mutates its input, and nothing here knows about the DOM.
 */
import type { Dataset } from './dataset';
import { optimum } from './fit';
import { predict, type ModelKind, type Params } from './model';
import { parseNumber } from './parse';
import { PRESET_IDS, presetData, type PresetId } from './presets';
import { pyFloat } from './pyrepr';
import { LIMITS } from './validate';

// The paste reader is part of editing the data: one public face (index.ts re-exports this module).
export * from './paste';
export * from './pasteBlock';

export interface DataPoint {
  readonly x: number;
  readonly y: number;
}

/**
 * Rounds to 2 decimals, as a dragged or nudged point is stored (4.1, not 4.1000000000000005). Values
 * too large to have decimals, and non-finite ones, come back unchanged; -0 comes back as 0.
 */
export function roundTo2(value: number): number {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e15) return value;
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}

/** The data with one more point at the end; null when it already holds `max` points. */
export function addPoint(data: Dataset, point: DataPoint, max: number = LIMITS.maxPoints): Dataset | null {
  if (data.xs.length >= max) return null;
  return { xs: [...data.xs, point.x], ys: [...data.ys, point.y] };
}

/** The data with point `index` at `point`; the data unchanged when there is no such point. */
export function movePoint(data: Dataset, index: number, point: DataPoint): Dataset {
  if (!isIndex(data, index)) return data;
  const xs = [...data.xs];
  const ys = [...data.ys];
  xs[index] = point.x;
  ys[index] = point.y;
  return { xs, ys };
}

/** Point `index` moved by (dx, dy), the result rounded to 2 decimals (a key press moves by 0.1 or 1). */
export function nudgePoint(data: Dataset, index: number, dx: number, dy: number): Dataset {
  if (!isIndex(data, index)) return data;
  return movePoint(data, index, { x: roundTo2(data.xs[index]! + dx), y: roundTo2(data.ys[index]! + dy) });
}

/** The data without point `index`; null when that would leave no point, or there is no such point. */
export function removePoint(data: Dataset, index: number): Dataset | null {
  if (data.xs.length <= 1 || !isIndex(data, index)) return null;
  return { xs: data.xs.filter((_, i) => i !== index), ys: data.ys.filter((_, i) => i !== index) };
}

/**
 * A sensible point to append: one average gap beyond the largest x (a gap of 1 for a single point),
 * on the least-squares line of the data, both rounded to 2 decimals. The lecture's data gives (4, 8).
 */
export function nextPoint(data: Dataset, model: ModelKind): DataPoint {
  const n = data.xs.length;
  if (n === 0) return { x: 1, y: 0 };
  let min = Infinity;
  let max = -Infinity;
  for (const x of data.xs) {
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  const gap = n > 1 && max > min ? (max - min) / (n - 1) : 1;
  const x = roundTo2(max + gap);
  const y = roundTo2(predict(model, optimum(model, data), x));
  return { x, y: Number.isFinite(y) ? y : 0 };
}

function isIndex(data: Dataset, index: number): boolean {
  return Number.isInteger(index) && index >= 0 && index < data.xs.length && index < data.ys.length;
}

// ---------------------------------------------------------------------------------------------
// The table: one row of typed text per point.

export type DataColumn = 'x' | 'y';

/** One row of the table as typed. */
export interface TableRow {
  readonly x: string;
  readonly y: string;
}

/** A cell that does not hold a number. */
export interface CellProblem {
  /** The point (0-based). */
  readonly row: number;
  readonly column: DataColumn;
  readonly reason: 'empty' | 'not-a-number';
}

export interface RowsParse {
  /** The values of the rows, meaningful only when `problems` is empty (a bad cell reads as NaN). */
  readonly xs: number[];
  readonly ys: number[];
  readonly problems: CellProblem[];
}

/** The numbers of a typed table (full-width digits accepted), with every cell that is not one. */
export function parseRows(rows: readonly TableRow[]): RowsParse {
  const xs: number[] = [];
  const ys: number[] = [];
  const problems: CellProblem[] = [];
  rows.forEach((row, index) => {
    for (const column of ['x', 'y'] as const) {
      const parsed = parseNumber(row[column]);
      (column === 'x' ? xs : ys).push(parsed.ok ? parsed.value : NaN);
      if (!parsed.ok) problems.push({ row: index, column, reason: parsed.reason });
    }
  });
  return { xs, ys, problems };
}

// ---------------------------------------------------------------------------------------------
// The table while it is being edited: typed rows that are not (all) in use yet.

/** A row of the table being edited: its text, and the point of the data it was made against. */
export interface DraftRow extends TableRow {
  /** The index of that point; null for a row added in the table and not in use yet. */
  readonly origin: number | null;
}

/** The table of `data` as the numbers are shown when nobody is typing: one row per point. */
export function tableRows(data: Dataset): DraftRow[] {
  return data.xs.map((x, i) => ({ x: pyFloat(x), y: pyFloat(data.ys[i] ?? NaN), origin: i }));
}

/** Whether a cell says something other than its point of `base`: typed, and not in use. */
function cellEdited(row: DraftRow, column: DataColumn, base: Dataset): boolean {
  if (row.origin === null) return true;
  const parsed = parseNumber(row[column]);
  const value = (column === 'x' ? base.xs : base.ys)[row.origin];
  return !parsed.ok || value === undefined || !Object.is(parsed.value, value);
}

/** Whether the rows say anything other than `base`: a typed cell, a row added or removed. */
export function draftDiffers(rows: readonly DraftRow[], base: Dataset): boolean {
  if (rows.length !== base.xs.length) return true;
  return rows.some((row, i) => row.origin !== i || cellEdited(row, 'x', base) || cellEdited(row, 'y', base));
}

/**
 * Where each point of `before` is in `after`, when `after` is `before` with one point moved, added or
 * removed (what the data plot does): its index there, or null for the removed point. Null when
 * `after` differs in any other way (a preset, a paste): then nothing lines up.
 */
export function alignData(before: Dataset, after: Dataset): (number | null)[] | null {
  const n = before.xs.length;
  const m = after.xs.length;
  const same = (i: number, j: number) =>
    Object.is(before.xs[i], after.xs[j]) && Object.is(before.ys[i], after.ys[j]);
  const indices = before.xs.map((_, i) => i);
  if (m === n) {
    return indices.filter((i) => !same(i, i)).length <= 1 ? indices : null;
  }
  if (Math.abs(m - n) !== 1) return null;
  let k = 0;
  while (k < Math.min(n, m) && same(k, k)) k++;
  const shift = m > n ? 1 : -1;
  // From the first difference on, the rest must be the same points, one place later or earlier.
  for (let i = m > n ? k : k + 1; i < n; i++) if (!same(i, i + shift)) return null;
  return indices.map((i) => (i < k ? i : m < n && i === k ? null : i + shift));
}

/** A typed cell the table could not keep. */
export interface DroppedCell {
  /** Its row in the table before (0-based). */
  readonly row: number;
  readonly column: DataColumn;
  readonly text: string;
}

export interface RebasedDraft {
  /** The rows to show; null when they would say nothing but `after` (nothing of their own is left). */
  readonly rows: DraftRow[] | null;
  /** Typed cells that went: their point was removed elsewhere, or `after` replaced the data. */
  readonly dropped: DroppedCell[];
  /** Whether `after` replaced the data (nothing lined up), rather than moved, added or removed a point. */
  readonly replaced: boolean;
}

/**
 * The table after the data changed elsewhere from `before` (what the rows were made against) to
 * `after`. When one point was moved, added or removed (alignData), every typed cell stays in the row
 * of its point, the other cells show `after`, a point added elsewhere gets its row, and rows added or
 * removed in the table stay so. A typed cell whose point was removed, or every typed cell when
 * `after` replaced the data, is dropped, and said so.
 */
export function rebaseDraft(rows: readonly DraftRow[], before: Dataset, after: Dataset): RebasedDraft {
  const edits = (row: DraftRow) => (['x', 'y'] as const).filter((c) => cellEdited(row, c, before));
  const dropped: DroppedCell[] = [];
  const drop = (row: DraftRow, index: number) => {
    for (const column of edits(row)) dropped.push({ row: index, column, text: row[column] });
  };
  const map = alignData(before, after);
  if (map === null) {
    rows.forEach(drop);
    return { rows: null, dropped, replaced: true };
  }
  const fresh = tableRows(after);
  const out: DraftRow[] = [];
  // Points of `after` the rows account for: kept, or removed in the table (they stay removed).
  const covered = new Set<number>();
  const inTable = new Set(rows.map((row) => row.origin));
  map.forEach((target, i) => {
    if (target !== null && !inTable.has(i)) covered.add(target);
  });
  rows.forEach((row, index) => {
    const target = row.origin === null ? null : map[row.origin];
    if (row.origin === null) {
      out.push(row);
    } else if (target === null || target === undefined) {
      drop(row, index);
    } else {
      covered.add(target);
      let next = fresh[target]!;
      for (const column of edits(row)) next = { ...next, [column]: row[column] };
      out.push(next);
    }
  });
  fresh.forEach((row, j) => {
    if (covered.has(j)) return;
    // After the last row of a point before it: a point added at the end goes before the table's
    // own new rows.
    let at = 0;
    out.forEach((other, k) => {
      if (other.origin !== null && other.origin < j) at = k + 1;
    });
    out.splice(at, 0, row);
  });
  return { rows: draftDiffers(out, after) ? out : null, dropped, replaced: false };
}

// ---------------------------------------------------------------------------------------------
// Presets: which one the data are.

/** The preset (at `seed`) whose data these are exactly, or null for data of one's own. */
export function matchingPreset(data: Dataset, seed: number): PresetId | null {
  for (const id of PRESET_IDS) {
    const preset = presetData(id, seed);
    if (sameData(preset, data)) return id;
  }
  return null;
}

/** The same points in the same order. */
export function sameData(a: Dataset, b: Dataset): boolean {
  if (a.xs.length !== b.xs.length || a.ys.length !== b.ys.length) return false;
  for (let i = 0; i < a.xs.length; i++) {
    if (!Object.is(a.xs[i], b.xs[i]) || !Object.is(a.ys[i], b.ys[i])) return false;
  }
  return true;
}

/** Presets whose data are drawn from a seed: "New noise" applies to these. */
export const NOISY_PRESETS: readonly PresetId[] = ['noisy', 'noisy50', 'offset'];

/** The seed after `seed`, wrapping within the 32-bit range the settings allow. */
export function nextSeed(seed: number): number {
  return Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32 - 1 ? seed + 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// The view of the data plot.

/** A rectangle in data units: x from x0 to x1, y from y0 to y1 (x0 < x1, y0 < y1). */
export interface PlotBounds {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/**
 * The smallest rectangle holding every point, and the origin for the model y = w·x (whose line passes
 * through it). Null for no finite point.
 */
export function contentBounds(data: Dataset, model: ModelKind): PlotBounds | null {
  let x0 = model === 'w' ? 0 : Infinity;
  let x1 = model === 'w' ? 0 : -Infinity;
  let y0 = x0;
  let y1 = x1;
  let any = false;
  const n = Math.min(data.xs.length, data.ys.length);
  for (let i = 0; i < n; i++) {
    const x = data.xs[i]!;
    const y = data.ys[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    any = true;
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  return any ? { x0, x1, y0, y1 } : null;
}

/** Padding around the content, as a fraction of its span on each side. */
export const VIEW_PADDING = 0.1;

function padded(lo: number, hi: number, padding: number): [number, number] {
  const span = hi - lo;
  // A single value (one point, or all on a vertical or horizontal line): a unit around it, wider for
  // large values, so there is always room to drag.
  if (!(span > 0)) {
    const half = Math.max(1, Math.abs(lo) * 0.25);
    return [lo - half, hi + half];
  }
  return [lo - span * padding, hi + span * padding];
}

/**
 * The view of the data plot: the content bounds (points, and the origin for y = w·x) with
 * VIEW_PADDING on every side. The lecture's data give x ∈ [−0.3, 3.3], y ∈ [−0.6, 6.6].
 */
export function dataView(data: Dataset, model: ModelKind, padding: number = VIEW_PADDING): PlotBounds {
  const content = contentBounds(data, model) ?? { x0: 0, x1: 1, y0: 0, y1: 1 };
  const [x0, x1] = padded(content.x0, content.x1, padding);
  const [y0, y1] = padded(content.y0, content.y1, padding);
  return { x0, x1, y0, y1 };
}

/**
 * Whether a view shown already can stay for new content, so the plot does not rescale under the
 * pointer at every small change: the content lies inside the view, `margin` of a span clear of each
 * edge, and the view is at most `zoomOut` times as wide and as tall as the one dataView would choose.
 */
export function viewFits(view: PlotBounds, content: PlotBounds, margin = 0.02, zoomOut = 2): boolean {
  const w = view.x1 - view.x0;
  const h = view.y1 - view.y0;
  const inside =
    content.x0 >= view.x0 + margin * w &&
    content.x1 <= view.x1 - margin * w &&
    content.y0 >= view.y0 + margin * h &&
    content.y1 <= view.y1 - margin * h;
  if (!inside) return false;
  const [fx0, fx1] = padded(content.x0, content.x1, VIEW_PADDING);
  const [fy0, fy1] = padded(content.y0, content.y1, VIEW_PADDING);
  return w <= zoomOut * (fx1 - fx0) && h <= zoomOut * (fy1 - fy0);
}

/**
 * The part of the line ŷ = w·x (+ b) inside `view`, from left to right; null when the line misses
 * the view or its parameters are not finite (a diverged run).
 */
export function clipLine(
  model: ModelKind,
  params: Params,
  view: PlotBounds,
): readonly [DataPoint, DataPoint] | null {
  if (!Number.isFinite(params.w) || (model === 'wb' && !Number.isFinite(params.b))) return null;
  const ya = predict(model, params, view.x0);
  const yb = predict(model, params, view.x1);
  if (!Number.isFinite(ya) || !Number.isFinite(yb)) return null;
  let t0 = 0;
  let t1 = 1;
  const dy = yb - ya;
  if (!Number.isFinite(dy)) return null;
  if (dy === 0) {
    if (ya < view.y0 || ya > view.y1) return null;
  } else {
    const ta = (view.y0 - ya) / dy;
    const tb = (view.y1 - ya) / dy;
    t0 = Math.max(t0, Math.min(ta, tb));
    t1 = Math.min(t1, Math.max(ta, tb));
    if (!(t0 <= t1)) return null;
  }
  const span = view.x1 - view.x0;
  const at = (t: number): DataPoint => {
    const x = view.x0 + t * span;
    return { x, y: predict(model, params, x) };
  };
  return [at(t0), at(t1)];
}
