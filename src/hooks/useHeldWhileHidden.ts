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
 * The playground store as a panel below the fold should read it: live while any of `element` is
 * within SEEN_MARGIN of the window, holds the focus, or the page is being printed; otherwise held
 * at the state it last showed (createHeldStore), so that the runs playing on the first screen do not
 * render, lay out and paint a panel nobody sees. Where IntersectionObserver is missing, always live.
 * Options for a part that sits right below the fold (a run's details): `margin`, how far outside
 * the window still counts as seen (it takes none, or it would always count as seen); and
 * `onlyPlayingFast`, held only while the runs play fast (selectIsPlayingEveryFrame, which a slow
 * frame does not interrupt): at rest and at a lecture's pace it is live, cheap then, and true in a
 * capture of the whole page.
 */
export function useHeldWhileHidden(
  element: HTMLElement | null,
  { margin = SEEN_MARGIN, onlyPlayingFast = false }: { margin?: string; onlyPlayingFast?: boolean } = {},
): PlaygroundStore {
  const live = usePlaygroundStoreApi();
  const held = useMemo(() => createHeldStore(live), [live]);
  useLayoutEffect(() => {
    if (!element || typeof IntersectionObserver === 'undefined') return;
    let seen = true;
    let focused = element.contains(document.activeElement);
    let printing = false;
    let fast = !onlyPlayingFast || selectIsPlayingEveryFrame(live.getState());
    const update = () => held.hold(!seen && !focused && !printing && fast);
    const unsubscribe = onlyPlayingFast
      ? live.subscribe((state) => {
          if (selectIsPlayingEveryFrame(state) === fast) return;
          fast = !fast;
          update();
        })
      : () => {};
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
  }, [element, held, live, margin, onlyPlayingFast]);
  return held.store;
}
