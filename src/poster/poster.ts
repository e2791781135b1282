/**
 * The first screen's poster. The build draws the page that a first visit opens (the lecture's setup,
 * in English, before Play) in headless Chromium and keeps it in index.html as a <template> (see
 * build/poster.ts). On a school laptop the app's script takes about two seconds to arrive, evaluate
 * and render; the poster shows that first screen in the meantime, within the first second.
 *
 * It is shown only where it is exactly what the app will draw: no setup in the link, nothing
 * remembered from an earlier visit, a browser that asks for English. It is inert and hidden from
 * assistive technology, so nothing can be typed into it and lost, and React replaces it on its first
 * commit (main.tsx lets it be painted first).
 */
import { fitFirstScreen } from '../hooks/firstScreenFit';
import { detectLocale } from '../i18n/detectLocale';
import { STORAGE_KEY, TAB_STORAGE_KEY } from '../store/storageKeys';
import { POSTER_ATTRIBUTE, POSTER_TEMPLATE_ID } from './names';

export { POSTER_ATTRIBUTE, POSTER_TEMPLATE_ID };

/** What decides the first screen before the app has run. */
export interface PageAtStart {
  /** location.search and location.hash: a link's setup, language, theme or presentation mode. */
  readonly search: string;
  readonly hash: string;
  /** A setup this browser kept from an earlier visit (or storage that cannot be read). */
  readonly remembered: boolean;
  /** navigator.languages. */
  readonly languages: readonly string[];
}

/**
 * Whether the poster is what the app will draw first: an empty query and fragment (any link setting
 * may change the picture, its language or theme), nothing remembered, and English (detectLocale).
 */
export function posterFits(page: PageAtStart): boolean {
  return (
    page.search.replace(/^\?/, '') === '' &&
    page.hash.replace(/^#/, '') === '' &&
    !page.remembered &&
    detectLocale(page.languages) === 'en'
  );
}

/** Whether `storage` holds `key`; a storage that cannot be read counts as holding it. */
function holds(storage: () => Storage, key: string): boolean {
  try {
    return storage().getItem(key) !== null;
  } catch {
    return true;
  }
}

/** The page as the browser opens it. */
export function pageAtStart(window: Window): PageAtStart {
  const { location, navigator } = window;
  return {
    search: location.search,
    hash: location.hash,
    remembered:
      holds(() => window.localStorage, STORAGE_KEY) || holds(() => window.sessionStorage, TAB_STORAGE_KEY),
    languages: navigator.languages?.length ? navigator.languages : [navigator.language],
  };
}

/**
 * Moves the poster from its template into the empty #root when it fits `page`, and fits its plots
 * to this window's first screen as the app will (it was drawn for 1366×768; its charts scale into
 * their boxes); the template goes either way. Returns whether the poster is shown.
 */
export function showPoster(document: Document, page: PageAtStart): boolean {
  const template = document.getElementById(POSTER_TEMPLATE_ID);
  const root = document.getElementById('root');
  if (!(template instanceof HTMLTemplateElement)) return false;
  template.remove();
  if (root === null || root.firstChild !== null || !posterFits(page)) return false;
  root.append(template.content);
  for (const element of root.children)
    if (element instanceof HTMLElement) fitFirstScreen(element, 'important');
  return true;
}

/** Whether the poster is in #root now (React has not replaced it yet). */
export function posterShown(document: Document): boolean {
  return document.querySelector(`#root > [${POSTER_ATTRIBUTE}]`) !== null;
}
