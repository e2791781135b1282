import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contentBounds,
  dataView,
  lineEnds,
  lineFormula,
  plotFrame,
  viewFits,
  widestLineFormula,
  WIDEST_TICK,
} from '../../../src/components/data/dataPlotGeometry';
import { pixelXY } from '../../../src/components/charts/toolkit';

const lecture = { xs: [1, 2, 3], ys: [2, 4, 6] } as const;

describe('the plot view', () => {
  it('holds the points, and the origin for y = w·x', () => {
    expect(contentBounds(lecture, 'w')).toEqual({ x0: 0, x1: 3, y0: 0, y1: 6 });
    expect(contentBounds({ xs: [8, 12], ys: [12, 14] }, 'w')).toEqual({ x0: 0, x1: 12, y0: 0, y1: 14 });
    expect(contentBounds({ xs: [8, 12], ys: [12, 14] }, 'wb')).toEqual({ x0: 8, x1: 12, y0: 12, y1: 14 });
    expect(contentBounds({ xs: [], ys: [] }, 'wb')).toBeNull();
  });

  it('pads the content by a tenth of its span on every side', () => {
    const view = dataView(lecture, 'w');
    expect(view.x0).toBeCloseTo(-0.3, 12);
    expect(view.x1).toBeCloseTo(3.3, 12);
    expect(view.y0).toBeCloseTo(-0.6, 12);
    expect(view.y1).toBeCloseTo(6.6, 12);
  });

  it('opens a unit around a single value so there is room to drag', () => {
    expect(dataView({ xs: [2], ys: [5] }, 'wb')).toEqual({ x0: 1, x1: 3, y0: 3.75, y1: 6.25 });
    expect(dataView({ xs: [0], ys: [0] }, 'w')).toEqual({ x0: -1, x1: 1, y0: -1, y1: 1 });
  });

  it('keeps a shown view while the content stays well inside and fills it', () => {
    const view = dataView(lecture, 'w');
    expect(viewFits(view, contentBounds({ xs: [1, 2, 3], ys: [2, 4.5, 6] }, 'w')!)).toBe(true);
    // A point past the edge, or data shrunk to a corner, call for a new view.
    expect(viewFits(view, contentBounds({ xs: [1, 2, 3], ys: [2, 4, 6.6] }, 'w')!)).toBe(false);
    expect(viewFits(dataView({ xs: [100], ys: [100] }, 'w'), contentBounds(lecture, 'w')!)).toBe(false);
  });

  it('clips the fitted line to the view', () => {
    const view = { x0: 0, x1: 4, y0: 0, y1: 4 };
    expect(lineEnds('w', { w: 0.5, b: 0 }, view)).toEqual([
      { x: 0, y: 0 },
      { x: 4, y: 2 },
    ]);
    // y = 2x leaves through the top at x = 2.
    expect(lineEnds('w', { w: 2, b: 0 }, view)).toEqual([
      { x: 0, y: 0 },
      { x: 2, y: 4 },
    ]);
    expect(lineEnds('wb', { w: -1, b: 3 }, view)).toEqual([
      { x: 0, y: 3 },
      { x: 3, y: 0 },
    ]);
    // The model y = w·x ignores b.
    expect(lineEnds('w', { w: 1, b: 100 }, view)).toEqual([
      { x: 0, y: 0 },
      { x: 4, y: 4 },
    ]);
    expect(lineEnds('wb', { w: 0, b: 9 }, view)).toBeNull();
    expect(lineEnds('w', { w: NaN, b: 0 }, view)).toBeNull();
    expect(lineEnds('w', { w: Infinity, b: 0 }, view)).toBeNull();
    // Too steep to follow along x: followed along y, the vertical line through the origin.
    const steep = lineEnds('w', { w: 1e308, b: 0 }, { x0: -10, x1: 10, y0: -1, y1: 1 })!;
    expect(steep.map((end) => end.y)).toEqual([-1, 1]);
    for (const end of steep) expect(Math.abs(end.x)).toBeLessThan(1e-300);
  });
});

describe('plotFrame', () => {
  it('maps the view onto the plot area inside the margins, up is up, and back', () => {
    const frame = plotFrame({ x0: -1, x1: 3, y0: 0, y1: 8 }, 640, 384);
    // 640 − 56 − 20 = 564 px wide, 384 − 14 − 42 = 328 px tall.
    expect([frame.plotWidth, frame.plotHeight]).toEqual([564, 328]);
    expect(frame.px(-1)).toBe(56);
    expect(frame.px(3)).toBe(620);
    expect(frame.px(1)).toBe(338);
    expect(frame.py(0)).toBe(342);
    expect(frame.py(8)).toBe(14);
    expect(frame.py(2)).toBe(260);
    expect(frame.toData(pixelXY(338, 260))).toEqual({ x: 1, y: 2 });
    // Beyond the plot: clamped to the view.
    expect(frame.toData(pixelXY(0, 1000))).toEqual({ x: -1, y: 0 });
  });
});

describe('the widest line formula (the legend’s reserve)', () => {
  it('is written as lineFormula writes a line, with both numbers at their widest', () => {
    expect(widestLineFormula('w')).toBe(`${WIDEST_TICK}·x`);
    expect(widestLineFormula('wb')).toBe(`${WIDEST_TICK}·x − ${WIDEST_TICK.slice(1)}`);
    expect(lineFormula('wb', -1.234e-16, -5.678e-12)).toBe('-1.23×10⁻¹⁶·x − 5.68×10⁻¹²');
  });

  it('has at least as many characters as any formula with numbers up to 10⁹⁹ either way', () => {
    const number = fc.oneof(
      fc.constant(0),
      fc.double({ min: -1e99, max: 1e99, noNaN: true }).filter((v) => v === 0 || Math.abs(v) >= 1e-99),
    );
    fc.assert(
      fc.property(number, number, (w, b) => {
        expect([...lineFormula('w', w, b)].length).toBeLessThanOrEqual([...widestLineFormula('w')].length);
        expect([...lineFormula('wb', w, b)].length).toBeLessThanOrEqual([...widestLineFormula('wb')].length);
      }),
    );
  });
});
