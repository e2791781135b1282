// The optimizer loop: batch sizes and epoch layout, the lecture's runs, every optimizer against the reference
// arithmetic (divergence, advance and epoch replays are in optimizerRuns.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advance,
  batchSizeOf,
  epochBatches,
  epochOrder,
  epochUpdates,
  gaussian,
  LECTURE,
  mulberry32,
  startRun,
  updatesAfter,
  updatesPerEpoch,
  type Dataset,
  type OptimizerSpec,
  type TrainingSetup,
} from '../../src/core';
import { lectureOutput, type LectureScript } from './helpers/fixtures';
import { firstDifference } from './helpers/reference';
import {
  columns,
  dataOf,
  expectBitIdentical,
  initArb,
  lectureSetup,
  lrArb,
  modelArb,
  referenceOf,
} from './helpers/training';

describe('batch sizes and epoch layout', () => {
  it('batchSizeOf: n for gd, 1 for sgd, the clamped whole batch size for minibatch', () => {
    expect(batchSizeOf({ kind: 'gd', batchSize: 2 }, 7)).toBe(7);
    expect(batchSizeOf({ kind: 'sgd', batchSize: 2 }, 7)).toBe(1);
    expect(batchSizeOf({ kind: 'minibatch', batchSize: 3 }, 7)).toBe(3);
    expect(batchSizeOf({ kind: 'minibatch', batchSize: 2.9 }, 7)).toBe(2);
    expect(batchSizeOf({ kind: 'minibatch', batchSize: 0 }, 7)).toBe(1);
    expect(batchSizeOf({ kind: 'minibatch', batchSize: 70 }, 7)).toBe(7);
    expect(batchSizeOf({ kind: 'minibatch' }, 7)).toBe(1);
  });

  it('updatesPerEpoch = ⌈n/B⌉ and epochBatches partitions the epoch order into that many slices', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 80 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 0, max: 1000 }),
        (n, batchSize, shuffle, seed, epoch) => {
          const spec: OptimizerSpec = { kind: 'minibatch', batchSize, shuffle, seed };
          const b = Math.min(batchSize, n);
          expect(updatesPerEpoch(spec, n)).toBe(Math.ceil(n / b));
          const batches = epochBatches(spec, n, epoch);
          expect(batches).toHaveLength(Math.ceil(n / b));
          batches.forEach((batch, k) => expect(batch).toHaveLength(k < batches.length - 1 ? b : n - b * k));
          expect(batches.flat()).toEqual(epochOrder(spec, n, epoch));
        },
      ),
      { seed: 41, numRuns: 300 },
    );
    expect(updatesPerEpoch({ kind: 'gd' }, 5)).toBe(1);
    expect(updatesPerEpoch({ kind: 'sgd' }, 5)).toBe(5);
    expect(updatesPerEpoch({ kind: 'minibatch', batchSize: 2 }, 5)).toBe(3);
  });

  it('updatesAfter counts every parameter update: epochs × ⌈n/B⌉', () => {
    const run = advance(startRun(lectureSetup('sgd')), 7);
    expect(updatesAfter(run)).toBe(21);
    expect(updatesAfter(run, 100)).toBe(300);
    expect(updatesAfter(advance(startRun(lectureSetup('gd')), 7))).toBe(7);
    const mini = startRun({ ...lectureSetup('sgd'), optimizer: { kind: 'minibatch', batchSize: 2 } });
    expect(updatesAfter(mini, 10)).toBe(20);
  });

  it('epochOrder is 0…n−1 without shuffle (and always for gd), a seeded permutation with it', () => {
    expect(epochOrder({ kind: 'sgd' }, 5, 3)).toEqual([0, 1, 2, 3, 4]);
    expect(epochOrder({ kind: 'gd', shuffle: true, seed: 9 }, 5, 3)).toEqual([0, 1, 2, 3, 4]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.constantFrom<'sgd' | 'minibatch'>('sgd', 'minibatch'),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 0, max: 100_000 }),
        (n, kind, seed, epoch) => {
          const spec: OptimizerSpec = { kind, shuffle: true, seed, batchSize: 3 };
          const order = epochOrder(spec, n, epoch);
          expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
          expect(epochOrder(spec, n, epoch)).toEqual(order);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('shuffled orders change from epoch to epoch and with the seed', () => {
    const spec: OptimizerSpec = { kind: 'sgd', shuffle: true, seed: 12_345 };
    const orders = Array.from({ length: 20 }, (_, epoch) => epochOrder(spec, 8, epoch).join(','));
    expect(new Set(orders).size).toBeGreaterThan(15);
    const other = Array.from({ length: 20 }, (_, epoch) =>
      epochOrder({ ...spec, seed: 54_321 }, 8, epoch).join(','),
    );
    expect(other).not.toEqual(orders);
    expect(epochOrder({ kind: 'sgd', shuffle: true }, 8, 0)).toEqual(
      epochOrder({ kind: 'sgd', shuffle: true, seed: 0 }, 8, 0),
    );
  });
});

/** The w= and loss= columns of a lecture output, parsed back to the exact doubles Python printed. */
function lectureColumns(name: LectureScript): { w: number[]; loss: number[] } {
  const text = lectureOutput(name);
  const w: number[] = [];
  const loss: number[] = [];
  for (const match of text.matchAll(/^(?:epoch|progress): \d+ w= (\S+) loss= (\S+)$/gm)) {
    w.push(Number(match[1]));
    loss.push(Number(match[2]));
  }
  return { w, loss };
}

describe('the lecture’s runs', () => {
  it('gd records the w and loss gradient_descent.py prints, and the cost after each step', () => {
    const run = advance(startRun(lectureSetup('gd')), 100);
    const expected = lectureColumns('gradient_descent');
    expect(expected.w).toHaveLength(100);
    const { w, b, printedLoss, cost } = columns(run);
    expectBitIdentical(w, expected.w, 'w');
    expectBitIdentical(printedLoss, expected.loss, 'loss');
    // GD prints the cost before its update, so the cost after epoch k is the loss printed at k + 1.
    expectBitIdentical(cost.slice(0, 99), expected.loss.slice(1), 'cost');
    expect(b.every((v) => v === 0)).toBe(true);
    expect(run.params).toEqual({ w: 1.9999444396553017, b: 0 });
    expect(run.epoch).toBe(100);
    expect(run.status).toBe('running');
    expect(run.divergedAtEpoch).toBeNull();
  });

  it('sgd records the w and loss stochastic_gradient_descent.py prints', () => {
    const run = advance(startRun(lectureSetup('sgd')), 100);
    const expected = lectureColumns('stochastic_gradient_descent');
    expect(expected.w).toHaveLength(100);
    expectBitIdentical(columns(run).w, expected.w, 'w');
    expectBitIdentical(columns(run).printedLoss, expected.loss, 'loss');
  });

  it('sgd epoch 0 replays the three printed gradients -2.0, -7.84, -16.2288', () => {
    const run = advance(startRun(lectureSetup('sgd')), 1);
    const updates = epochUpdates(run, 0);
    expect(updates.map((u) => u.gradient.w)).toEqual([-2, -7.84, -16.2288]);
    expect(updates.map((u) => u.indices)).toEqual([[0], [1], [2]]);
    expect(updates.map((u) => u.step)).toEqual([0, 1, 2]);
    expect(updates[0]!.before).toEqual({ w: 1, b: 0 });
    expect(updates[2]!.after.w).toBe(1.260688);
    expect(updates[2]!.lossAfter).toBe(4.919240100095999);
  });
});

describe('every optimizer against the reference arithmetic', () => {
  it('gd, sgd and minibatch (with or without shuffle, short last batch included) are bit-identical to it', () => {
    const optimizerArb = fc.oneof(
      fc.constant<OptimizerSpec>({ kind: 'gd' }),
      fc.record({ kind: fc.constant('sgd' as const), shuffle: fc.boolean(), seed: fc.nat() }),
      fc.record({
        kind: fc.constant('minibatch' as const),
        batchSize: fc.integer({ min: 1, max: 9 }),
        shuffle: fc.boolean(),
        seed: fc.nat(),
      }),
    );
    let compared = 0;
    fc.assert(
      fc.property(
        dataOf(1, 9),
        modelArb,
        initArb,
        lrArb,
        optimizerArb,
        (data, model, init, lr, optimizer) => {
          const setup: TrainingSetup = { data, model, init, lr, optimizer };
          const run = advance(startRun(setup), 40);
          const ref = referenceOf(setup, 40);
          if (ref.firstNonFinite !== null) return; // divergence is tested on its own below
          compared++;
          const actual = columns(run);
          expectBitIdentical(actual.w, ref.w, 'w');
          expectBitIdentical(actual.b, ref.b, 'b');
          expectBitIdentical(actual.printedLoss, ref.printedLoss, 'printed loss');
          expectBitIdentical(actual.cost, ref.cost, 'cost');
          expect(run.params).toEqual({ w: ref.w[39], b: ref.b[39] });
        },
      ),
      { seed: 43, numRuns: 250 },
    );
    expect(compared).toBeGreaterThan(200);
  });

  it('long gd and sgd runs, advanced in the slices advance() works in, stay bit-identical to it', () => {
    const random = mulberry32(20240601);
    const xs = Array.from({ length: 1000 }, () => 3 * random());
    const big: Dataset = { xs, ys: xs.map((x) => 2 * x + 0.5 * gaussian(random)) };
    for (const [data, epochs] of [
      [LECTURE.data, 12_000],
      [big, 60],
    ] as const) {
      for (const kind of ['gd', 'sgd'] as const) {
        const setup = lectureSetup(kind, { data });
        const ref = referenceOf(setup, epochs);
        expect(ref.firstNonFinite).toBeNull();
        // One call, and the same epochs in uneven steps.
        let stepped = startRun(setup);
        for (let done = 0, step = 1; done < epochs; done += step, step = step * 3 + 1)
          stepped = advance(stepped, Math.min(step, epochs - done));
        for (const run of [advance(startRun(setup), epochs), stepped]) {
          const actual = columns(run);
          const what = `${kind}, n = ${data.xs.length}`;
          expectBitIdentical(actual.w, ref.w, `${what}: w`);
          expectBitIdentical(actual.printedLoss, ref.printedLoss, `${what}: printed loss`);
          expectBitIdentical(actual.cost, ref.cost, `${what}: cost`);
          expect(run.params).toEqual({ w: ref.w.at(-1), b: 0 });
        }
      }
    }
  });

  it('minibatch with B = n (n ≥ 2) is gd: bit-identical w, b and cost', () => {
    fc.assert(
      fc.property(dataOf(2, 12), modelArb, initArb, lrArb, (data, model, init, lr) => {
        const n = data.xs.length;
        const gd = advance(startRun({ data, model, init, lr, optimizer: { kind: 'gd' } }), 60);
        const mini = advance(
          startRun({ data, model, init, lr, optimizer: { kind: 'minibatch', batchSize: n } }),
          60,
        );
        const a = columns(gd);
        const m = columns(mini);
        expect(mini.trace.length).toBe(gd.trace.length);
        expectBitIdentical(m.w, a.w, 'w');
        expectBitIdentical(m.b, a.b, 'b');
        expectBitIdentical(m.cost, a.cost, 'cost');
        // The printed loss differs by design: gd prints the cost before its step, minibatch the batch
        // loss after it, which for B = n is the cost after the step.
        expectBitIdentical(m.printedLoss, a.cost, 'minibatch printed loss');
      }),
      { seed: 44, numRuns: 200 },
    );
  });

  it('minibatch with B = 1 and no shuffle is sgd: bit-identical w and printed loss', () => {
    fc.assert(
      fc.property(dataOf(1, 12), modelArb, initArb, lrArb, (data, model, init, lr) => {
        const sgd = advance(startRun({ data, model, init, lr, optimizer: { kind: 'sgd' } }), 60);
        const mini = advance(
          startRun({ data, model, init, lr, optimizer: { kind: 'minibatch', batchSize: 1 } }),
          60,
        );
        const s = columns(sgd);
        const m = columns(mini);
        expect(mini.trace.length).toBe(sgd.trace.length);
        expectBitIdentical(m.w, s.w, 'w');
        expectBitIdentical(m.b, s.b, 'b');
        expectBitIdentical(m.printedLoss, s.printedLoss, 'printed loss');
        expectBitIdentical(m.cost, s.cost, 'cost');
      }),
      { seed: 45, numRuns: 200 },
    );
  });

  it('shuffling is deterministic for a seed and differs with another seed', () => {
    const noisy: Dataset = { xs: [1, 2, 3, 4, 5, 6], ys: [2.3, 3.9, 6.4, 7.7, 10.2, 12.1] };
    for (const [model, optimizer] of [
      ['w', { kind: 'sgd', shuffle: true, seed: 7 }],
      ['wb', { kind: 'sgd', shuffle: true, seed: 7 }],
      ['wb', { kind: 'minibatch', batchSize: 2, shuffle: true, seed: 7 }],
    ] as const) {
      const setup: TrainingSetup = { data: noisy, model, init: { w: 0, b: 0 }, lr: 0.01, optimizer };
      const first = columns(advance(startRun(setup), 50));
      const again = columns(advance(startRun({ ...setup }), 50));
      expectBitIdentical(again.w, first.w, 'same seed w');
      expectBitIdentical(again.b, first.b, 'same seed b');
      expectBitIdentical(again.printedLoss, first.printedLoss, 'same seed loss');
      const other = columns(advance(startRun({ ...setup, optimizer: { ...optimizer, seed: 8 } }), 50));
      expect(firstDifference(other.w, first.w), `${model} ${optimizer.kind}: another seed`).not.toBeNull();
      const unshuffled = columns(
        advance(startRun({ ...setup, optimizer: { ...optimizer, shuffle: false } }), 50),
      );
      expect(firstDifference(unshuffled.w, first.w)).not.toBeNull();
    }
  });
});
