import { act } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { useLocaleStore } from '../../../src/i18n';
import type { PlaygroundStore } from '../../../src/store/playground';

type Entry = { isIntersecting: boolean; target: Element };

/**
 * A stand-in IntersectionObserver whose observations the test makes: stub it in with
 * `vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver)` after `reset()`.
 */
export class FakeIntersectionObserver {
  /** Every observer made since the last reset, in order. */
  static made: FakeIntersectionObserver[] = [];
  readonly targets: Element[] = [];
  constructor(
    readonly callback: (entries: Entry[]) => void,
    readonly options: { rootMargin?: string },
  ) {
    FakeIntersectionObserver.made.push(this);
  }
  static reset() {
    FakeIntersectionObserver.made = [];
  }
  /** The observer made last. */
  static last(): FakeIntersectionObserver {
    const last = FakeIntersectionObserver.made.at(-1);
    if (!last) throw new Error('no IntersectionObserver was made');
    return last;
  }
  /** The observer watching `target`. */
  static watching(target: Element | null): FakeIntersectionObserver {
    const found = FakeIntersectionObserver.made.find((made) => target && made.targets.includes(target));
    if (!found) throw new Error('no IntersectionObserver watches that element');
    return found;
  }
  observe(target: Element) {
    this.targets.push(target);
  }
  disconnect() {
    this.targets.length = 0;
  }
  /** What it watches comes into sight (true) or leaves it (false). */
  see(isIntersecting: boolean) {
    act(() => this.callback(this.targets.map((target) => ({ isIntersecting, target }))));
  }
}

/**
 * Has every test of the calling file see FakeIntersectionObserver as IntersectionObserver (reset
 * before each test, the real one back after it), with the page in English.
 */
export function withFakeIntersectionObserver(): void {
  beforeEach(() => {
    useLocaleStore.setState({ locale: 'en' });
    FakeIntersectionObserver.reset();
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
}

/**
 * Plays `store`'s runs fast (its speed should be 60 epochs/s or more: selectIsPlayingEveryFrame) for
 * `frames` frames of 60 Hz, as the animation loop would.
 */
export function playFast(store: PlaygroundStore, frames: number): void {
  act(() => store.getState().actions.play());
  for (let k = 0; k < frames; k++) act(() => store.getState().actions.tick(1000 / 60));
}
