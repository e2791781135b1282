import { useLayoutEffect, useMemo } from 'react';
import { usePlaygroundStoreApi } from '../store/context';
import { createHeldStore } from '../store/heldStore';
import type { PlaygroundStore } from '../store/playground';
import { selectIsPlayingEveryFrame } from '../store/selectors';

/**
 * How far outside the window a panel still counts as seen: a quarter of the window's height above
 * and below, so that a panel being scrolled to is live before its edge comes into view.
 */
export const SEEN_MARGIN = '25% 0px';

/**
 * The playground store as a panel below the fold should read it: held at the state it last showed
 * (createHeldStore) while the runs play fast (selectIsPlayingEveryFrame, which a slow frame does not
 * interrupt) and none of `element` is within `margin` of the window (SEEN_MARGIN unless given), holds
 * the focus or is being printed; live otherwise. So the runs playing fast on the first screen do not
 * render, lay out and paint a panel nobody sees, while at rest and at a lecture's pace, where that
 * costs next to nothing, it stays true even in a capture of the whole page. A part that sits right
 * below the fold (a run's details) takes no margin, or it would always count as seen. Where
 * IntersectionObserver is missing, always live.
 */
export function useHeldWhileHidden(
  element: HTMLElement | null,
  { margin = SEEN_MARGIN }: { margin?: string } = {},
): PlaygroundStore {
  const live = usePlaygroundStoreApi();
  const held = useMemo(() => createHeldStore(live), [live]);
  useLayoutEffect(() => {
    if (!element || typeof IntersectionObserver === 'undefined') return;
    let seen = true;
    let focused = element.contains(document.activeElement);
    let printing = false;
    let fast = selectIsPlayingEveryFrame(live.getState());
    const update = () => held.hold(!seen && !focused && !printing && fast);
    const unsubscribe = live.subscribe((state) => {
      if (selectIsPlayingEveryFrame(state) === fast) return;
      fast = !fast;
      update();
    });
    const observer = new IntersectionObserver(
      (entries) => {
        const last = entries[entries.length - 1];
        if (last) seen = last.isIntersecting;
        update();
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    const onFocusIn = () => {
      focused = true;
      update();
    };
    const onFocusOut = (event: FocusEvent) => {
      focused = event.relatedTarget instanceof Node && element.contains(event.relatedTarget);
      update();
    };
    const onPrint = (event: Event) => {
      printing = event.type === 'beforeprint';
      update();
    };
    element.addEventListener('focusin', onFocusIn);
    element.addEventListener('focusout', onFocusOut);
    window.addEventListener('beforeprint', onPrint);
    window.addEventListener('afterprint', onPrint);
    return () => {
      observer.disconnect();
      unsubscribe();
      element.removeEventListener('focusin', onFocusIn);
      element.removeEventListener('focusout', onFocusOut);
      window.removeEventListener('beforeprint', onPrint);
      window.removeEventListener('afterprint', onPrint);
      held.hold(false);
    };
  }, [element, held, live, margin]);
  return held.store;
}
