import { describe, expect, it } from 'vitest';
import { epochSeed, gaussian, mulberry32, permutation } from '../../src/core';

/**
 * mulberry32 as its author published it (Tommy Ettinger; the common JavaScript port), written
 * independently of src/core so the core's generator is checked against the algorithm itself.
 */
function referenceMulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const draw = (random: () => number, count: number): number[] => Array.from({ length: count }, () => random());

describe('mulberry32', () => {
  it('is the published algorithm, for any 32-bit seed', () => {
    for (const seed of [0, 1, 42, 0x9e3779b9, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1]) {
      expect(draw(mulberry32(seed), 2000)).toEqual(draw(referenceMulberry32(seed), 2000));
    }
  });

  it('is deterministic: the same seed gives the same sequence, another seed another one', () => {
    expect(draw(mulberry32(2024), 1000)).toEqual(draw(mulberry32(2024), 1000));
    expect(draw(mulberry32(2024), 1000)).not.toEqual(draw(mulberry32(2025), 1000));
  });

  it('reads its seed as an unsigned 32-bit integer', () => {
    expect(draw(mulberry32(-1), 50)).toEqual(draw(mulberry32(2 ** 32 - 1), 50));
    expect(draw(mulberry32(2 ** 32 + 5), 50)).toEqual(draw(mulberry32(5), 50));
  });

  it('gives floats in [0, 1), spread evenly', () => {
    const values = [0, 7, 123_456].flatMap((seed) => draw(mulberry32(seed), 40_000));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    const buckets = new Array<number>(10).fill(0);
    for (const v of values) buckets[Math.floor(v * 10)]!++;
    for (const count of buckets) expect(Math.abs(count - 12_000)).toBeLessThan(600); // > 5σ
  });
});

describe('epochSeed', () => {
  it('is a deterministic unsigned 32-bit integer that changes with the seed and the epoch', () => {
    const seeds = Array.from({ length: 10_000 }, (_, epoch) => epochSeed(99, epoch));
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
    expect(new Set(seeds).size).toBeGreaterThan(9_990);
    expect(epochSeed(99, 17)).toBe(seeds[17]);
    expect(epochSeed(100, 17)).not.toBe(seeds[17]);
  });
});

describe('permutation', () => {
  it('is a permutation of 0…n−1 for every n and seed', () => {
    for (let n = 0; n <= 60; n++) {
      for (const seed of [0, 1, 2, 3]) {
        const order = permutation(n, mulberry32(seed * 1000 + n));
        expect(order).toHaveLength(n);
        expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
      }
    }
  });

  it('is Fisher–Yates from the top: j = ⌊random·(i+1)⌋ for i = n−1 … 1', () => {
    // random() always 0: swap i with 0 each time. [0,1,2,3] → [3,1,2,0] → [2,1,3,0] → [1,2,3,0].
    expect(permutation(4, () => 0)).toEqual([1, 2, 3, 0]);
    // random() just below 1: j = i, nothing moves.
    expect(permutation(5, () => 1 - 2 ** -53)).toEqual([0, 1, 2, 3, 4]);
    // random() = 0.5: i=3 → j=2, i=2 → j=1, i=1 → j=1. [0,1,2,3] → [0,1,3,2] → [0,3,1,2].
    expect(permutation(4, () => 0.5)).toEqual([0, 3, 1, 2]);
  });

  it('draws all orders of three equally often', () => {
    const random = mulberry32(31_337);
    const counts = new Map<string, number>();
    for (let i = 0; i < 60_000; i++) {
      const key = permutation(3, random).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(['012', '021', '102', '120', '201', '210']);
    for (const count of counts.values()) expect(Math.abs(count - 10_000)).toBeLessThan(500); // > 5σ
  });
});

describe('gaussian', () => {
  it('has mean 0 and variance 1 and is always finite', () => {
    const random = mulberry32(4242);
    const values = Array.from({ length: 100_000 }, () => gaussian(random));
    expect(values.every(Number.isFinite)).toBe(true);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(variance - 1)).toBeLessThan(0.02);
    const within1 = values.filter((v) => Math.abs(v) < 1).length / values.length;
    expect(Math.abs(within1 - 0.6827)).toBeLessThan(0.01);
  });

  it('is Box–Muller: √(−2 ln(1 − u₁))·cos(2π u₂)', () => {
    const sequence = (...values: number[]) => {
      let k = 0;
      return () => values[k++]!;
    };
    expect(gaussian(sequence(0, 0.3))).toBe(0); // 1 − 0 = 1, ln 1 = 0
    expect(gaussian(sequence(1 - Math.exp(-0.5), 0))).toBeCloseTo(1, 14);
    expect(gaussian(sequence(1 - Math.exp(-2), 0.5))).toBeCloseTo(-2, 14);
    expect(Number.isFinite(gaussian(sequence(1 - 2 ** -53, 0.25)))).toBe(true);
  });
});
