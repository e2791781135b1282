/**
 * V8's explicit compile hint on every script of the build.
 *
 * Left alone, V8 compiles a function lazily, on the main thread, the first time it is called. Most of
 * Downhill's frame code (the tick, the charts' drawing, React's updates of the SVG) is first called
 * on the first frames after Play: at 4× CPU throttling those compilations, with the optimising
 * tiers finishing, took about a third of the first two frames, which then ran over 50 ms. The magic
 * comment `//# allFunctionsCalledOnLoad` on a script's first line asks V8 to compile all its functions
 * eagerly, on the background thread that already parses the script while it downloads. Interleaved
 * A/Bs (issue #17): the first frames after Play about 20% shorter, and the app's first paint of its
 * own earlier, not later (the bytecode is ready before it is needed). Every chunk gets it: each is
 * a part of the app whose code runs as soon as it loads (components render at once). Browsers
 * without the hint see a comment.
 * https://v8.dev/blog/explicit-compile-hints
 */
import type { Plugin } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** `code` with the compile hint as its first line (once). */
export const withCompileHint = (code: string): string =>
  code.startsWith(COMPILE_HINT) ? code : `${COMPILE_HINT}\n${code}`;

/** Puts the hint on every JavaScript chunk, after minification (a minifier drops comments). */
export const compileHints = (): Plugin => ({
  name: 'downhill-compile-hints',
  apply: 'build',
  enforce: 'post',
  // After Vite's own last touch to the chunks (the lazy imports' dependency map, put at the top).
  generateBundle: {
    order: 'post',
    handler(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk') file.code = withCompileHint(file.code);
      }
    },
  },
});
