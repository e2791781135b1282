import { describe, expect, it } from 'vitest';
import {
  advance,
  clipPolyline,
  contourLevels,
  contourWindow,
  cost,
  costGrid,
  downsampleTrack,
  ellipseExtent,
  epochTrack,
  epochUpdates,
  growWindow,
  inWindow,
  LECTURE,
  marchingSquares,
  optimum,
  presetData,
  sampleGrid,
  startRun,
  sublevelRegions,
  updateTrack,
  windowContains,
  type Dataset,
  type OptimizerSpec,
  type Point2,
  type Polyline,
  type Window2,
} from '../../src/core';

/** cost(w, b) = ((w + b)² + (−w + b)²)/2 = w² + b²: a round bowl centred on (0, 0). */
const ROUND: Dataset = { xs: [1, -1], ys: [0, 0] };
const SQUARE = { min: -2, max: 2 };

const radius = (p: Point2) => Math.hypot(p.w, p.b);

/** The shoelace area of a closed polygon. */
function area(points: readonly Point2[]): number {
  let twice = 0;
  for (let k = 0; k < points.length; k++) {
    const p = points[k]!;
    const q = points[(k + 1) % points.length]!;
    twice += p.w * q.b - q.w * p.b;
  }
  return Math.abs(twice) / 2;
}

const onBorder = (p: Point2, tolerance = 1e-12) =>
  Math.abs(Math.abs(p.w) - 2) < tolerance || Math.abs(Math.abs(p.b) - 2) < tolerance;

function runOf(data: Dataset, optimizer: OptimizerSpec, lr: number, epochs: number, init = { w: 1, b: 0 }) {
  return advance(startRun({ data, model: 'wb', init, lr, optimizer }), epochs);
}

describe('costGrid', () => {
  it('holds exactly cost(w, b) at every node, ends included', () => {
    const data = presetData('noisy', 3);
    const grid = costGrid(data, { min: -1, max: 3 }, { min: -2, max: 0.5 }, 9, 7);
    expect(grid.cols).toBe(9);
    expect(grid.rows).toBe(7);
    expect(grid.ws[0]).toBe(-1);
    expect(grid.ws[8]).toBe(3);
    expect(grid.bs[0]).toBe(-2);
    expect(grid.bs[6]).toBe(0.5);
    let min = Infinity;
    let max = -Infinity;
    for (let j = 0; j < 7; j++) {
      for (let i = 0; i < 9; i++) {
        const expected = cost('wb', { w: grid.ws[i]!, b: grid.bs[j]! }, data);
        expect(grid.values[j * 9 + i]).toBe(expected);
        min = Math.min(min, expected);
        max = Math.max(max, expected);
      }
    }
    expect(grid.min).toBe(min);
    expect(grid.max).toBe(max);
    // Even spacing.
    for (let i = 1; i < 9; i++) expect(grid.ws[i]! - grid.ws[i - 1]!).toBeCloseTo(0.5, 12);
  });

  it('keeps at least 2 nodes per axis and ignores non-finite values in min and max', () => {
    const grid = sampleGrid((w) => (w > 0 ? Infinity : w), { min: -1, max: 1 }, { min: 0, max: 1 }, 1, 0);
    expect(grid.cols).toBe(2);
    expect(grid.rows).toBe(2);
    expect(grid.min).toBe(-1);
    expect(grid.max).toBe(-1);
  });
});

describe('marchingSquares', () => {
  const grid = costGrid(ROUND, SQUARE, SQUARE, 81, 81);

  it('traces the round bowl as one closed loop at the right radius', () => {
    for (const r of [0.5, 1, 1.5]) {
      const lines = marchingSquares(grid, r * r);
      expect(lines).toHaveLength(1);
      const loop = lines[0]!;
      expect(loop.closed).toBe(true);
      expect(loop.points.length).toBeGreaterThan(20);
      for (const p of loop.points) expect(Math.abs(radius(p) - r)).toBeLessThan(0.01);
      // The loop goes all the way round: its area is πr².
      expect(area(loop.points)).toBeCloseTo(Math.PI * r * r, 1);
    }
  });

  it('traces an ellipse of a sampled function', () => {
    const ellipse = sampleGrid(
      (w, b) => (w * w) / 4 + b * b,
      { min: -3, max: 3 },
      { min: -1.5, max: 1.5 },
      121,
      61,
    );
    const [loop, ...rest] = marchingSquares(ellipse, 1);
    expect(rest).toHaveLength(0);
    expect(loop!.closed).toBe(true);
    for (const p of loop!.points) expect(Math.abs((p.w * p.w) / 4 + p.b * p.b - 1)).toBeLessThan(0.01);
  });

  it('leaves lines that cross the border open, ending on it', () => {
    // r = √5 > 2: the circle cuts the square's four corners.
    const lines = marchingSquares(grid, 5);
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(line.closed).toBe(false);
      expect(onBorder(line.points[0]!)).toBe(true);
      expect(onBorder(line.points[line.points.length - 1]!)).toBe(true);
      for (const p of line.points) expect(Math.abs(radius(p) - Math.sqrt(5))).toBeLessThan(0.01);
    }
  });

  it('draws nothing for a level outside the values, or not finite', () => {
    expect(marchingSquares(grid, -1)).toEqual([]);
    expect(marchingSquares(grid, 100)).toEqual([]);
    expect(marchingSquares(grid, NaN)).toEqual([]);
  });

  it('resolves a saddle cell by its centre', () => {
    // Corners: below at (0,0) and (1,1), above at (1,0) and (0,1).
    const saddle = (centre: number) =>
      marchingSquares(
        {
          cols: 2,
          rows: 2,
          ws: Float64Array.of(0, 1),
          bs: Float64Array.of(0, 1),
          values: Float64Array.of(0, 2, 2, 0),
          min: 0,
          max: 2,
        },
        centre,
      );
    // Mean of the corners is 1: at level 1.5 the centre is below, so the two below corners join and
    // the lines cut off the corners above, (1, 0) and (0, 1).
    const joined = saddle(1.5);
    expect(joined).toHaveLength(2);
    const cut = joined.map((line) => line.points.map((p) => p.w + p.b));
    for (const sums of cut) for (const sum of sums) expect(sum).toBeGreaterThan(0.5);
    // At 0.5 the centre is above: the lines cut off the below corners (0, 0) and (1, 1).
    const apart = saddle(0.5);
    expect(apart).toHaveLength(2);
    const nearCorner = apart.map((line) => line.points.every((p) => p.w + p.b < 0.6 || p.w + p.b > 1.4));
    expect(nearCorner).toEqual([true, true]);
  });
});

describe('sublevelRegions', () => {
  const grid = costGrid(ROUND, SQUARE, SQUARE, 81, 81);

  it('closes the region below a level along the border', () => {
    const inside = sublevelRegions(grid, 1);
    expect(inside).toHaveLength(1);
    expect(inside[0]!.closed).toBe(true);
    expect(area(inside[0]!.points)).toBeCloseTo(Math.PI, 1);
    const cut = sublevelRegions(grid, 5);
    expect(cut).toHaveLength(1);
    expect(cut[0]!.closed).toBe(true);
    // The square without its four corners beyond the circle of radius √5, which meets the border at
    // (±2, ±1) and (±1, ±2): each corner is 2 − ∫₁² √(5 − x²) dx = 2 − (5/2)·(asin(2/√5) − asin(1/√5)).
    const corner = 2 - 2.5 * (Math.asin(2 / Math.sqrt(5)) - Math.asin(1 / Math.sqrt(5)));
    expect(area(cut[0]!.points)).toBeCloseTo(16 - 4 * corner, 2);
    for (const p of cut[0]!.points)
      expect(onBorder(p) || Math.abs(radius(p) - Math.sqrt(5)) < 0.01).toBe(true);
    // Above every value the region is the whole window.
    const all = sublevelRegions(grid, 100);
    expect(all).toHaveLength(1);
    expect(area(all[0]!.points)).toBeCloseTo(16, 9);
  });
});

describe('contourLevels', () => {
  it('ascends strictly between min and max, each excess twice the one below', () => {
    const levels = contourLevels(0.5, 40.5, 12);
    expect(levels).toHaveLength(12);
    for (let k = 0; k < levels.length; k++) {
      expect(levels[k]).toBeGreaterThan(0.5);
      expect(levels[k]).toBeLessThan(40.5);
      if (k > 0) {
        expect(levels[k]).toBeGreaterThan(levels[k - 1]!);
        expect((levels[k]! - 0.5) / (levels[k - 1]! - 0.5)).toBeCloseTo(2, 12);
      }
    }
    expect(levels[11]! - 0.5).toBeCloseTo(0.85 * 40, 12);
  });

  it('is empty when there is no range', () => {
    expect(contourLevels(1, 1, 5)).toEqual([]);
    expect(contourLevels(2, 1, 5)).toEqual([]);
    expect(contourLevels(0, Infinity, 5)).toEqual([]);
    expect(contourLevels(NaN, 1, 5)).toEqual([]);
    expect(contourLevels(0, 1, 0)).toEqual([]);
  });

  it('on a quadratic bowl gives ellipses √2 apart in size', () => {
    const grid = costGrid(ROUND, SQUARE, SQUARE, 121, 121);
    const levels = contourLevels(0, 4, 6);
    const radii = levels.map((level) => {
      const [loop] = marchingSquares(grid, level) as [Polyline];
      return loop.points.reduce((sum, p) => sum + radius(p), 0) / loop.points.length;
    });
    for (let k = 1; k < radii.length; k++) expect(radii[k]! / radii[k - 1]!).toBeCloseTo(Math.SQRT2, 2);
  });
});

describe('ellipseExtent', () => {
  it('is the reach of the contour through θ₀', () => {
    // The round bowl: the contour through (1, 0) is the unit circle.
    const round = ellipseExtent(ROUND, { w: 1, b: 0 });
    expect(round.w).toBeCloseTo(1, 12);
    expect(round.b).toBeCloseTo(1, 12);
    // The lecture's bowl, checked against the contour traced on a fine grid.
    const extent = ellipseExtent(LECTURE.data, { w: 1, b: 0 });
    const level = cost('wb', { w: 1, b: 0 }, LECTURE.data);
    const grid = costGrid(LECTURE.data, { min: -2, max: 6 }, { min: -8, max: 8 }, 201, 201);
    const [loop] = marchingSquares(grid, level) as [Polyline];
    const ws = loop.points.map((p) => p.w - 2);
    const bs = loop.points.map((p) => p.b);
    expect(Math.max(...ws)).toBeCloseTo(extent.w, 1);
    expect(Math.max(...bs)).toBeCloseTo(extent.b, 1);
    expect(ellipseExtent({ xs: [2, 2], ys: [1, 3] }, { w: 0, b: 0 }).w).toBe(Infinity);
  });
});

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

describe('tracks', () => {
  const data = presetData('noisy', 1);

  it('epochTrack is θ₀ then θ after each epoch', () => {
    const run = runOf(data, { kind: 'gd' }, 0.02, 5);
    const track = epochTrack(run);
    expect(track.ws).toHaveLength(6);
    expect([track.ws[0], track.bs[0]]).toEqual([1, 0]);
    expect([track.ws[5], track.bs[5]]).toEqual([run.params.w, run.params.b]);
  });

  it('downsampleTrack keeps the ends and stays within its budget', () => {
    const run = runOf(data, { kind: 'gd' }, 0.02, 2000);
    const track = epochTrack(run);
    const picks = downsampleTrack(track, 300);
    expect(picks.length).toBeLessThanOrEqual(300);
    expect(picks[0]).toBe(0);
    expect(picks[picks.length - 1]).toBe(2000);
    for (let k = 1; k < picks.length; k++) expect(picks[k]).toBeGreaterThan(picks[k - 1]!);
    expect(downsampleTrack(epochTrack(runOf(data, { kind: 'gd' }, 0.02, 3)), 300)).toEqual([0, 1, 2, 3]);
  });

  it('updateTrack replays every update of the latest epochs, and none for GD', () => {
    expect(updateTrack(runOf(data, { kind: 'gd' }, 0.02, 3)).ws).toHaveLength(0);
    const run = runOf(data, { kind: 'sgd' }, 0.02, 3);
    const track = updateTrack(run);
    const n = data.xs.length;
    expect(track.ws).toHaveLength(3 * n + 1);
    expect([track.ws[0], track.bs[0]]).toEqual([1, 0]);
    const second = epochUpdates(run, 1);
    expect([track.ws[n + 2], track.bs[n + 2]]).toEqual([second[1]!.after.w, second[1]!.after.b]);
    expect([track.ws[3 * n], track.bs[3 * n]]).toEqual([run.params.w, run.params.b]);
    // The epoch in progress goes on the end.
    const next = epochUpdates(run, 3).slice(0, 2);
    const moving = updateTrack(run, next);
    expect(moving.ws).toHaveLength(3 * n + 3);
    expect(moving.ws[3 * n + 2]).toBe(next[1]!.after.w);
    // A budget of 2 epochs' updates keeps the last 2 epochs, starting where they start.
    const recent = updateTrack(run, [], 2 * n);
    expect(recent.ws).toHaveLength(2 * n + 1);
    expect(recent.ws[0]).toBe(epochUpdates(run, 1)[0]!.before.w);
    // Before any update there is nothing to draw.
    expect(updateTrack(runOf(data, { kind: 'sgd' }, 0.02, 0)).ws).toHaveLength(0);
  });

  it('mini-batch updates are replayed too', () => {
    const run = runOf(data, { kind: 'minibatch', batchSize: 4 }, 0.02, 2);
    expect(updateTrack(run).ws).toHaveLength(2 * 2 + 1);
  });
});
