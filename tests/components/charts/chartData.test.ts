import { describe, expect, it } from 'vitest';
import {
  FIRST_PATH_EPOCHS,
  formatCompact,
  lossSeries,
  lossSeriesOf,
  MAX_PATH_DOTS,
  pathReach,
  weightPath,
} from '../../../src/components/charts/chartData';
import { axisWidth } from '../../../src/components/charts/toolkit';
import { advance, cost, startRun, traceColumn, type RunState, type TrainingSetup } from '../../../src/core';

const noisy: TrainingSetup = {
  data: { xs: [1, 2, 3, 4, 5], ys: [2.3, 3.9, 6.4, 7.7, 10.2] },
  model: 'w',
  init: { w: -3, b: 0 },
  lr: 0.035,
  optimizer: { kind: 'sgd', shuffle: true, seed: 7 },
};

/** The whole history as one array: the initial value, then the trace column. */
function history(run: RunState, column: 'w' | 'cost'): number[] {
  const first = column === 'w' ? run.setup.init.w : cost(run.setup.model, run.setup.init, run.setup.data);
  return [first, ...traceColumn(run.trace, column)];
}

describe('lossSeries and weightPath, extended frame by frame', () => {
  it('draw the same points as a series summarised at once', () => {
    let run = startRun(noisy);
    for (const step of [1, 2, 17, 300, 1, 999, 4_000, 17, 17, 20_000]) {
      run = advance(run, step);
      const costs = history(run, 'cost');
      expect(lossSeries(run)).toEqual(lossSeriesOf(costs));
      expect(lossSeries(run).picks.length).toBeLessThanOrEqual(1000);
      const ws = history(run, 'w');
      const path = weightPath(run);
      // The thinned picks, plus the first epochs (numbered on the landscape), in epoch order.
      const picks = lossSeriesOf(ws, MAX_PATH_DOTS - FIRST_PATH_EPOCHS).picks;
      const first = Array.from({ length: Math.min(FIRST_PATH_EPOCHS, ws.length) }, (_, k) => k);
      expect(path.epochs).toEqual([...new Set([...first, ...picks])].sort((a, b) => a - b));
      expect(path.ws).toEqual(path.epochs.map((k) => ws[k]));
      expect(path.epochs.length).toBeLessThanOrEqual(MAX_PATH_DOTS);
    }
  });

  it('start afresh for a different run on the same data', () => {
    const first = advance(startRun(noisy), 500);
    expect(lossSeries(first).values[0]).toBe(cost('w', noisy.init, noisy.data));
    const other = advance(startRun({ ...noisy, lr: 0.01 }), 400);
    expect(lossSeries(other)).toEqual(lossSeriesOf(history(other, 'cost')));
    // …and the first run, asked again, is still its own.
    expect(lossSeries(first)).toEqual(lossSeriesOf(history(first, 'cost')));
  });
});

describe('pathReach', () => {
  /** What pathReach promises, read from the whole history at once. */
  function scanned(run: RunState, centre: number, limit: number) {
    const ws = history(run, 'w');
    const costs = history(run, 'cost');
    const left = ws.findIndex((w, k) => !(Math.abs(w - centre) <= limit) || !Number.isFinite(costs[k]!));
    const drawable = left < 0 ? ws : ws.slice(0, left);
    return {
      min: drawable.length ? Math.min(...drawable) : NaN,
      max: drawable.length ? Math.max(...drawable) : NaN,
      beyond: left < 0 ? null : { epoch: left, w: ws[left]! },
    };
  }

  it('finds the first epoch beyond the reach, extended frame by frame', () => {
    // α = 0.25 on the lecture's data: |w − 2| = (4/3)ᵏ passes 1,000 in epoch 25.
    let run = startRun({
      ...noisy,
      data: { xs: [1, 2, 3], ys: [2, 4, 6] },
      init: { w: 1, b: 0 },
      lr: 0.25,
      optimizer: { kind: 'gd' },
    });
    for (const step of [1, 3, 5, 20, 7, 60]) {
      run = advance(run, step);
      expect(pathReach(run, 2, 1000)).toEqual(scanned(run, 2, 1000));
    }
    expect(pathReach(run, 2, 1000).beyond?.epoch).toBe(25);
    // A different limit or centre is scanned afresh.
    expect(pathReach(run, 2, 10)).toEqual(scanned(run, 2, 10));
    expect(pathReach(run, 0, 1e6)).toEqual(scanned(run, 0, 1e6));
  });

  it('treats a w that is not finite as beyond, however large the limit', () => {
    // Carried on through inf and nan (as the transcript does), so the trace holds non-finite w.
    const diverged = advance(
      startRun({ ...noisy, lr: 1, optimizer: { kind: 'gd' }, haltOnDivergence: false }),
      5_000,
    );
    const reach = pathReach(diverged, 2, Number.MAX_VALUE);
    expect(reach).toEqual(scanned(diverged, 2, Number.MAX_VALUE));
    expect(reach.beyond).not.toBeNull();
    expect(Number.isFinite(reach.min) && Number.isFinite(reach.max)).toBe(true);
  });
});

describe('formatCompact and axisWidth', () => {
  it('writes numbers for a sentence, never NaN or Infinity', () => {
    expect(formatCompact(-3.2e12)).toBe('−3.2e+12');
    expect(formatCompact(2816412.5)).toBe('2.8e+6');
    expect(formatCompact(1.23456)).toBe('1.23');
    expect(formatCompact(-0.5)).toBe('−0.5');
    expect(formatCompact(4e-7)).toBe('4.0e-7');
    expect(formatCompact(0)).toBe('0');
    expect(formatCompact(Infinity)).toBe('');
    expect(formatCompact(NaN)).toBe('');
  });

  it('makes room for long tick labels', () => {
    expect(axisWidth(['0', '2', '4'])).toBe(56);
    expect(axisWidth(['0', '5000', '10000', '15000'])).toBeGreaterThan(axisWidth(['0', '100', '200']));
    expect(axisWidth(['0', '2×10¹¹', '6×10¹¹'])).toBeGreaterThan(axisWidth(['0', '600']));
  });
});
