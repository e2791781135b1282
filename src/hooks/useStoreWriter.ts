import { useLayoutEffect, useRef, type RefObject } from 'react';
import { usePlaygroundStoreApi } from '../store/context';
import type { PlaygroundState } from '../store/playground';
import { selectIsTextFrame } from '../store/selectors';

/**
 * Writes what `select` reads from the playground store into an element by itself: at its first
 * layout and then at every store update that changes the value (while the runs play, every other
 * frame: the readout cadence of selectors.ts), with no React render. For the numbers that change
 * every frame while nothing else does (the clock, the runs' counters): a frame that only counts then
 * makes no React commit. React never renders what `write` writes (the element
 * is left empty or unvalued), so the two never disagree. `select` and `write` should keep their
 * identity (module-level functions, or memoised per id): new ones subscribe again.
 */
export function useStoreWriter<E extends Element, T>(
  select: (state: PlaygroundState) => T,
  write: (element: E, value: T) => void,
): RefObject<E | null> {
  const store = usePlaygroundStoreApi();
  const target = useRef<E>(null);
  useLayoutEffect(() => {
    const element = target.current;
    if (!element) return;
    let shown = select(store.getState());
    write(element, shown);
    return store.subscribe((state) => {
      // While the clock moves on every frame, every other frame writes (the readout cadence).
      if (!selectIsTextFrame(state)) return;
      const value = select(state);
      if (Object.is(value, shown)) return;
      shown = value;
      write(element, value);
    });
  }, [store, select, write]);
  return target;
}
