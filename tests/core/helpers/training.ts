/**
 * Training setups, trace columns, bit-for-bit comparison and random settings for the optimizer tests
 * (optimizer.test.ts and optimizerRuns.test.ts).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import {
  epochBatches,
  LECTURE,
  traceColumn,
  type Dataset,
  type ModelKind,
  type RunState,
  type TrainingSetup,
} from '../../../src/core';
import { firstDifference, refTrajectory, type RefSetup } from './reference';

export const lectureSetup = (kind: 'gd' | 'sgd', extra: Partial<TrainingSetup> = {}): TrainingSetup => ({
  data: LECTURE.data,
  model: 'w',
  init: { w: LECTURE.w0, b: LECTURE.b0 },
  lr: LECTURE.lr,
  optimizer: { kind },
  ...extra,
});

export const columns = (run: RunState) => ({
  w: Array.from(traceColumn(run.trace, 'w')),
  b: Array.from(traceColumn(run.trace, 'b')),
  printedLoss: Array.from(traceColumn(run.trace, 'printedLoss')),
  cost: Array.from(traceColumn(run.trace, 'cost')),
});

export function expectBitIdentical(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  what: string,
): void {
  const diff = firstDifference(actual, expected);
  expect(diff, `${what}: first difference ${JSON.stringify(diff)}`).toBeNull();
}

/** The reference trajectory of a core setup, with its batches taken from `epochBatches` or given. */
export function referenceOf(setup: TrainingSetup, epochs: number): ReturnType<typeof refTrajectory> {
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
export const value = fc.integer({ min: -4000, max: 4000 }).map((k) => k / 1000);
export const dataOf = (minN: number, maxN: number): fc.Arbitrary<Dataset> =>
  fc
    .integer({ min: minN, max: maxN })
    .chain((n) =>
      fc.tuple(
        fc.array(value, { minLength: n, maxLength: n }),
        fc.array(value, { minLength: n, maxLength: n }),
      ),
    )
    .map(([xs, ys]) => ({ xs, ys }));
export const modelArb = fc.constantFrom<ModelKind>('w', 'wb');
export const lrArb = fc.integer({ min: 1, max: 1000 }).map((k) => k / 20_000);
export const initArb = fc.record({ w: value, b: value });
