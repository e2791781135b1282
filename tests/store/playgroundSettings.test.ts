// The playground store on a settings change: what is recomputed, invalid settings refused, divergence.
import { describe, expect, it } from 'vitest';
import { advance, startRun, traceColumn } from '../../src/core';
import { clampSpeed, displayedParams } from '../../src/store/playground';
import { runHealth, runReadout } from '../../src/store/selectors';
import { clocks, fresh, GD_PRINTED, SGD_PRINTED, snapshot, steps } from './helpers';

describe('recomputation on a settings change', () => {
  it('a new lr after 40 epochs keeps epoch 40 and equals a fresh run at that lr', () => {
    const store = fresh();
    steps(store, 40);
    store.getState().actions.updateSettings({ lr: 0.02 });
    const s = store.getState();
    expect(clocks(s)).toEqual([40, 40, 40]);
    expect(s.playback).toBe('paused');
    expect(s.settings.lr).toBe(0.02);
    expect(s.runs.gd.setup.lr).toBe(0.02);
    expect(s.runs.sgd.setup.lr).toBe(0.02);

    const reference = fresh({ lr: 0.02 });
    steps(reference, 40);
    expect(snapshot(s.runs.gd)).toEqual(snapshot(reference.getState().runs.gd));
    expect(snapshot(s.runs.sgd)).toEqual(snapshot(reference.getState().runs.sgd));

    // …and independently of the store: the core's own advance from θ₀.
    const setup = { ...s.runs.gd.setup, init: { w: 1, b: 0 } };
    expect(snapshot(s.runs.gd)).toEqual(snapshot(advance(startRun(setup), 40)));
    expect(s.runs.gd.params.w).not.toBe(fresh().getState().runs.gd.params.w);
  });

  it('a new w0 mid-run recomputes from the new start and drops the sample cursor', () => {
    const store = fresh();
    steps(store, 10);
    store.getState().actions.stepSample();
    store.getState().actions.updateSettings({ w0: -3 });
    const s = store.getState();
    expect(clocks(s)).toEqual([10, 10, 10]);
    expect(s.sampleCursor).toBe(0);
    expect(s.pendingUpdates).toEqual([]);
    const reference = fresh({ w0: -3 });
    steps(reference, 10);
    expect(snapshot(s.runs.gd)).toEqual(snapshot(reference.getState().runs.gd));
    expect(snapshot(s.runs.sgd)).toEqual(snapshot(reference.getState().runs.sgd));
    expect(displayedParams(s, 'sgd')).toEqual(reference.getState().runs.sgd.params);
  });

  it('keeps playing while playing', () => {
    const store = fresh({ speed: 10 });
    store.getState().actions.play();
    store.getState().actions.tick(100);
    store.getState().actions.updateSettings({ lr: 0.05 });
    expect(store.getState().playback).toBe('playing');
    expect(store.getState().epoch).toBe(1);
  });

  it('lowering epochs below the current epoch clamps the clock and finishes', () => {
    const store = fresh();
    steps(store, 40);
    store.getState().actions.updateSettings({ epochs: 30 });
    const s = store.getState();
    expect(s.settings.epochs).toBe(30);
    expect(clocks(s)).toEqual([30, 30, 30]);
    expect(s.playback).toBe('finished');
    expect(s.runs.gd.trace.length).toBe(30);
    expect(s.runs.gd.params.w).toBe(GD_PRINTED[29]!.w);
    expect(s.runs.sgd.params.w).toBe(SGD_PRINTED[29]!.w);
  });

  it('lowering epochs to exactly the current epoch finishes without recomputing', () => {
    const store = fresh();
    steps(store, 40);
    const before = store.getState();
    before.actions.updateSettings({ epochs: 40 });
    const s = store.getState();
    expect(s.playback).toBe('finished');
    expect(clocks(s)).toEqual([40, 40, 40]);
    expect(s.runs).toBe(before.runs);
  });

  it('raising epochs after finished returns to paused at the furthest epoch reached, and the runs go on', () => {
    const store = fresh();
    steps(store, 40);
    store.getState().actions.updateSettings({ epochs: 30 });
    expect(clocks(store.getState())).toEqual([30, 30, 30]);
    expect(store.getState().playback).toBe('finished');
    // Typing 500 passes through 5 and 50: the 40 epochs already run must come back, not be lost.
    store.getState().actions.updateSettings({ epochs: 50 });
    let s = store.getState();
    expect(s.playback).toBe('paused');
    expect(clocks(s)).toEqual([40, 40, 40]);
    expect(s.runs.gd.params.w).toBe(GD_PRINTED[39]!.w);
    s.actions.step();
    s = store.getState();
    expect(clocks(s)).toEqual([41, 41, 41]);
    expect(s.runs.gd.params.w).toBe(GD_PRINTED[40]!.w);
    expect(s.runs.sgd.params.w).toBe(SGD_PRINTED[40]!.w);
  });

  it('reset forgets the furthest epoch reached', () => {
    const store = fresh();
    steps(store, 40);
    store.getState().actions.updateSettings({ epochs: 30 });
    store.getState().actions.reset();
    store.getState().actions.updateSettings({ epochs: 50 });
    expect(clocks(store.getState())).toEqual([0, 0, 0]);
  });

  it('raising epochs after runToEnd lets play continue instead of restarting', () => {
    const store = fresh();
    store.getState().actions.runToEnd();
    store.getState().actions.updateSettings({ epochs: 200 });
    expect(store.getState().playback).toBe('paused');
    store.getState().actions.play();
    expect(store.getState().playback).toBe('playing');
    expect(store.getState().epoch).toBe(100);
  });

  it('lowering epochs below the current epoch mid-sample leaves no partial epoch on display', () => {
    const store = fresh();
    steps(store, 40);
    store.getState().actions.stepSample();
    expect(store.getState().sampleCursor).toBe(1);
    expect(store.getState().actions.updateSettings({ epochs: 30 })).toBe(true);
    const s = store.getState();
    expect(s.playback).toBe('finished');
    expect(s.epoch).toBe(30);
    expect(s.sampleCursor).toBe(0);
    expect(s.pendingUpdates).toEqual([]);
    expect(displayedParams(s, 'sgd')).toEqual(s.runs.sgd.params);
    expect(runReadout(s, 'sgd').updates).toBe(90);
  });

  it('lowering epochs to exactly the current epoch mid-sample ends on the completed epoch', () => {
    const store = fresh();
    steps(store, 40);
    store.getState().actions.stepSample();
    store.getState().actions.updateSettings({ epochs: 40 });
    const s = store.getState();
    expect(s.playback).toBe('finished');
    expect(s.epoch).toBe(40);
    // Finished at 40 epochs: SGD shows its epoch-40 w and has taken 3 × 40 updates, not a 121st.
    expect(s.sampleCursor).toBe(0);
    expect(displayedParams(s, 'sgd')).toEqual(s.runs.sgd.params);
    expect(displayedParams(s, 'sgd').w).toBe(SGD_PRINTED[39]!.w);
    expect(runReadout(s, 'sgd').updates).toBe(120);
  });

  it('speed changes do not recompute the runs', () => {
    const store = fresh();
    steps(store, 12);
    store.getState().actions.stepSample();
    const before = store.getState();
    before.actions.updateSettings({ speed: 250 });
    const s = store.getState();
    expect(s.settings.speed).toBe(250);
    expect(s.runs).toBe(before.runs);
    expect(s.runs.gd).toBe(before.runs.gd);
    expect(s.runs.sgd).toBe(before.runs.sgd);
    expect(s.limits).toBe(before.limits);
    expect(s.epoch).toBe(12);
    expect(s.sampleCursor).toBe(1);
    expect(s.pendingUpdates).toBe(before.pendingUpdates);
    expect(s.playback).toBe('paused');
  });

  it('speed is clamped to 1…1000 rather than rejected', () => {
    expect(clampSpeed(5000)).toBe(1000);
    expect(clampSpeed(0)).toBe(1);
    expect(clampSpeed(Number.NaN)).toBe(1);
    expect(clampSpeed(42.5)).toBe(42.5);
    const store = fresh();
    store.getState().actions.updateSettings({ speed: 5000 });
    expect(store.getState().settings.speed).toBe(1000);
    store.getState().actions.updateSettings({ speed: -3 });
    expect(store.getState().settings.speed).toBe(1);
    store.getState().actions.updateSettings({ speed: Number.NaN });
    expect(store.getState().settings.speed).toBe(1);
    expect(store.getState().fieldErrors).toEqual({});
  });

  it('a changed speed takes effect on the next tick', () => {
    const store = fresh({ speed: 10 });
    store.getState().actions.play();
    store.getState().actions.updateSettings({ speed: 100 });
    store.getState().actions.tick(50);
    expect(store.getState().epoch).toBe(5);
  });

  it('new data recomputes the stability limits', () => {
    const store = fresh();
    const before = store.getState().limits;
    store.getState().actions.updateSettings({ xs: [1, 2, 6], ys: [2, 4, 12] });
    const s = store.getState();
    expect(s.limits).not.toBe(before);
    // GD's limit for y = w·x is 1/mean(x²) = 3/41.
    expect(s.limits.gd).toBeCloseTo(3 / 41, 15);
    // An lr change alone keeps them.
    s.actions.updateSettings({ lr: 0.02 });
    expect(store.getState().limits).toBe(s.limits);
  });
});

describe('invalid settings', () => {
  const cases: ReadonlyArray<{
    field: 'lr' | 'epochs' | 'w0';
    value: number;
    code: string;
    valid: number;
  }> = [
    { field: 'lr', value: 0, code: 'not-positive', valid: 0.05 },
    { field: 'lr', value: -0.1, code: 'not-positive', valid: 0.05 },
    { field: 'lr', value: Number.NaN, code: 'not-a-number', valid: 0.05 },
    { field: 'epochs', value: 0, code: 'out-of-range', valid: 50 },
    { field: 'epochs', value: 200_000, code: 'out-of-range', valid: 50 },
    { field: 'epochs', value: 2.5, code: 'not-integer', valid: 50 },
    { field: 'w0', value: Number.POSITIVE_INFINITY, code: 'not-finite', valid: 0.5 },
  ];

  for (const { field, value, code, valid } of cases) {
    it(`rejects ${field}: ${value} (${code}) and keeps the last valid settings and runs`, () => {
      const store = fresh();
      steps(store, 7);
      const before = store.getState();
      expect(before.actions.updateSettings({ [field]: value })).toBe(false);
      const s = store.getState();
      expect(Object.keys(s.fieldErrors)).toEqual([field]);
      expect(s.fieldErrors[field]).toHaveLength(1);
      expect(s.fieldErrors[field]![0]).toMatchObject({ field, code });
      expect(s.settings).toBe(before.settings);
      expect(s.runs).toBe(before.runs);
      expect(s.epoch).toBe(7);
      expect(s.playback).toBe('paused');
      expect(s.limits).toBe(before.limits);

      // A later valid change to the field clears its errors and applies.
      expect(s.actions.updateSettings({ [field]: valid })).toBe(true);
      const fixed = store.getState();
      expect(fixed.fieldErrors).toEqual({});
      expect(fixed.settings[field]).toBe(valid);
    });
  }

  it('reports the bound an epochs value broke', () => {
    const store = fresh();
    store.getState().actions.updateSettings({ epochs: 200_000 });
    expect(store.getState().fieldErrors.epochs![0]!.limit).toBe(100_000);
    store.getState().actions.updateSettings({ epochs: 0 });
    expect(store.getState().fieldErrors.epochs![0]!.limit).toBe(1);
  });

  it('a valid change to another field leaves a field’s errors alone', () => {
    const store = fresh();
    const { actions } = store.getState();
    actions.updateSettings({ lr: 0 });
    actions.updateSettings({ epochs: 2.5 });
    expect(Object.keys(store.getState().fieldErrors).sort()).toEqual(['epochs', 'lr']);
    actions.updateSettings({ lr: 0.03 });
    const s = store.getState();
    expect(s.fieldErrors.lr).toBeUndefined();
    expect(s.fieldErrors.epochs![0]!.code).toBe('not-integer');
    expect(s.settings.lr).toBe(0.03);
    expect(s.settings.epochs).toBe(100);
  });

  it('a patch with one bad field is rejected whole', () => {
    const store = fresh();
    const before = store.getState();
    before.actions.updateSettings({ lr: 0.05, w0: Number.NaN });
    const s = store.getState();
    expect(s.settings).toBe(before.settings);
    expect(s.fieldErrors.w0![0]!.code).toBe('not-a-number');
    // The valid field of the rejected patch carries the patch's other errors, not its own.
    expect(s.fieldErrors.lr).toEqual(s.fieldErrors.w0);
  });

  it('a speed change is accepted while another field shows an error', () => {
    const store = fresh();
    store.getState().actions.updateSettings({ lr: 0 });
    store.getState().actions.updateSettings({ speed: 30 });
    const s = store.getState();
    expect(s.settings.speed).toBe(30);
    expect(s.fieldErrors.lr![0]!.code).toBe('not-positive');
  });
});

describe('divergence', () => {
  it('reports the stability limits: GD 3/14 on the lecture data, SGD its own', () => {
    const { limits } = fresh().getState();
    expect(limits.gd).toBeCloseTo(3 / 14, 15);
    expect(limits.gd).toBeCloseTo(0.2142857142857143, 15);
    expect(limits.sgd).toBeCloseTo(0.20401793840035704, 12);
    expect(limits.sgd).toBeLessThan(limits.gd!);
  });

  it('lr 0.3: GD turns diverging after its first epoch', () => {
    const store = fresh({ lr: 0.3 });
    const start = store.getState();
    expect(runHealth(start.runs.gd, start.limits.gd)).toBe('converging');
    expect(runReadout(start, 'gd').health).toBe('converging');
    start.actions.step();
    const s = store.getState();
    // w = 1 − 0.3·(−28/3) = 3.8; cost (w − 2)²·14/3 grew from 14/3.
    expect(s.runs.gd.params.w).toBeCloseTo(3.8, 14);
    expect(runHealth(s.runs.gd, s.limits.gd)).toBe('diverging');
    expect(runReadout(s, 'gd').health).toBe('diverging');
    expect(runReadout(s, 'gd').limit).toBe(s.limits.gd);
    expect(runReadout(s, 'sgd').limit).toBe(s.limits.sgd);
    expect(s.runs.gd.status).toBe('running');
  });

  it('lr 0.21 sits between the limits: GD converges, SGD diverges', () => {
    const store = fresh({ lr: 0.21 });
    store.getState().actions.step();
    const s = store.getState();
    expect(runReadout(s, 'gd').health).toBe('converging');
    expect(runReadout(s, 'sgd').health).toBe('diverging');
    store.getState().actions.runToEnd();
    const end = store.getState();
    // GD's error shrinks by |1 − 0.21·28/3| = 0.96 per epoch; SGD's grows by |0.58·0.68·2.78| ≈ 1.0964.
    expect(end.runs.gd.params.w - 2).toBeCloseTo(-(0.96 ** 100), 12);
    expect(end.runs.sgd.params.w - 2).toBeCloseTo(-9957.956361020344, 6);
    expect(end.runs.sgd.status).toBe('running');
  });

  it('lr 1 → runToEnd: both runs diverged, every recorded value finite, finished', () => {
    const store = fresh({ lr: 1, epochs: 1000 });
    store.getState().actions.runToEnd();
    const s = store.getState();
    expect(s.playback).toBe('finished');
    expect(s.runs.gd.status).toBe('diverged');
    expect(s.runs.sgd.status).toBe('diverged');
    expect(s.runs.gd.divergedAtEpoch).toBe(166);
    expect(s.runs.sgd.divergedAtEpoch).toBe(73);
    // The overflowing epoch is not recorded: each run stops just before it.
    expect(s.runs.gd.epoch).toBe(166);
    expect(s.runs.sgd.epoch).toBe(73);
    for (const id of ['gd', 'sgd'] as const) {
      const run = s.runs[id];
      expect(Number.isFinite(run.params.w)).toBe(true);
      for (const column of ['w', 'b', 'printedLoss', 'cost'] as const) {
        const values = Array.from(traceColumn(run.trace, column));
        expect(values).toHaveLength(run.epoch);
        expect(values.every(Number.isFinite), `${id} ${column}`).toBe(true);
      }
      expect(runHealth(run, s.limits[id])).toBe('diverged');
      const readout = runReadout(s, id);
      expect(readout.health).toBe('diverged');
      expect(readout.divergedAtEpoch).toBe(run.divergedAtEpoch);
      expect(Number.isFinite(readout.cost)).toBe(true);
      expect(Number.isFinite(readout.predictNow)).toBe(true);
      // Without halting, the epoch at divergedAtEpoch is the first to produce a non-finite value.
      const unhalted = advance(startRun({ ...run.setup, haltOnDivergence: false }), run.epoch + 1);
      expect(Number.isFinite(traceColumn(unhalted.trace, 'cost')[run.epoch]!)).toBe(false);
    }
  });

  it('the clock stops once both runs have halted, whichever action moves it', () => {
    // Playing: the tick that halts the second run finishes.
    const ticked = fresh({ lr: 1, epochs: 1000, speed: 1000 });
    ticked.getState().actions.play();
    ticked.getState().actions.tick(100);
    expect(ticked.getState().epoch).toBe(100);
    expect(ticked.getState().playback).toBe('playing');
    ticked.getState().actions.tick(100);
    expect(ticked.getState().playback).toBe('finished');

    // Stepping: the step that halts the second run (GD overflows in epoch 166) finishes too.
    const stepped = fresh({ lr: 1, epochs: 1000 });
    steps(stepped, 167);
    const s = stepped.getState();
    expect(s.runs.gd.status).toBe('diverged');
    expect(s.runs.sgd.status).toBe('diverged');
    expect(s.playback).toBe('finished');
  });

  it('lr 1 on the lecture’s 100 epochs: only SGD diverges', () => {
    const store = fresh({ lr: 1 });
    store.getState().actions.runToEnd();
    const s = store.getState();
    expect(s.runs.sgd.status).toBe('diverged');
    expect(s.runs.gd.status).toBe('running');
    expect(s.runs.gd.epoch).toBe(100);
    expect(runReadout(s, 'gd').health).toBe('diverging');
  });
});
