// Small statistics and plain-text tables for the benchmark's report.

/** The q-quantile (0…1) of `values` by linear interpolation between closest ranks; NaN when empty. */
export function quantile(values, q) {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export const median = (values) => quantile(values, 0.5);
export const p95 = (values) => quantile(values, 0.95);
export const max = (values) =>
  values.length === 0 ? NaN : values.reduce((a, b) => Math.max(a, b), -Infinity);
export const mean = (values) =>
  values.length === 0 ? NaN : values.reduce((sum, value) => sum + value, 0) / values.length;

/** Differences between consecutive values. */
export function gaps(values) {
  const out = [];
  for (let i = 1; i < values.length; i++) out.push(values[i] - values[i - 1]);
  return out;
}

/** A number with `digits` decimals and thousands separators; '—' for NaN / undefined. */
export function num(value, digits = 1) {
  if (value === undefined || value === null || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Bytes as decimal kB / MB (1 kB = 1,000 bytes, as Vite reports sizes). */
export const kB = (bytes) => `${num(bytes / 1e3, 1)} kB`;
export const MB = (bytes) => `${num(bytes / 1e6, 1)} MB`;

/**
 * A plain-text table: a title line, a header row, a rule, the rows. Columns after the first are
 * right-aligned (they hold numbers).
 */
export function table(title, header, rows) {
  const cells = [header, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = header.map((_, c) => Math.max(...cells.map((row) => [...(row[c] ?? '')].length)));
  const pad = (text, c) => {
    const fill = ' '.repeat(widths[c] - [...text].length);
    return c === 0 ? text + fill : fill + text;
  };
  const line = (row) => row.map((cell, c) => pad(cell ?? '', c)).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [title, line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}
