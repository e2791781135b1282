/**
 * A feature's messages sit in two files: `fragments/<feature>.ts` holds the English, which fixes the
 * keys, and `fragments/<feature>.zh.ts` the Chinese, typed `Translation<typeof …>` so that it must have
 * exactly those keys (a missing or an extra one is a type error). Two files, because the Chinese
 * catalog is loaded only when the page is shown in Chinese.
 */
export type Translation<E> = { readonly [K in keyof E]: string };
