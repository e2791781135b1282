import { describe, expect, it } from 'vitest';
import { optimum, PRESET_IDS, presetData, validateSettings } from '../../src/core';

describe('presetData', () => {
  it('gives the lecture data for "lecture"', () => {
    expect(presetData('lecture')).toEqual({ xs: [1, 2, 3], ys: [2, 4, 6] });
  });

  it('is the same data for the same seed and different data for another', () => {
    for (const id of ['noisy', 'noisy50', 'offset'] as const) {
      expect(presetData(id, 7)).toEqual(presetData(id, 7));
      expect(presetData(id, 7)).not.toEqual(presetData(id, 8));
    }
  });

  it('makes valid data sets of the promised sizes', () => {
    const sizes = { lecture: 3, noisy: 6, outlier: 6, noisy50: 50, offset: 5 };
    for (const id of PRESET_IDS) {
      const data = presetData(id, 3);
      expect(data.xs).toHaveLength(sizes[id]);
      expect(validateSettings({ ...data, model: 'wb', w0: 1, b0: 0, lr: 0.01, epochs: 10 })).toEqual([]);
    }
  });

  it('puts the outlier off the line y = 2x and nothing else', () => {
    const { xs, ys } = presetData('outlier');
    const off = xs.filter((x, i) => ys[i] !== 2 * x);
    expect(off).toEqual([5]);
  });

  it('places "offset" where the bias matters: its best line has b far from 0', () => {
    const best = optimum('wb', presetData('offset', 1));
    expect(best.b).toBeGreaterThan(5);
    expect(best.w).toBeGreaterThan(0.2);
    expect(best.w).toBeLessThan(0.8);
  });

  it('noisy data scatter around y = 2x with the stated spread', () => {
    const { xs, ys } = presetData('noisy50', 11);
    const residuals = xs.map((x, i) => ys[i]! - 2 * x);
    const mean = residuals.reduce((a, b) => a + b, 0) / residuals.length;
    const sd = Math.sqrt(residuals.reduce((a, r) => a + (r - mean) ** 2, 0) / residuals.length);
    expect(Math.abs(mean)).toBeLessThan(0.5);
    expect(sd).toBeGreaterThan(0.6);
    expect(sd).toBeLessThan(1.4);
  });
});
