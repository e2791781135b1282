// Builds what the benchmark measures, with Vite's JS API: the app (the production build, served by
// `vite preview`) and the core bundled as an ES module that plain Node can import.
import { resolve } from 'node:path';
import { build } from 'vite';

/** The app, with the project's own vite.config.ts, into `outDir` (not dist/, which e2e runs may be serving). */
export async function buildApp(root, outDir) {
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

/**
 * A TypeScript entry of the project (by default bench/core-entry.ts: the core and the chart-data
 * derivation) as one ES module that plain Node can import. No config file: the core needs no
 * plugins. zustand and React stay external (the chart code imports the store module, which creates
 * a store at load time); Node resolves them from node_modules. Returns the bundle's path.
 * tests/fixtures/torch/core.mjs bundles src/core/index.ts with it.
 */
export async function buildCore(root, outDir, entry = 'bench/core-entry.ts') {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      lib: { entry: resolve(root, entry), formats: ['es'], fileName: () => 'core.mjs' },
      rolldownOptions: {
        external: [/^react(\/|$)/, /^react-dom(\/|$)/, /^zustand(\/|$)/, /^recharts(\/|$)/],
      },
    },
  });
  return resolve(outDir, 'core.mjs');
}
