import { act } from '@testing-library/react';
import { vi } from 'vitest';

/**
 * A manual requestAnimationFrame: the app's animation loop (and Recharts) queue their frames here,
 * and a test runs them at timestamps of its choosing. `install` it before each test (the page counts
 * as visible unless `hidden` says otherwise) and `remove` it after.
 */
export function manualFrames(hidden: () => boolean = () => false) {
  let queue = new Map<number, FrameRequestCallback>();
  let nextId = 1;
  const request = vi.fn((callback: FrameRequestCallback): number => {
    const id = nextId++;
    queue.set(id, callback);
    return id;
  });
  const cancel = vi.fn((id: number): void => {
    queue.delete(id);
  });
  return {
    /** The stubbed requestAnimationFrame and cancelAnimationFrame, for tests that ask how they were called. */
    request,
    cancel,
    install(): void {
      queue = new Map();
      nextId = 1;
      request.mockClear();
      cancel.mockClear();
      vi.stubGlobal('requestAnimationFrame', request);
      vi.stubGlobal('cancelAnimationFrame', cancel);
      Object.defineProperty(document, 'hidden', { configurable: true, get: hidden });
    },
    remove(): void {
      vi.unstubAllGlobals();
      Reflect.deleteProperty(document, 'hidden');
    },
    /** Runs every queued frame at `now` (frames requested meanwhile wait for the next call). */
    frame(now: number): void {
      const due = [...queue.values()];
      queue = new Map();
      act(() => {
        for (const callback of due) callback(now);
      });
    },
    /** How many frames are waiting. */
    pending: (): number => queue.size,
  };
}
