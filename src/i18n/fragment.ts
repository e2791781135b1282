/**
 * A feature's messages in both languages, declared together so neither can miss a key: the English
 * object fixes the keys, and the Chinese one must have exactly those.
 */
export function fragment<const E extends Record<string, string>>(
  en: E,
  zh: { readonly [K in keyof E]: string },
) {
  return { en, zh };
}
