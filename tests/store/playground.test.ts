import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { advance, cost, epochUpdates, LECTURE, startRun, traceColumn, type RunState } from '../../src/core';
import {
  clampSpeed,
  createPlaygroundStore,
  DEFAULT_SETTINGS,
  displayedParams,
  MAX_FRAME_MS,
  type PlaygroundSettings,
  type PlaygroundState,
  type PlaygroundStore,
} from '../../src/store/playground';
import { runHealth, runReadout } from '../../src/store/selectors';

// ---------------------------------------------------------------------------------------------
// The lecture's printed numbers, parsed from the reference transcripts (never retyped).

const fixtureLines = (name: string): string[] =>
  readFileSync(new URL(`../fixtures/${name}.out.txt`, import.meta.url), 'utf8')
    .replace(/\n$/, '')
    .split('\n');

interface PrintedEpoch {
  readonly epoch: number;
  readonly w: number;
  readonly loss: number;
}

function printedEpochs(name: string, label: 'epoch:' | 'progress:'): PrintedEpoch[] {
  const pattern = new RegExp(`^${label} (\\d+) w= (\\S+) loss= (\\S+)$`);
  return fixtureLines(name).flatMap((line) => {
    const match = pattern.exec(line);
    return match ? [{ epoch: Number(match[1]), w: Number(match[2]), loss: Number(match[3]) }] : [];
  });
}

function printedPrediction(name: string, when: 'before' | 'after'): number {
  const line = fixtureLines(name).find((l) => l.startsWith(`predict (${when} training) 4 `));
  if (line === undefined) throw new Error(`no predict (${when}) line in ${name}`);
  return Number(line.split(' ').at(-1));
}

const GD_PRINTED = printedEpochs('gradient_descent', 'epoch:');
const SGD_PRINTED = printedEpochs('stochastic_gradient_descent', 'progress:');
const lastOf = <T>(items: readonly T[]): T => {
  const last = items.at(-1);
  if (last === undefined) throw new Error('empty');
  return last;
};

// ---------------------------------------------------------------------------------------------
// Helpers.

const fresh = (patch: Partial<PlaygroundSettings> = {}): PlaygroundStore =>
  createPlaygroundStore({ ...DEFAULT_SETTINGS, ...patch });

const steps = (store: PlaygroundStore, count: number): void => {
  for (let i = 0; i < count; i++) store.getState().actions.step();
};

/** store.epoch, runs.gd.epoch and runs.sgd.epoch, which must always agree while no run halted. */
const clocks = (s: PlaygroundState): [number, number, number] => [s.epoch, s.runs.gd.epoch, s.runs.sgd.epoch];

/** Everything a run has recorded, as plain arrays (for deep comparison of two runs). */
const snapshot = (run: RunState) => ({
  epoch: run.epoch,
  params: run.params,
  status: run.status,
  divergedAtEpoch: run.divergedAtEpoch,
  w: Array.from(traceColumn(run.trace, 'w')),
  b: Array.from(traceColumn(run.trace, 'b')),
  printedLoss: Array.from(traceColumn(run.trace, 'printedLoss')),
  cost: Array.from(traceColumn(run.trace, 'cost')),
});

// ---------------------------------------------------------------------------------------------

describe('the fixtures parse as expected', () => {
  it('has 100 printed epochs per script and the lecture predictions', () => {
    expect(GD_PRINTED).toHaveLength(100);
    expect(SGD_PRINTED).toHaveLength(100);
    expect(lastOf(GD_PRINTED)).toEqual({ epoch: 99, w: 1.9999444396553017, loss: 1.752432687141379e-8 });
    expect(lastOf(SGD_PRINTED)).toEqual({ epoch: 99, w: 1.9999999999999236, loss: 5.250973729513143e-26 });
    expect(printedPrediction('gradient_descent', 'before')).toBe(4);
    expect(printedPrediction('gradient_descent', 'after')).toBe(7.999777758621207);
    expect(printedPrediction('stochastic_gradient_descent', 'after')).toBe(7.9999999999996945);
  });
});

describe('initial state', () => {
  it('starts idle at epoch 0 with both runs at w0 and the lecture settings', () => {
    const s = fresh().getState();
    expect(s.playback).toBe('idle');
    expect(clocks(s)).toEqual([0, 0, 0]);
    expect(s.sampleCursor).toBe(0);
    expect(s.pendingUpdates).toEqual([]);
    expect(s.clockDebt).toBe(0);
    expect(s.fieldErrors).toEqual({});
    expect(s.runs.gd.params).toEqual({ w: 1, b: 0 });
    expect(s.runs.sgd.params).toEqual({ w: 1, b: 0 });
    expect(s.runs.gd.trace.length).toBe(0);
    expect(s.runs.sgd.trace.length).toBe(0);
    expect(s.settings).toEqual({
      xs: [1, 2, 3],
      ys: [2, 4, 6],
      model: 'w',
      w0: 1,
      b0: 0,
      lr: 0.01,
      epochs: 100,
      speed: 10,
      predictX: 4,
      batchSize: 2,
      shuffle: false,
      seed: 1,
      showMinibatch: false,
    });
  });

  it('gives every store its own state', () => {
    const a = fresh();
    const b = fresh();
    a.getState().actions.step();
    expect(a.getState().epoch).toBe(1);
    expect(b.getState().epoch).toBe(0);
    expect(b.getState().playback).toBe('idle');
  });
});

describe('playback actions', () => {
  it('play → playing; a second play changes nothing', () => {
    const store = fresh();
    store.getState().actions.play();
    const playing = store.getState();
    expect(playing.playback).toBe('playing');
    expect(playing.epoch).toBe(0);
    playing.actions.play();
    expect(store.getState()).toBe(playing);
  });

  it('pause only pauses a playing store', () => {
    const store = fresh();
    const idle = store.getState();
    idle.actions.pause();
    expect(store.getState()).toBe(idle);
    expect(store.getState().playback).toBe('idle');

    idle.actions.play();
    store.getState().actions.pause();
    expect(store.getState().playback).toBe('paused');
    const paused = store.getState();
    paused.actions.pause();
    expect(store.getState()).toBe(paused);
  });

  it('pause drops the clock debt, so resuming owes nothing', () => {
    const store = fresh({ speed: 10 });
    const { actions } = store.getState();
    actions.play();
    actions.tick(50);
    expect(store.getState().clockDebt).toBe(0.5);
    actions.pause();
    expect(store.getState().clockDebt).toBe(0);
    actions.play();
    actions.tick(50);
    expect(store.getState().epoch).toBe(0);
    expect(store.getState().clockDebt).toBe(0.5);
  });

  it('togglePlay alternates idle → playing → paused → playing', () => {
    const store = fresh();
    const { actions } = store.getState();
    actions.togglePlay();
    expect(store.getState().playback).toBe('playing');
    actions.togglePlay();
    expect(store.getState().playback).toBe('paused');
    actions.togglePlay();
    expect(store.getState().playback).toBe('playing');
  });

  it('togglePlay on a finished store restarts from epoch 0', () => {
    const store = fresh();
    store.getState().actions.runToEnd();
    store.getState().actions.togglePlay();
    const s = store.getState();
    expect(s.playback).toBe('playing');
    expect(clocks(s)).toEqual([0, 0, 0]);
  });

  it('step moves both runs one epoch to the lecture’s first printed w, and pauses', () => {
    const store = fresh();
    store.getState().actions.step();
    const s = store.getState();
    expect(s.playback).toBe('paused');
    expect(clocks(s)).toEqual([1, 1, 1]);
    expect(s.runs.gd.params.w).toBe(GD_PRINTED[0]!.w);
    expect(s.runs.gd.params.w).toBe(1.0933333333333333);
    expect(s.runs.sgd.params.w).toBe(SGD_PRINTED[0]!.w);
    expect(s.runs.sgd.params.w).toBe(1.260688);
  });

  it('step while playing pauses', () => {
    const store = fresh();
    store.getState().actions.play();
    store.getState().actions.step();
    expect(store.getState().playback).toBe('paused');
    expect(store.getState().epoch).toBe(1);
  });

  it('the last step finishes; step when finished is a no-op', () => {
    const store = fresh({ epochs: 3 });
    steps(store, 2);
    expect(store.getState().playback).toBe('paused');
    steps(store, 1);
    const finished = store.getState();
    expect(finished.playback).toBe('finished');
    expect(clocks(finished)).toEqual([3, 3, 3]);
    finished.actions.step();
    expect(store.getState()).toBe(finished);
  });

  it('steps through the whole lecture reproduce every printed epoch of both scripts', () => {
    const store = fresh();
    for (let epoch = 0; epoch < 100; epoch++) {
      store.getState().actions.step();
      const s = store.getState();
      expect(clocks(s)).toEqual([epoch + 1, epoch + 1, epoch + 1]);
      expect(s.runs.gd.params.w, `GD epoch ${epoch}`).toBe(GD_PRINTED[epoch]!.w);
      expect(s.runs.sgd.params.w, `SGD epoch ${epoch}`).toBe(SGD_PRINTED[epoch]!.w);
    }
    expect(store.getState().playback).toBe('finished');
  });

  it('runToEnd lands exactly on the lecture’s final w for GD and SGD', () => {
    const store = fresh();
    store.getState().actions.runToEnd();
    const s = store.getState();
    expect(s.playback).toBe('finished');
    expect(clocks(s)).toEqual([100, 100, 100]);
    expect(s.runs.gd.params.w).toBe(lastOf(GD_PRINTED).w);
    expect(s.runs.gd.params.w).toBe(1.9999444396553017);
    expect(s.runs.sgd.params.w).toBe(lastOf(SGD_PRINTED).w);
    expect(s.runs.sgd.params.w).toBe(1.9999999999999236);
    expect(Array.from(traceColumn(s.runs.gd.trace, 'w'))).toEqual(GD_PRINTED.map((p) => p.w));
    expect(Array.from(traceColumn(s.runs.gd.trace, 'printedLoss'))).toEqual(GD_PRINTED.map((p) => p.loss));
    expect(Array.from(traceColumn(s.runs.sgd.trace, 'w'))).toEqual(SGD_PRINTED.map((p) => p.w));
    expect(Array.from(traceColumn(s.runs.sgd.trace, 'printedLoss'))).toEqual(SGD_PRINTED.map((p) => p.loss));
    expect(s.clockDebt).toBe(0);
  });

  it('runToEnd from mid-run equals runToEnd from the start', () => {
    const a = fresh();
    steps(a, 37);
    a.getState().actions.runToEnd();
    const b = fresh();
    b.getState().actions.runToEnd();
    expect(snapshot(a.getState().runs.gd)).toEqual(snapshot(b.getState().runs.gd));
    expect(snapshot(a.getState().runs.sgd)).toEqual(snapshot(b.getState().runs.sgd));
  });

  it('play when finished restarts from epoch 0 and plays', () => {
    const store = fresh();
    store.getState().actions.runToEnd();
    store.getState().actions.play();
    const s = store.getState();
    expect(s.playback).toBe('playing');
    expect(clocks(s)).toEqual([0, 0, 0]);
    expect(s.runs.gd.params).toEqual({ w: 1, b: 0 });
    expect(s.runs.sgd.params).toEqual({ w: 1, b: 0 });
    expect(s.runs.gd.trace.length).toBe(0);
    expect(s.runs.sgd.trace.length).toBe(0);
    expect(s.sampleCursor).toBe(0);
    expect(s.clockDebt).toBe(0);
    // …and the restarted runs replay the lecture exactly.
    s.actions.tick(100);
    expect(store.getState().runs.gd.params.w).toBe(GD_PRINTED[0]!.w);
    expect(store.getState().runs.sgd.params.w).toBe(SGD_PRINTED[0]!.w);
  });

  it('play after a tick-driven finish starts the restart with no clock debt', () => {
    // speed 15 × 100 ms = 1.5 epochs: the finishing tick spends 1 and leaves 0.5 over.
    const store = fresh({ epochs: 1, speed: 15 });
    const { actions } = store.getState();
    actions.play();
    actions.tick(100);
    expect(store.getState().playback).toBe('finished');
    expect(store.getState().epoch).toBe(1);
    actions.play();
    expect(store.getState().playback).toBe('playing');
    expect(store.getState().epoch).toBe(0);
    expect(store.getState().clockDebt).toBe(0);
    // 40 ms at 15 epochs/s is 0.6 of an epoch: a fresh start has not completed one yet.
    actions.tick(40);
    expect(store.getState().epoch).toBe(0);
    expect(store.getState().playback).toBe('playing');
  });

  it('reset returns to idle at epoch 0 and keeps the settings', () => {
    const store = fresh();
    store.getState().actions.updateSettings({ lr: 0.05, speed: 20 });
    steps(store, 5);
    store.getState().actions.stepSample();
    store.getState().actions.play();
    store.getState().actions.tick(30);
    store.getState().actions.reset();
    const s = store.getState();
    expect(s.playback).toBe('idle');
    expect(clocks(s)).toEqual([0, 0, 0]);
    expect(s.sampleCursor).toBe(0);
    expect(s.pendingUpdates).toEqual([]);
    expect(s.clockDebt).toBe(0);
    expect(s.settings.lr).toBe(0.05);
    expect(s.settings.speed).toBe(20);
    expect(s.runs.gd.setup.lr).toBe(0.05);
    expect(s.runs.gd.params).toEqual({ w: 1, b: 0 });
    expect(s.runs.sgd.trace.length).toBe(0);
  });

  it('walks idle → playing → paused → playing → finished on the clock', () => {
    const store = fresh({ epochs: 3, speed: 10 });
    const { actions } = store.getState();
    expect(store.getState().playback).toBe('idle');
    actions.play();
    expect(store.getState().playback).toBe('playing');
    actions.tick(100);
    expect(store.getState().epoch).toBe(1);
    actions.pause();
    expect(store.getState().playback).toBe('paused');
    actions.tick(100);
    expect(store.getState().epoch).toBe(1);
    actions.play();
    actions.tick(100);
    expect(store.getState().epoch).toBe(2);
    expect(store.getState().playback).toBe('playing');
    actions.tick(100);
    expect(clocks(store.getState())).toEqual([3, 3, 3]);
    expect(store.getState().playback).toBe('finished');
    expect(store.getState().clockDebt).toBe(0);
  });
});

describe('the clock', () => {
  it('MAX_FRAME_MS is 100', () => {
    expect(MAX_FRAME_MS).toBe(100);
  });

  it('carries fractional debt: speed 10, tick(50) twice → 1 epoch', () => {
    const store = fresh({ speed: 10 });
    const { actions } = store.getState();
    actions.play();
    actions.tick(50);
    expect(store.getState().epoch).toBe(0);
    expect(store.getState().clockDebt).toBe(0.5);
    actions.tick(50);
    expect(clocks(store.getState())).toEqual([1, 1, 1]);
    expect(store.getState().clockDebt).toBe(0);
    expect(store.getState().runs.gd.params.w).toBe(GD_PRINTED[0]!.w);
  });

  it('advances floor(speed·ms/1000 + debt) epochs per tick', () => {
    // speed 30: each 50 ms frame owes 1.5 epochs → 1, 2, 1, 2 …
    const store = fresh({ speed: 30 });
    const { actions } = store.getState();
    actions.play();
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) {
      actions.tick(50);
      seen.push(store.getState().epoch);
      expect(clocks(store.getState())).toEqual([seen.at(-1), seen.at(-1), seen.at(-1)]);
    }
    expect(seen).toEqual([1, 3, 4, 6, 7, 9]);
    expect(store.getState().clockDebt).toBe(0);
  });

  it('speed 1000: a 16 ms frame advances 16 epochs', () => {
    const store = fresh({ speed: 1000 });
    store.getState().actions.play();
    store.getState().actions.tick(16);
    expect(clocks(store.getState())).toEqual([16, 16, 16]);
  });

  it('clamps one long frame to MAX_FRAME_MS: no jump', () => {
    const store = fresh({ speed: 10 });
    store.getState().actions.play();
    store.getState().actions.tick(10_000);
    expect(clocks(store.getState())).toEqual([1, 1, 1]);
    expect(store.getState().clockDebt).toBe(0);

    const fast = fresh({ speed: 1000, epochs: 10_000 });
    fast.getState().actions.play();
    fast.getState().actions.tick(5_000);
    expect(clocks(fast.getState())).toEqual([100, 100, 100]);
    expect(fast.getState().playback).toBe('playing');
  });

  it('a tick of exactly MAX_FRAME_MS is not clamped further', () => {
    const store = fresh({ speed: 60 });
    store.getState().actions.play();
    store.getState().actions.tick(MAX_FRAME_MS);
    expect(store.getState().epoch).toBe(6);
  });

  it('a negative or zero elapsed time owes nothing', () => {
    const store = fresh({ speed: 10 });
    store.getState().actions.play();
    store.getState().actions.tick(50);
    store.getState().actions.tick(-1_000);
    expect(store.getState().epoch).toBe(0);
    expect(store.getState().clockDebt).toBe(0.5);
    store.getState().actions.tick(0);
    expect(store.getState().clockDebt).toBe(0.5);
  });

  it('does nothing unless playing', () => {
    const store = fresh({ speed: 1000 });
    const idle = store.getState();
    idle.actions.tick(100);
    expect(store.getState()).toBe(idle);
    idle.actions.step();
    const paused = store.getState();
    paused.actions.tick(100);
    expect(store.getState()).toBe(paused);
    paused.actions.runToEnd();
    const finished = store.getState();
    finished.actions.tick(100);
    expect(store.getState()).toBe(finished);
  });

  it('never runs past the last epoch and then finishes', () => {
    const store = fresh({ speed: 1000, epochs: 30 });
    store.getState().actions.play();
    store.getState().actions.tick(16);
    expect(store.getState().epoch).toBe(16);
    store.getState().actions.tick(16);
    const s = store.getState();
    expect(clocks(s)).toEqual([30, 30, 30]);
    expect(s.playback).toBe('finished');
    expect(s.clockDebt).toBe(0);
  });

  it('keeps both runs on the same epoch, SGD with 3× GD’s updates, equal to stepping', () => {
    const store = fresh({ speed: 37 });
    const { actions } = store.getState();
    actions.play();
    const frames = [16, 17, 33, 8, 250, 16, 16, 1, 99, 100, 40];
    for (const ms of frames) {
      actions.tick(ms);
      const s = store.getState();
      const [epoch, gd, sgd] = clocks(s);
      expect(gd).toBe(epoch);
      expect(sgd).toBe(epoch);
      expect(runReadout(s, 'gd').updates).toBe(epoch);
      expect(runReadout(s, 'sgd').updates).toBe(3 * epoch);
    }
    const ticked = store.getState();
    // 16+17+33+8+100+16+16+1+99+100+40 = 446 ms at 37/s = 16.502 epochs.
    expect(ticked.epoch).toBe(16);
    expect(ticked.clockDebt).toBeCloseTo(0.502, 12);
    const stepped = fresh();
    steps(stepped, 16);
    expect(snapshot(ticked.runs.gd)).toEqual(snapshot(stepped.getState().runs.gd));
    expect(snapshot(ticked.runs.sgd)).toEqual(snapshot(stepped.getState().runs.sgd));
  });
});

describe('stepSample', () => {
  it('walks SGD through one epoch sample by sample while GD waits', () => {
    const store = fresh();
    const start = store.getState();
    const gdRun = start.runs.gd;
    const updates = epochUpdates(start.runs.sgd, 0);
    expect(updates).toHaveLength(3);
    expect(updates.map((u) => u.indices)).toEqual([[0], [1], [2]]);

    start.actions.stepSample();
    let s = store.getState();
    expect(s.playback).toBe('paused');
    expect(s.sampleCursor).toBe(1);
    expect(clocks(s)).toEqual([0, 0, 0]);
    expect(s.runs.gd).toBe(gdRun);
    expect(displayedParams(s, 'sgd')).toEqual(updates[0]!.after);
    expect(displayedParams(s, 'gd')).toEqual({ w: 1, b: 0 });
    // The lecture's `grad: 1.0 2.0 -2.0`: w = 1 − 0.01·(−2) = 1.02.
    expect(updates[0]!.gradient.w).toBe(-2);
    expect(displayedParams(s, 'sgd').w).toBe(1.02);
    expect(runReadout(s, 'sgd').updates).toBe(1);
    expect(runReadout(s, 'gd').updates).toBe(0);

    s.actions.stepSample();
    s = store.getState();
    expect(s.sampleCursor).toBe(2);
    expect(clocks(s)).toEqual([0, 0, 0]);
    expect(s.runs.gd).toBe(gdRun);
    expect(displayedParams(s, 'sgd')).toEqual(updates[1]!.after);
    expect(updates[1]!.gradient.w).toBe(-7.84);
    expect(runReadout(s, 'sgd').updates).toBe(2);

    s.actions.stepSample();
    s = store.getState();
    expect(s.sampleCursor).toBe(0);
    expect(s.pendingUpdates).toEqual([]);
    expect(clocks(s)).toEqual([1, 1, 1]);
    expect(s.playback).toBe('paused');
    expect(updates[2]!.gradient.w).toBe(-16.2288);
    expect(displayedParams(s, 'sgd')).toEqual(updates[2]!.after);
    expect(s.runs.sgd.params.w).toBe(1.260688);
    expect(s.runs.gd.params.w).toBe(1.0933333333333333);
    expect(runReadout(s, 'sgd').updates).toBe(3);
    expect(runReadout(s, 'gd').updates).toBe(1);
  });

  it('sample-stepping 100 epochs matches the lecture transcript', () => {
    const store = fresh();
    for (let i = 0; i < 300; i++) store.getState().actions.stepSample();
    const s = store.getState();
    expect(s.playback).toBe('finished');
    expect(clocks(s)).toEqual([100, 100, 100]);
    expect(s.runs.sgd.params.w).toBe(1.9999999999999236);
    expect(s.runs.gd.params.w).toBe(1.9999444396553017);
  });

  it('stepSample pauses a playing store', () => {
    const store = fresh();
    store.getState().actions.play();
    store.getState().actions.stepSample();
    expect(store.getState().playback).toBe('paused');
    expect(store.getState().sampleCursor).toBe(1);
  });

  it('a whole-epoch step from mid-epoch completes that epoch', () => {
    const store = fresh();
    store.getState().actions.stepSample();
    store.getState().actions.step();
    const s = store.getState();
    expect(s.sampleCursor).toBe(0);
    expect(clocks(s)).toEqual([1, 1, 1]);
    expect(s.runs.sgd.params.w).toBe(1.260688);
    expect(displayedParams(s, 'sgd').w).toBe(1.260688);
  });

  it('does nothing when finished or once SGD has diverged', () => {
    const store = fresh();
    store.getState().actions.runToEnd();
    const finished = store.getState();
    finished.actions.stepSample();
    expect(store.getState()).toBe(finished);

    // lr 1: SGD overflows in epoch 73, GD (100 epochs) does not.
    const diverging = fresh({ lr: 1, epochs: 200 });
    steps(diverging, 80);
    const s = diverging.getState();
    expect(s.runs.sgd.status).toBe('diverged');
    expect(s.runs.gd.status).toBe('running');
    expect(s.playback).toBe('paused');
    s.actions.stepSample();
    expect(diverging.getState()).toBe(s);
  });
});

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
    expect(limits.sgd).toBeLessThan(limits.gd);
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

describe('runReadout on the lecture', () => {
  it('counts updates and predicts before and after training', () => {
    const store = fresh();
    const start = store.getState();
    expect(runReadout(start, 'gd')).toMatchObject({ epoch: 0, updates: 0, predictBefore: 4, predictNow: 4 });
    expect(runReadout(start, 'gd').predictBefore).toBe(printedPrediction('gradient_descent', 'before'));
    start.actions.runToEnd();
    const s = store.getState();
    const gd = runReadout(s, 'gd');
    const sgd = runReadout(s, 'sgd');
    expect(gd.epoch).toBe(100);
    expect(sgd.epoch).toBe(100);
    expect(gd.updates).toBe(100);
    expect(sgd.updates).toBe(300);
    expect(gd.predictBefore).toBe(4);
    expect(sgd.predictBefore).toBe(4);
    expect(gd.predictNow).toBe(4 * 1.9999444396553017);
    expect(gd.predictNow).toBe(printedPrediction('gradient_descent', 'after'));
    expect(sgd.predictNow).toBe(4 * 1.9999999999999236);
    expect(sgd.predictNow).toBe(printedPrediction('stochastic_gradient_descent', 'after'));
    expect(gd.printedLoss).toBe(lastOf(GD_PRINTED).loss);
    expect(sgd.printedLoss).toBe(lastOf(SGD_PRINTED).loss);
    expect(gd.cost).toBe(cost('w', { w: 1.9999444396553017, b: 0 }, LECTURE.data));
    expect(gd.health).toBe('converging');
    expect(sgd.health).toBe('converging');
    expect(gd.divergedAtEpoch).toBeNull();
  });
});
