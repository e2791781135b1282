import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The charts' text (tick and axis labels, the path's numbers, legends, readouts, notes, the hover
// readout) is drawn in these theme colours on the panel's surface: each pair must reach WCAG AA,
// 4.5:1, in every theme the page can be in.
const TEXT_COLOURS = ['--chart-text', '--text', '--text-muted', '--warn-text'] as const;
const BACKGROUND = '--surface';

const css = readFileSync(path.resolve(process.cwd(), 'src/styles.css'), 'utf8');

/** The custom properties declared in the first rule whose selector is exactly `selector`. */
function declared(selector: string, within = css): Record<string, string> {
  const at = within.search(new RegExp(`(^|\\n)\\s*${selector.replace(/[.[\]()'*]/g, '\\$&')}\\s*\\{`));
  if (at < 0) return {};
  const body = within.slice(within.indexOf('{', at) + 1, within.indexOf('}', at));
  return Object.fromEntries([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

const base = declared(':root');
const mediaDark = declared(':root', css.slice(css.indexOf('@media (prefers-color-scheme: dark)')));
const themes: Record<string, Record<string, string>> = {
  light: { ...base, ...declared(":root[data-theme='light']") },
  dark: { ...base, ...mediaDark, ...declared(":root[data-theme='dark']") },
  'presenting light': { ...base, ...declared(":root[data-theme='light']"), ...declared(':root.presenting') },
  'presenting dark': {
    ...base,
    ...mediaDark,
    ...declared(":root[data-theme='dark']"),
    ...declared(':root.presenting'),
    ...declared(":root.presenting[data-theme='dark']"),
  },
};

function luminance(hex: string): number {
  const digits = hex.replace('#', '');
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('chart text contrast', () => {
  it.each(Object.keys(themes))('is at least 4.5:1 on the surface in the %s theme', (theme) => {
    const colours = themes[theme]!;
    const surface = colours[BACKGROUND]!;
    expect(surface).toMatch(/^#[\da-f]{3,6}$/i);
    for (const name of TEXT_COLOURS) {
      const colour = colours[name]!;
      expect(colour, `${name} in ${theme}`).toMatch(/^#[\da-f]{3,6}$/i);
      expect(contrast(colour, surface), `${name} ${colour} on ${surface} (${theme})`).toBeGreaterThanOrEqual(
        4.5,
      );
    }
  });
});
