import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { POLL, sharedBrowser } from './browser';

const chromium = sharedBrowser();

const STORAGE_KEY = 'downhill.settings.v1';

/** Opens `path` in a page of `context` (tabs of one browser share its storage) after its first render. */
async function openPage(context: BrowserContext, path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(new URL(path, inject('baseURL')).href, { waitUntil: 'load' });
  await page.locator('.transport').waitFor({ state: 'visible', timeout: 10_000 });
  return { page, errors };
}

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const lrOf = (page: Page) => field(page, 'Learning rate, typed').inputValue();
const dataOf = (page: Page) => page.locator('.data-line').first().innerText();
const fragment = (page: Page) => new URLSearchParams(new URL(page.url()).hash.slice(1));
/** The setup this browser remembers for a visit without a link. */
const remembered = (page: Page) =>
  page.evaluate(
    (key) => JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>,
    STORAGE_KEY,
  );

/** Where the clock and the runs stand, as the page shows them. */
const where = (page: Page) =>
  page.evaluate(() => ({
    clock: document.querySelector('.clock-text')?.textContent ?? '',
    gd: document.querySelector('.run-gd .readout-line')?.textContent ?? '',
    sgd: document.querySelector('.run-sgd .readout-line')?.textContent ?? '',
  }));

describe('links and what this browser remembers', () => {
  it('a link after a stored visit opens exactly its setup, not the stored one', async () => {
    const context = await chromium.current.newContext();
    try {
      const earlier = await openPage(context, '#w0=3&model=wb&speed=100');
      await expect
        .poll(() => remembered(earlier.page), POLL)
        .toMatchObject({ w0: 3, model: 'wb', speed: 100 });
      await earlier.page.close();

      const { page, errors } = await openPage(context, '#lr=0.02&epochs=60&x=1,2,3,4,5&y=2,4,6,8,10');
      expect(await lrOf(page)).toBe('0.02');
      expect(await field(page, 'Initial w, typed').inputValue()).toBe('1.0');
      expect(await field(page, 'Epochs, typed').inputValue()).toBe('60');
      expect(await dataOf(page)).toContain('x = [1.0, 2.0, 3.0, 4.0, 5.0]');
      const link = fragment(page);
      expect([link.get('w0'), link.get('model'), link.get('speed')]).toEqual(['1.0', 'w', '10']);
      expect(await page.locator('.url-notice').count()).toBe(0);
      // The link's setup is the one remembered now.
      await expect
        .poll(() => remembered(page), POLL)
        .toMatchObject({ w0: 1, model: 'w', speed: 10, lr: 0.02 });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a bad batch size is named with what is wrong and what was used, nothing else', async () => {
    const context = await chromium.current.newContext();
    try {
      const { page } = await openPage(context, '#batch=99');
      const notice = page.locator('.url-notice');
      await expect
        .poll(() => notice.innerText(), POLL)
        .toContain('batch = “99”: larger than the number of points (3); used 2');
      expect(await notice.innerText()).not.toContain('minibatch');
    } finally {
      await context.close();
    }
  });

  it('a reload mid-run comes back to the same epoch and SGD sample, paused', async () => {
    const context = await chromium.current.newContext();
    try {
      const { page, errors } = await openPage(context, '#epochs=1000&speed=100&shuffle=1');
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await expect
        .poll(async () => Number(/Epoch (\d+)/.exec((await where(page)).clock)?.[1] ?? 0), POLL)
        .toBeGreaterThan(30);
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      const stepSample = page.getByRole('button', { name: 'Step one sample', exact: true });
      await stepSample.click();
      await stepSample.click();
      await expect.poll(() => page.locator('.clock-sample').innerText(), POLL).toContain('sample 2 of 3');
      const before = await where(page);
      expect(before.clock).not.toMatch(/Epoch 0 of/);

      await page.reload({ waitUntil: 'load' });
      await page.locator('.transport').waitFor({ state: 'visible', timeout: 10_000 });
      expect(await where(page)).toEqual(before);
      expect(await page.getByRole('button', { name: 'Play', exact: true }).isVisible()).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('two tabs keep their own setups; each saves only what it changed', async () => {
    const context = await chromium.current.newContext();
    try {
      const a = await openPage(context, '');
      const b = await openPage(context, '');
      // Tab A takes new points (a link pasted into its address bar).
      await a.page.evaluate(() => {
        window.location.hash = '#x=1,2,3,4&y=3,5,7,9';
      });
      await expect.poll(() => dataOf(a.page), POLL).toContain('x = [1.0, 2.0, 3.0, 4.0]');
      await expect.poll(() => remembered(a.page), POLL).toMatchObject({ xs: [1, 2, 3, 4] });
      // Tab B, still on the lecture's points, changes the learning rate.
      await field(b.page, 'Learning rate, typed').fill('0.02');
      await expect.poll(() => remembered(b.page), POLL).toMatchObject({ lr: 0.02 });
      expect(await remembered(b.page)).toMatchObject({ xs: [1, 2, 3, 4], ys: [3, 5, 7, 9] });
      // Neither tab's screen changed with the other's save.
      expect(await dataOf(b.page)).toContain('x = [1.0, 2.0, 3.0]');
      expect(await dataOf(b.page)).not.toContain('4.0]');
      expect(await lrOf(a.page)).toBe('0.01');

      // A new visit opens both changes; a reload of A comes back to A's own setup.
      const c = await openPage(context, '');
      expect(await dataOf(c.page)).toContain('x = [1.0, 2.0, 3.0, 4.0]');
      expect(await lrOf(c.page)).toBe('0.02');
      await a.page.reload({ waitUntil: 'load' });
      await a.page.locator('.transport').waitFor({ state: 'visible', timeout: 10_000 });
      expect(await dataOf(a.page)).toContain('x = [1.0, 2.0, 3.0, 4.0]');
      expect(await lrOf(a.page)).toBe('0.01');
      expect([...a.errors, ...b.errors, ...c.errors]).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
