/**
 * Editing the data set by hand: moving, adding and removing points, reading a table of typed cells
 * (and keeping its unfinished cells when the data change elsewhere), and which preset the data are.
 * Pasted blocks of numbers are read in paste.ts. Pure functions on plain arrays: nothing here
 * mutates its input, and nothing here knows about the DOM (the data plot's view is in
 * components/data/dataPlotGeometry.ts).
 */
import type { Dataset } from './dataset';
import { optimum } from './fit';
import { predict, type ModelKind } from './model';
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
