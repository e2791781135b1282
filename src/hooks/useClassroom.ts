import { useEffect, useLayoutEffect } from 'react';
import {
  isSettingKey,
  parseUrlState,
  serializeUrlState,
  stripUrlStateKeys,
  truncateValue,
  URL_KEY_OF_SETTING,
  URL_STATE_KEYS,
  urlStateKeysIn,
  type UrlSettings,
  type UrlStateBounds,
  type UrlStateKey,
} from '../core';
import { translator, useLocaleStore } from '../i18n';
import { useClassroomStore, type ThemeChoice, type UrlNoticeItem } from '../store/classroom';
import { afterNextPaint } from './afterNextPaint';
import { selectLessonLinkScene, useLessonStore } from '../store/lesson';
import { sameValue } from '../store/persist';
import {
  DEFAULT_SETTINGS,
  EPOCHS_RANGE,
  SPEED_RANGE,
  type PlaygroundSettings,
  type PlaygroundStore,
} from '../store/playground';

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
  const lesson = selectLessonLinkScene(useLessonStore.getState());
  const fragment = serializeUrlState(settings, useLocaleStore.getState().locale, theme, presenting, lesson);
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

/** A notice about one parameter of a link, with what the playground used instead. */
export type LinkNotice = UrlNoticeItem;

const URL_KEY_OF = URL_KEY_OF_SETTING;
const LINK_FIELDS = Object.keys(URL_KEY_OF) as (keyof UrlSettings)[];

/** Settings applied one group at a time when the store refuses a link's setup: x and y go together. */
const SETTING_GROUPS: readonly (readonly (keyof UrlSettings)[])[] = [
  ['lr'],
  ['w0'],
  ['epochs'],
  ['xs', 'ys'],
  ['speed'],
  ['model'],
  ['b0'],
  ['batchSize', 'third'],
  ['hyper'],
  ['shuffle'],
  ['seed'],
];

const shownValue = (value: UrlSettings[keyof UrlSettings]): string =>
  truncateValue(
    Array.isArray(value)
      ? value.join(',')
      : typeof value === 'object' && value !== null
        ? JSON.stringify(value)
        : String(value),
  );

/** The fields of `target` that differ from `current` (equal data is not a change: no recompute). */
function differences(target: PlaygroundSettings, current: PlaygroundSettings): Partial<PlaygroundSettings> {
  const keys = Object.keys(target) as (keyof PlaygroundSettings)[];
  return Object.fromEntries(
    keys.filter((key) => !sameValue(target[key], current[key])).map((key) => [key, target[key]]),
  ) as Partial<PlaygroundSettings>;
}

/**
 * Opens a link's setup: the settings it carries over the defaults, never over what this tab or this
 * browser had before (a link opens exactly its setup). A value that does not fit the rest of the
 * link (a batch larger than its data) is named and the default used. Settings a link cannot carry
 * (the x to predict) are left as they are.
 */
function openLinkSetup(
  store: PlaygroundStore,
  linked: Partial<UrlSettings>,
  carried: readonly UrlStateKey[],
  notices: LinkNotice[],
): void {
  const { settings, actions } = store.getState();
  const defaults = Object.fromEntries(LINK_FIELDS.map((field) => [field, DEFAULT_SETTINGS[field]]));
  const blank: PlaygroundSettings = { ...settings, ...defaults };
  let target: PlaygroundSettings = { ...blank, ...linked };
  const points = target.xs.length;
  if (target.batchSize > points) {
    if (linked.batchSize !== undefined)
      notices.push({ key: 'batch', value: String(linked.batchSize), reason: 'more-than-points', points });
    target = { ...target, batchSize: Math.min(DEFAULT_SETTINGS.batchSize, points) };
  }
  const patch = differences(target, settings);
  if (Object.keys(patch).length === 0 || actions.updateSettings(patch)) return;
  // The store refused the whole (it may know more than a link can): the blank setup, then the
  // link's settings group by group, naming each refused key the link carried.
  const reset = differences(blank, settings);
  if (Object.keys(reset).length > 0) actions.updateSettings(reset);
  for (const group of SETTING_GROUPS) {
    const present = group.filter((field) => linked[field] !== undefined);
    if (present.length === 0) continue;
    const part = Object.fromEntries(present.map((field) => [field, target[field]]));
    if (actions.updateSettings(part)) continue;
    for (const field of present) {
      const value = linked[field];
      if (value !== undefined && carried.includes(URL_KEY_OF[field]))
        notices.push({ key: URL_KEY_OF[field], value: shownValue(value), reason: 'refused' });
    }
  }
}

/**
 * Opens a setup written as a link's fragment (`lr=0.1&epochs=20`) exactly as a link opens it (see
 * openLinkSetup), leaving the page's language, theme and presentation mode alone: how the lesson
 * applies a scene. Returns what was not used as given (a scene's setup should yield nothing).
 */
export function applyLinkFragment(store: PlaygroundStore, fragment: string): LinkNotice[] {
  const state = parseUrlState('', fragment, URL_BOUNDS);
  const notices: LinkNotice[] = [...state.rejected];
  openLinkSetup(store, state.settings, urlStateKeysIn('', fragment), notices);
  return notices;
}

/** What the page uses now for each link key, written as a link would write it. */
function usedValues(store: PlaygroundStore): URLSearchParams {
  const { theme, presenting } = useClassroomStore.getState();
  const { locale } = useLocaleStore.getState();
  const lesson = selectLessonLinkScene(useLessonStore.getState());
  const used = new URLSearchParams(
    serializeUrlState(store.getState().settings, locale, theme, presenting, lesson),
  );
  // serializeUrlState leaves the defaults of these two out.
  used.set('theme', theme);
  used.set('present', presenting ? '1' : '0');
  return used;
}

/**
 * Reads the link (query and fragment) and applies what it carries: its setup (see openLinkSetup),
 * language, theme, presentation mode (without fullscreen: it needs a gesture). `settings: false`
 * leaves the setup alone (a reload that came back to this tab's own). Returns whether the link
 * carried any of the playground's parameters, and of its settings, and a notice for each parameter
 * that was not used as given: what is wrong, and what was used instead.
 */
export function applyUrlState(
  store: PlaygroundStore,
  { settings = true }: { readonly settings?: boolean } = {},
): {
  readonly carried: boolean;
  readonly carriedSettings: boolean;
  readonly notices: readonly LinkNotice[];
} {
  const { search, hash } = window.location;
  const state = parseUrlState(search, hash, URL_BOUNDS);
  const carried = urlStateKeysIn(search, hash);
  const carriedSettings = carried.some(isSettingKey);
  const notices: LinkNotice[] = settings
    ? [...state.rejected]
    : state.rejected.filter((rejected) => !isSettingKey(rejected.key as UrlStateKey));
  if (settings && carriedSettings) openLinkSetup(store, state.settings, carried, notices);
  if (state.lang) useLocaleStore.getState().setLocale(state.lang);
  const classroom = useClassroomStore.getState().actions;
  if (state.theme) classroom.setTheme(state.theme);
  if (state.present !== undefined) classroom.setPresenting(state.present);
  const lesson = useLessonStore.getState().actions;
  if (state.lesson !== undefined) {
    // `lesson=k` opens scene k's setup, unless the link carries a setup of its own (made after
    // changing the scene's) or this is a reload, which comes back to the tab's own setup.
    const ownSetup = carried.some((key) => key !== 'lesson' && isSettingKey(key));
    if (settings && !ownSetup) lesson.request(state.lesson - 1);
    else lesson.show(state.lesson - 1);
  } else if (settings && carriedSettings) lesson.leave();
  const used = usedValues(store);
  const order = (notice: LinkNotice) => URL_STATE_KEYS.indexOf(notice.key as UrlStateKey);
  return {
    carried: carried.length > 0,
    carriedSettings,
    notices: notices
      .map((notice) => {
        const value = used.get(notice.key);
        return value === null ? notice : { ...notice, used: truncateValue(value) };
      })
      .sort((a, b) => order(a) - order(b)),
  };
}

/** The address each store's startup read (applyStartupState), and whether it carried anything. */
const readAtStartup = new WeakMap<PlaygroundStore, { readonly address: string; readonly carried: boolean }>();

/**
 * Notes that the page's startup has read the current address for `store`, so that useClassroom does
 * not read it again on mount: the startup may have chosen this tab's own setup over an address a
 * moment behind it (a reload), which a second reading would undo.
 */
export function markAddressRead(store: PlaygroundStore, carried: boolean): void {
  const { pathname, search, hash } = window.location;
  readAtStartup.set(store, { address: `${pathname}${search}${hash}`, carried });
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

/**
 * The classroom's wiring, called once in App: reads the link on mount (and when the fragment is
 * edited), keeps the address bar's fragment up to date with the settings, language, theme and
 * presentation mode (throttled), reflects theme, presentation mode and language on <html>, and
 * leaves presentation mode with fullscreen. Its keys (F, ?, Escape) are in keyboard.ts's table.
 */
export function useClassroom(store: PlaygroundStore): void {
  // The address bar: read before the first paint (a link's settings never flash the defaults
  // first), then kept following the state. An effect undoes what it did: on unmount the address
  // goes back to what it was, so a remount (StrictMode, a test's next render) reads the same link.
  useLayoutEffect(() => {
    const { pathname, search, hash } = window.location;
    const initialAddress = `${pathname}${search}${hash}`;
    const { setUrlNotices } = useClassroomStore.getState().actions;
    const startup = readAtStartup.get(store);
    const opened = startup?.address === initialAddress ? null : applyUrlState(store);
    // Reading the link twice (React's StrictMode) must not lose the first reading's notices.
    if (opened && opened.notices.length > 0) setUrlNotices(opened.notices);
    // Written once the page's language is in place (the first render waits for it).
    if (opened?.carried ?? startup?.carried) writeShareUrl(store);

    // A link pasted into the same tab changes only the fragment: read it, replacing old notices.
    const onHashChange = () => {
      const edited = applyUrlState(store);
      if (!edited.carried) return;
      setUrlNotices(edited.notices);
      writeShareUrl(store);
    };
    window.addEventListener('hashchange', onHashChange);

    // Writes follow the settings slice only (never the clock), at most every URL_WRITE_INTERVAL_MS:
    // the first change once it has been painted (rewriting the address costs a key press ~10 ms on
    // a slow laptop, which the learning rate's next frame should not wait for), the last one always.
    let lastWrite = -Infinity;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let cancelPending: (() => void) | null = null;
    const write = () => {
      timer = null;
      cancelPending = null;
      lastWrite = Date.now();
      writeShareUrl(store);
    };
    const schedule = () => {
      if (timer !== null || cancelPending !== null) return;
      const wait = lastWrite + URL_WRITE_INTERVAL_MS - Date.now();
      if (wait <= 0) cancelPending = afterNextPaint(write);
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
      useLessonStore.subscribe((state, previous) => {
        if (selectLessonLinkScene(state) !== selectLessonLinkScene(previous)) schedule();
      }),
    ];
    return () => {
      window.removeEventListener('hashchange', onHashChange);
      for (const unsubscribe of unsubscribers) unsubscribe();
      if (timer !== null) clearTimeout(timer);
      cancelPending?.();
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
}
