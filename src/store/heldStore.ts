import { useStore } from 'zustand';
import type { PlaygroundState, PlaygroundStore } from './playground';

/**
 * A view of a playground store that can be held: while held it shows the state it had when the hold
 * began and tells its subscribers nothing, so a panel nobody can see does not render, lay out or
 * paint every frame of a run; once let go it shows the live state at once (one notification, if
 * anything changed meanwhile). Writes always go to the live store, and a write made through a held
 * view shows in it: whoever made it sees it.
 */
export interface HeldStore {
  /** The view, usable wherever the store is (PlaygroundProvider, useStore). */
  readonly store: PlaygroundStore;
  /** Hold (true) or let go (false); holding twice keeps the first state. */
  readonly hold: (held: boolean) => void;
  readonly isHeld: () => boolean;
}

type Listener = (state: PlaygroundState, previous: PlaygroundState) => void;

/** shown = held ? state at hold : live.getState(); listeners hear of a change only while not held. */
export function createHeldStore(live: PlaygroundStore): HeldStore {
  const listeners = new Set<Listener>();
  let heldState: PlaygroundState | null = null;
  // The state the subscribers last heard of (what they show).
  let told: PlaygroundState = live.getState();
  let unsubscribeLive: (() => void) | null = null;

  const shown = (): PlaygroundState => heldState ?? live.getState();
  const tell = (state: PlaygroundState) => {
    const previous = told;
    told = state;
    if (state === previous) return;
    for (const listener of [...listeners]) listener(state, previous);
  };
  const onLive = (state: PlaygroundState) => {
    if (heldState === null) tell(state);
  };

  const api = {
    getState: shown,
    getInitialState: () => live.getInitialState(),
    setState: ((...args: Parameters<PlaygroundStore['setState']>) => {
      live.setState(...args);
      if (heldState !== null) {
        heldState = live.getState();
        tell(heldState);
      }
    }) as PlaygroundStore['setState'],
    subscribe: (listener: Listener) => {
      if (listeners.size === 0) {
        told = shown();
        unsubscribeLive = live.subscribe(onLive);
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          unsubscribeLive?.();
          unsubscribeLive = null;
        }
      };
    },
  };
  // The same shape zustand's create() gives: a hook with the store's methods on it.
  const useView = <T>(selector: (state: PlaygroundState) => T): T => useStore(api, selector);
  const store = Object.assign(useView, api) as unknown as PlaygroundStore;

  return {
    store,
    hold(held) {
      if (held) {
        heldState ??= live.getState();
        return;
      }
      if (heldState === null) return;
      heldState = null;
      tell(live.getState());
    },
    isHeld: () => heldState !== null,
  };
}
