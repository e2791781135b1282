import { useEffect, useLayoutEffect } from 'react';
import {
  parseUrlState,
  serializeUrlState,
  stripUrlStateKeys,
  truncateValue,
  type UrlSettings,
  type UrlStateBounds,
} from '../core';
import { translator, useLocaleStore } from '../i18n';
import { useClassroomStore, type ThemeChoice, type UrlNoticeItem } from '../store/classroom';
import { EPOCHS_RANGE, SPEED_RANGE, type PlaygroundStore } from '../store/playground';

/** The playground's own bounds, which a link's values are checked against. */
export const URL_BOUNDS: UrlStateBounds = {
  minEpochs: EPOCHS_RANGE.min,
  maxEpochs: EPOCHS_RANGE.max,
  minSpeed: SPEED_RANGE.min,
  maxSpeed: SPEED_RANGE.max,
};

/** The address bar is rewritten at most once per this many milliseconds (a dragged slider moves 60×/s). */
export const URL_WRITE_INTERVAL_MS = 400;

// ---------------------------------------------------------------------------------------------
// Presentation mode and fullscreen. Fullscreen may be missing (iOS Safari, jsdom) or refused (no
// user gesture, a permissions policy): presentation mode then simply goes on without it.

function requestFullscreenSafely(): void {
  const root = document.documentElement;
  if (document.fullscreenElement || typeof root.requestFullscreen !== 'function') return;
  try {
    const pending: unknown = root.requestFullscreen();
    if (pending instanceof Promise) pending.catch(() => {});
  } catch {
    // Refused synchronously: presentation mode without fullscreen.
  }
}

/** Whether the page could go fullscreen now and is not there yet. */
function canGoFullscreen(): boolean {
  return (
    !document.fullscreenElement &&
    document.fullscreenEnabled === true &&
    typeof document.documentElement.requestFullscreen === 'function'
  );
}

function exitFullscreenSafely(): void {
  if (!document.fullscreenElement || typeof document.exitFullscreen !== 'function') return;
  try {
    const pending: unknown = document.exitFullscreen();
    if (pending instanceof Promise) pending.catch(() => {});
  } catch {
    // Nothing to undo.
  }
}

/**
 * Turns presentation mode on (asking for fullscreen, which needs a click or key press) or off
 * (leaving fullscreen); without `on`, toggles it.
 */
export function setPresentation(on?: boolean): void {
  const { presenting, actions } = useClassroomStore.getState();
  // A link with present=1 starts presenting without fullscreen (that needs a gesture): its first
  // toggle completes the projector setup, going fullscreen, rather than leaving.
  if (on === undefined && presenting && canGoFullscreen()) {
    requestFullscreenSafely();
    return;
  }
  const next = on ?? !presenting;
  actions.setPresenting(next);
  if (next) requestFullscreenSafely();
  else exitFullscreenSafely();
}

// ---------------------------------------------------------------------------------------------
// The URL.

/** The current page's address with the playground's state as its fragment. */
export function shareUrl(store: PlaygroundStore): string {
  const { settings } = store.getState();
  const { theme, presenting } = useClassroomStore.getState();
  const fragment = serializeUrlState(settings, useLocaleStore.getState().locale, theme, presenting);
  return `${window.location.pathname}${stripUrlStateKeys(window.location.search)}#${fragment}`;
}

/** Rewrites the address bar (no new history entry) to shareUrl, when it differs; returns the full href. */
export function writeShareUrl(store: PlaygroundStore): string {
  const next = shareUrl(store);
  const { pathname, search, hash } = window.location;
  if (next !== `${pathname}${search}${hash}`) {
    try {
      window.history.replaceState(window.history.state, '', next);
    } catch {
      // Safari throws past 100 rewrites in 30 s; the next change writes again.
    }
  }
  return window.location.href;
}

const URL_KEY_OF: Readonly<Record<keyof UrlSettings, string>> = {
  lr: 'lr',
  w0: 'w0',
  epochs: 'epochs',
  xs: 'x',
  ys: 'y',
  speed: 'speed',
  model: 'model',
  b0: 'b0',
  batchSize: 'batch',
  showMinibatch: 'minibatch',
  shuffle: 'shuffle',
  seed: 'seed',
};

/** Settings applied one group at a time when the whole link is refused: x and y go together. */
const SETTING_GROUPS: readonly (readonly (keyof UrlSettings)[])[] = [
  ['lr'],
  ['w0'],
  ['epochs'],
  ['xs', 'ys'],
  ['speed'],
  ['model'],
  ['b0'],
  ['batchSize', 'showMinibatch'],
  ['shuffle'],
  ['seed'],
];

const shownValue = (value: UrlSettings[keyof UrlSettings]): string =>
  truncateValue(Array.isArray(value) ? value.join(',') : String(value));

/**
 * Reads the link (query and fragment) and applies what it carries: settings through the store's
 * own validation, language, theme, presentation mode (without fullscreen: it needs a gesture).
 * Returns whether the link carried any of the playground's parameters, and what was ignored.
 */
export function applyUrlState(store: PlaygroundStore): {
  readonly carried: boolean;
  readonly notices: readonly UrlNoticeItem[];
} {
  const state = parseUrlState(window.location.search, window.location.hash, URL_BOUNDS);
  const notices: UrlNoticeItem[] = [...state.rejected];
  const { actions } = store.getState();
  const patch = state.settings;
  const keys = Object.keys(patch) as (keyof UrlSettings)[];
  if (keys.length > 0 && !actions.updateSettings(patch)) {
    for (const group of SETTING_GROUPS) {
      const present = group.filter((key) => patch[key] !== undefined);
      if (present.length === 0) continue;
      const part = Object.fromEntries(present.map((key) => [key, patch[key]])) as Partial<UrlSettings>;
      if (actions.updateSettings(part)) continue;
      for (const key of present) {
        const value = patch[key];
        if (value !== undefined)
          notices.push({ key: URL_KEY_OF[key], value: shownValue(value), reason: 'refused' });
      }
    }
  }
  if (state.lang) useLocaleStore.getState().setLocale(state.lang);
  const classroom = useClassroomStore.getState().actions;
  if (state.theme) classroom.setTheme(state.theme);
  if (state.present !== undefined) classroom.setPresenting(state.present);
  const carried =
    keys.length > 0 ||
    state.lang !== undefined ||
    state.theme !== undefined ||
    state.present !== undefined ||
    state.rejected.length > 0;
  return { carried, notices };
}

// ---------------------------------------------------------------------------------------------
// The page: theme, presentation class, language.

function prefersDark(): boolean {
  try {
    return (
      typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches
    );
  } catch {
    return false;
  }
}

/** The theme actually shown: the choice, or the system's preference for 'system'. */
export function resolvedTheme(choice: ThemeChoice): 'light' | 'dark' {
  if (choice === 'light' || choice === 'dark') return choice;
  return prefersDark() ? 'dark' : 'light';
}

function reflectOnPage(): void {
  const root = document.documentElement;
  const { theme, presenting } = useClassroomStore.getState();
  root.dataset.theme = resolvedTheme(theme);
  root.classList.toggle('presenting', presenting);
  const { locale } = useLocaleStore.getState();
  root.lang = locale;
  // The browser tab speaks the page's language too.
  document.title = translator(locale)('app.documentTitle');
}

/** True while the person types in a field: its keys are its own. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/**
 * The classroom's wiring, called once in App: reads the link on mount (and when the fragment is
 * edited), keeps the address bar's fragment up to date with the settings, language, theme and
 * presentation mode (throttled), reflects theme, presentation mode and language on <html>, and
 * answers F (presentation mode), ? (the shortcut sheet) and Escape.
 */
export function useClassroom(store: PlaygroundStore): void {
  // The address bar: read before the first paint (a link's settings never flash the defaults
  // first), then kept following the state. An effect undoes what it did: on unmount the address
  // goes back to what it was, so a remount (StrictMode, a test's next render) reads the same link.
  useLayoutEffect(() => {
    const { pathname, search, hash } = window.location;
    const initialAddress = `${pathname}${search}${hash}`;
    const { setUrlNotices } = useClassroomStore.getState().actions;
    const opened = applyUrlState(store);
    // Reading the link twice (React's StrictMode) must not lose the first reading's notices.
    if (opened.notices.length > 0) setUrlNotices(opened.notices);
    if (opened.carried) writeShareUrl(store);

    // A link pasted into the same tab changes only the fragment: read it, replacing old notices.
    const onHashChange = () => {
      const edited = applyUrlState(store);
      if (!edited.carried) return;
      setUrlNotices(edited.notices);
      writeShareUrl(store);
    };
    window.addEventListener('hashchange', onHashChange);

    // Writes follow the settings slice only (never the clock), at most every URL_WRITE_INTERVAL_MS:
    // the first change at once, the last one always.
    let lastWrite = -Infinity;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const write = () => {
      timer = null;
      lastWrite = Date.now();
      writeShareUrl(store);
    };
    const schedule = () => {
      if (timer !== null) return;
      const wait = lastWrite + URL_WRITE_INTERVAL_MS - Date.now();
      if (wait <= 0) write();
      else timer = setTimeout(write, wait);
    };
    const unsubscribers = [
      store.subscribe((state, previous) => {
        if (state.settings !== previous.settings) schedule();
      }),
      useLocaleStore.subscribe((state, previous) => {
        if (state.locale !== previous.locale) schedule();
      }),
      useClassroomStore.subscribe((state, previous) => {
        if (state.theme !== previous.theme || state.presenting !== previous.presenting) schedule();
      }),
    ];
    return () => {
      window.removeEventListener('hashchange', onHashChange);
      for (const unsubscribe of unsubscribers) unsubscribe();
      if (timer !== null) clearTimeout(timer);
      const now = window.location;
      if (`${now.pathname}${now.search}${now.hash}` !== initialAddress) {
        try {
          window.history.replaceState(window.history.state, '', initialAddress);
        } catch {
          // Nothing to undo then.
        }
      }
    };
  }, [store]);

  // <html>: data-theme, the presenting class, lang; before the first paint, so a link's dark theme
  // never flashes light first.
  useLayoutEffect(() => {
    reflectOnPage();
    const unsubscribers = [
      useClassroomStore.subscribe(reflectOnPage),
      useLocaleStore.subscribe(reflectOnPage),
    ];
    let media: MediaQueryList | null = null;
    try {
      media =
        typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
    } catch {
      media = null;
    }
    media?.addEventListener?.('change', reflectOnPage);
    return () => {
      for (const unsubscribe of unsubscribers) unsubscribe();
      media?.removeEventListener?.('change', reflectOnPage);
      const root = document.documentElement;
      root.classList.remove('presenting');
      delete root.dataset.theme;
    };
  }, []);

  // Leaving fullscreen (Esc, the browser's own controls) leaves presentation mode.
  useEffect(() => {
    const onFullscreenChange = () => {
      if (!document.fullscreenElement && useClassroomStore.getState().presenting) {
        useClassroomStore.getState().actions.setPresenting(false);
      }
    };
    document.addEventListener('fullscreenchange', onFullscreenChange);
    return () => document.removeEventListener('fullscreenchange', onFullscreenChange);
  }, []);

  // F, ? and Escape: never while typing in a field, never with Ctrl/Alt/⌘.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey)
        return;
      if (isTyping(event.target)) return;
      const { shortcutsOpen, presenting, actions } = useClassroomStore.getState();
      if (event.key === 'Escape') {
        if (shortcutsOpen) actions.setShortcutsOpen(false);
        else if (presenting) setPresentation(false);
        else return;
        event.preventDefault();
        return;
      }
      if (shortcutsOpen) return;
      if (event.key === 'f' || event.key === 'F') setPresentation();
      else if (event.key === '?') actions.setShortcutsOpen(true);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
