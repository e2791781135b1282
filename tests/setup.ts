import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  // The app remembers its settings in localStorage; one test's setup must not leak into the next.
  window.localStorage.clear();
});
