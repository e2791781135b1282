import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advance,
  cost,
  costSlice,
  costSlope,
  LANDSCAPE_CAP,
  LANDSCAPE_PADDING,
  landscapeRange,
  LECTURE,
  optimum,
  pickSamples,
  sampleCurve,
  sampleLossSlice,
  sliceOptimum,
  startRun,
  tangentSegment,
  traceColumn,
} from '../../src/core';

const data = LECTURE.data;

describe('landscapeRange', () => {
  it('centres the lecture on w* = 2 and contains w0 = 1 with padding', () => {
    const range = landscapeRange(1, 2, [], 1);
    expect(range.clipped).toBe(false);
    expect(range.min).toBeCloseTo(2 - (1 + LANDSCAPE_PADDING), 12);
    expect(range.max).toBeCloseTo(2 + (1 + LANDSCAPE_PADDING), 12);
  });

  it('contains w0, w*, the current w and the whole trajectory when none is far', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { maxLength: 20 }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (w0, wStar, offsets, currentOffset) => {
          // Every point within |w0 − w*| of w* (or within 1 when w0 = w*): nothing is clipped.
          const d = Math.abs(w0 - wStar) || 1;
          const trajectory = offsets.map((o) => wStar + o * d);
          const current = wStar + currentOffset * d;
          const range = landscapeRange(w0, wStar, trajectory, current);
          expect(range.clipped).toBe(false);
          for (const w of [w0, wStar, current, ...trajectory]) {
            expect(w).toBeGreaterThanOrEqual(range.min);
            expect(w).toBeLessThanOrEqual(range.max);
          }
          expect(range.max).toBeGreaterThan(range.min);
        },
      ),
    );
  });

  it('follows a trajectory that overshoots', () => {
    const range = landscapeRange(1, 2, [3.5, 0.2], 2.4);
    expect(range.clipped).toBe(false);
    const half = 1.8 * (1 + LANDSCAPE_PADDING);
    expect(range.min).toBeCloseTo(2 - half, 12);
    expect(range.max).toBeCloseTo(2 + half, 12);
  });

  it('zooms out to follow a run bouncing ever farther across w*, up to the reach', () => {
    // α = 0.25 on the lecture's data: w − 2 is multiplied by 1 − 0.25·28/3 = −4/3 each epoch.
    const run = advance(
      startRun({ data, model: 'w', init: { w: 1, b: 0 }, lr: 0.25, optimizer: { kind: 'gd' } }),
      8,
    );
    const trajectory = [1, ...traceColumn(run.trace, 'w')];
    const range = landscapeRange(1, 2, trajectory, run.params.w);
    expect(range.clipped).toBe(false);
    for (const w of trajectory) {
      expect(w).toBeGreaterThanOrEqual(range.min);
      expect(w).toBeLessThanOrEqual(range.max);
    }
    // Centred on w*, as wide as the farthest bounce (epoch 8: (4/3)⁸ ≈ 9.99 from w*) plus padding.
    const farthest = Math.max(...trajectory.map((w) => Math.abs(w - 2)));
    expect(farthest).toBeCloseTo((4 / 3) ** 8, 9);
    expect(range.max - 2).toBeCloseTo(farthest * (1 + LANDSCAPE_PADDING), 9);
    expect(2 - range.min).toBeCloseTo(farthest * (1 + LANDSCAPE_PADDING), 9);
  });

  it('keeps the first five bounces of SGD at α = 1 in view (119-fold an epoch)', () => {
    const run = advance(
      startRun({ data, model: 'w', init: { w: 1, b: 0 }, lr: 1, optimizer: { kind: 'sgd' } }),
      5,
    );
    const trajectory = [1, ...traceColumn(run.trace, 'w')];
    expect(Math.abs(trajectory[5]! - 2)).toBeGreaterThan(1e10);
    const range = landscapeRange(1, 2, trajectory, run.params.w);
    expect(range.clipped).toBe(false);
    for (const w of trajectory) {
      expect(w).toBeGreaterThanOrEqual(range.min);
      expect(w).toBeLessThanOrEqual(range.max);
    }
  });

  it('keeps the first bounces of α = 1 in view, and leaves w off the chart beyond the reach', () => {
    const run = advance(
      startRun({ data, model: 'w', init: { w: 1, b: 0 }, lr: 1, optimizer: { kind: 'gd' } }),
      1000,
    );
    expect(run.status).toBe('diverged');
    const trajectory = [1, ...traceColumn(run.trace, 'w')];
    // The first five epochs' w are all within the reach: the range holds them.
    const firstFive = trajectory.slice(0, 6);
    const withinReach = trajectory.filter((w) => Math.abs(w - 2) <= LANDSCAPE_CAP);
    expect(withinReach.length).toBeGreaterThanOrEqual(6);
    const range = landscapeRange(1, 2, trajectory, run.params.w);
    expect(range.clipped).toBe(true);
    expect(range.limit).toBe(LANDSCAPE_CAP);
    for (const w of firstFive) {
      expect(w).toBeGreaterThanOrEqual(range.min);
      expect(w).toBeLessThanOrEqual(range.max);
    }
    // …as wide as the farthest w within the reach, no wider: the parabola stays a parabola.
    const farthest = Math.max(...withinReach.map((w) => Math.abs(w - 2)));
    expect(range.max - 2).toBeCloseTo(farthest * (1 + LANDSCAPE_PADDING), 6);
    expect(range.max - range.min).toBeLessThan(2 * LANDSCAPE_CAP * (1 + LANDSCAPE_PADDING));
    expect(Number.isFinite(range.min) && Number.isFinite(range.max)).toBe(true);
  });

  it('treats non-finite points as off the chart, never as the range', () => {
    const range = landscapeRange(1, 2, [NaN, Infinity], -Infinity);
    expect(range.clipped).toBe(true);
    expect(Number.isFinite(range.min) && Number.isFinite(range.max)).toBe(true);
  });

  it('uses a unit half-width when w0 is already the optimum', () => {
    const range = landscapeRange(2, 2, [2, 2], 2);
    expect(range.clipped).toBe(false);
    expect(range.max - range.min).toBeCloseTo(2 * (1 + LANDSCAPE_PADDING), 12);
  });

  it('honours the cap and padding options', () => {
    // w = 10 is 8 from w*, beyond the reach 2·|w0 − w*| = 2: off the chart, and not the range.
    expect(landscapeRange(1, 2, [10], 2, { cap: 2, padding: 0 })).toEqual({
      min: 1,
      max: 3,
      clipped: true,
      centre: 2,
      limit: 2,
    });
    expect(landscapeRange(1, 2, [3.5], 2, { cap: 2, padding: 0 })).toMatchObject({
      min: 0.5,
      max: 3.5,
      clipped: false,
    });
  });
});

describe('sampleCurve', () => {
  it('samples evenly, both ends included', () => {
    const curve = sampleCurve((w) => w * w, -1, 1, 5);
    expect(curve).toEqual([
      { w: -1, value: 1 },
      { w: -0.5, value: 0.25 },
      { w: 0, value: 0 },
      { w: 0.5, value: 0.25 },
      { w: 1, value: 1 },
    ]);
  });

  it('takes at least two samples and skips non-finite values', () => {
    expect(sampleCurve((w) => w, 0, 1, 0)).toHaveLength(2);
    expect(sampleCurve((w) => (w === 0 ? NaN : 1 / w), 0, 1, 3)).toEqual([
      { w: 0.5, value: 2 },
      { w: 1, value: 1 },
    ]);
  });
});

describe('tangentSegment', () => {
  it('lies on the tangent line and is centred on the point', () => {
    const segment = tangentSegment(1, 4, -3, 2, 10, 0.2);
    expect(segment).not.toBeNull();
    const [a, b] = segment!;
    expect((a.w + b.w) / 2).toBeCloseTo(1, 12);
    expect((a.value + b.value) / 2).toBeCloseTo(4, 12);
    expect((b.value - a.value) / (b.w - a.w)).toBeCloseTo(-3, 12);
  });

  it('has the same normalised length whatever the slope', () => {
    for (const slope of [0, 1, -50, 1e6]) {
      const [a, b] = tangentSegment(0, 0, slope, 4, 20, 0.3)!;
      expect(Math.hypot((b.w - a.w) / 4, (b.value - a.value) / 20)).toBeCloseTo(0.3, 12);
    }
  });

  it('is flat at the optimum', () => {
    const [a, b] = tangentSegment(2, 0, 0, 2, 5)!;
    expect(a.value).toBe(0);
    expect(b.value).toBe(0);
  });

  it('returns null for non-finite input or empty spans', () => {
    expect(tangentSegment(NaN, 0, 1, 1, 1)).toBeNull();
    expect(tangentSegment(0, 0, Infinity, 1, 1)).toBeNull();
    expect(tangentSegment(0, 0, 1, 0, 1)).toBeNull();
    expect(tangentSegment(0, 0, 1, 1, -1)).toBeNull();
  });
});

describe('slices of the cost', () => {
  it('costSlice is the model cost with b held fixed', () => {
    const slice = costSlice('w', data, 0);
    expect(slice(1)).toBe(cost('w', { w: 1, b: 0 }, data));
    expect(slice(2)).toBe(0);
    const sliceB = costSlice('wb', data, 0.5);
    expect(sliceB(1.5)).toBe(cost('wb', { w: 1.5, b: 0.5 }, data));
  });

  it('sampleLossSlice is (x·w + b − y)²', () => {
    expect(sampleLossSlice('w', data, 2, 0)(1)).toBe((3 * 1 - 6) ** 2);
    expect(sampleLossSlice('wb', data, 0, 1)(1)).toBe((1 + 1 - 2) ** 2);
  });

  it('costSlope is 2·mean(x·(x·w − y)), the full-batch gradient', () => {
    // Lecture at w = 1: 2·(1·(1−2) + 2·(2−4) + 3·(3−6))/3 = 2·(−14)/3.
    expect(costSlope('w', data, 1, 0)).toBeCloseTo((2 * -14) / 3, 12);
    expect(costSlope('w', data, 2, 0)).toBe(0);
    // Matches a central difference of the cost.
    const h = 1e-6;
    const numeric =
      (cost('wb', { w: 1.3 + h, b: 0.4 }, data) - cost('wb', { w: 1.3 - h, b: 0.4 }, data)) / (2 * h);
    expect(costSlope('wb', data, 1.3, 0.4)).toBeCloseTo(numeric, 5);
  });

  it('sliceOptimum is optimum() for y = w·x and the conditional minimiser for y = w·x + b', () => {
    expect(sliceOptimum('w', data, 0)).toBe(optimum('w', data).w);
    expect(sliceOptimum('w', data, 0)).toBe(2);
    const b = 1;
    const wb = sliceOptimum('wb', data, b);
    expect(wb).toBeCloseTo((1 * 1 + 2 * 3 + 3 * 5) / 14, 12);
    expect(costSlope('wb', data, wb, b)).toBeCloseTo(0, 12);
    const flat = { xs: [0, 0], ys: [1, 3] };
    expect(sliceOptimum('wb', flat, 0)).toBe(optimum('wb', flat).w);
  });
});

describe('pickSamples', () => {
  it('keeps every sample when they fit', () => {
    expect(pickSamples(3, 1, 12)).toEqual([0, 1, 2]);
    expect(pickSamples(0, null, 12)).toEqual([]);
  });

  it('spreads at most max picks and always includes the highlighted sample', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 2, max: 20 }),
        fc.nat(),
        (n, max, h) => {
          const highlighted = h % n;
          const picks = pickSamples(n, highlighted, max);
          expect(picks.length).toBeLessThanOrEqual(max);
          expect(picks).toContain(highlighted);
          expect([...picks].sort((a, b) => a - b)).toEqual(picks);
          expect(new Set(picks).size).toBe(picks.length);
          for (const i of picks) expect(i >= 0 && i < n).toBe(true);
        },
      ),
    );
    expect(pickSamples(10_000, null, 5)).toEqual([0, 2500, 5000, 7499, 9999]);
  });

  it('ignores a highlighted index out of range', () => {
    expect(pickSamples(100, 250, 3)).toEqual([0, 50, 99]);
  });
});
