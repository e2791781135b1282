import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setFocusModality } from '../src/hooks/focusModality';
import { loadLocale, loadMessages, MESSAGE_PARTS } from '../src/i18n';

// The app loads the Chinese catalog, and the English of the parts shown after the first paint, on
// demand; tests that render those parts on their own, or switch the locale in a store, expect them
// there (tests/components/i18n.test.ts covers the loading itself).
await Promise.all([loadLocale('zh-CN'), ...MESSAGE_PARTS.map(loadMessages)]);

// findBy… and waitFor wait for what arrives on its own (a lazily imported panel, a throttled write to
// the address bar): on a busy two-core machine the first import of a module alone can take seconds.
// They return as soon as it is there; this is only how long they wait before failing (default 1 s).
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  // The app remembers its settings in localStorage; one test's setup must not leak into the next.
  window.localStorage.clear();
  window.sessionStorage.clear();
  // Focus starts as a pointer would leave it; a test that focuses "by Tab" says so (focusByKeyboard).
  setFocusModality('pointer');
});
