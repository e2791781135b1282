import { useLayoutEffect } from 'react';
import { loadSettings, saveSettings } from '../store/persist';
import { useNotices } from '../store/notices';
import type { PlaygroundStore } from '../store/playground';

const SAVE_DELAY_MS = 300;

/**
 * Restores the last setup on start and keeps it as it changes. Call it before anything that applies
 * a link, so that a link's settings win over stored ones.
 */
export function usePersistence(
  store: PlaygroundStore,
  storage: Storage | undefined = safeLocalStorage(),
): void {
  // A layout effect, like the link's: it must run before the link is applied and before first paint.
  useLayoutEffect(() => {
    if (restoreSettings(store, storage) === 'unreadable')
      useNotices.getState().push({ id: 'storage', message: 'notice.storageUnreadable' });

    let timer: ReturnType<typeof setTimeout> | null = null;
    // Dragging a slider changes the settings sixty times a second; one write per pause is enough.
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.settings === previous.settings) return;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        saveSettings(storage, store.getState().settings);
      }, SAVE_DELAY_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== null) {
        clearTimeout(timer);
        saveSettings(storage, store.getState().settings);
      }
    };
  }, [store, storage]);
}

/** Applies the stored setup, if there is a readable one; says what it found. */
export function restoreSettings(
  store: PlaygroundStore,
  storage: Storage | undefined = safeLocalStorage(),
): ReturnType<typeof loadSettings>['kind'] {
  const loaded = loadSettings(storage);
  if (loaded.kind === 'loaded') store.getState().actions.updateSettings(loaded.settings);
  return loaded.kind;
}

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
