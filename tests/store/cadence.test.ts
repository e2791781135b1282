/** The readout cadence: which updates write the numbers into the page and which move the loss lines. */
import { describe, expect, it } from 'vitest';
import { FAST_FRAME_MS, LEAD_FRAME_SPEED } from '../../src/store/playground';
import { selectIsLineFrame, selectIsTextFrame } from '../../src/store/selectors';
import { fresh } from './helpers';

const FRAME = 1000 / 60;

/** What one update shows: T the numbers, L the lines, TL both. */
function shows(store: ReturnType<typeof fresh>): string {
  const state = store.getState();
  return (selectIsTextFrame(state) ? 'T' : '') + (selectIsLineFrame(state) ? 'L' : '');
}

describe('the readout cadence', () => {
  it('at 60 fps with the clock moving every frame: the numbers on one frame, the lines on the next', () => {
    const store = fresh({ speed: 1000, epochs: 100_000 });
    store.getState().actions.play();
    const seen = [shows(store)];
    for (let k = 0; k < 7; k++) {
      store.getState().actions.tick(FRAME);
      seen.push(shows(store));
    }
    // Play itself shows both; the first moving frame (the lead frame) neither: it draws the pictures.
    expect(seen).toEqual(['TL', '', 'L', 'T', 'L', 'T', 'L', 'T']);
    expect(store.getState().movingFrames).toBe(7);
    // Whatever stops the clock shows both at once.
    store.getState().actions.pause();
    expect(shows(store)).toBe('TL');
  });

  it('leads a fast play with a frame that writes neither, once per Play, from 60 epochs/s', () => {
    const lead = (speed: number, firstFrameMs: number) => {
      const store = fresh({ speed, epochs: 100_000 });
      store.getState().actions.play();
      store.getState().actions.tick(0); // the loop's first frame starts its stopwatch
      store.getState().actions.tick(firstFrameMs);
      expect(store.getState().epoch).toBeGreaterThan(0);
      return { store, lead: store.getState().leadFrame, shows: shows(store) };
    };
    expect(lead(1000, FRAME)).toMatchObject({ lead: true, shows: '' });
    expect(lead(LEAD_FRAME_SPEED, FRAME)).toMatchObject({ lead: true, shows: '' });
    // Below 60 epochs/s the next frame may not move the clock: the first moving frame shows both.
    expect(lead(LEAD_FRAME_SPEED - 1, 2 * FRAME)).toMatchObject({ lead: false, shows: 'TL' });
    // A slow first frame (a busy laptop) shows both, as every slow frame does.
    expect(lead(1000, FAST_FRAME_MS + 8)).toMatchObject({ lead: false, shows: 'TL' });

    // Once per Play: a slow frame later, then fast ones, restart the cadence with both.
    const { store } = lead(1000, FRAME);
    store.getState().actions.tick(FAST_FRAME_MS + 8);
    expect([store.getState().leadFrame, shows(store)]).toEqual([false, 'TL']);
    store.getState().actions.tick(FRAME);
    expect(shows(store)).toBe('L');
    // Paused on the lead frame, the numbers and lines show; Play leads again.
    const paused = lead(1000, FRAME).store;
    paused.getState().actions.pause();
    expect(shows(paused)).toBe('TL');
    paused.getState().actions.play();
    expect(shows(paused)).toBe('TL');
    paused.getState().actions.tick(0);
    paused.getState().actions.tick(FRAME);
    expect([paused.getState().leadFrame, shows(paused)]).toEqual([true, '']);
  });

  it('after a lead frame, a frame that does not move the clock ends the lead: the next shows both', () => {
    // 60 epochs/s on a display that also draws frames between (a 120 Hz screen, a stutter).
    const store = fresh({ speed: LEAD_FRAME_SPEED, epochs: 100_000 });
    store.getState().actions.play();
    store.getState().actions.tick(0);
    store.getState().actions.tick(FRAME + 1);
    expect([store.getState().epoch, shows(store)]).toEqual([1, '']);
    const before = store.getState();
    store.getState().actions.tick(FRAME / 2);
    expect(store.getState()).toBe(before); // owed no whole epoch: nothing notified
    store.getState().actions.tick(FRAME / 2);
    expect([store.getState().epoch, store.getState().leadFrame, shows(store)]).toEqual([2, false, 'TL']);
  });

  it('shows both on every update when the clock moves on some frames only, or the frames are slow', () => {
    // 10 epochs/s: one frame in six moves the clock; the others owe no whole epoch and update nothing.
    const slowClock = fresh({ speed: 10 });
    slowClock.getState().actions.play();
    for (let k = 0; k < 30; k++) {
      const before = slowClock.getState();
      slowClock.getState().actions.tick(FRAME);
      if (slowClock.getState() !== before) expect(shows(slowClock)).toBe('TL');
    }
    expect(slowClock.getState().epoch).toBeGreaterThanOrEqual(4);
    // 1,000 epochs/s at 30 fps (a busy laptop): each frame writes everything.
    const slowFrames = fresh({ speed: 1000, epochs: 100_000 });
    slowFrames.getState().actions.play();
    for (let k = 0; k < 6; k++) {
      slowFrames.getState().actions.tick(FAST_FRAME_MS + 8);
      expect(shows(slowFrames)).toBe('TL');
    }
    // One fast frame after a slow one starts the cadence again.
    slowFrames.getState().actions.tick(FRAME);
    expect(shows(slowFrames)).toBe('L');
  });

  it('shows both while nothing plays: a step, the end of the runs', () => {
    const store = fresh({ speed: 1000, epochs: 40 });
    store.getState().actions.step();
    expect(shows(store)).toBe('TL');
    store.getState().actions.play();
    store.getState().actions.tick(FRAME);
    store.getState().actions.tick(FRAME);
    expect(shows(store)).toBe('L');
    // The third frame reaches epoch 40, the end: the runs stop and everything shows.
    store.getState().actions.tick(FRAME);
    expect(store.getState().playback).toBe('finished');
    expect(shows(store)).toBe('TL');
  });
});
