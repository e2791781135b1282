/**
 * Run colours come from the optimizer registry: each entry's light and dark colour become the CSS
 * variable --<id>, declared once by runColorSheet (light, dark by the system, dark and light by the
 * header's theme), so CSS, SVG and an exported chart all read the same variable.
 */
import type { CSSProperties } from 'react';
import { OPTIMIZERS, type OptimizerId, type RunColor } from '../../core';

/** The variable of run `id` with its light colour as fallback: `var(--gd, #2563eb)`. */
export const RUN_COLOR_VARS: Readonly<Record<OptimizerId, string>> = Object.fromEntries(
  OPTIMIZERS.map((entry) => [entry.id, `var(--${entry.id}, ${entry.color.light})`]),
) as Record<OptimizerId, string>;

/** The light-theme colour of each run, for places without CSS variables. */
export const RUN_COLORS: Readonly<Record<OptimizerId, string>> = Object.fromEntries(
  OPTIMIZERS.map((entry) => [entry.id, entry.color.light]),
) as Record<OptimizerId, string>;

const declarations = (pick: (color: RunColor) => string): string =>
  OPTIMIZERS.map((entry) => `--${entry.id}:${pick(entry.color)};`).join('');

/** The stylesheet declaring every run's colour variable for both themes. */
export function runColorSheet(): string {
  const light = declarations((color) => color.light);
  const dark = declarations((color) => color.dark);
  return [
    `:root{${light}}`,
    `@media (prefers-color-scheme: dark){:root{${dark}}}`,
    `:root[data-theme='light']{${light}}`,
    `:root[data-theme='dark']{${dark}}`,
  ].join('\n');
}

/** A panel's --run-color, which its border, swatch and tabs use. */
export const runColorStyle = (id: OptimizerId): CSSProperties =>
  ({ '--run-color': RUN_COLOR_VARS[id] }) as CSSProperties;
