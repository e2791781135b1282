import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance, LECTURE, startRun, traceColumn } from '../../../src/core';
import {
  LANDSCAPE_CAP,
  LANDSCAPE_PADDING,
  landscapeRange,
} from '../../../src/components/charts/landscapeRange';

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
