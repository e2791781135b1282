/**
 * Editing the data set by hand: moving, adding and removing points, reading a table of typed cells or
 * a pasted block of numbers, and the view of the data plot. Pure functions on plain arrays: nothing
 * here mutates its input, and nothing here knows about the DOM.
 */
import type { Dataset } from './dataset';
import { optimum } from './fit';
import { predict, type ModelKind, type Params } from './model';
import { normalizeWidth, parseNumber, parseNumberList } from './parse';
import { PRESET_IDS, presetData, type PresetId } from './presets';
import { LIMITS } from './validate';

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
// Pasted or typed blocks of numbers.

export type PasteProblem =
  /** A cell that is not a number: in a row of the rows layout, or at a point of a column's list. */
  | {
      readonly kind: 'not-a-number';
      /** 1-based line of the text. */
      readonly line: number;
      readonly column: DataColumn;
      /** The point (0-based) the cell would have been. */
      readonly point: number;
      readonly text: string;
    }
  /** A row of the rows layout without exactly two cells. */
  | { readonly kind: 'cell-count'; readonly line: number; readonly count: number }
  /** The columns layout with a different count of x and y values. */
  | { readonly kind: 'length-mismatch'; readonly xCount: number; readonly yCount: number }
  /** The columns layout labelled x: or y: but without the other. */
  | { readonly kind: 'missing-column'; readonly column: DataColumn };

export interface PasteParse {
  /**
   * 'rows': one point per line, x then y (two spreadsheet columns, `1, 2`, `1 2`);
   * 'columns': the x values, then the y values (`x: 1, 2, 3` and `y: 2, 4, 6`, or two unlabelled lines
   * of several numbers each); 'empty': nothing but white space.
   */
  readonly layout: 'empty' | 'rows' | 'columns';
  /** The numbers read (only those that are numbers; use them only when `problems` is empty). */
  readonly xs: number[];
  readonly ys: number[];
  readonly problems: PasteProblem[];
}

const CELL_SEPARATOR = /[\s,;\u3001]+/;
const LABEL = /(^|[^a-z0-9_.])([xy])(?:_?data)?\s*[:=]/gi;

function cellsOf(line: string): string[] {
  return line
    .trim()
    .split(CELL_SEPARATOR)
    .filter((cell) => cell !== '');
}

const lineOfOffset = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

/**
 * Reads a block of numbers typed or pasted into one box. Accepts full-width digits, the Chinese comma,
 * tabs, commas, semicolons, spaces and newlines as separators, and three layouts:
 * - rows, one point a line: a spreadsheet's two columns (`1\t2\n2\t4`), or `1, 2` per line; a first
 *   line without any number (a header such as `x\ty`) is skipped;
 * - labelled columns: `x: 1, 2, 3` and `y: 2, 4, 6` (on two lines, or one: `x: 1, 2 / y: 2, 4`),
 *   `x = [1, 2, 3]` too, and the lecture's own `x_data = [1.0, 2.0, 3.0]`;
 * - two unlabelled lines, x values then y values, when a line holds more than two numbers (or each
 *   holds one).
 */
export function parsePastedData(text: string): PasteParse {
  const normalized = normalizeWidth(text).replace(/\r\n?/g, '\n');
  if (normalized.trim() === '') return { layout: 'empty', xs: [], ys: [], problems: [] };

  const labels = [...normalized.matchAll(LABEL)];
  if (labels.length > 0) return labelledColumns(normalized, labels);

  const lines = normalized
    .split('\n')
    .map((content, index) => ({ line: index + 1, cells: cellsOf(content) }))
    .filter((entry) => entry.cells.length > 0);
  const first = lines[0];
  if (first && lines.length > 1 && first.cells.every((cell) => !parseNumber(cell).ok)) lines.shift();

  const [a, b] = lines;
  if (
    lines.length === 2 &&
    a &&
    b &&
    (a.cells.length > 2 || b.cells.length > 2 || (a.cells.length === 1 && b.cells.length === 1))
  ) {
    return columns(a, b);
  }

  const xs: number[] = [];
  const ys: number[] = [];
  const problems: PasteProblem[] = [];
  lines.forEach(({ line, cells }, point) => {
    if (cells.length !== 2) {
      problems.push({ kind: 'cell-count', line, count: cells.length });
      return;
    }
    cells.forEach((cell, i) => {
      const parsed = parseNumber(cell);
      const column: DataColumn = i === 0 ? 'x' : 'y';
      if (parsed.ok) (i === 0 ? xs : ys).push(parsed.value);
      else problems.push({ kind: 'not-a-number', line, column, point, text: cell });
    });
  });
  return { layout: 'rows', xs, ys, problems };
}

interface ColumnText {
  readonly line: number;
  readonly cells: readonly string[];
}

function labelledColumns(text: string, labels: readonly RegExpExecArray[]): PasteParse {
  const found: Record<DataColumn, ColumnText | null> = { x: null, y: null };
  labels.forEach((match, i) => {
    const column = match[2]!.toLowerCase() as DataColumn;
    const start = match.index + match[0].length;
    const next = labels[i + 1];
    const end = next ? next.index + next[1]!.length : text.length;
    // Brackets and the `/` or `|` between two labelled lists are decoration, not cells.
    const body = text.slice(start, end).replace(/[[\](){}/|]/g, ' ');
    const cells = cellsOf(body.replace(/\n/g, ' '));
    const previous = found[column];
    found[column] = previous
      ? { line: previous.line, cells: [...previous.cells, ...cells] }
      : { line: lineOfOffset(text, match.index + match[1]!.length), cells };
  });
  const missing = (['x', 'y'] as const).filter((column) => found[column] === null);
  if (missing.length > 0) {
    const values = (found.x ?? found.y)!;
    const list = parseNumberList(values.cells.join(' '));
    return {
      layout: 'columns',
      xs: found.x ? [...list.values] : [],
      ys: found.y ? [...list.values] : [],
      problems: missing.map((column) => ({ kind: 'missing-column', column })),
    };
  }
  return columns(found.x!, found.y!);
}

function columns(x: ColumnText, y: ColumnText): PasteParse {
  const problems: PasteProblem[] = [];
  const read = (column: DataColumn, { line, cells }: ColumnText): number[] => {
    const values: number[] = [];
    cells.forEach((cell, point) => {
      const parsed = parseNumber(cell);
      if (parsed.ok) values.push(parsed.value);
      else problems.push({ kind: 'not-a-number', line, column, point, text: cell });
    });
    return values;
  };
  const xs = read('x', x);
  const ys = read('y', y);
  if (x.cells.length !== y.cells.length) {
    problems.push({ kind: 'length-mismatch', xCount: x.cells.length, yCount: y.cells.length });
  }
  return { layout: 'columns', xs, ys, problems };
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
