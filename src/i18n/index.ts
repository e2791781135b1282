/**
 * The message catalog: every string a person reads comes from here, in English or 简体中文.
 */
import { create } from 'zustand';
import { en, type Catalog, type MessageKey } from './en';
import { zhCN } from './zh-CN';

export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];
export type { MessageKey };

const CATALOGS: Record<Locale, Catalog> = { en, 'zh-CN': zhCN };

export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** Fills `{name}` placeholders; a missing parameter stays visible rather than vanishing. */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function translator(locale: Locale): Translate {
  const catalog = CATALOGS[locale];
  return (key, params) => format(catalog[key], params);
}

/** The browser's preferred language, mapped onto the catalogs we have. */
export function detectLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

interface LocaleState {
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
}

export const useLocaleStore = create<LocaleState>()((set) => ({
  locale: typeof navigator === 'undefined' ? 'en' : detectLocale(navigator.languages ?? [navigator.language]),
  setLocale: (locale) => set({ locale }),
}));

const translators: Record<Locale, Translate> = { en: translator('en'), 'zh-CN': translator('zh-CN') };

/** The translate function of the current language; components re-render when it changes. */
export function useT(): Translate {
  return translators[useLocaleStore((state) => state.locale)];
}
