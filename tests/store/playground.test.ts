// The playground store: the lecture's fixtures, its initial state, the playback actions and runReadout.
import { describe, expect, it } from 'vitest';
import { cost, LECTURE, traceColumn } from '../../src/core';
import { runReadout } from '../../src/store/selectors';
import {
  clocks,
  fresh,
  GD_PRINTED,
  lastOf,
  printedPrediction,
  SGD_PRINTED,
  snapshot,
  steps,
} from './helpers';

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
      third: null,
      hyper: {},
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
