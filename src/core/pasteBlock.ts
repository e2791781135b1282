/** A block of cells pasted into one cell of the table (a spreadsheet's rectangle). */
import {
  countProblems,
  gridOptions,
  hasHeader,
  isNumber,
  plainSources,
  prepare,
  readCell,
  type Cell,
  type PasteCommas,
  type PasteProblem,
} from './pasteCells';

export type BlockRead =
  /** Cell texts, row by row, to put into the table from the cell pasted into on. */
  | {
      readonly kind: 'block';
      readonly rows: readonly (readonly string[])[];
      readonly header: readonly string[] | null;
    }
  /** The commas can be read more than one way (decimal, thousands, separators): the table does not ask. */
  | { readonly kind: 'ambiguous' }
  /** Lines of different lengths: there is no telling which cell goes where. */
  | { readonly kind: 'ragged'; readonly problem: PasteProblem };

/** Whether pasted text is a block of several cells (a tab or a line break), not one value. */
export function isBlock(text: string): boolean {
  return /[\t\n\uFF0C\u3001]/.test(text.replace(/[\r\n]+$/, '')) && text.trim() !== '';
}

/**
 * Reads a block pasted into a table cell, a spreadsheet's rectangle of cells: one row a line, always
 * (the table's rows are points). Cells read as numbers become their plain text (`1,5` read as a
 * decimal comma becomes `1.5`); the others, empty ones included, stay as they are for the table to
 * mark. A header row is recognised and left out.
 */
export function readBlock(text: string): BlockRead {
  const sources = plainSources(prepare(text));
  type Option = { grid: Cell[][]; commas: PasteCommas; bad: number };
  const options: Option[] = gridOptions(sources).map(({ grid, commas }) => {
    const body = hasHeader(grid, commas) ? grid.slice(1) : grid;
    const bad = body.reduce((sum, row) => sum + row.filter((cell) => !isNumber(cell, commas)).length, 0);
    return { grid, commas, bad };
  });
  const clean = options.filter((option) => option.bad === 0);
  const texts = (option: Option) => {
    const header = hasHeader(option.grid, option.commas) ? option.grid[0]! : null;
    const rows = (header ? option.grid.slice(1) : option.grid).map((row) =>
      row.map((cell) => {
        const parsed = readCell(cell.text, option.commas);
        return parsed.ok && cell.text.includes(',') ? String(parsed.value) : cell.text;
      }),
    );
    return { rows, header: header ? header.map((cell) => cell.text) : null };
  };
  if (clean.length > 1 && new Set(clean.map((option) => JSON.stringify(texts(option).rows))).size > 1) {
    return { kind: 'ambiguous' };
  }
  const chosen = clean[0] ?? options[0]!;
  const { rows, header } = texts(chosen);
  const lines = (header ? chosen.grid.slice(1) : chosen.grid).map((row) => row[0]!.line);
  const ragged = countProblems(
    rows.map((row, i) => row.map((cellText, j) => ({ text: cellText, line: lines[i]!, column: j + 1 }))),
    lines,
  )[0];
  if (ragged) return { kind: 'ragged', problem: ragged };
  return { kind: 'block', rows, header };
}
