import { describe, expect, it } from 'vitest';
import {
  advance,
  LECTURE,
  optimizerEntry,
  specOf,
  startRun,
  traceColumn,
  type Dataset,
  type ModelKind,
} from '../../../src/core';

const NOISY: Dataset = { xs: [0.5, 1, 2, 3.5, 4], ys: [1.7, 2.2, 4.9, 7.1, 8.3] };

/** Where a full-batch momentum run stands after `epochs` epochs at `lr`: its last cost, or Infinity once it overflowed. */
function lastCost(
  id: 'momentum' | 'nesterov',
  model: ModelKind,
  data: Dataset,
  lr: number,
  mu: number,
  epochs: number,
) {
  const spec = specOf(optimizerEntry(id), { batchSize: 1, shuffle: false, seed: 0, hyper: { momentum: mu } });
  const run = advance(startRun({ data, model, init: { w: 1, b: 0 }, lr, optimizer: spec }), epochs);
  if (run.status === 'diverged') return Infinity;
  const costs = traceColumn(run.trace, 'cost');
  return costs[costs.length - 1]!;
}

describe('the stability limit of momentum and Nesterov on the quadratic cost', () => {
  for (const id of ['momentum', 'nesterov'] as const) {
    for (const [model, data] of [
      ['w', LECTURE.data],
      ['wb', NOISY],
    ] as const) {
      for (const mu of [0.5, 0.9]) {
        it(`${id}, y = ${model === 'w' ? 'w·x' : 'w·x + b'}, μ = ${mu}: converges just below it and diverges just above`, () => {
          const spec = specOf(optimizerEntry(id), {
            batchSize: 1,
            shuffle: false,
            seed: 0,
            hyper: { momentum: mu },
          });
          const limit = optimizerEntry(id).stabilityLimit(model, data, spec)!;
          const start = lastCost(id, model, data, limit * 0.97, mu, 0 + 1);
          expect(lastCost(id, model, data, limit * 0.97, mu, 3000)).toBeLessThan(start);
          expect(lastCost(id, model, data, limit * 1.03, mu, 3000)).toBeGreaterThan(1e6);
          const below = optimizerEntry(id).regime!(model, data, spec, limit * 0.97);
          const above = optimizerEntry(id).regime!(model, data, spec, limit * 1.03);
          expect(below.kind).not.toBe('diverges');
          expect(Math.abs(below.factor)).toBeLessThan(1);
          expect(above.kind).toBe('diverges');
        });
      }
    }
  }

  it('is (1 + μ)·2/λ for momentum and 2·(1 + μ)/((1 + 2μ)·λ) for Nesterov on the lecture’s data (λ = 28/3)', () => {
    const spec = (id: 'momentum' | 'nesterov') =>
      specOf(optimizerEntry(id), { batchSize: 1, shuffle: false, seed: 0, hyper: { momentum: 0.9 } });
    expect(optimizerEntry('momentum').stabilityLimit('w', LECTURE.data, spec('momentum'))).toBeCloseTo(
      (1.9 * 2 * 3) / 28,
      15,
    );
    expect(optimizerEntry('nesterov').stabilityLimit('w', LECTURE.data, spec('nesterov'))).toBeCloseTo(
      (2 * 1.9 * 3) / (2.8 * 28),
      15,
    );
  });

  it('gives adaptive methods no fixed limit and the adaptive regime', () => {
    for (const id of ['rmsprop', 'adagrad', 'adam'] as const) {
      const entry = optimizerEntry(id);
      const spec = specOf(entry, { batchSize: 1, shuffle: false, seed: 0 });
      expect(entry.stabilityLimit('w', LECTURE.data, spec)).toBeNull();
      expect(entry.regime!('w', LECTURE.data, spec, 0.5).kind).toBe('adaptive');
    }
  });
});
