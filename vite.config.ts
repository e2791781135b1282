/// <reference types="vitest/config" />
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { compileHints } from './build/compileHints.ts';
import { firstScreenPoster } from './build/poster.ts';

/** src/core/, whose modules only define functions and constants (see `moduleSideEffects` below). */
const CORE_DIR = fileURLToPath(new URL('./src/core/', import.meta.url)).replace(/[\\/]$/, sep);
/** src/components/charts/: its .ts modules (the toolkit, the charts' models) are functions, constants and one hook, no side effects; its .tsx components import their CSS. */
const CHARTS_DIR = fileURLToPath(new URL('./src/components/charts/', import.meta.url)).replace(/[\\/]$/, sep);
/** The scales Recharts may use (src/components/charts/rechartsScales.ts; see `resolve.alias` below). */
const RECHARTS_SCALES = fileURLToPath(new URL('./src/components/charts/rechartsScales.ts', import.meta.url));

/**
 * A strict Content-Security-Policy for the built site: no inline script, no eval, nothing from other
 * origins. Only in the build: the dev server injects an inline module for React's hot reload.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const contentSecurityPolicy = (): Plugin => ({
  name: 'downhill-content-security-policy',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
      injectTo: 'head-prepend',
    },
  ],
});

// base './' keeps every asset URL relative, so the build works from any static host and sub-path.
export default defineConfig({
  base: './',
  resolve: {
    // Recharts looks its scales up by name in all of d3-scale (`import * as d3Scales`), which keeps
    // every scale in the first page's script, the time scales with d3-time and d3-time-format among
    // them (about 8 kB gzip). It gets the ones Downhill's axes can use instead: see rechartsScales.ts.
    alias: [{ find: /^victory-vendor\/d3-scale$/, replacement: RECHARTS_SCALES }],
  },
  plugins: [
    react(),
    contentSecurityPolicy(),
    // V8 compiles every function of the build while the script downloads (build/compileHints.ts).
    compileHints(),
    // The first screen drawn at build time, shown while the app's script loads (build/poster.ts).
    firstScreenPoster(),
    // Offline after one visit: a Workbox service worker precaches the whole (small) static build.
    // The register script is a file, not inline, so the Content-Security-Policy can forbid inline code.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      manifest: {
        name: 'Downhill — gradient descent, side by side',
        short_name: 'Downhill',
        description: 'Gradient descent and stochastic gradient descent, exactly as the lecture prints them.',
        theme_color: '#1d4ed8',
        background_color: '#f6f7fb',
        display: 'standalone',
        start_url: '.',
        scope: '.',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    // The first page is one script (below), so no <link rel="modulepreload"> needs polyfilling; the
    // lazily loaded parts' preload hints are only hints where a browser lacks support.
    modulePreload: { polyfill: false },
    // Everything the first page needs in one file. Left to itself, Rolldown puts the modules the
    // lazily loaded parts share with the first page (React, the store, the core, the catalog) into
    // common chunks of their own: more requests before the first paint and, each file compressed on
    // its own, more bytes. The group takes every module the entry imports statically, directly or
    // not ('$initial'); what only the lazy parts use is split as before. `lazyBarrel` makes that
    // graph follow what src/core/index.ts's importers actually use rather than everything it
    // re-exports (else the data editor's and the contour map's core code would come along); it
    // needs the core declared free of side effects, which it is (functions and constants; its only
    // module-level state is caches filled on first use). The same for the chart toolkit's barrel
    // (src/components/charts/toolkit.ts), else the contour map's level curves would come along.
    rolldownOptions: {
      experimental: { lazyBarrel: true },
      treeshake: {
        moduleSideEffects: (id: string) =>
          id.startsWith(CORE_DIR) || (id.startsWith(CHARTS_DIR) && id.endsWith('.ts')) ? false : undefined,
      },
      output: { codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] } },
    },
  },
  preview: {
    port: 4173,
    strictPort: false,
  },
  test: {
    globals: true,
    restoreMocks: true,
    // Rendering the whole app in jsdom, or running the reference Python, takes seconds on a busy
    // two-core machine: a test has this long before it counts as hung, never merely as slow.
    testTimeout: 30_000,
    // The core and the store need no DOM; components and hooks render into jsdom.
    projects: [
      {
        extends: true,
        test: { name: 'core', environment: 'node', include: ['tests/{core,store,i18n,build}/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/{components,hooks,poster}/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup.ts'],
        },
      },
    ],
  },
});
