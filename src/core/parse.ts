/**
 * Reading numbers people type: ASCII or full-width digits (what a Chinese input method gives),
 * with the decimal point as `.` or `．`, and lists separated by commas (`,` or `，`), semicolons,
 * tabs, spaces or newlines (a spreadsheet paste).
 */

export type ParseResult =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly reason: 'empty' | 'not-a-number' };

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

/** Full-width ASCII (U+FF01…U+FF5E) to ASCII, and the ideographic space and minus signs to ASCII. */
export function normalizeWidth(text: string): string {
  return text
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[\u2212\u2012\u2013\uFE63]/g, '-');
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * One number: `1.5`, `-2`, `1e-3`, `１．５`. Refuses what Number() would quietly accept but a person
 * did not mean (`''`, `0x10`, `Infinity`, `1,5`).
 */
export function parseNumber(text: string): ParseResult {
  const trimmed = normalizeWidth(text).trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (!NUMBER.test(trimmed)) return { ok: false, reason: 'not-a-number' };
  return { ok: true, value: Number(trimmed) };
}

export interface ListParse {
  readonly values: readonly number[];
  /** Entries that are not numbers, with their position in the list (0-based). */
  readonly invalid: readonly { readonly index: number; readonly text: string }[];
}

/** A list of numbers: `1, 2, 3`, `１，２，３`, tab- or newline-separated cells. Empty cells are skipped. */
export function parseNumberList(text: string): ListParse {
  const cells = normalizeWidth(text)
    .split(/[,;\t\n\r\u3001\s]+/)
    .filter((cell) => cell !== '');
  const values: number[] = [];
  const invalid: { index: number; text: string }[] = [];
  cells.forEach((cell, index) => {
    const parsed = parseNumber(cell);
    if (parsed.ok) values.push(parsed.value);
    else invalid.push({ index, text: cell });
  });
  return { values, invalid };
}
