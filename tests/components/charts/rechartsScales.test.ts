/**
 * The build gives Recharts only the scales in rechartsScales.ts (vite.config.ts aliases its d3-scale
 * import there), and Recharts falls back to a point scale, without a word, for a name it cannot find.
 * Every axis the app draws must therefore ask for one of those scales (or none: 'auto' is linear).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as rechartsScales from '../../../src/components/charts/rechartsScales';

const COMPONENTS = path.resolve(process.cwd(), 'src/components');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.tsx') ? [full] : [];
  });
}

/** Each Recharts axis element in `source` (from `<XAxis` to its `/>`) with the scale it asks for. */
function axes(source: string): { element: string; scale: string | null }[] {
  const found: { element: string; scale: string | null }[] = [];
  for (const match of source.matchAll(/<(XAxis|YAxis|ZAxis)\b/g)) {
    const end = source.indexOf('/>', match.index);
    const element = source.slice(match.index, end + 2);
    const scale = /\bscale=(?:"([^"]*)"|\{'([^']*)'\})/.exec(element);
    found.push({ element, scale: scale ? (scale[1] ?? scale[2] ?? null) : null });
  }
  return found;
}

describe('the scales Recharts is given', () => {
  it('exports linear, band and point scales, and nothing else', () => {
    expect(Object.keys(rechartsScales).sort()).toEqual(['scaleBand', 'scaleLinear', 'scalePoint']);
  });

  it('every axis in the app uses one of them', () => {
    const files = sources(COMPONENTS).filter((file) =>
      readFileSync(file, 'utf8').includes("from 'recharts'"),
    );
    const all = files.flatMap((file) => axes(readFileSync(file, 'utf8')));
    // The loss chart and the 1-D landscape draw their axes with Recharts.
    expect(all.length).toBeGreaterThanOrEqual(4);
    const allowed = new Set(['auto', 'linear', 'band', 'point']);
    for (const axis of all) {
      expect(axis.element).not.toMatch(/\bscale=\{(?!')/); // a computed scale would escape this check
      if (axis.scale !== null) expect(allowed).toContain(axis.scale);
    }
  });
});
