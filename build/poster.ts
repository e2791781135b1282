/**
 * The first screen's poster, made at build time (see src/poster/poster.ts for why and when it shows).
 *
 * Once Vite has written the build (and before vite-plugin-pwa lists it for the service worker), this
 * plugin serves it to headless Chromium, opens the page as a first visit does (1366×768, English, light, nothing
 * remembered), waits until both landscapes and the loss chart are drawn and the page is still, and
 * takes #root's markup down to the fold. Nothing is drawn twice: the poster is the app's own first
 * render. The lazily loaded parts are held back while it draws, so that the poster shows what the
 * app's first commit shows. index.html then carries the markup in a <template>, its style sheet and
 * the script that shows it (withPoster); the service worker's precache, made after, includes them.
 *
 * Without a Chromium (CHROMIUM_PATH, else /usr/bin/chromium) the build goes on without a poster and
 * says so: the app is the same, its first screen only comes later on a slow machine.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import { POSTER_ATTRIBUTE, POSTER_TEMPLATE_ID } from '../src/poster/names.ts';
import { chromiumPath, launchChromium } from './chromium.ts';
import { serveStatic } from './staticHost.ts';
import {
  posterStyleSheet,
  POSTER_STYLE_ATTRIBUTE,
  withPoster,
  type FirstScreenCapture,
} from './posterMarkup.ts';

/** The page the poster is drawn for: issue #17's laptop, as a first visit opens it. */
const FIRST_VISIT = {
  viewport: { width: 1366, height: 768 },
  colorScheme: 'light',
  locale: 'en-US',
  serviceWorkers: 'block',
} as const;

/** How long the page must be without a DOM change to count as still, and the most to wait for it. */
const STILL = { stillMs: 300, maxMs: 10_000 };
/** The most to wait for the page to load and draw. */
const CAPTURE_TIMEOUT_MS = 60_000;

/** Resolves once nothing in the document has changed for `stillMs`, or after `maxMs` (runs in the page). */
function whenStill({ stillMs, maxMs }: typeof STILL): Promise<void> {
  return new Promise((done) => {
    const latest = setTimeout(finish, maxMs);
    let timer = setTimeout(finish, stillMs);
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(finish, stillMs);
    });
    function finish() {
      clearTimeout(latest);
      clearTimeout(timer);
      observer.disconnect();
      done();
    }
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/**
 * Takes #root's content down to the fold (runs in the page; self-contained, as Playwright sends its
 * source). An element whose top is below the window is left out with all it holds; the poster's top
 * elements are marked, inert and hidden from assistive technology. It changes the page, which is
 * thrown away after.
 */
function takeFirstScreen({
  posterAttribute,
  styleAttribute,
}: {
  posterAttribute: string;
  styleAttribute: string;
}): FirstScreenCapture {
  const root = document.getElementById('root');
  if (root === null) throw new Error('no #root');
  const below = 'data-poster-below';
  const mark = (element: Element) => {
    for (const child of element.children) {
      if (child.getBoundingClientRect().top >= window.innerHeight) child.setAttribute(below, '');
      else mark(child);
    }
  };
  mark(root);
  // Positions measured in pixels (a slider's marks) as shares of their box, for other widths.
  for (const element of root.querySelectorAll<HTMLElement>('[style]')) {
    const parent = element.offsetParent;
    if (!element.style.left.endsWith('px') || parent === null || parent.clientWidth === 0) continue;
    element.style.left = `${(Number.parseFloat(element.style.left) / parent.clientWidth) * 100}%`;
  }
  const copy = root.cloneNode(true) as HTMLElement;
  for (const element of copy.querySelectorAll(`[${below}]`)) element.remove();
  // The layout islands' measured heights are this window's. Unsealed, each is as high as its content
  // or its reserve (counter.css) in whatever window shows the poster, as in the app's first commit.
  for (const island of copy.querySelectorAll<HTMLElement>('.layout-island[data-sealed]')) {
    island.removeAttribute('data-sealed');
    island.style.removeProperty('--island-height');
    if (island.getAttribute('style') === '') island.removeAttribute('style');
  }
  const styles: string[] = [];
  const indexes = new Map<string, number>();
  for (const element of copy.querySelectorAll('[style]')) {
    const style = element.getAttribute('style') ?? '';
    let index = indexes.get(style);
    if (index === undefined) {
      index = styles.length;
      indexes.set(style, index);
      styles.push(style);
    }
    element.setAttribute(styleAttribute, String(index));
    element.removeAttribute('style');
  }
  for (const element of copy.children) {
    element.setAttribute(posterAttribute, '');
    element.setAttribute('inert', '');
    element.setAttribute('aria-hidden', 'true');
  }
  const sheets = document.adoptedStyleSheets
    .map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n'))
    .join('\n');
  return { markup: copy.innerHTML, styles, sheets, height: document.documentElement.scrollHeight };
}

/** Opens the served page as a first visit, waits for its first screen (`lazyChunks` held back), and takes it. */
async function captureFirstScreen(url: string, lazyChunks: ReadonlySet<string>): Promise<FirstScreenCapture> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext(FIRST_VISIT);
    context.setDefaultTimeout(CAPTURE_TIMEOUT_MS);
    // The lazily loaded parts never arrive: the poster shows their place as the first commit does.
    await context.route(/\.js$/, (route) => {
      if (!lazyChunks.has(new URL(route.request().url()).pathname.slice(1))) void route.continue();
    });
    const page: Page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Not until 'load': the held-back parts would hold it back too.
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => {
      const drawn = (run: string) =>
        (document.querySelector(`.run-${run} figure.landscape .landscape-cost path`)?.getAttribute('d') ?? '')
          .length > 10;
      return drawn('gd') && drawn('sgd') && document.querySelector('.loss-panel .recharts-surface') !== null;
    });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.evaluate(whenStill, STILL);
    if (errors.length > 0) throw new Error(`the page threw: ${errors.join('; ')}`);
    return await page.evaluate(takeFirstScreen, {
      posterAttribute: POSTER_ATTRIBUTE,
      styleAttribute: POSTER_STYLE_ATTRIBUTE,
    });
  } finally {
    await browser.close();
  }
}

/** src/poster/main.ts as one small classic script (it runs before the page's modules). */
async function buildPosterScript(root: string): Promise<string> {
  const output = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry: resolve(root, 'src/poster/main.ts'), formats: ['iife'], name: 'downhillPoster' },
    },
  });
  const chunk = (Array.isArray(output) ? output : [output])
    .flatMap((result) => ('output' in result ? result.output : []))
    .find((file) => file.type === 'chunk');
  if (chunk === undefined || chunk.type !== 'chunk') throw new Error('the poster script did not build');
  return chunk.code;
}

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 10);

export function firstScreenPoster(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'downhill-first-screen-poster',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    // After the files are written (Vite's last touches to the chunks come in its own generateBundle)
    // and before vite-plugin-pwa lists them for the service worker (closeBundle).
    async writeBundle(options, bundle) {
      const page = bundle['index.html'];
      if (page === undefined || page.type !== 'asset' || options.dir === undefined) return; // the bench's core
      if (!existsSync(chromiumPath())) {
        this.warn(`no poster of the first screen: no Chromium at ${chromiumPath()} (set CHROMIUM_PATH)`);
        return;
      }
      const outDir = options.dir;
      const lazyChunks = new Set(
        Object.values(bundle).flatMap((file) =>
          file.type === 'chunk' && !file.isEntry ? [file.fileName] : [],
        ),
      );
      const server = await serveStatic([outDir, config.publicDir]);
      try {
        const { port } = server.address() as AddressInfo;
        const script = await buildPosterScript(config.root);
        const capture = await captureFirstScreen(`http://127.0.0.1:${port}/`, lazyChunks);
        const sheet = posterStyleSheet(capture, POSTER_ATTRIBUTE);
        const assets = config.build.assetsDir;
        const styleFile = `${assets}/poster-${hashOf(sheet)}.css`;
        const scriptFile = `${assets}/poster-${hashOf(script)}.js`;
        writeFileSync(join(outDir, styleFile), sheet);
        writeFileSync(join(outDir, scriptFile), script);
        const indexFile = join(outDir, 'index.html');
        writeFileSync(
          indexFile,
          withPoster(readFileSync(indexFile, 'utf8'), capture.markup, {
            templateId: POSTER_TEMPLATE_ID,
            styleHref: `${config.base}${styleFile}`,
            scriptHref: `${config.base}${scriptFile}`,
          }),
        );
      } catch (error) {
        this.warn(`no poster of the first screen: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        await new Promise((done) => server.close(done));
      }
    },
  };
}
