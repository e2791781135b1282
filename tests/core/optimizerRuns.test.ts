// The optimizer loop over many epochs: divergence, advance in slices, and epochUpdates' bit-identical replays.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advance,
  batchGradient,
  batchLoss,
  cost,
  epochBatches,
  epochUpdates,
  LECTURE,
  paramsBeforeEpoch,
  startRun,
  traceColumn,
  updatesPerEpoch,
  type Dataset,
  type OptimizerSpec,
  type TrainingSetup,
} from '../../src/core';
import {
  columns,
  dataOf,
  expectBitIdentical,
  initArb,
  lectureSetup,
  lrArb,
  modelArb,
  referenceOf,
  value,
} from './helpers/training';

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
