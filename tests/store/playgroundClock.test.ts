// The playground store's clock: ticks, frames and speed, and stepping one SGD sample at a time.
import { describe, expect, it } from 'vitest';
import { epochUpdates } from '../../src/core';
import { displayedParams, MAX_FRAME_MS } from '../../src/store/playground';
import { runReadout } from '../../src/store/selectors';
import { clocks, fresh, GD_PRINTED, snapshot, steps } from './helpers';

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
