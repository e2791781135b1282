import { describe, expect, it } from 'vitest';
import {
  lossChartModel,
  MAX_LOSS_POINTS,
  tooltipRows,
  type LossSeries,
} from '../../../src/components/charts/chartData';
import { formatTick, powerOfTen } from '../../../src/components/charts/toolkit';
import { linearAxis, logAxis } from '../../../src/components/charts/lossChartModel';

describe('tooltipRows', () => {
  it('lets the tooltip reach every epoch of a short axis', () => {
    expect(tooltipRows(3)).toEqual([{ epoch: 0 }, { epoch: 1 }, { epoch: 2 }, { epoch: 3 }]);
    expect(tooltipRows(0)).toEqual([{ epoch: 0 }]);
  });

  it('keeps at most about MAX_LOSS_POINTS evenly spaced epochs, the last one included', () => {
    const rows = tooltipRows(100_000);
    expect(rows.length).toBeLessThanOrEqual(MAX_LOSS_POINTS + 1);
    expect(rows.slice(0, 3).map((row) => row.epoch)).toEqual([0, 100, 200]);
    expect(rows.at(-1)!.epoch).toBe(100_000);
    const odd = tooltipRows(1234).map((row) => row.epoch);
    expect(odd.slice(0, 2)).toEqual([0, 2]);
    expect(odd.at(-1)).toBe(1234);
  });
});

describe('lossChartModel', () => {
  const series = (costs: number[]): LossSeries => ({
    initial: costs[0]!,
    picks: costs.map((_, i) => i),
    values: costs,
  });

  it('pins a cost of 0 to the bottom of the log axis instead of −∞', () => {
    const model = lossChartModel({ gd: series([4, 1e-3, 0]), sgd: series([4, 1e-6]) }, 'log');
    expect(model.domain).toEqual([-6, 1]);
    expect(model.lines.gd).toEqual({ epochs: [0, 1, 2], values: [Math.log10(4), -3, -6] });
    expect(model.lines.sgd).toEqual({ epochs: [0, 1], values: [Math.log10(4), -6] });
    expect(model.toAxis(0)).toBe(-6);
    expect(model.toAxis(Infinity)).toBeNull();
    for (const tick of model.ticks) expect(Number.isInteger(tick)).toBe(true);
  });

  it('grows the linear axis to the largest cost, its last tick the top', () => {
    const model = lossChartModel({ gd: series([4, 2, 1]), sgd: series([4, 400, 1e300]) }, 'linear');
    expect(model.scale).toBe('linear');
    expect(model.domain[0]).toBe(0);
    expect(model.domain[1]).toBeGreaterThanOrEqual(1e300);
    expect(model.ticks.at(-1)).toBe(model.domain[1]);
    expect(model.lines.sgd!.values).toEqual([4, 400, 1e300]);
    expect(model.drawn).toEqual({ gd: 3, sgd: 3 });
    expect(model.growth).toBeNull();
    // The lecture's start: 14/3 on a 0…5 axis.
    expect(lossChartModel({ gd: series([14 / 3]) }, 'linear').ticks).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('in auto, stays linear below tenfold growth and turns to log at it', () => {
    const below = lossChartModel({ gd: series([4, 2]), sgd: series([4, 39]) }, 'auto');
    expect(below.scale).toBe('linear');
    expect(below.growth).toBeNull();
    const above = lossChartModel({ gd: series([4, 2]), sgd: series([4, 41]) }, 'auto');
    expect(above.scale).toBe('log');
    expect(above.growth).toBeCloseTo(41 / 4, 12);
    expect(above.lines.sgd!.values).toEqual([Math.log10(4), Math.log10(41)]);
    // A chosen scale is kept, whatever the growth.
    expect(lossChartModel({ sgd: series([4, 1e10]) }, 'linear').scale).toBe('linear');
    expect(lossChartModel({ sgd: series([4, 1e10]) }, 'log').growth).toBeNull();
    // Nothing to compare with (a start at cost 0): linear.
    expect(lossChartModel({ sgd: series([0, 5]) }, 'auto').scale).toBe('linear');
  });

  it('gives axes whose ticks reach the largest value, even next to the largest double', () => {
    for (const highest of [1e-9, 0.37, 14 / 3, 999, 1e12, 1e300, Number.MAX_VALUE]) {
      const { top, ticks: values } = linearAxis(highest);
      expect(Number.isFinite(top)).toBe(true);
      expect(top).toBeGreaterThanOrEqual(highest);
      expect(values.at(-1)).toBe(top);
      expect(values[0]).toBe(0);
      for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThan(values[i - 1]!);
    }
    for (const [lowest, highest] of [
      [-5.3, 0.7],
      [0.67, 307.9],
      [-300, 308.2],
      [1, 1],
    ] as const) {
      const { domain, ticks: decades } = logAxis(lowest, highest);
      expect(decades.at(-1)).toBeGreaterThanOrEqual(highest);
      expect(decades[0]).toBeLessThanOrEqual(lowest);
      expect(domain).toEqual([decades[0], decades.at(-1)]);
      for (const tick of decades) expect(Number.isInteger(tick)).toBe(true);
      expect(decades.length).toBeLessThanOrEqual(11);
    }
  });

  it('formats ticks without NaN or Infinity', () => {
    expect(formatTick(0)).toBe('0');
    expect(formatTick(2.5)).toBe('2.5');
    expect(formatTick(1e6)).toBe(powerOfTen(6));
    expect(formatTick(2.5e-7)).toBe(`2.5×${powerOfTen(-7)}`);
    expect(formatTick(Infinity)).toBe('');
    expect(powerOfTen(-307)).toBe('10⁻³⁰⁷');
  });
});
