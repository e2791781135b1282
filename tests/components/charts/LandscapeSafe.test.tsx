import { act, render } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { Landscape } from '../../../src/components/charts/Landscape';
import {
  clipToSafe,
  dotsPath,
  pixelXY,
  polylinePath,
  SAFE_PX,
  type PixelScales,
} from '../../../src/components/charts/toolkit';
import { useLocaleStore } from '../../../src/i18n';
import { PlaygroundProvider } from '../../../src/store/context';
import { createPlaygroundStore, type PlaygroundStore, type RunId } from '../../../src/store/playground';

// The landscape and the plot layer's path helpers with values far beyond any plot: what is visible
// is drawn exactly, nothing is written that an SVG attribute cannot hold, and Recharts' layers take
// no Tab stop.

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
});

const identity: PixelScales = { x: (v) => v, y: (v) => v };
const numbersIn = (d: string) => (d.match(/[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi) ?? []).map(Number);

describe('plot layer paths beyond the safe range', () => {
  it('keeps a polyline on the plot as it was, to 0.01 px', () => {
    const xs = [10, 20.123, 30];
    const ys = [5, 6.789, 7];
    expect(
      polylinePath(
        3,
        (i) => xs[i]!,
        (i) => ys[i]!,
        identity,
      ),
    ).toBe('M10,5L20.12,6.79L30,7');
  });

  it('clips a segment to a point at 10³⁰⁰ px where it leaves the safe range, in its own direction', () => {
    const xs = [0, 1e300];
    const ys = [0, 2e300];
    const d = polylinePath(
      2,
      (i) => xs[i]!,
      (i) => ys[i]!,
      identity,
    );
    expect(d).toBe(`M0,0L${SAFE_PX / 2},${SAFE_PX}`);
    // Back again: the pen is lifted, and the path starts anew where it re-enters.
    const back = polylinePath(
      3,
      (i) => [0, 0, 10][i]!,
      (i) => [0, -1e300, 0][i]!,
      identity,
    );
    expect(back).toBe(`M0,0L0,${-SAFE_PX}M10,${-SAFE_PX}L10,0`);
    for (const n of numbersIn(back)) expect(Math.abs(n)).toBeLessThanOrEqual(SAFE_PX);
  });

  it('leaves out points an axis cannot place, and segments wholly beyond the range', () => {
    const ys = [1, NaN, 3, 1e200, 2e200];
    const d = polylinePath(
      5,
      (i) => i,
      (i) => ys[i]!,
      identity,
    );
    expect(d.startsWith('M0,1L2,3L')).toBe(true);
    for (const n of numbersIn(d)) expect(Math.abs(n)).toBeLessThanOrEqual(SAFE_PX);
    expect(d).not.toMatch(/NaN|Infinity|e\+/);
  });

  it('clipToSafe: null for a segment that misses the range or cannot be measured', () => {
    expect(clipToSafe(2e5, 0, 3e5, 0)).toBeNull();
    expect(clipToSafe(-1.7e308, 0, 1.7e308, 0)).toBeNull();
    expect(clipToSafe(1, 2, 3, 4)).toEqual([1, 2, 3, 4]);
    // Both ends outside, the segment across the range: cut at both sides.
    expect(clipToSafe(-1e6, 7, 1e6, 7)).toEqual([-SAFE_PX, 7, SAFE_PX, 7]);
    const across = clipToSafe(1e300, 1e300, -1e300, -1e300)!;
    [SAFE_PX, SAFE_PX, -SAFE_PX, -SAFE_PX].forEach((end, i) => expect(across[i]).toBeCloseTo(end, 6));
  });

  it('draws no dot whose centre is beyond the range', () => {
    expect(dotsPath([pixelXY(1e300, 0), pixelXY(NaN, 0)], 4)).toBe('');
    expect(dotsPath([pixelXY(10, 20)], 4)).toBe('M6,20a4,4 0 1,0 8,0a4,4 0 1,0 -8,0');
  });
});

function renderLandscape(id: RunId, store: PlaygroundStore) {
  return render(
    <PlaygroundProvider store={store}>
      <Landscape id={id} width={600} height={260} />
    </PlaygroundProvider>,
  );
}

/** Every coordinate the SVG holds (not data-* attributes). */
function coordinates(container: HTMLElement): number[] {
  return [...container.querySelectorAll('svg *')].flatMap((element) =>
    ['d', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy'].flatMap((name) =>
      numbersIn(element.getAttribute(name) ?? ''),
    ),
  );
}

describe('Landscape with very large values', () => {
  it.each([1e150, -1e150])('w₀ = %s: the bowl, the path and the ball stay drawable as it trains', (w0) => {
    const store = createPlaygroundStore();
    act(() => void store.getState().actions.updateSettings({ w0 }));
    for (const id of ['gd', 'sgd'] as const) {
      const { container, unmount } = renderLandscape(id, store);
      for (let i = 0; i < 3; i++) {
        const all = coordinates(container);
        expect(all.length).toBeGreaterThan(100);
        expect(all.every((n) => Number.isFinite(n) && Math.abs(n) <= SAFE_PX)).toBe(true);
        expect(container.querySelector('circle.landscape-ball')).not.toBeNull();
        expect(container.textContent).not.toMatch(/NaN|Infinity/);
        act(() => store.getState().actions.step());
      }
      unmount();
      act(() => store.getState().actions.reset());
    }
  });

  it('takes no Tab stop: Recharts’ layers are tabindex −1 and the surface has none', () => {
    const { container } = renderLandscape('gd', createPlaygroundStore());
    const surface = container.querySelector('svg.recharts-surface')!;
    expect(surface).not.toHaveAttribute('tabindex');
    const layers = surface.querySelectorAll(':scope > g[class*="recharts-zIndex-layer"]');
    expect(layers.length).toBeGreaterThan(0);
    for (const layer of layers) expect(layer).toHaveAttribute('tabindex', '-1');
  });
});
