import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContextOptions, Page, Route } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { STORAGE_KEY } from '../../src/store/storageKeys';
import { sharedBrowser, type Viewport } from './browser';

// The first screen's poster (src/poster/poster.ts, build/poster.ts): the build's picture of what a
// first visit opens, shown while the app's script loads. These tests hold the app's script back to
// look at the poster alone, then let it through and compare.

const chromium = sharedBrowser();
const LAPTOP: Viewport = { width: 1366, height: 768 };
const APP_SCRIPT = /\/assets\/index-[^/]*\.js$/;

interface HeldPage {
  page: Page;
  /** Lets the app's script through: the app loads and replaces the poster. */
  release(): Promise<void>;
  violations(): Promise<string[]>;
}

/** Opens the bare link (or `path`) with the app's script held back, as on a slow machine. */
async function openHeld(
  path = '',
  options: BrowserContextOptions = {},
  before?: () => void,
): Promise<HeldPage> {
  const context = await chromium.current.newContext({ viewport: LAPTOP, ...options });
  if (before) await context.addInitScript(before);
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(event.violatedDirective));
  });
  const held: Route[] = [];
  let holding = true;
  await context.route(APP_SCRIPT, (route) => (holding ? held.push(route) : route.continue()));
  const page = await context.newPage();
  // Not until DOMContentLoaded: that waits for the held script. The poster's own runs as it is parsed.
  await page.goto(new URL(path, inject('baseURL')).href, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.readyState !== 'loading');
  return {
    page,
    release: async () => {
      holding = false;
      for (const route of held.splice(0)) await route.continue();
      await page.waitForFunction(
        () =>
          document.querySelector('#root > [data-poster]') === null &&
          document.querySelector('.run-gd') !== null,
      );
    },
    violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  };
}

/** Where the picture's parts are, and the landscapes' cost curves. */
const picture = (page: Page) =>
  page.evaluate(() => {
    const box = (selector: string) => {
      const rect = document.querySelector(selector)?.getBoundingClientRect();
      return rect ? [rect.x, rect.y, rect.width, rect.height].map(Math.round) : null;
    };
    return {
      transport: box('.transport'),
      gd: box('.run-gd .chart-plot-box'),
      sgd: box('.run-sgd .chart-plot-box'),
      loss: box('.loss-panel .chart-plot-host'),
      gdCost: document.querySelector('.run-gd .landscape-cost path')?.getAttribute('d') ?? null,
      sgdCost: document.querySelector('.run-sgd .landscape-cost path')?.getAttribute('d') ?? null,
    };
  });

const posterShown = (page: Page) =>
  page.evaluate(() => document.querySelector('#root > [data-poster]') !== null);

describe('the first screen’s poster', () => {
  it('is built into index.html as a template, with no inline style or script', () => {
    const html = readFileSync(resolve(process.cwd(), 'dist/index.html'), 'utf8');
    const template = html.match(/<template id="downhill-poster">([\s\S]*?)<\/template>/)?.[1] ?? '';
    expect(template).toContain('landscape-cost');
    expect(template).toContain('data-poster=""');
    expect(template).not.toMatch(/\sstyle="/);
    expect(template).not.toContain('<script');
    expect(html).toMatch(/<link rel="stylesheet" href="\.\/assets\/poster-[\w-]+\.css">/);
    expect(html).toMatch(/<\/template>\s*<script src="\.\/assets\/poster-[\w-]+\.js"><\/script>/);
  });

  it('shows a first visit the app’s first screen before its script runs, then the app takes its place without moving or redrawing it', async () => {
    const held = await openHeld();
    const { page } = held;
    try {
      expect(await posterShown(page)).toBe(true);
      const poster = await picture(page);
      expect(poster.gdCost?.length).toBeGreaterThan(100);
      await expect.poll(() => page.locator('.run-gd .chart-plot-box').isVisible()).toBe(true);
      // Inert and hidden from assistive technology: nothing to press, focus or type into.
      expect(await page.getByRole('button', { name: 'Play', exact: true }).count()).toBe(0);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
      await page.locator('.run-gd .chart-plot-box').click({ force: true });

      // The app's first commit, as the page will paint it: recorded when the poster leaves #root.
      await page.evaluate(() => {
        const first: { box?: number; cost?: string | null } = {};
        (window as unknown as { firstCommit: typeof first }).firstCommit = first;
        const observer = new MutationObserver(() => {
          if (document.querySelector('#root > [data-poster]') !== null) return;
          const box = document.querySelector('.run-gd .chart-plot-box');
          const cost = document.querySelector('.run-gd .landscape-cost path');
          if (box === null || cost === null) return;
          observer.disconnect();
          first.box = Math.round(box.getBoundingClientRect().height);
          first.cost = cost.getAttribute('d');
        });
        observer.observe(document, { subtree: true, childList: true, attributes: true });
      });
      await held.release();
      await expect.poll(() => picture(page), { timeout: 10_000 }).toEqual(poster);
      // Already in its first commit: the charts were drawn for their fitted boxes, not redrawn after.
      expect(await page.evaluate(() => (window as unknown as { firstCommit: object }).firstCommit)).toEqual({
        box: poster.gd?.[3],
        cost: poster.gdCost,
      });
      await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
      expect(await held.violations()).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('fits its plots to another window as the app does: a phone', async () => {
    const held = await openHeld('', {
      viewport: { width: 412, height: 915 },
      hasTouch: true,
      isMobile: true,
    });
    const { page } = held;
    try {
      expect(await posterShown(page)).toBe(true);
      const poster = await picture(page);
      await held.release();
      await expect
        .poll(async () => {
          const app = await picture(page);
          return { transport: app.transport, gd: app.gd };
        })
        .toEqual({ transport: poster.transport, gd: poster.gd });
    } finally {
      await page.context().close();
    }
  });

  it.each([
    { why: 'a link with a setup', path: '#lr=0.25', options: {} },
    { why: 'a link with a language', path: '?lang=zh-CN', options: {} },
    { why: 'a Chinese browser', path: '', options: { locale: 'zh-CN' } },
  ])('is not shown for $why: the app draws its own first screen', async ({ path, options }) => {
    const held = await openHeld(path, options);
    const { page } = held;
    try {
      expect(await page.evaluate(() => document.getElementById('root')?.childNodes.length)).toBe(0);
      expect(await page.evaluate(() => document.getElementById('downhill-poster'))).toBeNull();
      await held.release();
    } finally {
      await page.context().close();
    }
  });

  it('is not shown to a browser that remembers a setup', async () => {
    const held = await openHeld('', {}, () => localStorage.setItem('downhill.settings.v1', '{"lr":0.25}'));
    const { page } = held;
    try {
      expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).not.toBeNull();
      expect(await posterShown(page)).toBe(false);
      await held.release();
      await expect.poll(() => page.getByRole('textbox', { name: 'Learning rate' }).inputValue()).toBe('0.25');
    } finally {
      await page.context().close();
    }
  });
});
