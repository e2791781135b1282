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
  it("writes GD's first two epochs as the lecture prints them, counted from 1 with the lecture's count beside", () => {
    // gradient_descent.out.txt: epoch: 0 w= 1.0933333333333333 loss= 4.666666666666667,
    // epoch: 1 w= 1.1779555555555554 loss= 3.8362074074074086; the cost after an epoch is the
    // loss GD prints for the next one. The app calls the lecture's epoch: 0 its epoch 1.
    expect(historyCsv(runAfter(lecture('gd'), 2))).toBe(
      'epoch,lecture_epoch,w,loss_printed,cost,diverged\n' +
        '1,0,1.0933333333333333,4.666666666666667,3.8362074074074086,false\n' +
        '2,1,1.1779555555555554,3.8362074074074086,3.1535329869958857,false\n',
    );
  });

  it("writes SGD's first two epochs as the lecture prints them", () => {
    // stochastic_gradient_descent.out.txt: progress: 0 w= 1.260688 loss= 4.919240100095999,
    // progress: 1 w= 1.453417766656 loss= 2.688769240265834.
    expect(historyCsv(runAfter(lecture('sgd'), 2))).toBe(
      'epoch,lecture_epoch,w,loss_printed,cost,diverged\n' +
        '1,0,1.260688,4.919240100095999,2.5507170889386663,false\n' +
        '2,1,1.453417766656,2.688769240265834,1.3941766431008027,false\n',
    );
  });

  it('is the header alone before any epoch', () => {
    expect(historyCsv(startRun(lecture('gd')))).toBe('epoch,lecture_epoch,w,loss_printed,cost,diverged\n');
  });

  it('writes floats as Python does, so whole numbers keep their .0', () => {
    // Already at the optimum: w stays 2.0 and every loss is 0.0.
    const csv = historyCsv(runAfter(lecture('gd', { init: { w: 2, b: 0 } }), 1));
    expect(csv.split('\n')[1]).toBe('1,0,2.0,0.0,0.0,false');
  });

  it('ends a halted run with a row for the epoch that diverged', () => {
    const run = runAfter(lecture('gd', { lr: 1 }), 1000);
    expect(run.status).toBe('diverged');
    const lines = historyCsv(run).trimEnd().split('\n');
    expect(lines).toHaveLength(run.trace.length + 2);
    // GD at α = 1 overflows in its 167th epoch, which the lecture would print as epoch: 166.
    expect(run.divergedAtEpoch).toBe(166);
    expect(lines.at(-2)!.startsWith('166,165,')).toBe(true);
    expect(lines.at(-1)).toBe('167,166,,,,true');
    // Every recorded row is finite and not diverged.
    for (const line of lines.slice(1, -1)) {
      const cells = line.split(',');
      expect(cells).toHaveLength(6);
      expect(Number(cells[0])).toBe(Number(cells[1]) + 1);
      expect(cells[5]).toBe('false');
      for (const cell of cells.slice(2, 5)) expect(Number.isFinite(Number(cell))).toBe(true);
    }
  });

  it('flags the epochs of a run that carries on through the overflow', () => {
    const run = runAfter(lecture('gd', { lr: 1, haltOnDivergence: false }), 400);
    const at = run.divergedAtEpoch!;
    expect(at).toBeGreaterThan(0);
    const lines = historyCsv(run).trimEnd().split('\n');
    expect(lines).toHaveLength(401);
    // Line i (i ≥ 1) is the app's epoch i, the lecture's i − 1: the overflow is on line at + 1.
    expect(lines[at]!.startsWith(`${at},${at - 1},`)).toBe(true);
    expect(lines[at]!.endsWith(',false')).toBe(true);
    expect(lines[at + 1]!.startsWith(`${at + 1},${at},`)).toBe(true);
    expect(lines[at + 1]!.endsWith(',true')).toBe(true);
    expect(lines[at + 1]).toMatch(/inf|nan/);
  });

  it('adds a b column for the model with a bias', () => {
    const setup = lecture('gd', { model: 'wb', init: { w: 1, b: 0.5 } });
    const run = runAfter(setup, 1);
    expect(historyCsvHeader(run)).toBe('epoch,lecture_epoch,w,b,loss_printed,cost,diverged');
    const [header, row] = historyCsv(run).split('\n');
    expect(header).toBe('epoch,lecture_epoch,w,b,loss_printed,cost,diverged');
    const cells = row!.split(',');
    expect(cells).toHaveLength(7);
    expect(cells.slice(0, 2)).toEqual(['1', '0']);
    expect(Number(cells[2])).toBe(run.params.w);
    expect(Number(cells[3])).toBe(run.params.b);
  });

  it('reads back bit-identical', () => {
    const run = runAfter(lecture('sgd'), 50);
    const rows = historyCsv(run).trimEnd().split('\n').slice(1);
    rows.forEach((row, index) => {
      const [epoch, lectureEpoch, w] = row.split(',');
      expect(Number(epoch)).toBe(index + 1);
      expect(Number(lectureEpoch)).toBe(index);
      expect(Number(w)).toBe(run.trace.buffers.w[index]);
    });
  });
});
