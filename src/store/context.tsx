import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { usePlayground, type PlaygroundState, type PlaygroundStore } from './playground';

/** Which playground store the components below read: the app's, or a test's own. */
const PlaygroundContext = createContext<PlaygroundStore>(usePlayground);

export function PlaygroundProvider({ store, children }: { store: PlaygroundStore; children: ReactNode }) {
  return <PlaygroundContext.Provider value={store}>{children}</PlaygroundContext.Provider>;
}

/** Subscribes to one slice of the playground store; re-renders only when that slice changes. */
export function usePlaygroundSelector<T>(selector: (state: PlaygroundState) => T): T {
  return useStore(useContext(PlaygroundContext), selector);
}

/** The store itself, for the animation loop and event handlers that read without subscribing. */
export function usePlaygroundStoreApi(): PlaygroundStore {
  return useContext(PlaygroundContext);
}
