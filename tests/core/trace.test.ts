import { describe, expect, it } from 'vitest';
import {
  advance,
  emptyTrace,
  epochRecord,
  epochUpdates,
  paramsBeforeEpoch,
  startRun,
  traceColumn,
  type RunState,
  type Trace,
  type TrainingSetup,
} from '../../src/core';
import { writableBuffers, writeEpoch } from '../../src/core/trace';
import { firstDifference } from './helpers/reference';

const setup: TrainingSetup = {
  data: { xs: [1, 2, 3, 4], ys: [2.5, 3.5, 7, 8.5] },
  model: 'wb',
  init: { w: 0, b: 0 },
  lr: 0.01,
  optimizer: { kind: 'sgd' },
};

const snapshot = (trace: Trace) => ({
  w: Array.from(traceColumn(trace, 'w')),
  b: Array.from(traceColumn(trace, 'b')),
  printedLoss: Array.from(traceColumn(trace, 'printedLoss')),
  cost: Array.from(traceColumn(trace, 'cost')),
});

function expectSameHistory(actual: Trace, expected: ReturnType<typeof snapshot>, what: string): void {
  const now = snapshot(actual);
  for (const column of ['w', 'b', 'printedLoss', 'cost'] as const) {
    const diff = firstDifference(now[column], expected[column]);
    expect(diff, `${what}: ${column} differs at ${JSON.stringify(diff)}`).toBeNull();
  }
}

/** Appends epochs with recognisable values (w = tag + i) straight through the trace API. */
function append(trace: Trace, count: number, tag: number): Trace {
  const buffers = writableBuffers(trace, count);
  for (let i = 0; i < count; i++) {
    const at = trace.length + i;
    writeEpoch(buffers, at, tag + at, -(tag + at), 2 * (tag + at), 3 * (tag + at));
  }
  return { length: trace.length + count, buffers };
}

describe('emptyTrace, epochRecord and traceColumn', () => {
  it('an empty trace has no records and empty columns', () => {
    const trace = emptyTrace();
    expect(trace.length).toBe(0);
    expect(epochRecord(trace, 0)).toBeUndefined();
    expect(traceColumn(trace, 'w')).toHaveLength(0);
  });

  it('epochRecord reads one epoch; undefined outside the trace or for a non-integer epoch', () => {
    const trace = append(emptyTrace(), 3, 10);
    expect(epochRecord(trace, 0)).toEqual({ epoch: 0, w: 10, b: -10, printedLoss: 20, cost: 30 });
    expect(epochRecord(trace, 2)).toEqual({ epoch: 2, w: 12, b: -12, printedLoss: 24, cost: 36 });
    for (const epoch of [-1, 3, 1.5, NaN, Infinity]) expect(epochRecord(trace, epoch)).toBeUndefined();
  });

  it('traceColumn is a view of the trace’s own length over the shared storage, not a copy', () => {
    const trace = append(emptyTrace(), 5, 0);
    const column = traceColumn(trace, 'cost');
    expect(Array.from(column)).toEqual([0, 3, 6, 9, 12]);
    expect(column.buffer).toBe(traceColumn(trace, 'cost').buffer);
    const longer = append(trace, 2, 0);
    expect(traceColumn(longer, 'cost').buffer).toBe(column.buffer);
    expect(traceColumn(trace, 'cost')).toHaveLength(5);
  });

  it('the run’s records agree with its columns and its current parameters', () => {
    const run = advance(startRun(setup), 20);
    const record = epochRecord(run.trace, 19)!;
    expect(record.epoch).toBe(19);
    expect({ w: record.w, b: record.b }).toEqual(run.params);
    expect(record.cost).toBe(traceColumn(run.trace, 'cost')[19]);
    expect(record.printedLoss).toBe(traceColumn(run.trace, 'printedLoss')[19]);
  });
});

describe('growth', () => {
  it('grows past its initial capacity without losing or changing an epoch', () => {
    let trace = emptyTrace();
    for (let i = 0; i < 1100; i++) trace = append(trace, 1, 0);
    expect(trace.length).toBe(1100);
    expect(Array.from(traceColumn(trace, 'w'))).toEqual(Array.from({ length: 1100 }, (_, i) => i));
    expect(Array.from(traceColumn(trace, 'cost'))).toEqual(Array.from({ length: 1100 }, (_, i) => 3 * i));
  });

  it('appends in place while it is the newest trace on its buffers and has room', () => {
    const a = append(emptyTrace(), 10, 0);
    const b = append(a, 5, 0);
    expect(b.buffers).toBe(a.buffers);
    const big = append(b, 200, 0);
    expect(big.buffers).not.toBe(b.buffers);
    expect(big.buffers.w.length).toBeGreaterThanOrEqual(215);
  });

  it('a run advanced one epoch at a time equals one advanced all at once (across several regrowths)', () => {
    let run = startRun(setup);
    for (let i = 0; i < 700; i++) run = advance(run, 1);
    const whole = advance(startRun(setup), 700);
    expectSameHistory(run.trace, snapshot(whole.trace), 'stepwise vs whole');
  });
});

describe('structural sharing', () => {
  it('appending to an older trace copies first: the newer trace keeps its epochs', () => {
    const old = append(emptyTrace(), 4, 0);
    const newer = append(old, 3, 100); // epochs 4…6 carry w = 104…106
    const newerBefore = snapshot(newer);
    const fork = append(old, 3, 500); // epochs 4…6 carry w = 504…506
    expect(fork.buffers).not.toBe(newer.buffers);
    expectSameHistory(newer, newerBefore, 'newer after the fork');
    expect(Array.from(traceColumn(fork, 'w'))).toEqual([0, 1, 2, 3, 504, 505, 506]);
    expect(Array.from(traceColumn(old, 'w'))).toEqual([0, 1, 2, 3]);
    // The newer trace can still grow in place, and the fork on its own copy.
    const newer2 = append(newer, 1, 100);
    expect(newer2.buffers).toBe(newer.buffers);
    expect(Array.from(traceColumn(newer2, 'w'))).toEqual([0, 1, 2, 3, 104, 105, 106, 107]);
    expect(Array.from(traceColumn(fork, 'w'))).toEqual([0, 1, 2, 3, 504, 505, 506]);
  });

  it('advancing an old run after a newer one was derived from it does not touch the newer history', () => {
    const old = advance(startRun(setup), 30);
    const oldBefore = snapshot(old.trace);
    const newer = advance(old, 25);
    const newerBefore = snapshot(newer.trace);
    // Same history, then a different learning rate: the fork's epochs 30… differ from the newer run's.
    const fork: RunState = advance({ ...old, setup: { ...old.setup, lr: 0.002 } }, 40);
    expectSameHistory(newer.trace, newerBefore, 'newer run');
    expectSameHistory(old.trace, oldBefore, 'old run');
    expect(paramsBeforeEpoch(old, 30)).toEqual(old.params);
    expect(fork.trace.length).toBe(70);
    expect(Array.from(traceColumn(fork.trace, 'w')).slice(0, 30)).toEqual(oldBefore.w);
    expect(traceColumn(fork.trace, 'w')[30]).not.toBe(newerBefore.w[30]);
    // And the newer run still continues exactly as a run that was never forked.
    const straight = advance(startRun(setup), 80);
    expectSameHistory(advance(newer, 25).trace, snapshot(straight.trace), 'newer continued');
    // The fork continued is the fork's own history.
    const forkBefore = snapshot(fork.trace);
    advance(newer, 10);
    expectSameHistory(fork.trace, forkBefore, 'fork after the newer run moved on');
  });

  it('two continuations of the same run are independent', () => {
    const base = advance(startRun(setup), 126); // two short of the initial capacity
    const a = advance({ ...base, setup: { ...setup, lr: 0.02 } }, 5);
    const aBefore = snapshot(a.trace);
    const b = advance({ ...base, setup: { ...setup, lr: 0.001 } }, 5);
    expectSameHistory(a.trace, aBefore, 'first continuation');
    expect(traceColumn(b.trace, 'w')[127]).not.toBe(aBefore.w[127]);
    expect(Array.from(traceColumn(b.trace, 'w')).slice(0, 126)).toEqual(aBefore.w.slice(0, 126));
  });

  it('startRun gives every run its own empty trace', () => {
    const a = startRun(setup);
    const b = startRun(setup);
    expect(a.trace.buffers).not.toBe(b.trace.buffers);
    const a1 = advance(a, 3);
    const b1 = advance({ ...b, setup: { ...setup, lr: 0.05 } }, 3);
    expect(traceColumn(a1.trace, 'w')[0]).not.toBe(traceColumn(b1.trace, 'w')[0]);
    expect(traceColumn(advance(a, 3).trace, 'w')[0]).toBe(traceColumn(a1.trace, 'w')[0]);
  });
});

describe('what a trace stores', () => {
  const data = { xs: [1, 2, 3], ys: [2, 4, 6] };
  it('stores neither b under y = w·x nor GD’s printed loss, and derives both exactly', () => {
    const gd = advance(
      startRun({ data, model: 'w', init: { w: 1, b: 0 }, lr: 0.01, optimizer: { kind: 'gd' } }),
      5,
    );
    expect(gd.trace.buffers.b).toBeNull();
    expect(gd.trace.buffers.printedLoss).toBeNull();
    expect(epochRecord(gd.trace, 0)?.printedLoss).toBe(4.666666666666667);
    expect(epochRecord(gd.trace, 1)?.printedLoss).toBe(3.8362074074074086);
    expect(Array.from(traceColumn(gd.trace, 'printedLoss')).slice(1)).toEqual(
      Array.from(traceColumn(gd.trace, 'cost')).slice(0, 4),
    );
    expect(Array.from(traceColumn(gd.trace, 'b'))).toEqual([0, 0, 0, 0, 0]);
  });

  it('stores b under y = w·x + b; derives the printed loss of SGD and mini-batch in data-set order', () => {
    for (const optimizer of [
      { kind: 'sgd' },
      { kind: 'minibatch', batchSize: 2 },
      { kind: 'minibatch', batchSize: 3 },
    ] as const) {
      for (const model of ['w', 'wb'] as const) {
        const run = advance(startRun({ data, model, init: { w: 1, b: 0.5 }, lr: 0.01, optimizer }), 6);
        expect(run.trace.buffers.b === null).toBe(model === 'w');
        expect(run.trace.buffers.printedLoss).toBeNull();
        // The loss each epoch printed: its last update's loss after the step, replayed.
        const printed = Array.from({ length: 6 }, (_, k) => epochUpdates(run, k).at(-1)!.lossAfter);
        expect(printed.every((loss) => loss > 0)).toBe(true);
        expect(Array.from(traceColumn(run.trace, 'printedLoss'))).toEqual(printed);
        printed.forEach((loss, k) => expect(epochRecord(run.trace, k)?.printedLoss).toBe(loss));
      }
    }
  });

  it('stores the printed loss of a shuffled run, whose last batch changes from epoch to epoch', () => {
    const sgd = advance(
      startRun({
        data,
        model: 'wb',
        init: { w: 1, b: 0 },
        lr: 0.01,
        optimizer: { kind: 'sgd', shuffle: true, seed: 3 },
      }),
      2,
    );
    expect(sgd.trace.buffers.printedLoss).not.toBeNull();
  });
});
