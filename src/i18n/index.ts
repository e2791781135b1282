/**
 * The message catalog: every string a person reads comes from here, in English or 简体中文.
 *
 * The first page's English is built in. The rest loads when it is first wanted, so that the script
 * the first paint waits for stays small:
 * - 简体中文 is a chunk of its own, loaded before the first render when the browser prefers Chinese or
 *   the link says `lang=zh…` (see `startupLocaleReady`), otherwise when someone picks it;
 * - the English of the parts shown after the first paint (the formula view, the Python views, the
 *   export menu, the data panel, the 2-D landscape, the lesson, the shortcut sheet) comes with
 *   those parts (LATER_MESSAGES, lazyPanel.tsx).
 */
import { create } from 'zustand';
import { detectLocale, type Locale } from './detectLocale';
import { en, type Catalog, type MessageKey } from './en';

export { detectLocale, type Locale };
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];
export type { MessageKey };

/** English: the first page's messages, joined by each later part's as it loads. */
const english: Partial<Catalog> = { ...en };

/** The other languages, once loaded; each catalog is complete. */
const catalogs: Partial<Record<Exclude<Locale, 'en'>, Catalog>> = {};

const LOCALE_LOADERS: Readonly<Record<Exclude<Locale, 'en'>, () => Promise<Catalog>>> = {
  'zh-CN': () => import('./zh-CN').then((module) => module.zhCN),
};

/**
 * The English of the parts loaded after the first paint, each loaded together with its part (see
 * lazyPanel.tsx); every other string is in `en`, there from the start.
 */
const LATER_MESSAGES = {
  formula: () => import('./fragments/formula').then((module) => module.formulaMessages),
  python: () => import('./fragments/python').then((module) => module.pythonMessages),
  export: () => import('./fragments/export').then((module) => module.exportMessages),
  data: () => import('./fragments/data').then((module) => module.dataMessages),
  landscape2d: () => import('./fragments/landscape2d').then((module) => module.landscape2dMessages),
  lesson: () => import('./fragments/lesson').then((module) => module.lessonMessages),
  shortcuts: () => import('./fragments/shortcuts').then((module) => module.shortcutsMessages),
} satisfies Record<string, () => Promise<Partial<Catalog>>>;

export type MessagePart = keyof typeof LATER_MESSAGES;
export const MESSAGE_PARTS = Object.keys(LATER_MESSAGES) as readonly MessagePart[];

const loads = new Map<string, Promise<void>>();

/** Runs `load` once for `key`; a failed load may be tried again. */
function loadOnce(key: string, load: () => Promise<void>): Promise<void> {
  let pending = loads.get(key);
  if (pending === undefined) {
    pending = load().catch((error: unknown) => {
      loads.delete(key);
      throw error;
    });
    loads.set(key, pending);
  }
  return pending;
}

/** Whether `locale`'s catalog is here, so that switching to it shows it at once. */
export function isLocaleLoaded(locale: Locale): boolean {
  return locale === 'en' || catalogs[locale] !== undefined;
}

/**
 * Loads `locale`'s catalog (once). Resolves when it is ready; rejects when it could not be fetched
 * (offline before the service worker had it).
 */
export function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'en' || isLocaleLoaded(locale)) return Promise.resolve();
  return loadOnce(`locale ${locale}`, async () => {
    catalogs[locale] = await LOCALE_LOADERS[locale]();
  });
}

/** Loads the English of a part shown after the first paint (once); see LATER_MESSAGES. */
export function loadMessages(part: MessagePart): Promise<void> {
  return loadOnce(`part ${part}`, async () => {
    Object.assign(english, await LATER_MESSAGES[part]());
  });
}

export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** The form of `count` in `locale` ('one', 'other', …), by the CLDR rules the browser knows. */
function pluralCategory(locale: Locale, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

/** `{name, plural, =0 {…} one {…} other {…}}`, ICU's plural form; `#` in a form is the number. */
const PLURAL = /\{(\w+), plural,((?:\s*[=\w]+\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_FORM = /([=\w]+)\s*\{([^{}]*)\}/g;

/**
 * Fills `{name}` placeholders and ICU plural forms (`{count, plural, one {# point} other {# points}}`,
 * chosen with Intl.PluralRules for `locale`); a missing parameter stays visible rather than vanishing.
 */
export function format(template: string, params?: Params, locale: Locale = 'en'): string {
  // Most messages have no placeholder, and few a plural: the regular expressions run only where needed
  // (the first screen formats hundreds of messages, and a playing run some every frame).
  if (!params || !template.includes('{')) return template;
  const filled = template.includes(', plural,') ? withPlurals(template, params, locale) : template;
  return filled.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** `template` with its ICU plural forms chosen for `params` (see format). */
function withPlurals(template: string, params: Params, locale: Locale): string {
  return template.replace(PLURAL, (whole, name: string, forms: string) => {
    if (!(name in params)) return whole;
    const count = Number(params[name]);
    const byCategory = new Map([...forms.matchAll(PLURAL_FORM)].map((match) => [match[1]!, match[2]!]));
    const form =
      byCategory.get(`=${count}`) ?? byCategory.get(pluralCategory(locale, count)) ?? byCategory.get('other');
    return form === undefined ? whole : form.replace(/#/g, String(params[name]));
  });
}

/**
 * The translate function of `locale`; English until that catalog has loaded. A message whose part
 * has not loaded yet shows as its key (and says so on the console during development): the parts
 * loaded later bring their messages along, so this only happens if the first page uses one of them.
 */
export function translator(locale: Locale): Translate {
  return (key, params) => {
    const template = (locale === 'en' ? undefined : catalogs[locale]?.[key]) ?? english[key];
    if (template !== undefined) return format(template, params, locale);
    if (import.meta.env.DEV) console.error(`Downhill: the message "${key}" has not been loaded`);
    return key;
  };
}

function browserLocale(): Locale {
  return typeof navigator === 'undefined' ? 'en' : detectLocale(navigator.languages ?? [navigator.language]);
}

/**
 * Whether the page's link may ask for Chinese (`lang=zh`, `lang=zh-CN`, in the query or the
 * fragment). Generous on purpose: loading the catalog for nothing costs little, missing it would
 * show English for a moment. The link itself is read and checked by useClassroom.
 */
function linkMayAskForChinese(): boolean {
  if (typeof location === 'undefined') return false;
  const raw = `${location.search}${location.hash}`;
  let text = raw;
  try {
    text = decodeURIComponent(raw);
  } catch {
    // A malformed escape somewhere: look at the raw text.
  }
  return /lang\s*=\s*zh/i.test(text);
}

interface LocaleState {
  readonly locale: Locale;
  /** Shows the page in `locale`: at once when its catalog is loaded, else as soon as it is. */
  readonly setLocale: (locale: Locale) => void;
}

/** The locale most recently asked for: a slow load must not overrule a later choice. */
let requested: Locale | null = null;

/** The page's locale, for components that format with it. */
export const selectLocale = (state: LocaleState) => state.locale;

export const useLocaleStore = create<LocaleState>()((set) => ({
  locale: 'en',
  setLocale: (locale) => {
    requested = locale;
    if (isLocaleLoaded(locale)) {
      set({ locale });
      return;
    }
    loadLocale(locale).then(
      () => {
        if (requested === locale) set({ locale });
      },
      (error: unknown) => {
        console.warn(`Downhill: the ${locale} messages could not be loaded`, error);
      },
    );
  },
}));

const startLocale = browserLocale();

/**
 * Settles when the language the page starts in is ready: main.tsx renders only then, so a page shown
 * in Chinese is Chinese from its first paint. Should the catalog fail to load, the page starts in
 * English rather than not at all.
 */
export const startupLocaleReady: Promise<void> =
  startLocale !== 'en' || linkMayAskForChinese()
    ? loadLocale('zh-CN').then(
        () => {
          if (requested === null && isLocaleLoaded(startLocale))
            useLocaleStore.setState({ locale: startLocale });
        },
        () => {},
      )
    : Promise.resolve();

const translators: Record<Locale, Translate> = { en: translator('en'), 'zh-CN': translator('zh-CN') };

/** The translate function of the current language; components re-render when it changes. */
export function useT(): Translate {
  return translators[useLocaleStore((state) => state.locale)];
}
