import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAnimationLoop } from '../../src/hooks/useAnimationLoop';
import type { PlaygroundStore } from '../../src/store/playground';
import { manualFrames } from '../components/helpers/frames';
import { fresh } from '../store/helpers';

// A manual requestAnimationFrame: callbacks wait in a queue until a test runs them with a timestamp
// of its choosing.
let hidden = false;
const frames = manualFrames(() => hidden);
const { frame, request: requestFrame, cancel: cancelFrame } = frames;

function setHidden(value: boolean): void {
  hidden = value;
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

beforeEach(() => {
  hidden = false;
  frames.install();
});

afterEach(() => frames.remove());

function Loop({ store }: { store: PlaygroundStore }) {
  useAnimationLoop(store);
  return null;
}

/** Renders the loop and counts the store's commits. */
function mount(store: PlaygroundStore) {
  const commits = vi.fn();
  store.subscribe(commits);
  const view = render(<Loop store={store} />);
  return { commits, unmount: view.unmount };
}

const play = (store: PlaygroundStore) => act(() => store.getState().actions.play());
const pause = (store: PlaygroundStore) => act(() => store.getState().actions.pause());

/** A 60 fps frame (not exact in binary: differences of such timestamps wobble by an ULP). */
const FRAME_60 = 1000 / 60;
/** A 64 fps frame, exact in binary: at speed 64 every frame owes exactly one epoch. */
const FRAME = 1000 / 64;
const SPEED = 64;

describe('useAnimationLoop', () => {
  it('sleeps while idle: no frame is requested', () => {
    const store = fresh();
    const { commits } = mount(store);
    expect(frames.pending()).toBe(0);
    expect(requestFrame).not.toHaveBeenCalled();
    expect(commits).not.toHaveBeenCalled();
  });

  it('a store that is already playing on mount starts the loop at once', () => {
    const store = fresh({ speed: SPEED });
    store.getState().actions.play();
    mount(store);
    expect(frames.pending()).toBe(1);
    frame(0);
    frame(FRAME);
    expect(store.getState().epoch).toBe(1);
  });

  it('play → one frame per frame; speed 60 at 60 fps advances about one epoch per frame', () => {
    const store = fresh({ speed: 60 });
    const { commits } = mount(store);
    play(store);
    expect(frames.pending()).toBe(1);
    commits.mockClear();

    // The first frame only starts the stopwatch: nothing changes, nobody is told.
    frame(1000);
    expect(store.getState().epoch).toBe(0);
    expect(store.getState().clockDebt).toBe(0);
    expect(commits).not.toHaveBeenCalled();
    expect(frames.pending()).toBe(1);

    const perFrame: number[] = [];
    for (let k = 1; k <= 60; k++) {
      const before = store.getState().epoch;
      commits.mockClear();
      frame(1000 + k * FRAME_60);
      perFrame.push(store.getState().epoch - before);
      // One store commit for a frame that advances the clock, none for one that only adds to its
      // debt; and exactly one frame waiting for the next.
      expect(commits).toHaveBeenCalledTimes(perFrame.at(-1)! > 0 ? 1 : 0);
      expect(frames.pending()).toBe(1);
      const s = store.getState();
      expect(s.runs.gd.epoch).toBe(s.epoch);
      expect(s.runs.sgd.epoch).toBe(s.epoch);
    }
    // One second at 60 epochs per second: 60 epochs, ±1 per frame only from float rounding.
    expect(store.getState().epoch).toBe(60);
    expect(perFrame.every((n) => n >= 0 && n <= 2)).toBe(true);
    expect(perFrame.filter((n) => n === 1).length).toBeGreaterThanOrEqual(50);
    expect(store.getState().playback).toBe('playing');
  });

  it('advances exactly one epoch per frame when the frame time is exact (speed 64, 1000/64 ms)', () => {
    const store = fresh({ speed: SPEED });
    const { commits } = mount(store);
    play(store);
    commits.mockClear();
    frame(0);
    for (let k = 1; k <= 10; k++) {
      frame(k * FRAME);
      expect(store.getState().epoch).toBe(k);
      expect(store.getState().clockDebt).toBe(0);
    }
    // One commit per epoch; the first frame, which only starts the stopwatch, made none.
    expect(commits).toHaveBeenCalledTimes(10);
  });

  it('hands tick the time between frames, clamped to MAX_FRAME_MS', () => {
    const store = fresh({ speed: 10 });
    mount(store);
    play(store);
    frame(500);
    frame(550);
    expect(store.getState().epoch).toBe(0);
    expect(store.getState().clockDebt).toBe(0.5);
    frame(600);
    expect(store.getState().epoch).toBe(1);
    // A 10 s gap between two frames of a visible tab: one frame owes at most 100 ms.
    frame(10_600);
    expect(store.getState().epoch).toBe(2);
  });

  it('pause stops requesting frames; play resumes without a jump', () => {
    const store = fresh({ speed: SPEED });
    const { commits } = mount(store);
    play(store);
    frame(0);
    frame(FRAME);
    frame(2 * FRAME);
    expect(store.getState().epoch).toBe(2);

    pause(store);
    expect(store.getState().playback).toBe('paused');
    expect(frames.pending()).toBe(0);
    expect(cancelFrame).toHaveBeenCalledTimes(1);
    commits.mockClear();
    frame(3 * FRAME);
    expect(commits).not.toHaveBeenCalled();
    expect(store.getState().epoch).toBe(2);

    play(store);
    expect(frames.pending()).toBe(1);
    commits.mockClear();
    // 10 s later: the first frame after resuming advances nothing (and so tells nobody).
    frame(10_000);
    expect(store.getState().epoch).toBe(2);
    expect(commits).not.toHaveBeenCalled();
    frame(10_000 + FRAME);
    expect(store.getState().epoch).toBe(3);
    expect(commits).toHaveBeenCalledTimes(1);
  });

  it('step, runToEnd and reset stop a playing loop', () => {
    const store = fresh({ speed: SPEED });
    mount(store);
    for (const action of ['step', 'runToEnd', 'reset'] as const) {
      play(store);
      expect(frames.pending()).toBe(1);
      act(() => store.getState().actions[action]());
      expect(store.getState().playback).not.toBe('playing');
      expect(frames.pending()).toBe(0);
    }
  });

  it('a hidden tab stops the loop; becoming visible resumes without a jump', () => {
    const store = fresh({ speed: SPEED });
    const { commits } = mount(store);
    play(store);
    frame(0);
    frame(FRAME);
    expect(store.getState().epoch).toBe(1);
    expect(frames.pending()).toBe(1);

    setHidden(true);
    expect(frames.pending()).toBe(0);
    expect(cancelFrame).toHaveBeenCalledTimes(1);
    expect(store.getState().playback).toBe('playing');
    commits.mockClear();
    frame(2 * FRAME);
    expect(commits).not.toHaveBeenCalled();

    setHidden(false);
    expect(frames.pending()).toBe(1);
    // 10 s passed while hidden; the first visible frame owes nothing.
    frame(10_000 + FRAME);
    expect(store.getState().epoch).toBe(1);
    expect(commits).not.toHaveBeenCalled();
    frame(10_000 + 2 * FRAME);
    expect(store.getState().epoch).toBe(2);
    expect(commits).toHaveBeenCalledTimes(1);
  });

  it('a frame that fires while hidden ticks nothing and requests no further frame', () => {
    const store = fresh({ speed: SPEED });
    const { commits } = mount(store);
    play(store);
    frame(0);
    commits.mockClear();
    hidden = true; // no visibilitychange event yet
    frame(FRAME);
    expect(commits).not.toHaveBeenCalled();
    expect(frames.pending()).toBe(0);
    setHidden(false);
    frame(5_000);
    expect(store.getState().epoch).toBe(0);
    frame(5_000 + FRAME);
    expect(store.getState().epoch).toBe(1);
  });

  it('becoming visible while paused requests no frame', () => {
    const store = fresh();
    mount(store);
    play(store);
    setHidden(true);
    pause(store);
    setHidden(false);
    expect(frames.pending()).toBe(0);
  });

  it('stops by itself when the clock finishes', () => {
    const store = fresh({ speed: SPEED, epochs: 3 });
    mount(store);
    play(store);
    frame(0);
    frame(FRAME);
    frame(2 * FRAME);
    expect(frames.pending()).toBe(1);
    frame(3 * FRAME);
    expect(store.getState().epoch).toBe(3);
    expect(store.getState().playback).toBe('finished');
    expect(frames.pending()).toBe(0);
  });

  it('play after finishing restarts without a jump on the first frame', () => {
    const store = fresh({ speed: SPEED, epochs: 10 });
    mount(store);
    play(store);
    frame(0);
    for (let k = 1; k <= 10; k++) frame(k * FRAME);
    expect(store.getState().playback).toBe('finished');
    expect(store.getState().epoch).toBe(10);

    play(store);
    expect(store.getState().epoch).toBe(0);
    // Exact frames leave no clock debt: any jump below comes from the loop's stopwatch alone.
    expect(store.getState().clockDebt).toBe(0);
    expect(frames.pending()).toBe(1);
    // 10 s later the restarted run's first frame must only start the stopwatch.
    frame(10_000);
    expect(store.getState().epoch).toBe(0);
    frame(10_000 + FRAME);
    expect(store.getState().epoch).toBe(1);
  });

  it('unmount cancels the pending frame and stops listening', () => {
    const store = fresh({ speed: SPEED });
    const { unmount, commits } = mount(store);
    play(store);
    frame(0);
    expect(frames.pending()).toBe(1);
    const pending = requestFrame.mock.results.at(-1)!.value as number;
    unmount();
    expect(cancelFrame).toHaveBeenLastCalledWith(pending);
    expect(frames.pending()).toBe(0);

    commits.mockClear();
    pause(store);
    play(store);
    setHidden(false);
    expect(frames.pending()).toBe(0);
    expect(commits).toHaveBeenCalledTimes(2); // the pause and the play, nothing from a loop
  });
});
