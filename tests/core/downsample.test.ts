import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  downsampleMinMax,
  extendMinMax,
  minMaxExtent,
  minMaxPicks,
  type MinMaxSummary,
} from '../../src/core';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** The structural promises: few enough indices, strictly increasing, in range, all finite values. */
function expectWellFormed(
  values: ArrayLike<number>,
  maxPoints: number,
  picked: number[],
  length = values.length,
) {
  expect(picked.length).toBeLessThanOrEqual(maxPoints + 2);
  if (maxPoints >= 4) expect(picked.length).toBeLessThanOrEqual(maxPoints);
  for (let k = 1; k < picked.length; k++) expect(picked[k]!).toBeGreaterThan(picked[k - 1]!);
  for (const i of picked) {
    expect(Number.isInteger(i) && i >= 0 && i < length).toBe(true);
    expect(Number.isFinite(values[i]!)).toBe(true);
  }
}

/**
 * Every finite value lies between the smallest and largest picked value near it, so the drawn envelope
 * contains the whole series: no spike or dip is lost. (The neighbours of i are the picks around it.)
 */
function expectEnvelope(values: ArrayLike<number>, picked: number[], length = values.length) {
  let next = 0; // position in `picked` of the first pick ≥ i
  for (let i = 0; i < length; i++) {
    const v = values[i]!;
    while (next < picked.length && picked[next]! < i) next++;
    if (!Number.isFinite(v)) continue;
    const around = picked.slice(Math.max(0, next - 2), next + 3).map((j) => values[j]!);
    expect(v, `value ${v} at ${i} escapes the picks around it`).toBeGreaterThanOrEqual(Math.min(...around));
    expect(v, `value ${v} at ${i} escapes the picks around it`).toBeLessThanOrEqual(Math.max(...around));
  }
}

describe('downsampleMinMax', () => {
  it('returns small inputs whole', () => {
    expect(downsampleMinMax([3, 1, 4, 1, 5], 5)).toEqual([0, 1, 2, 3, 4]);
    expect(downsampleMinMax([3, 1, 4], 1000)).toEqual([0, 1, 2]);
    expect(downsampleMinMax([7], 1)).toEqual([0]);
    expect(downsampleMinMax([], 10)).toEqual([]);
    expect(downsampleMinMax(new Float64Array(range(300)), 300)).toEqual(range(300));
  });

  it('skips non-finite values, in small and large inputs alike', () => {
    expect(downsampleMinMax([1, NaN, 3, Infinity, -Infinity, 6], 10)).toEqual([0, 2, 5]);
    const values = range(10_001).map((i) => (i % 7 === 0 ? NaN : i % 11 === 0 ? Infinity : Math.sin(i)));
    const picked = downsampleMinMax(values, 100);
    expectWellFormed(values, 100, picked);
    expect(picked[0]).toBeGreaterThan(0); // index 0 is NaN
    expect(picked[0]).toBeLessThan(10_000 / 49); // …but the first bucket still has its picks
    expect(picked.at(-1)).toBe(10_000);
    expectEnvelope(values, picked);
  });

  it('drops a non-finite last point instead of returning it', () => {
    const values = [...range(999), NaN];
    const picked = downsampleMinMax(values, 50);
    expect(picked.includes(999)).toBe(false);
    expectWellFormed(values, 50, picked);
  });

  it('keeps a single spike (and a single dip) among 100,000 flat values', () => {
    for (const [at, maxPoints] of [
      [1, 100],
      [50_000, 100],
      [99_998, 100],
      [12_345, 10],
      [77_777, 2_000],
    ] as const) {
      for (const spike of [1e6, -1e6]) {
        const values = new Float64Array(100_000).fill(0.5);
        values[at] = spike;
        const picked = downsampleMinMax(values, maxPoints);
        expectWellFormed(values, maxPoints, picked);
        expect(picked).toContain(at);
        expect(picked[0]).toBe(0);
        expect(picked.at(-1)).toBe(99_999);
      }
    }
  });

  it('reads only the first `length` values of a longer buffer', () => {
    const buffer = new Float64Array(1024);
    for (let i = 0; i < 600; i++) buffer[i] = Math.cos(i / 7);
    buffer[700] = 1e9; // beyond length: must not appear
    const picked = downsampleMinMax(buffer, 64, 600);
    expectWellFormed(buffer, 64, picked, 600);
    expect(picked[0]).toBe(0);
    expect(picked.at(-1)).toBe(599);
    expectEnvelope(buffer, picked, 600);
    expect(downsampleMinMax(buffer, 64, 0)).toEqual([]);
    expect(downsampleMinMax(buffer, 10, 5)).toEqual([0, 1, 2, 3, 4]);
  });

  it('is well formed and keeps every bucket’s extremes for any series (property)', () => {
    const series = fc.oneof(
      fc.array(fc.double({ noDefaultInfinity: true, noNaN: true, min: -1e6, max: 1e6 }), {
        minLength: 1,
        maxLength: 3000,
      }),
      fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(NaN, Infinity, -Infinity)), {
        minLength: 1,
        maxLength: 3000,
      }),
    );
    fc.assert(
      fc.property(series, fc.integer({ min: 2, max: 400 }), (values, maxPoints) => {
        const picked = downsampleMinMax(values, maxPoints);
        expectWellFormed(values, maxPoints, picked);
        const finite = range(values.length).filter((i) => Number.isFinite(values[i]!));
        if (finite.length > 0) {
          // The first and last point are kept when finite; the extremes of the whole series always.
          if (Number.isFinite(values[0]!)) expect(picked[0]).toBe(0);
          if (Number.isFinite(values.at(-1)!)) expect(picked.at(-1)).toBe(values.length - 1);
          const finiteValues = finite.map((i) => values[i]!);
          const pickedValues = picked.map((i) => values[i]!);
          expect(Math.max(...pickedValues)).toBe(Math.max(...finiteValues));
          expect(Math.min(...pickedValues)).toBe(Math.min(...finiteValues));
        } else {
          expect(picked).toEqual([]);
        }
        if (values.length <= maxPoints) expect(picked).toEqual(finite);
        expectEnvelope(values, picked);
      }),
      { seed: 71, numRuns: 300 },
    );
  });

  it('never returns the same index twice, even for a zero-width chart', () => {
    // BUG: with maxPoints 0 (a chart measured before layout has width 0) and a single point, the first
    // and the last point are the same index and both are pushed: [0, 0] instead of [0].
    expect(downsampleMinMax([5], 0)).toEqual([0]);
  });
});

describe('extendMinMax / minMaxPicks / minMaxExtent', () => {
  const at = (values: readonly number[]) => (i: number) => values[i]!;

  it('summarises by power-of-two buckets and picks their extremes in order', () => {
    const values = [5, 1, 9, 2, 8, 3, 7, 4, 6, 0];
    const summary = extendMinMax(null, at(values), values.length, 3);
    // ⌈10 / 4⌉ = 3 buckets of 4: [5 1 9 2] [8 3 7 4] [6 0].
    expect(summary.bucketSize).toBe(4);
    expect(summary.minAt).toEqual([1, 5, 9]);
    expect(summary.maxAt).toEqual([2, 4, 8]);
    expect(minMaxPicks(summary, at(values))).toEqual([0, 1, 2, 4, 5, 8, 9]);
    expect(minMaxExtent(summary, at(values))).toEqual({ min: 0, max: 9 });
  });

  it('draws every point of a short series and nothing for an empty one', () => {
    const values = [3, NaN, 4];
    expect(minMaxPicks(extendMinMax(null, at(values), 3, 499), at(values))).toEqual([0, 2]);
    const empty = extendMinMax(null, at([]), 0, 10);
    expect(minMaxPicks(empty, at([]))).toEqual([]);
    expect(minMaxExtent(empty, at([]))).toEqual({ min: NaN, max: NaN });
  });

  it('extended piece by piece equals the summary built at once, and stays an envelope (property)', () => {
    const value = fc.oneof(
      { weight: 8, arbitrary: fc.double({ noDefaultInfinity: true, noNaN: true, min: -1e6, max: 1e6 }) },
      { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity) },
    );
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 0, maxLength: 2500 }),
        fc.array(fc.integer({ min: 0, max: 2500 }), { maxLength: 6 }),
        fc.integer({ min: 1, max: 300 }),
        (values, cuts, maxBuckets) => {
          const valueAt = at(values);
          let summary: MinMaxSummary | null = null;
          for (const cut of [
            ...cuts.map((c) => Math.min(c, values.length)).sort((a, b) => a - b),
            values.length,
          ]) {
            summary = extendMinMax(summary, valueAt, cut, maxBuckets);
          }
          const whole = extendMinMax(null, valueAt, values.length, maxBuckets);
          expect(summary).toEqual(whole);
          expect(Math.ceil(values.length / whole.bucketSize)).toBeLessThanOrEqual(maxBuckets);
          expect(
            whole.bucketSize === 1 || Math.ceil(values.length / (whole.bucketSize / 2)) > maxBuckets,
          ).toBe(true);
          expect(whole.nonFinite).toBe(values.some((v) => !Number.isFinite(v)));

          const picked = minMaxPicks(whole, valueAt);
          expect(picked.length).toBeLessThanOrEqual(2 * maxBuckets + 2);
          expectWellFormed(values, Infinity, picked);
          expectEnvelope(values, picked);
          const finite = values.filter((v) => Number.isFinite(v));
          if (Number.isFinite(values[0]!)) expect(picked[0]).toBe(0);
          if (Number.isFinite(values.at(-1)!)) expect(picked.at(-1)).toBe(values.length - 1);
          expect(minMaxExtent(whole, valueAt)).toEqual(
            finite.length === 0
              ? { min: NaN, max: NaN }
              : { min: Math.min(...finite), max: Math.max(...finite) },
          );
        },
      ),
      { seed: 2611, numRuns: 300 },
    );
  });

  it('starts afresh when the series is shorter than what was summarised', () => {
    const long = [1, 2, 3, 4, 5, 6];
    const summary = extendMinMax(null, at(long), 6, 2);
    const other = [9, 8];
    expect(extendMinMax(summary, at(other), 2, 2)).toEqual(extendMinMax(null, at(other), 2, 2));
  });

  it('keeps a spike among 100,000 flat values when grown a few values at a time', () => {
    const values = new Float64Array(100_000).fill(0.5);
    values[61_234] = 1e6;
    let summary: MinMaxSummary | null = null;
    for (let length = 17; length < values.length; length += 17) {
      summary = extendMinMax(summary, (i) => values[i]!, length, 499);
    }
    summary = extendMinMax(summary, (i) => values[i]!, values.length, 499);
    const picked = minMaxPicks(summary, (i) => values[i]!);
    expect(picked).toContain(61_234);
    expect(picked.length).toBeLessThanOrEqual(1000);
    expect(picked.at(-1)).toBe(99_999);
  });
});
