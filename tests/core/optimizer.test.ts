import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advance,
  batchGradient,
  batchLoss,
  batchSizeOf,
  cost,
  epochBatches,
  epochOrder,
  epochUpdates,
  gaussian,
  LECTURE,
  mulberry32,
  paramsBeforeEpoch,
  startRun,
  traceColumn,
  updatesAfter,
  updatesPerEpoch,
  type Dataset,
  type ModelKind,
  type OptimizerSpec,
  type RunState,
  type TrainingSetup,
} from '../../src/core';
import { firstDifference, refTrajectory, type RefSetup } from './helpers/reference';

const lectureSetup = (kind: 'gd' | 'sgd', extra: Partial<TrainingSetup> = {}): TrainingSetup => ({
  data: LECTURE.data,
  model: 'w',
  init: { w: LECTURE.w0, b: LECTURE.b0 },
  lr: LECTURE.lr,
  optimizer: { kind },
  ...extra,
});

const columns = (run: RunState) => ({
  w: Array.from(traceColumn(run.trace, 'w')),
  b: Array.from(traceColumn(run.trace, 'b')),
  printedLoss: Array.from(traceColumn(run.trace, 'printedLoss')),
  cost: Array.from(traceColumn(run.trace, 'cost')),
});

function expectBitIdentical(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  const diff = firstDifference(actual, expected);
  expect(diff, `${what}: first difference ${JSON.stringify(diff)}`).toBeNull();
}

/** The reference trajectory of a core setup, with its batches taken from `epochBatches` or given. */
function referenceOf(setup: TrainingSetup, epochs: number): ReturnType<typeof refTrajectory> {
  const ref: RefSetup = {
    xs: setup.data.xs,
    ys: setup.data.ys,
    model: setup.model,
    w0: setup.init.w,
    b0: setup.init.b,
    lr: setup.lr,
    kind: setup.optimizer.kind,
    batches: (epoch) => epochBatches(setup.optimizer, setup.data.xs.length, epoch),
  };
  return refTrajectory(ref, epochs);
}

// Random, well-behaved settings: moderate data, a learning rate small enough to stay finite.
const value = fc.integer({ min: -4000, max: 4000 }).map((k) => k / 1000);
const dataOf = (minN: number, maxN: number): fc.Arbitrary<Dataset> =>
  fc
    .integer({ min: minN, max: maxN })
    .chain((n) =>
      fc.tuple(
        fc.array(value, { minLength: n, maxLength: n }),
        fc.array(value, { minLength: n, maxLength: n }),
      ),
    )
    .map(([xs, ys]) => ({ xs, ys }));
const modelArb = fc.constantFrom<ModelKind>('w', 'wb');
const lrArb = fc.integer({ min: 1, max: 1000 }).map((k) => k / 20_000);
const initArb = fc.record({ w: value, b: value });

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
function lectureColumns(name: string): { w: number[]; loss: number[] } {
  const text = readFileSync(new URL(`../fixtures/${name}.out.txt`, import.meta.url), 'utf8');
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

describe('divergence', () => {
  const diverging = (kind: 'gd' | 'sgd', haltOnDivergence?: boolean): TrainingSetup =>
    lectureSetup(kind, { lr: 1, ...(haltOnDivergence === undefined ? {} : { haltOnDivergence }) });

  // Checked against transcript.py ("square": "mul", lr 1): GD first prints inf at `epoch: 167 … loss= inf`,
  // the cost before epoch 167, i.e. after epoch 166's step. SGD prints only finite values through epoch 73
  // (`progress: 73 w= -3.894710155952359e+153 loss= 1.3651890478990608e+308`), but the full-dataset cost
  // after that epoch, which the run records too, already overflows: its sum passes the largest double.
  it.each([
    ['gd', 166],
    ['sgd', 73],
  ] as const)(
    '%s on the lecture’s data with α = 1 halts at the first non-finite epoch (%i)',
    (kind, firstNonFinite) => {
      const ref = referenceOf(diverging(kind), 400);
      const k = ref.firstNonFinite;
      expect(k).toBe(firstNonFinite);
      const run = advance(startRun(diverging(kind)), 400);
      expect(run.status).toBe('diverged');
      expect(run.divergedAtEpoch).toBe(k);
      expect(run.epoch).toBe(k);
      expect(run.trace.length).toBe(k);
      const { w, b, printedLoss, cost } = columns(run);
      for (const column of [w, b, printedLoss, cost]) expect(column.every(Number.isFinite)).toBe(true);
      expectBitIdentical(w, ref.w.slice(0, k!), 'w before divergence');
      expectBitIdentical(printedLoss, ref.printedLoss.slice(0, k!), 'loss before divergence');
      expect(run.params).toEqual({ w: ref.w[k! - 1], b: 0 });
      // A diverged run stays where it is.
      expect(advance(run, 10)).toBe(run);
    },
  );

  it('every optimizer halts, or carries on, exactly where the reference first sees a non-finite value', () => {
    // Steep data (zeros and huge values included) and large steps: most of these runs blow up.
    const wild = fc.oneof(value, fc.constantFrom(0, -0, 1e40, -3e60, 1e-300));
    const wildData = fc
      .integer({ min: 1, max: 6 })
      .chain((n) =>
        fc.tuple(
          fc.array(wild, { minLength: n, maxLength: n }),
          fc.array(wild, { minLength: n, maxLength: n }),
        ),
      )
      .map(([xs, ys]): Dataset => ({ xs, ys }));
    const optimizerArb = fc.oneof(
      fc.constant<OptimizerSpec>({ kind: 'gd' }),
      fc.constant<OptimizerSpec>({ kind: 'sgd' }),
      fc.record({ kind: fc.constant('sgd' as const), shuffle: fc.constant(true), seed: fc.nat() }),
      fc.record({ kind: fc.constant('minibatch' as const), batchSize: fc.integer({ min: 1, max: 4 }) }),
    );
    let diverged = 0;
    fc.assert(
      fc.property(
        wildData,
        modelArb,
        fc.record({ w: wild, b: value }),
        fc.constantFrom(0.01, 0.3, 1, 5),
        optimizerArb,
        fc.boolean(),
        (data, model, init, lr, optimizer, haltOnDivergence) => {
          const setup: TrainingSetup = { data, model, init, lr, optimizer, haltOnDivergence };
          const ref = referenceOf(setup, 150);
          const run = advance(startRun(setup), 150);
          const k = ref.firstNonFinite;
          if (k !== null) diverged++;
          expect(run.divergedAtEpoch).toBe(k);
          expect(run.status).toBe(k === null ? 'running' : 'diverged');
          const kept = haltOnDivergence && k !== null ? k : 150;
          expect(run.trace.length).toBe(kept);
          const actual = columns(run);
          expectBitIdentical(actual.w, ref.w.slice(0, kept), 'w');
          expectBitIdentical(actual.b, ref.b.slice(0, kept), 'b');
          expectBitIdentical(actual.printedLoss, ref.printedLoss.slice(0, kept), 'printed loss');
          expectBitIdentical(actual.cost, ref.cost.slice(0, kept), 'cost');
          expect(run.params).toEqual(
            kept === 0 ? init : { w: ref.w[kept - 1], b: model === 'w' ? init.b : ref.b[kept - 1] },
          );
        },
      ),
      { seed: 48, numRuns: 300 },
    );
    expect(diverged).toBeGreaterThan(100);
  });

  it('halts at the same epoch when advanced in small steps', () => {
    let run = startRun(diverging('gd'));
    for (let i = 0; i < 100; i++) run = advance(run, 3);
    const whole = advance(startRun(diverging('gd')), 300);
    expect(run.divergedAtEpoch).toBe(whole.divergedAtEpoch);
    expect(run.trace.length).toBe(whole.trace.length);
    expectBitIdentical(columns(run).w, columns(whole).w, 'w');
  });

  it.each(['gd', 'sgd'] as const)('%s with haltOnDivergence false carries on through inf and nan', (kind) => {
    const ref = referenceOf(diverging(kind, false), 300);
    const k = ref.firstNonFinite!;
    const run = advance(startRun(diverging(kind, false)), 300);
    expect(run.status).toBe('diverged');
    expect(run.divergedAtEpoch).toBe(k);
    expect(run.epoch).toBe(300);
    expect(run.trace.length).toBe(300);
    const { w, printedLoss, cost } = columns(run);
    expectBitIdentical(w, ref.w, 'w');
    expectBitIdentical(printedLoss, ref.printedLoss, 'printed loss');
    expectBitIdentical(cost, ref.cost, 'cost');
    expect(cost.slice(k).some((c) => !Number.isFinite(c))).toBe(true);
    const further = advance(run, 5);
    expect(further).not.toBe(run);
    expect(further.epoch).toBe(305);
    expect(further.divergedAtEpoch).toBe(k);
  });

  it('a run that diverges in its very first epoch records nothing', () => {
    const run = advance(startRun(lectureSetup('gd', { init: { w: 1e160, b: 0 } })), 5);
    expect(run.status).toBe('diverged');
    expect(run.divergedAtEpoch).toBe(0);
    expect(run.epoch).toBe(0);
    expect(run.trace.length).toBe(0);
    expect(run.params).toEqual({ w: 1e160, b: 0 });
  });
});

describe('advance', () => {
  it('advancing by 0 or a negative count returns the run itself', () => {
    const run = advance(startRun(lectureSetup('gd')), 3);
    expect(advance(run, 0)).toBe(run);
    expect(advance(run, -2)).toBe(run);
  });

  it('startRun starts at epoch 0 from θ₀ with an empty history', () => {
    const run = startRun(lectureSetup('sgd', { init: { w: 0.5, b: 0 } }));
    expect(run.epoch).toBe(0);
    expect(run.params).toEqual({ w: 0.5, b: 0 });
    expect(run.status).toBe('running');
    expect(run.divergedAtEpoch).toBeNull();
    expect(run.trace.length).toBe(0);
  });

  it('is the same in any number of steps as in one', () => {
    fc.assert(
      fc.property(
        dataOf(1, 6),
        modelArb,
        lrArb,
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 12 }),
        (data, model, lr, chunks) => {
          const setup: TrainingSetup = {
            data,
            model,
            init: { w: 0.5, b: -0.5 },
            lr,
            optimizer: { kind: 'sgd' },
          };
          let run = startRun(setup);
          for (const chunk of chunks) run = advance(run, chunk);
          const total = chunks.reduce((a, b) => a + b, 0);
          const whole = advance(startRun(setup), total);
          expect(run.trace.length).toBe(whole.trace.length);
          expectBitIdentical(columns(run).w, columns(whole).w, 'w');
          expectBitIdentical(columns(run).cost, columns(whole).cost, 'cost');
          expect(run.params).toEqual(whole.params);
        },
      ),
      { seed: 46, numRuns: 100 },
    );
  });
});

describe('epochUpdates replays an epoch bit-identically', () => {
  it('for every optimizer, recorded epochs and the next one', () => {
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
    fc.assert(
      fc.property(
        dataOf(1, 9),
        modelArb,
        initArb,
        lrArb,
        optimizerArb,
        fc.integer({ min: 1, max: 30 }),
        (data, model, init, lr, optimizer, epochs) => {
          const setup: TrainingSetup = { data, model, init, lr, optimizer };
          const run = advance(startRun(setup), epochs);
          const n = data.xs.length;
          const w = traceColumn(run.trace, 'w');
          const b = traceColumn(run.trace, 'b');
          for (const k of [0, Math.floor(epochs / 2), epochs - 1, epochs]) {
            const updates = epochUpdates(run, k);
            expect(updates).toHaveLength(updatesPerEpoch(optimizer, n));
            const start = k === 0 ? init : { w: w[k - 1]!, b: b[k - 1]! };
            expect(paramsBeforeEpoch(run, k)).toEqual(start);
            expect(updates[0]!.before).toEqual(start);
            expect(updates.map((u) => u.indices)).toEqual(epochBatches(optimizer, n, k));
            updates.forEach((u, step) => {
              expect(u.step).toBe(step);
              if (step > 0) expect(u.before).toBe(updates[step - 1]!.after);
              const fromZero = optimizer.kind === 'gd' || u.indices.length > 1;
              expect(u.gradient).toEqual(batchGradient(model, u.before, data, u.indices, fromZero));
              expect(u.lossAfter).toBe(batchLoss(model, u.after, data, u.indices));
            });
            const last = updates.at(-1)!;
            if (k < epochs) {
              expect(Object.is(last.after.w, w[k])).toBe(true);
              expect(Object.is(last.after.b, b[k])).toBe(true);
            } else {
              // The next, unrecorded epoch: what advancing by one will record.
              const next = advance(run, 1);
              expect(last.after).toEqual(next.params);
            }
          }
        },
      ),
      { seed: 47, numRuns: 150 },
    );
  });

  it('returns nothing for epochs it cannot replay', () => {
    const run = advance(startRun(lectureSetup('sgd')), 5);
    expect(epochUpdates(run, -1)).toEqual([]);
    expect(epochUpdates(run, 6)).toEqual([]);
    expect(epochUpdates(run, 1.5)).toEqual([]);
    expect(epochUpdates(run, 5)).toHaveLength(3);
  });

  it('replays the epoch a halted run diverged in', () => {
    const run = advance(startRun(lectureSetup('sgd', { lr: 1 })), 400);
    const k = run.divergedAtEpoch!;
    const updates = epochUpdates(run, k);
    expect(updates).toHaveLength(3);
    expect(updates[0]!.before).toEqual(run.params);
    const values = updates.flatMap((u) => [u.gradient.w, u.after.w, u.lossAfter]);
    values.push(cost('w', updates[2]!.after, LECTURE.data));
    expect(values.some((v) => !Number.isFinite(v))).toBe(true);
    // …while the epoch before it was finite throughout.
    const before = epochUpdates(run, k - 1).flatMap((u) => [u.gradient.w, u.after.w, u.lossAfter]);
    expect(before.every(Number.isFinite)).toBe(true);
  });
});
