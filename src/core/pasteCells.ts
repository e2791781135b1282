/**
 * The cells of pasted text, shared by the paste reader (paste.ts) and the table's block paste
 * (pasteBlock.ts): lines, the separators worth trying, and what a cell's comma may mean.
 */
import { normalizeWidth, parseNumber, type ParseResult } from './parse';

/** What separates the cells of a line. The Chinese commas ，and 、 count as tabs: never decimal. */
export type PasteSeparator = 'tab' | 'semicolon' | 'comma' | 'space';
/** What a comma inside a cell means: there is none, a decimal comma (1,5), a thousands separator (1,000). */
export type PasteCommas = 'none' | 'decimal' | 'thousands';
/** Where a cell is in the text: 1-based line, and 1-based cell of that line (value of a labelled list). */
export interface CellPlace {
  readonly line: number;
  readonly column: number;
}

/** Why a paste cannot be used as it is; lines and cells are named as the person sees them. */
export type PasteProblem =
  | ({ readonly kind: 'not-a-number'; readonly text: string } & CellPlace)
  | ({ readonly kind: 'empty-cell' } & CellPlace)
  /** A line with another count of cells than the first line of its kind (`first`). */
  | {
      readonly kind: 'cell-count';
      readonly line: number;
      readonly count: number;
      readonly first: number;
      readonly expected: number;
    }
  /** A line of x values and a line of y values of different lengths. */
  | { readonly kind: 'length-mismatch'; readonly xCount: number; readonly yCount: number }
  /** Lines labelled x: (or y:) without the other. */
  | { readonly kind: 'missing-column'; readonly column: 'x' | 'y' }
  /** A single column (or list) of numbers: there is no way to tell x from y. */
  | { readonly kind: 'one-column' };

/** A cell's text and where it is. */
export interface Cell extends CellPlace {
  readonly text: string;
}

/** A line (or a labelled list) of the text, before it is split into cells. */
export interface Source {
  readonly line: number;
  readonly label: 'x' | 'y' | null;
  readonly text: string;
}

/** The text with line ends made `\n`, the Chinese commas made tabs, full-width made ASCII. */
export function prepare(text: string): string {
  // The Chinese commas separate, always: turned into tabs before normalizeWidth makes ，a `,`.
  return normalizeWidth(text.replace(/\r\n?/g, '\n').replace(/[\uFF0C\u3001]/g, '\t'));
}

/** The lines that hold something, with their 1-based line numbers. */
export function plainSources(text: string): Source[] {
  return text
    .split('\n')
    .map((content, index) => ({ line: index + 1, label: null, text: content }))
    .filter((source) => source.text.trim() !== '');
}

const lineOfOffset = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

/** The lists after each label (`x: 1, 2, 3`), found by `LABEL`, each with the line of its label. */
export function labelledSources(text: string, labels: readonly RegExpExecArray[]): Source[] {
  return labels.map((match, i) => {
    const start = match.index + match[0].length;
    const next = labels[i + 1];
    const end = next ? next.index + next[1]!.length : text.length;
    // Brackets, and the `/` or `|` between two lists on one line, are decoration; so is a separator
    // after the last value (`[1.0, 2.0,]`, `x = [1, 2];`).
    const body = text
      .slice(start, end)
      .replace(/[[\](){}/|]/g, ' ')
      .replace(/\n/g, ' ')
      .replace(/[\s,;\t]+$/, '');
    const label = match[2]!.toLowerCase() === 'x' ? 'x' : 'y';
    return { line: lineOfOffset(text, match.index + match[1]!.length), label, text: body };
  });
}

/** The separators worth trying: a tab or a semicolon decides; commas may separate or be decimal. */
export function separatorsFor(sources: readonly Source[]): PasteSeparator[] {
  const all = sources.map((source) => source.text).join('\n');
  if (all.includes('\t')) return ['tab'];
  if (all.includes(';')) return ['semicolon'];
  if (all.includes(',')) return /\d,\d/.test(all) ? ['comma', 'space'] : ['comma'];
  return ['space'];
}

/** A line's cells, trimmed; empty cells stay (only runs of spaces count as one separator). */
export function split(source: Source, separator: PasteSeparator): Cell[] {
  const texts =
    separator === 'space'
      ? source.text.trim().split(/\s+/)
      : source.text.split(separator === 'tab' ? '\t' : separator === 'semicolon' ? ';' : ',');
  return texts.map((text, i) => ({ text: text.trim(), line: source.line, column: i + 1 }));
}

const DECIMAL_COMMA = /^[+-]?\d*,\d+(?:e[+-]?\d+)?$/i;
const THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?(?:e[+-]?\d+)?$/i;

/** A cell's number, its comma read as `commas` says (a comma that does not fit is not a number). */
export function readCell(text: string, commas: PasteCommas): ParseResult {
  if (commas === 'decimal' && DECIMAL_COMMA.test(text)) return parseNumber(text.replace(',', '.'));
  if (commas === 'thousands' && THOUSANDS.test(text)) return parseNumber(text.replace(/,/g, ''));
  return parseNumber(text);
}

/** Whether a cell reads as a number, or is written text that does not. */
export const isNumber = (cell: Cell, commas: PasteCommas) => readCell(cell.text, commas).ok;
export const isText = (cell: Cell, commas: PasteCommas) => cell.text !== '' && !isNumber(cell, commas);

/** A header row: nothing in it is a number, something is written, and lines follow. */
export function hasHeader(grid: readonly (readonly Cell[])[], commas: PasteCommas): boolean {
  const first = grid[0];
  return (
    grid.length > 1 &&
    first !== undefined &&
    first.every((cell) => !isNumber(cell, commas)) &&
    first.some((cell) => cell.text !== '')
  );
}

/** A line whose count of cells differs from the first line's. */
export function countProblems(rows: readonly (readonly Cell[])[], lines: readonly number[]): PasteProblem[] {
  const expected = rows[0]?.length ?? 0;
  const problems: PasteProblem[] = [];
  rows.forEach((row, i) => {
    if (row.length !== expected) {
      problems.push({ kind: 'cell-count', line: lines[i]!, count: row.length, first: lines[0]!, expected });
    }
  });
  return problems;
}

/** `x:`, `y =`, `x_data =`: the labels of lists of values. */
export const LABEL = /(^|[^a-z0-9_.])([xy])(?:_?data)?\s*[:=]/gi;

/** The text split with each separator worth trying, and each reading of the commas left in cells. */
export function gridOptions(
  sources: readonly Source[],
): { separator: PasteSeparator; commas: PasteCommas; grid: Cell[][] }[] {
  return separatorsFor(sources).flatMap((separator) => {
    const grid = sources.map((source) => split(source, separator));
    const commaInCell =
      separator !== 'comma' && grid.some((row) => row.some((cell) => cell.text.includes(',')));
    const modes: PasteCommas[] = commaInCell ? ['decimal', 'thousands'] : ['none'];
    return modes.map((commas) => ({ separator, commas, grid }));
  });
}
