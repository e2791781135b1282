import { describe, expect, it } from 'vitest';
import {
  advance,
  contourLevels,
  cost,
  costBowl,
  downsampleTrack,
  ellipseExtent,
  epochTrack,
  epochUpdates,
  LECTURE,
  levelSet,
  optimum,
  presetData,
  startRun,
  updateTrack,
  windowContours,
  type Dataset,
  type LevelSet,
  type OptimizerSpec,
  type Point2,
} from '../../src/core';

/** cost(w, b) = ((w + b)² + (−w + b)²)/2 = w² + b²: a round bowl centred on (0, 0). */
const ROUND: Dataset = { xs: [1, -1], ys: [0, 0] };
/** Every x the same: cost = (2w + b − 3)² + 8/3, a flat valley along 2w + b = 3. */
const VALLEY: Dataset = { xs: [2, 2, 2], ys: [1, 3, 5] };

/** The point of a level set at parameter t (an ellipse) or at s along the first of its lines. */
function pointOf(curve: LevelSet, t: number): Point2 {
  if (curve.kind === 'ellipse') {
    const [u, v] = curve.semiAxes;
    return {
      w: curve.centre.w + Math.cos(t) * u.w + Math.sin(t) * v.w,
      b: curve.centre.b + Math.cos(t) * u.b + Math.sin(t) * v.b,
    };
  }
  return {
    w: curve.centre.w + curve.across.w + t * curve.along.w,
    b: curve.centre.b + curve.across.b + t * curve.along.b,
  };
}

const length = (v: Point2) => Math.hypot(v.w, v.b);

function runOf(data: Dataset, optimizer: OptimizerSpec, lr: number, epochs: number, init = { w: 1, b: 0 }) {
  return advance(startRun({ data, model: 'wb', init, lr, optimizer }), epochs);
}

describe('costBowl', () => {
  it('is θ*, cost(θ*) and the eigen-decomposition of H = 2·[[mean x², mean x], [mean x, 1]]', () => {
    const round = costBowl(ROUND);
    expect(round.centre).toEqual({ w: 0, b: 0 });
    expect(round.floor).toBe(0);
    expect(round.curvatures).toEqual([2, 2]);

    // The lecture's data: H = [[28/3, 4], [4, 2]], λ = (17 ± √265)/3.
    const bowl = costBowl(LECTURE.data);
    expect(bowl.centre).toEqual(optimum('wb', LECTURE.data));
    expect(bowl.floor).toBe(cost('wb', bowl.centre, LECTURE.data));
    const [steep, shallow] = bowl.curvatures;
    expect(steep).toBeCloseTo((17 + Math.sqrt(265)) / 3, 12);
    expect(shallow).toBeCloseTo((17 - Math.sqrt(265)) / 3, 12);
    const h = { a: 28 / 3, c: 4, d: 2 };
    bowl.axes.forEach((u, i) => {
      const lambda = bowl.curvatures[i]!;
      expect(length(u)).toBeCloseTo(1, 14);
      expect(h.a * u.w + h.c * u.b).toBeCloseTo(lambda * u.w, 12);
      expect(h.c * u.w + h.d * u.b).toBeCloseTo(lambda * u.b, 12);
    });
    expect(bowl.axes[0].w * bowl.axes[1].w + bowl.axes[0].b * bowl.axes[1].b).toBeCloseTo(0, 14);
  });

  it('is flat along the valley when every x is the same (H singular)', () => {
    const bowl = costBowl(VALLEY);
    expect(bowl.curvatures[1]).toBe(0);
    // H = 2·[[4, 2], [2, 1]]: λ₁ = 10 across the valley, along (2, 1)/√5.
    expect(bowl.curvatures[0]).toBeCloseTo(10, 12);
    expect(Math.abs(bowl.axes[0].w)).toBeCloseTo(2 / Math.sqrt(5), 12);
    expect(Math.abs(bowl.axes[0].b)).toBeCloseTo(1 / Math.sqrt(5), 12);
    // Nearly equal x (10⁻⁹ apart) are a valley too: its ellipses would be 10¹² times longer than wide.
    expect(costBowl({ xs: [1000, 1000 + 1e-9, 1000 + 2e-9], ys: [1, 3, 5] }).curvatures[1]).toBe(0);
  });

  it('stays finite for x up to 10¹⁵⁰', () => {
    const bowl = costBowl({ xs: [1e150, 2e150], ys: [1, 2] });
    for (const value of [
      ...bowl.curvatures,
      bowl.axes[0].w,
      bowl.axes[0].b,
      bowl.axes[1].w,
      bowl.axes[1].b,
    ]) {
      expect(Number.isFinite(value)).toBe(true);
    }
    expect(bowl.curvatures[0]).toBeCloseTo(5e300, -290);
  });
});

describe('levelSet', () => {
  it('is the circle of radius √level on the round bowl', () => {
    const curve = levelSet(costBowl(ROUND), 2.25)!;
    expect(curve.kind).toBe('ellipse');
    for (let k = 0; k < 12; k++) {
      const p = pointOf(curve, (k * Math.PI) / 6);
      expect(Math.hypot(p.w, p.b)).toBeCloseTo(1.5, 12);
    }
  });

  it('runs through points of exactly that cost, on the lecture’s bowl and in a valley', () => {
    const bowl = costBowl(LECTURE.data);
    for (const level of [0.01, 1, 14 / 3, 1e6]) {
      const curve = levelSet(bowl, level)!;
      expect(curve.kind).toBe('ellipse');
      for (let k = 0; k < 16; k++) {
        expect(cost('wb', pointOf(curve, (k * Math.PI) / 8), LECTURE.data) / level).toBeCloseTo(1, 10);
      }
    }
    // The ellipse through θ₀ = (1, 0) is the contour of cost(θ₀).
    const start = levelSet(bowl, cost('wb', { w: 1, b: 0 }, LECTURE.data))!;
    const [u, v] = start.kind === 'ellipse' ? start.semiAxes : [];
    expect(length(u!) * length(v!)).toBeGreaterThan(0);

    const valley = costBowl(VALLEY);
    const lines = levelSet(valley, valley.floor + 4)!;
    expect(lines.kind).toBe('lines');
    for (const s of [-1e3, 0, 2.5]) {
      expect(cost('wb', pointOf(lines, s), VALLEY)).toBeCloseTo(valley.floor + 4, 9);
    }
  });

  it('is null at or below the floor and for a level that is not finite', () => {
    const bowl = costBowl(LECTURE.data);
    expect(levelSet(bowl, bowl.floor)).toBeNull();
    expect(levelSet(bowl, bowl.floor - 1)).toBeNull();
    expect(levelSet(bowl, NaN)).toBeNull();
    expect(levelSet(bowl, Infinity)).toBeNull();
  });

  it('reaches a level near the largest double without overflowing', () => {
    const curve = levelSet(costBowl(LECTURE.data), 1e308)!;
    const [u, v] = curve.kind === 'ellipse' ? curve.semiAxes : [];
    for (const value of [u!.w, u!.b, v!.w, v!.b]) expect(Number.isFinite(value)).toBe(true);
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
    const bowl = costBowl(LECTURE.data);
    const sizes = contourLevels(bowl.floor, bowl.floor + 4, 6).map((level) => {
      const curve = levelSet(bowl, level)!;
      return curve.kind === 'ellipse' ? length(curve.semiAxes[0]) : NaN;
    });
    for (let k = 1; k < sizes.length; k++) expect(sizes[k]! / sizes[k - 1]!).toBeCloseTo(Math.SQRT2, 12);
  });
});

describe('windowContours', () => {
  const window = { w: { min: 0.5, max: 2.5 }, b: { min: -1, max: 1 } };

  it('draws the levels from cost(θ*) to the highest corner of the window, each on its curve', () => {
    const contours = windowContours(LECTURE.data, window, 12);
    const corners = [
      [0.5, -1],
      [0.5, 1],
      [2.5, -1],
      [2.5, 1],
    ].map(([w, b]) => cost('wb', { w: w!, b: b! }, LECTURE.data));
    const floor = cost('wb', optimum('wb', LECTURE.data), LECTURE.data);
    expect(contours.map((c) => c.level)).toEqual(contourLevels(floor, Math.max(...corners), 12));
    for (const { level, curve } of contours) {
      expect(cost('wb', pointOf(curve, 1), LECTURE.data) / level).toBeCloseTo(1, 9);
    }
  });

  it('draws parallel lines for a valley, and nothing where every corner overflows', () => {
    const lines = windowContours(VALLEY, { w: { min: 0, max: 2 }, b: { min: 0, max: 3 } }, 12);
    expect(lines).toHaveLength(12);
    for (const { curve } of lines) expect(curve.kind).toBe('lines');
    const huge = { w: { min: 1e155, max: 2e155 }, b: { min: 0, max: 1 } };
    expect(windowContours(LECTURE.data, huge, 12)).toEqual([]);
  });

  it('keeps finite, distinct levels for a window 10¹⁵⁰ wide', () => {
    const far = { w: { min: -2e149, max: 1.2e150 }, b: { min: -6e149, max: 6e149 } };
    const contours = windowContours(LECTURE.data, far, 12);
    expect(contours).toHaveLength(12);
    for (const { level, curve } of contours) {
      expect(Number.isFinite(level)).toBe(true);
      const p = pointOf(curve, 2);
      expect(Number.isFinite(p.w) && Number.isFinite(p.b)).toBe(true);
    }
  });
});

describe('ellipseExtent', () => {
  it('is the reach of the contour through θ₀', () => {
    // The round bowl: the contour through (1, 0) is the unit circle.
    const round = ellipseExtent(ROUND, { w: 1, b: 0 });
    expect(round.w).toBeCloseTo(1, 12);
    expect(round.b).toBeCloseTo(1, 12);
    // The lecture's bowl: θ(t) = θ* + cos t·u + sin t·v reaches hypot(u_w, v_w) along w.
    const extent = ellipseExtent(LECTURE.data, { w: 1, b: 0 });
    const curve = levelSet(costBowl(LECTURE.data), cost('wb', { w: 1, b: 0 }, LECTURE.data))!;
    const [u, v] = curve.kind === 'ellipse' ? curve.semiAxes : [];
    expect(Math.hypot(u!.w, v!.w)).toBeCloseTo(extent.w, 12);
    expect(Math.hypot(u!.b, v!.b)).toBeCloseTo(extent.b, 12);
    expect(ellipseExtent({ xs: [2, 2], ys: [1, 3] }, { w: 0, b: 0 }).w).toBe(Infinity);
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
