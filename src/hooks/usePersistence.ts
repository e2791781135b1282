import { useLayoutEffect } from 'react';
import { useClassroomStore } from '../store/classroom';
import { useNotices } from '../store/notices';
import {
  changedFields,
  fieldsChangedBetween,
  forget,
  loadSettings,
  loadTab,
  saveSettings,
  saveTab,
  STORAGE_KEY,
  TAB_STORAGE_KEY,
  type StorageLike,
  type StoredField,
} from '../store/persist';
import { DEFAULT_SETTINGS, type PlaygroundStore } from '../store/playground';
import { applyUrlState, markAddressRead } from './useClassroom';

const SAVE_DELAY_MS = 300;

/** How the page was reached, as PerformanceNavigationTiming.type says. */
export type NavigationKind = 'navigate' | 'reload' | 'back_forward';

export interface PersistenceOptions {
  /** The record every tab of this browser shares: localStorage by default. */
  readonly local?: StorageLike;
  /** This tab's own record: sessionStorage by default. */
  readonly session?: StorageLike;
  /** How this page was reached; the browser's own answer by default. */
  readonly navigation?: NavigationKind;
}

/** Stores whose startup has run (once each: main.tsx before the first render, then the hooks). */
const started = new WeakSet<PlaygroundStore>();
/** Fields a store's startup left unsaved: a link's setup is the last setup from then on. */
const unsavedAtStart = new WeakMap<PlaygroundStore, readonly StoredField[]>();

/**
 * Gives a store the setup the page opens with, once, before the first paint (main.tsx calls it
 * before the first render; the hooks' calls on mount then do nothing):
 * - a reload (or back/forward to a page without settings in its address) comes back to this tab's
 *   own setup and clock, paused, SGD's sample cursor included;
 * - else a link that carries settings opens exactly its setup: what it leaves out is the default,
 *   never what this tab or this browser had;
 * - else the last setup saved in this browser, by any tab, from epoch 0.
 * The link's language, theme and presentation mode apply in every case. A record that can no
 * longer be read is dropped with a notice.
 */
export function applyStartupState(store: PlaygroundStore, options: PersistenceOptions = {}): void {
  if (started.has(store)) return;
  started.add(store);
  const local = options.local ?? browserStorage('localStorage');
  const session = options.session ?? browserStorage('sessionStorage');
  const navigation = options.navigation ?? navigationType();
  const { actions } = store.getState();

  const returning = navigation !== 'navigate';
  const tab = returning ? loadTab(session) : ({ kind: 'none' } as const);
  if (tab.kind === 'unreadable') {
    forget(session, TAB_STORAGE_KEY);
    useNotices.getState().push({ id: 'storage-tab', message: 'classroom.notice.tabUnreadable' });
  }
  // A back/forward to an address with settings may be another link than the tab last showed.
  const probe = applyUrlState(store, { settings: false });
  const resume = tab.kind === 'loaded' && (navigation === 'reload' || !probe.carriedSettings);

  let unsaved: readonly StoredField[] = [];
  let opened = probe;
  if (resume) {
    actions.updateSettings(tab.settings);
    actions.restoreClock(tab.clock.epoch, tab.clock.sampleCursor);
  } else if (probe.carriedSettings) {
    opened = applyUrlState(store);
    const shared = loadSettings(local);
    unsaved = changedFields(
      shared.kind === 'loaded' ? shared.settings : DEFAULT_SETTINGS,
      store.getState().settings,
    );
    // Back to this tab's own link: back to where its clock stood too.
    if (tab.kind === 'loaded' && changedFields(tab.settings, store.getState().settings).length === 0)
      actions.restoreClock(tab.clock.epoch, tab.clock.sampleCursor);
  } else {
    const shared = loadSettings(local);
    if (shared.kind === 'loaded') actions.updateSettings(shared.settings);
    if (shared.kind === 'unreadable') {
      forget(local, STORAGE_KEY);
      useNotices.getState().push({ id: 'storage', message: 'notice.storageUnreadable' });
    }
  }
  unsavedAtStart.set(store, unsaved);
  if (opened.notices.length > 0) useClassroomStore.getState().actions.setUrlNotices(opened.notices);
  // useClassroom rewrites the address on mount, once the page's language is in place.
  markAddressRead(store, opened.carried);
}

/**
 * Starts the page from its link or what this browser saved (applyStartupState), then keeps saving:
 * this tab's setup and clock for a reload, and the setup it changes for the next visit.
 *
 * Two tabs open at once never undo each other. Each keeps its own setup on screen (another tab's
 * saves never change it) and, for the record they share, writes only the fields it changed itself,
 * over what the record holds at that moment; a field another tab saved after this tab's unsaved
 * change is the newer one and stays (the `storage` event says so). The next visit without a link
 * opens that merge: every tab's latest change, field by field.
 */
export function usePersistence(store: PlaygroundStore, options: PersistenceOptions = {}): void {
  const local = options.local ?? browserStorage('localStorage');
  const session = options.session ?? browserStorage('sessionStorage');
  const { navigation } = options;
  // A layout effect, like the link's: before useClassroom reads the link and before first paint.
  useLayoutEffect(() => {
    applyStartupState(store, { local, session, navigation });
    const unsaved = new Set(unsavedAtStart.get(store) ?? []);
    unsavedAtStart.delete(store);

    let timer: ReturnType<typeof setTimeout> | null = null;
    const save = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      const { settings, epoch, sampleCursor } = store.getState();
      if (unsaved.size > 0) saveSettings(local, settings, unsaved);
      unsaved.clear();
      saveTab(session, settings, { epoch, sampleCursor });
    };
    // Dragging a slider changes the settings sixty times a second; one write per pause is enough.
    const schedule = () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(save, SAVE_DELAY_MS);
    };
    if (unsaved.size > 0) schedule();
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.settings !== previous.settings) {
        for (const field of changedFields(previous.settings, state.settings)) unsaved.add(field);
        schedule();
        return;
      }
      // Playing moves the clock every frame: it is saved when it stops, or when the page goes away.
      if (state.playback === 'playing') return;
      if (
        state.epoch !== previous.epoch ||
        state.sampleCursor !== previous.sampleCursor ||
        state.playback !== previous.playback
      )
        schedule();
    });
    const onStorage = (event: StorageEvent) => {
      if (event.key !== STORAGE_KEY) return;
      for (const field of fieldsChangedBetween(event.oldValue, event.newValue)) unsaved.delete(field);
    };
    // A reload or a closed tab gives no time for the timer: save at once (mobile browsers may
    // discard a hidden tab without a pagehide).
    const onPageHide = () => save();
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') save();
    };
    window.addEventListener('storage', onStorage);
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      unsubscribe();
      window.removeEventListener('storage', onStorage);
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibilityChange);
      if (timer !== null) save();
    };
  }, [store, local, session, navigation]);
}

function browserStorage(kind: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return window[kind];
  } catch {
    return undefined;
  }
}

function navigationType(): NavigationKind {
  try {
    const [entry] = performance.getEntriesByType('navigation');
    if (entry && 'type' in entry && (entry.type === 'reload' || entry.type === 'back_forward'))
      return entry.type;
  } catch {
    // No Navigation Timing: a first visit is the safe reading.
  }
  return 'navigate';
}
