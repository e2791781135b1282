/**
 * Reading a pasted or typed block of numbers without ever reading it silently wrong. The text is read
 * every way it plausibly can be (which character separates the cells, what a comma inside a cell
 * means, whether a line is a point or a list of values); the readings that read every cell as a
 * number and give different numbers are all returned, for a person to choose from. Nothing is
 * guessed past that: an empty cell is a problem, never skipped; one column is refused; with three or
 * more columns the caller chooses which are x and y.
 */
import type { Dataset } from './dataset';
import {
  countProblems,
  gridOptions,
  hasHeader,
  isNumber,
  isText,
  labelledSources,
  LABEL,
  plainSources,
  prepare,
  readCell,
  type Cell,
  type PasteCommas,
  type PasteProblem,
  type PasteSeparator,
  type Source,
} from './pasteCells';

export type { CellPlace, PasteCommas, PasteProblem, PasteSeparator } from './pasteCells';

/** 'rows': one point a line, a column per variable; 'lines': one line per variable (`x: 1, 2, 3`). */
export type PasteOrientation = 'rows' | 'lines';

export interface PasteHow {
  readonly separator: PasteSeparator;
  readonly commas: PasteCommas;
  readonly orientation: PasteOrientation;
  /** Lines labelled `x:` and `y:` (or `x =`, `x_data =`). */
  readonly labelled: boolean;
}

/** One variable of a reading: a column of the text, or a line of it. */
export interface PasteColumn {
  /** The name from a header row or a line's label; null without one. */
  readonly name: string | null;
  /** Which column (or line) of the text it is, 1-based. */
  readonly from: { readonly kind: 'column' | 'line'; readonly n: number };
  /** The values, NaN where a cell is not a number (see the reading's problems). */
  readonly values: readonly number[];
}

export interface PasteReading {
  readonly how: PasteHow;
  /** Where the names came from: a header row, labels at the start of each line, or nowhere. */
  readonly names: 'header' | 'labels' | null;
  readonly columns: readonly PasteColumn[];
  readonly problems: readonly PasteProblem[];
  /**
   * The x and y columns without asking: the two columns there are (in the order a header names them
   * x and y), or, among more, the ones a header names x and y; otherwise null, for the person to choose.
   */
  readonly x: number | null;
  readonly y: number | null;
  /** A cell whose comma this reading interprets (`1,5` read as 1.5), to show what it did. */
  readonly sample: { readonly text: string; readonly value: number } | null;
}

/** Labels at the start of every line, the first line not a header (`x⇥1⇥2` / `y⇥2⇥4`). */
function hasLabels(grid: readonly (readonly Cell[])[], commas: PasteCommas): boolean {
  return (
    grid.length > 0 &&
    grid.every((row) => row[0] !== undefined && isText(row[0], commas)) &&
    grid[0]!.some((cell) => isNumber(cell, commas))
  );
}

const NAMES_X = /^x$/i;
const NAMES_Y = /^y$/i;

/** The x and y columns without asking: see PasteReading. */
function defaultColumns(columns: readonly PasteColumn[]): { x: number | null; y: number | null } {
  const find = (pattern: RegExp) => {
    const found = columns.flatMap((column, i) =>
      column.name !== null && pattern.test(column.name) ? [i] : [],
    );
    return found.length === 1 ? found[0]! : null;
  };
  const x = find(NAMES_X);
  const y = find(NAMES_Y);
  if (x !== null && y !== null) return { x, y };
  return columns.length === 2 ? { x: 0, y: 1 } : { x: null, y: null };
}

function values(
  cells: readonly (Cell | undefined)[],
  commas: PasteCommas,
  problems: PasteProblem[],
): number[] {
  return cells.map((cell) => {
    if (cell === undefined) return NaN;
    const parsed = readCell(cell.text, commas);
    if (parsed.ok) return parsed.value;
    const place = { line: cell.line, column: cell.column };
    problems.push(
      parsed.reason === 'empty'
        ? { kind: 'empty-cell', ...place }
        : { kind: 'not-a-number', text: cell.text, ...place },
    );
    return NaN;
  });
}

/** One point a line: columns are variables, named by a header row when there is one. */
function readRows(grid: readonly Cell[][], how: PasteHow): Omit<PasteReading, 'sample'> {
  const header = hasHeader(grid, how.commas) ? grid[0]! : null;
  const rows = header ? grid.slice(1) : grid;
  const width = rows[0]?.length ?? 0;
  const problems: PasteProblem[] = countProblems(
    rows,
    rows.map((row) => row[0]!.line),
  );
  if (header && header.length > width && header.slice(width).some((cell) => cell.text !== '')) {
    problems.unshift({
      kind: 'cell-count',
      line: header[0]!.line,
      count: header.length,
      first: rows[0]![0]!.line,
      expected: width,
    });
  }
  const columns: PasteColumn[] = [];
  for (let j = 0; j < width; j++) {
    const name = header?.[j]?.text;
    columns.push({
      name: name ? name : null,
      from: { kind: 'column', n: j + 1 },
      values: values(
        rows.map((row) => row[j]),
        how.commas,
        problems,
      ),
    });
  }
  if (width === 1) problems.push({ kind: 'one-column' });
  return { how, names: header ? 'header' : null, columns, problems, ...defaultColumns(columns) };
}

/** One variable a line: `x: 1, 2, 3`, `x⇥1⇥2⇥3`, or two unlabelled lines of x and then y values. */
function readLines(
  grid: readonly Cell[][],
  labels: readonly (string | null)[],
  lines: readonly number[],
  how: PasteHow,
): Omit<PasteReading, 'sample'> {
  const problems: PasteProblem[] = [];
  const [a, b] = grid;
  if (grid.length === 2 && a && b && a.length !== b.length) {
    const xFirst = labels[0] !== 'y';
    const [xs, ys] = xFirst ? [a, b] : [b, a];
    problems.push({ kind: 'length-mismatch', xCount: xs.length, yCount: ys.length });
  } else {
    problems.push(...countProblems(grid, lines));
  }
  const columns = grid.map((row, i): PasteColumn => ({
    name: labels[i] ?? null,
    from: { kind: 'line', n: lines[i]! },
    values: values(row, how.commas, problems),
  }));
  if (columns.length === 1 && !how.labelled) problems.push({ kind: 'one-column' });
  const named = labels.some((label) => label !== null);
  return { how, names: named ? 'labels' : null, columns, problems, ...defaultColumns(columns) };
}

function sampleOf(grid: readonly Cell[][], commas: PasteCommas): PasteReading['sample'] {
  if (commas === 'none') return null;
  for (const row of grid) {
    for (const cell of row) {
      if (!cell.text.includes(',')) continue;
      const parsed = readCell(cell.text, commas);
      if (parsed.ok) return { text: cell.text, value: parsed.value };
    }
  }
  return null;
}

/** Every reading worth considering, most likely first. */
function candidates(sources: readonly Source[], labelled: boolean): PasteReading[] {
  const readings: PasteReading[] = [];
  for (const { separator, commas, grid } of gridOptions(sources)) {
    const sample = sampleOf(grid, commas);
    const how = (orientation: PasteOrientation): PasteHow => ({ separator, commas, orientation, labelled });
    const lines = sources.map((source) => source.line);
    if (labelled) {
      const labels = sources.map((source) => source.label);
      readings.push({ ...readLines(grid, labels, lines, how('lines')), sample });
      continue;
    }
    readings.push({ ...readRows(grid, how('rows')), sample });
    // Each line a list of values: two lines of two or more numbers (x values, then y values), or
    // lines that each start with a label.
    const twoLists = grid.length === 2 && !hasHeader(grid, commas) && grid.every((row) => row.length >= 2);
    if (hasLabels(grid, commas)) {
      const labels = grid.map((row) => row[0]!.text);
      readings.push({
        ...readLines(
          grid.map((row) => row.slice(1)),
          labels,
          lines,
          how('lines'),
        ),
        sample,
      });
    } else if (twoLists) {
      readings.push({ ...readLines(grid, [null, null], lines, how('lines')), sample });
    }
  }
  return readings;
}

/** The numbers a reading gives, to tell readings apart. */
const fingerprint = (reading: PasteReading): string =>
  JSON.stringify([reading.columns.map((column) => column.values), reading.x, reading.y]);

/**
 * Reads pasted text: [] for blank text; one reading (check its `problems`); or two or more readings,
 * each without problems and each giving other numbers, when the text can be read several ways: then
 * a person must choose. With no reading free of problems, the one with the fewest is returned.
 *
 * Accepts full-width digits, the Chinese commas, CRLF, a trailing newline, blank lines; spreadsheet
 * rows (tabs), `;`-separated rows with decimal commas, `1, 2` or `1 2` per line; lines labelled
 * `x: 1, 2, 3` and `y: 2, 4, 6` (`x = [1.0, 2.0]`, the lecture's `x_data = [...]`, on one line or
 * two); lines labelled by their first cell (`x⇥1⇥2`); a header row, recognised as one.
 */
export function readPaste(text: string): PasteReading[] {
  const prepared = prepare(text);
  if (prepared.trim() === '') return [];
  const labels = [...prepared.matchAll(LABEL)];
  const labelled = labels.length > 0;
  const sources = labelled ? labelledSources(prepared, labels) : plainSources(prepared);
  const all = candidates(sources, labelled);
  if (labelled) {
    const missing = (['x', 'y'] as const).filter(
      (column) => !sources.some((source) => source.label === column),
    );
    if (missing.length > 0) {
      const problems = missing.map((column): PasteProblem => ({ kind: 'missing-column', column }));
      return [{ ...all[0]!, problems: [...problems, ...all[0]!.problems] }];
    }
  }
  const clean = all.filter((reading) => reading.problems.length === 0);
  if (clean.length === 0) {
    const fewest = all.reduce((best, reading) =>
      reading.problems.length < best.problems.length ? reading : best,
    );
    return [fewest];
  }
  const seen = new Set<string>();
  return clean.filter((reading) => {
    const key = fingerprint(reading);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The data set of a reading with x and y from columns `x` and `y` (by default the reading's own);
 * null while it has problems or the columns are not two different ones.
 */
export function pasteData(
  reading: PasteReading,
  x: number | null = reading.x,
  y: number | null = reading.y,
): Dataset | null {
  if (reading.problems.length > 0 || x === null || y === null || x === y) return null;
  const xs = reading.columns[x]?.values;
  const ys = reading.columns[y]?.values;
  if (!xs || !ys || xs.length !== ys.length) return null;
  return { xs: [...xs], ys: [...ys] };
}
