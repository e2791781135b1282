import { describe, expect, it } from 'vitest';
import { plotScales } from '../../../src/components/charts/toolkit';
import {
  clipPolyline,
  contourPaths,
  contourWindow,
  growWindow,
  inWindow,
  stepSegment,
  windowContains,
} from '../../../src/components/charts/landscape2dGeometry';
import {
  advance,
  ellipseExtent,
  epochTrack,
  LECTURE,
  optimum,
  presetData,
  startRun,
  updateTrack,
  type Dataset,
  type OptimizerSpec,
  type Window2,
} from '../../../src/core';

function runOf(data: Dataset, optimizer: OptimizerSpec, lr: number, epochs: number, init = { w: 1, b: 0 }) {
  return advance(startRun({ data, model: 'wb', init, lr, optimizer }), epochs);
}

describe('contourWindow', () => {
  const data = presetData('offset', 1);

  it('holds θ₀, θ* and a converging run, with room around them', () => {
    const run = runOf(data, { kind: 'sgd' }, 0.004, 60);
    const track = epochTrack(run);
    const steps = updateTrack(run);
    const { window, clipped } = contourWindow(data, run.setup.init, [track, steps]);
    expect(clipped).toBe(false);
    const star = optimum('wb', data);
    for (const p of [run.setup.init, star]) {
      expect(inWindow(window, p)).toBe(true);
      // Not on the edge.
      expect(p.w - window.w.min).toBeGreaterThan(0);
      expect(window.b.max - p.b).toBeGreaterThan(0);
    }
    for (const t of [track, steps]) {
      for (let k = 0; k < t.ws.length; k++) expect(inWindow(window, { w: t.ws[k]!, b: t.bs[k]! })).toBe(true);
    }
  });

  it('still shows the bowl when θ₀ and θ* share a b', () => {
    const { window } = contourWindow(LECTURE.data, { w: 1, b: 0 }, []);
    const extent = ellipseExtent(LECTURE.data, { w: 1, b: 0 });
    // w from 1 to 2; b spread in proportion, never a sliver.
    expect(window.w.min).toBeLessThan(1);
    expect(window.w.max).toBeGreaterThan(2);
    const hw = (window.w.max - window.w.min) / 2;
    const hb = (window.b.max - window.b.min) / 2;
    expect(hb / extent.b).toBeCloseTo((0.6 * hw) / extent.w, 9);
  });

  it('never has an empty span, even with θ₀ = θ*', () => {
    const { window } = contourWindow(LECTURE.data, { w: 2, b: 0 }, []);
    expect(window.w.max - window.w.min).toBeGreaterThan(1);
    expect(window.b.max - window.b.min).toBeGreaterThan(1);
  });

  it('stops at the cap for a diverging run and says so', () => {
    const run = runOf(data, { kind: 'gd' }, 0.05, 20);
    const track = epochTrack(run);
    const capped = contourWindow(data, run.setup.init, [track]);
    expect(capped.clipped).toBe(true);
    const calm = contourWindow(data, run.setup.init, []);
    const span = (w: Window2) => w.w.max - w.w.min;
    // 4× the base box, padded alike.
    expect(span(capped.window) / span(calm.window)).toBeCloseTo(4, 9);
    for (const value of [
      capped.window.w.min,
      capped.window.w.max,
      capped.window.b.min,
      capped.window.b.max,
    ]) {
      expect(Number.isFinite(value)).toBe(true);
    }
    // A point that is not finite is off the chart too.
    expect(contourWindow(data, run.setup.init, [{ ws: [NaN], bs: [0] }]).clipped).toBe(true);
  });
});

describe('growWindow', () => {
  const current: Window2 = { w: { min: 0, max: 1 }, b: { min: 0, max: 2 } };

  it('keeps the same window while the needed one fits', () => {
    expect(growWindow(current, { w: { min: 0.2, max: 1 }, b: { min: 0, max: 1 } })).toBe(current);
  });

  it('grows to hold the needed window, with slack on the sides that moved', () => {
    const grown = growWindow(current, { w: { min: 0.5, max: 1.5 }, b: { min: -1, max: 1 } }, 0.25);
    expect(windowContains(grown, current)).toBe(true);
    expect(grown.w).toEqual({ min: 0, max: 1.5 + 0.25 * 1.5 });
    expect(grown.b).toEqual({ min: -1 - 0.25 * 3, max: 2 });
  });
});

describe('clipPolyline', () => {
  const box: Window2 = { w: { min: 0, max: 10 }, b: { min: 0, max: 10 } };

  it('keeps a polyline inside the box as it is', () => {
    const points = [
      { w: 1, b: 1 },
      { w: 5, b: 2 },
      { w: 9, b: 9 },
    ];
    expect(clipPolyline(points, box)).toEqual([points]);
  });

  it('cuts segments at the edges and keeps their direction', () => {
    const pieces = clipPolyline(
      [
        { w: 5, b: 5 },
        { w: 15, b: 10 },
        { w: 15, b: 0 },
        { w: 5, b: 5 },
      ],
      box,
    );
    expect(pieces).toEqual([
      [
        { w: 5, b: 5 },
        { w: 10, b: 7.5 },
      ],
      [
        { w: 10, b: 2.5 },
        { w: 5, b: 5 },
      ],
    ]);
  });

  it('handles a point far away and breaks at a point that is not finite', () => {
    const pieces = clipPolyline(
      [
        { w: 5, b: 5 },
        { w: 5 + 1e300, b: 5 },
        { w: NaN, b: 0 },
        { w: 2, b: 2 },
        { w: 3, b: 3 },
      ],
      box,
    );
    expect(pieces).toEqual([
      [
        { w: 5, b: 5 },
        { w: 10, b: 5 },
      ],
      [
        { w: 2, b: 2 },
        { w: 3, b: 3 },
      ],
    ]);
    expect(clipPolyline([{ w: 20, b: 20 }], box)).toEqual([]);
    expect(clipPolyline([{ w: 2, b: 2 }], box)).toEqual([[{ w: 2, b: 2 }]]);
  });
});

describe('stepSegment', () => {
  const box: Window2 = { w: { min: 0, max: 10 }, b: { min: 0, max: 10 } };

  it('ends at the target when the window holds it, and cuts it at the edge in its own direction', () => {
    const to = { w: 6, b: 3 };
    expect(stepSegment({ w: 5, b: 5 }, to, box)).toEqual({ to, clipped: false });
    expect(stepSegment({ w: 5, b: 5 }, { w: 5, b: 5 }, box)).toEqual({ to: { w: 5, b: 5 }, clipped: false });
    expect(stepSegment({ w: 5, b: 5 }, { w: 25, b: 0 }, box)).toEqual({
      to: { w: 10, b: 3.75 },
      clipped: true,
    });
  });

  it('stays finite for a step whose size overflows, and keeps its direction', () => {
    for (const far of [
      { w: 1.7e308, b: -1.7e308 },
      { w: -Number.MAX_VALUE, b: 5 },
    ]) {
      const drawn = stepSegment({ w: 2, b: 5 }, far, box)!;
      expect(drawn.clipped).toBe(true);
      expect(Number.isFinite(drawn.to.w) && Number.isFinite(drawn.to.b)).toBe(true);
      expect(inWindow(box, drawn.to)).toBe(true);
    }
    expect(stepSegment({ w: 2, b: 5 }, { w: 1.7e308, b: -1.7e308 }, box)!.to).toEqual({ w: 7, b: 0 });
    expect(stepSegment({ w: 2, b: 5 }, { w: -Number.MAX_VALUE, b: 5 }, box)!.to).toEqual({ w: 0, b: 5 });
  });

  it('draws nothing from off the window or toward a point that is not finite', () => {
    expect(stepSegment({ w: 20, b: 5 }, { w: 5, b: 5 }, box)).toBeNull();
    expect(stepSegment({ w: NaN, b: 5 }, { w: 5, b: 5 }, box)).toBeNull();
    expect(stepSegment({ w: 5, b: 5 }, { w: Infinity, b: 5 }, box)).toBeNull();
    expect(stepSegment({ w: 5, b: 5 }, { w: 5, b: NaN }, box)).toBeNull();
  });
});

describe('contourPaths', () => {
  const box = { left: 50, top: 10, right: 586, bottom: 222 };
  /** Every number in a path's data. */
  const numbers = (d: string) => (d.match(/-?[\d.]+(?:e[+-]?\d+)?/g) ?? []).map(Number);

  it('draws each level of the lecture’s bowl as an outline and a region inside the plot', () => {
    const { window } = contourWindow(LECTURE.data, { w: 1, b: 0 }, []);
    const scales = plotScales([window.w.min, window.w.max], [window.b.min, window.b.max], box);
    const contours = contourPaths(LECTURE.data, scales, 12);
    expect(contours).toHaveLength(12);
    for (const { lines, band } of contours) {
      expect(lines).toMatch(/^M/);
      expect(band).toMatch(/Z$/);
      for (const n of [...numbers(lines), ...numbers(band)]) expect(Math.abs(n)).toBeLessThan(700);
    }
    // The innermost ellipses lie wholly inside the plot: closed loops of Bézier arcs.
    expect(contours[0]!.lines).toMatch(/^M[\d.,]+(C[\d.,-]+)+Z$/);
  });

  it('keeps every coordinate near the plot, never NaN, for the huge and the degenerate', () => {
    const cases: [Dataset, Window2][] = [
      [LECTURE.data, { w: { min: -2e149, max: 1.2e150 }, b: { min: -6e149, max: 6e149 } }],
      [
        { xs: [2, 2, 2], ys: [1, 3, 5] },
        { w: { min: -1, max: 2 }, b: { min: -1, max: 4 } },
      ],
      [
        { xs: [1000, 1000.001, 1000.002], ys: [1, 3, 5] },
        { w: { min: -3, max: 4 }, b: { min: -9, max: 12 } },
      ],
      [
        { xs: [1e-150, 2e-150], ys: [1e-150, 3e-150] },
        { w: { min: -1, max: 2 }, b: { min: 0, max: 4e-150 } },
      ],
    ];
    for (const [data, window] of cases) {
      const scales = plotScales([window.w.min, window.w.max], [window.b.min, window.b.max], box);
      const contours = contourPaths(data, scales, 12);
      expect(contours.length).toBeGreaterThan(0);
      for (const { lines, band } of contours) {
        expect(`${lines}${band}`).not.toMatch(/NaN|Infinity/);
        for (const n of [...numbers(lines), ...numbers(band)]) expect(Math.abs(n)).toBeLessThan(700);
      }
    }
  });
});
