import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cost,
  costSlice,
  costSlope,
  LECTURE,
  optimum,
  pickSamples,
  sampleCurve,
  sampleLossSlice,
  sliceOptimum,
  tangentSegment,
} from '../../src/core';

const data = LECTURE.data;

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
