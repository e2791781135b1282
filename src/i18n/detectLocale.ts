/** The languages Downhill speaks. Dependency-free: the first screen's poster script uses it too. */
export type Locale = 'en' | 'zh-CN';

/** The browser's preferred language, mapped onto the catalogs we have. */
export function detectLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
