/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// base './' keeps every asset URL relative, so the build works from any static host and sub-path.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    target: 'es2022',
  },
  preview: {
    port: 4173,
    strictPort: false,
  },
  test: {
    globals: true,
    restoreMocks: true,
    // The core and the store need no DOM; components and hooks render into jsdom.
    projects: [
      {
        extends: true,
        test: { name: 'core', environment: 'node', include: ['tests/{core,store}/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/{components,hooks}/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup.ts'],
        },
      },
    ],
  },
});
