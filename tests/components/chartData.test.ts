import { describe, expect, it } from 'vitest';
import { lossSeries, lossSeriesOf, MAX_PATH_DOTS, weightPath } from '../../src/components/chartData';
import { advance, cost, startRun, traceColumn, type RunState, type TrainingSetup } from '../../src/core';

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
      expect(path.ws).toEqual(lossSeriesOf(ws, MAX_PATH_DOTS).values);
      const finite = ws.filter((w) => Number.isFinite(w));
      expect(path.extremes).toEqual([Math.min(...finite), Math.max(...finite)]);
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

  it('report a path’s non-finite w to the range as NaN', () => {
    // Carried on through inf and nan (as the transcript does), so the trace holds non-finite w.
    const diverged = advance(
      startRun({ ...noisy, lr: 1, optimizer: { kind: 'gd' }, haltOnDivergence: false }),
      5_000,
    );
    const ws = history(diverged, 'w');
    expect(ws.some((w) => !Number.isFinite(w))).toBe(true);
    const { extremes } = weightPath(diverged);
    const finite = ws.filter((w) => Number.isFinite(w));
    expect(extremes).toEqual([Math.min(...finite), Math.max(...finite), NaN]);
  });
});
