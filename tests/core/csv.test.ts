import { describe, expect, it } from 'vitest';
import {
  advance,
  historyCsv,
  historyCsvHeader,
  LECTURE,
  startRun,
  type OptimizerKind,
  type RunState,
  type TrainingSetup,
} from '../../src/core';

const lecture = (kind: OptimizerKind, overrides: Partial<TrainingSetup> = {}): TrainingSetup => ({
  data: LECTURE.data,
  model: 'w',
  init: { w: LECTURE.w0, b: 0 },
  lr: LECTURE.lr,
  optimizer: { kind },
  ...overrides,
});

const runAfter = (setup: TrainingSetup, epochs: number): RunState => advance(startRun(setup), epochs);

describe('historyCsv', () => {
  it("writes GD's first two epochs as the lecture prints them", () => {
    // gradient_descent.out.txt: epoch: 0 w= 1.0933333333333333 loss= 4.666666666666667,
    // epoch: 1 w= 1.1779555555555554 loss= 3.8362074074074086; the cost after an epoch is the
    // loss GD prints for the next one.
    expect(historyCsv(runAfter(lecture('gd'), 2))).toBe(
      'epoch,w,loss_printed,cost,diverged\n' +
        '0,1.0933333333333333,4.666666666666667,3.8362074074074086,false\n' +
        '1,1.1779555555555554,3.8362074074074086,3.1535329869958857,false\n',
    );
  });

  it("writes SGD's first two epochs as the lecture prints them", () => {
    // stochastic_gradient_descent.out.txt: progress: 0 w= 1.260688 loss= 4.919240100095999,
    // progress: 1 w= 1.453417766656 loss= 2.688769240265834.
    expect(historyCsv(runAfter(lecture('sgd'), 2))).toBe(
      'epoch,w,loss_printed,cost,diverged\n' +
        '0,1.260688,4.919240100095999,2.5507170889386663,false\n' +
        '1,1.453417766656,2.688769240265834,1.3941766431008027,false\n',
    );
  });

  it('is the header alone before any epoch', () => {
    expect(historyCsv(startRun(lecture('gd')))).toBe('epoch,w,loss_printed,cost,diverged\n');
  });

  it('writes floats as Python does, so whole numbers keep their .0', () => {
    // Already at the optimum: w stays 2.0 and every loss is 0.0.
    const csv = historyCsv(runAfter(lecture('gd', { init: { w: 2, b: 0 } }), 1));
    expect(csv.split('\n')[1]).toBe('0,2.0,0.0,0.0,false');
  });

  it('ends a halted run with a row for the epoch that diverged', () => {
    const run = runAfter(lecture('gd', { lr: 1 }), 1000);
    expect(run.status).toBe('diverged');
    const lines = historyCsv(run).trimEnd().split('\n');
    expect(lines).toHaveLength(run.trace.length + 2);
    expect(lines.at(-1)).toBe(`${run.divergedAtEpoch},,,,true`);
    // Every recorded row is finite and not diverged.
    for (const line of lines.slice(1, -1)) {
      const cells = line.split(',');
      expect(cells).toHaveLength(5);
      expect(cells[4]).toBe('false');
      for (const cell of cells.slice(1, 4)) expect(Number.isFinite(Number(cell))).toBe(true);
    }
  });

  it('flags the epochs of a run that carries on through the overflow', () => {
    const run = runAfter(lecture('gd', { lr: 1, haltOnDivergence: false }), 400);
    const at = run.divergedAtEpoch!;
    expect(at).toBeGreaterThan(0);
    const lines = historyCsv(run).trimEnd().split('\n');
    expect(lines).toHaveLength(401);
    expect(lines[at]!.endsWith(',false')).toBe(true);
    expect(lines[at + 1]!.endsWith(',true')).toBe(true);
    expect(lines[at + 1]).toMatch(/inf|nan/);
  });

  it('adds a b column for the model with a bias', () => {
    const setup = lecture('gd', { model: 'wb', init: { w: 1, b: 0.5 } });
    const run = runAfter(setup, 1);
    expect(historyCsvHeader(run)).toBe('epoch,w,b,loss_printed,cost,diverged');
    const [header, row] = historyCsv(run).split('\n');
    expect(header).toBe('epoch,w,b,loss_printed,cost,diverged');
    const cells = row!.split(',');
    expect(cells).toHaveLength(6);
    expect(Number(cells[1])).toBe(run.params.w);
    expect(Number(cells[2])).toBe(run.params.b);
  });

  it('reads back bit-identical', () => {
    const run = runAfter(lecture('sgd'), 50);
    const rows = historyCsv(run).trimEnd().split('\n').slice(1);
    rows.forEach((row, epoch) => {
      const [k, w] = row.split(',');
      expect(Number(k)).toBe(epoch);
      expect(Number(w)).toBe(run.trace.buffers.w[epoch]);
    });
  });
});
