import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium against `vite preview` of the production build.
// One file at a time: the machine has two cores and each file starts a browser.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
