/**
 * The names of what this browser remembers (see persist.ts). Dependency-free: the first screen's
 * poster script reads them too, to leave a returning visitor's page to the app.
 */
export const STORAGE_KEY = 'downhill.settings.v1';
export const TAB_STORAGE_KEY = 'downhill.tab.v1';
