import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { launchChromium } from '../../build/chromium';

const SCREENSHOT_DIR = fileURLToPath(new URL('../../screenshots/', import.meta.url));

export interface Viewport {
  width: number;
  height: number;
}

export interface OpenAppOptions {
  /** Appended to the base URL: a relative path, '?query' or '#hash'. */
  path?: string;
  viewport?: Viewport;
}

export interface OpenedApp {
  page: Page;
  /** Text of every console message of type 'error' (includes failed resource loads). */
  consoleErrors: string[];
  /** Uncaught exceptions thrown in the page. */
  pageErrors: string[];
}

/**
 * Launches headless Chromium. Throws (never skips) when it cannot: a missing browser must fail the
 * suite loudly, otherwise CI would go green without having tested the UI at all.
 */
export const launchBrowser = (): Promise<Browser> => launchChromium();

/** Opens the app in a fresh context (no shared storage between tests) and records its errors. */
export async function openApp(browser: Browser, options: OpenAppOptions = {}): Promise<OpenedApp> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1366, height: 768 } });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  // Listeners go on before navigation so errors during the first render are caught too.
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    consoleErrors.push(url ? `${message.text()} (${url}:${lineNumber})` : message.text());
  });
  page.on('pageerror', (error) => {
    pageErrors.push(`${error.name}: ${error.message}`);
  });

  const url = new URL(options.path ?? '', inject('baseURL')).href;
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response !== null && !response.ok()) {
    throw new Error(`GET ${url} answered HTTP ${response.status()}.`);
  }
  // The tests drive the app, not the first screen's poster that a first visit shows until React
  // replaces it (src/poster/poster.ts; tests/e2e/poster.test.ts looks at the poster itself).
  await page.waitForFunction(() => document.querySelector('#root > [data-poster]') === null);
  return { page, consoleErrors, pageErrors };
}

/** The page logged no console error and threw nothing (each message shown when one did). */
export function expectNoErrors({ consoleErrors, pageErrors }: OpenedApp): void {
  expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
  expect(pageErrors, pageErrors.join('\n')).toEqual([]);
}

/** Writes screenshots/NAME.png (gitignored) for a human to look at; asserts nothing. */
export async function screenshot(page: Page, name: string): Promise<string> {
  // A plain file name only: the name must not be able to escape the screenshots directory.
  if (!/^[\w.-]+$/.test(name)) throw new Error(`Invalid screenshot name: ${JSON.stringify(name)}`);
  const path = `${SCREENSHOT_DIR}${name}.png`;
  await page.screenshot({ path });
  return path;
}

/** How long to poll for text that the app changes over its next frames. */
export const POLL = { timeout: 10_000, interval: 50 } as const;

/** A region of the page by its exact accessible name ("Playback", "Gradient descent (GD)", "Data"). */
export const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** The parts of the data panel the tests drive, by role and accessible name. */
export function dataPanel(page: Page) {
  const panel = region(page, 'Data');
  return {
    panel,
    plot: panel.getByRole('group', { name: /^Data plot/ }),
    point: (n: number) => panel.getByRole('button', { name: new RegExp(`^Point ${n}: `) }),
    pasteBox: panel.getByRole('textbox', { name: 'Paste data', exact: true }),
    xCells: panel.getByRole('textbox', { name: /^x of point \d+$/ }),
    xCell: (n: number) => panel.getByRole('textbox', { name: `x of point ${n}`, exact: true }),
    yCell: (n: number) => panel.getByRole('textbox', { name: `y of point ${n}`, exact: true }),
    preset: panel.getByRole('combobox', { name: 'Preset', exact: true }),
  };
}

export type DataPanel = ReturnType<typeof dataPanel>;

/**
 * Opens the app and waits for the data panel, which loads after the first paint, to draw its plot;
 * `app` is the panel's parts.
 */
export async function openDataPanel(
  browser: Browser,
  options: OpenAppOptions = {},
): Promise<OpenedApp & { app: DataPanel }> {
  const opened = await openApp(browser, options);
  const app = dataPanel(opened.page);
  await app.plot.waitFor({ state: 'visible', timeout: 10_000 });
  return { ...opened, app };
}

/**
 * One headless Chromium for a whole test file (launching costs seconds on two cores), closed after
 * it. Read `.current` inside tests and hooks.
 */
export function sharedBrowser(): { readonly current: Browser } {
  const holder: { current?: Browser } = {};
  beforeAll(async () => {
    holder.current = await launchBrowser();
  });
  afterAll(async () => {
    // Guarded: if the launch threw, the real error is the one worth reading.
    await holder.current?.close();
  });
  return {
    get current(): Browser {
      if (!holder.current)
        throw new Error('Chromium is not running: sharedBrowser() launches it in beforeAll.');
      return holder.current;
    },
  };
}
