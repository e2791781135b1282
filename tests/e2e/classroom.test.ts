import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  openApp,
  screenshot,
  type OpenedApp,
  type OpenAppOptions,
  sharedBrowser,
  POLL,
  expectNoErrors,
} from './browser';

/** Polling budget for what the app changes on the next frames. */
const PROJECTOR = { width: 1920, height: 1080 } as const;

const chromium = sharedBrowser();

interface Opened extends OpenedApp {
  /** Messages of alert/confirm/prompt dialogs the page opened (none, ever). */
  dialogs: string[];
}

/** Opens the app at `path` and waits for React's first render (the playback controls). */
async function open(options: OpenAppOptions = {}): Promise<Opened> {
  const opened = await openApp(chromium.current, options);
  const dialogs: string[] = [];
  opened.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await opened.page.locator('.transport').waitFor({ state: 'visible', timeout: 10_000 });
  return { ...opened, dialogs };
}

function expectNoErrorsOrDialogs(opened: Opened): void {
  expectNoErrors(opened);
  expect(opened.dialogs).toEqual([]);
}

const notice = (page: Page) => page.locator('.url-notice');
const px = (value: string) => Number.parseFloat(value);

describe('classroom', () => {
  it('opens a shared link: settings applied, the page in Chinese, the address kept up to date', async () => {
    const opened = await open({ path: '#lr=0.05&epochs=200&lang=zh-CN' });
    const { page } = opened;
    try {
      const lr = page.getByRole('textbox', { name: '学习率(输入)', exact: true });
      await expect.poll(() => lr.inputValue(), POLL).toBe('0.05');
      expect(await page.getByRole('textbox', { name: 'Epoch 数(输入)', exact: true }).inputValue()).toBe(
        '200',
      );
      expect(await page.getByRole('button', { name: '播放', exact: true }).isVisible()).toBe(true);
      expect(await page.getByRole('combobox', { name: '语言', exact: true }).inputValue()).toBe('zh-CN');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      expect(await notice(page).count()).toBe(0);
      expect(new URL(page.url()).hash).toBe(
        '#lr=0.05&w0=1.0&epochs=200&x=1,2,3&y=2,4,6&speed=10&model=w&b0=0.0&batch=2&minibatch=0&shuffle=0&seed=1&lang=zh-CN',
      );

      // The address follows a change of language.
      await page.getByRole('combobox', { name: '语言', exact: true }).selectOption('en');
      expect(await page.getByRole('button', { name: 'Play', exact: true }).isVisible()).toBe(true);
      await expect.poll(() => new URL(page.url()).hash, POLL).toContain('lang=en');
      expectNoErrorsOrDialogs(opened);
    } finally {
      await page.context().close();
    }
  });

  it('ignores a bad parameter with a notice naming it and applies the rest', async () => {
    const opened = await open({ path: '?lr=abc&w0=2' });
    const { page } = opened;
    try {
      await expect.poll(() => notice(page).innerText(), POLL).toContain('lr = “abc”');
      expect(await notice(page).innerText()).toContain('not a number');
      expect(
        await page
          .getByRole('status')
          .filter({ has: notice(page) })
          .count(),
      ).toBe(1);
      const w0 = page.getByRole('textbox', { name: 'Initial w, typed', exact: true });
      expect(await w0.inputValue()).toBe('2.0');
      expect(
        await page.getByRole('textbox', { name: 'Learning rate, typed', exact: true }).inputValue(),
      ).toBe('0.01');
      await page.getByRole('button', { name: 'Dismiss', exact: true }).click();
      expect(await notice(page).count()).toBe(0);
      expectNoErrorsOrDialogs(opened);
    } finally {
      await page.context().close();
    }
  });

  it('shows script in a link as text: no alert, no injected element', async () => {
    const opened = await open({ path: '#x=<script>alert(1)</script>&y=1' });
    const { page } = opened;
    try {
      await expect.poll(() => notice(page).innerText(), POLL).toContain('x = “<script>alert(1)</script>”');
      // Two animation frames after the notice: a would-be alert, run by anything the link put on the
      // page, would have fired by then (the dialog listener counts it).
      await page.evaluate(
        () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
      );
      const injected = await page.evaluate(() => ({
        scriptsInApp: document.querySelectorAll('#root script, .url-notice script').length,
        inlineScripts: [...document.scripts].filter((script) => script.text.includes('alert')).length,
      }));
      expect(injected).toEqual({ scriptsInApp: 0, inlineScripts: 0 });
      expect(await page.locator('.data-line').innerText()).toContain('x = [1.0, 2.0, 3.0]');
      expectNoErrorsOrDialogs(opened);
    } finally {
      await page.context().close();
    }
  });

  it('F turns on presentation mode: large type and thick lines on a 1920×1080 projector', async () => {
    const opened = await open({ viewport: PROJECTOR });
    const { page } = opened;
    try {
      // Some epochs, so that the loss chart has lines to draw.
      await page.getByRole('button', { name: 'Run to end', exact: true }).click();
      await page.keyboard.press('f');
      await expect
        .poll(() => page.evaluate(() => document.documentElement.classList.contains('presenting')), POLL)
        .toBe(true);
      expect(
        await page.getByRole('button', { name: 'Present', exact: true }).getAttribute('aria-pressed'),
      ).toBe('true');
      const sizes = await page.evaluate(() => {
        const size = (selector: string) => {
          const element = document.querySelector(selector);
          return element ? getComputedStyle(element).fontSize : 'missing';
        };
        return {
          body: size('body'),
          readout: size('.readout dd'),
          clock: size('.clock-text'),
          button: size('.transport .button'),
          tagline: document.querySelector('.tagline')?.getBoundingClientRect().height ?? -1,
          line: [...document.querySelectorAll('.chart-line')].map(
            (path) => getComputedStyle(path).strokeWidth,
          ),
        };
      });
      expect(px(sizes.body)).toBeGreaterThanOrEqual(24);
      expect(px(sizes.readout)).toBeGreaterThanOrEqual(24);
      expect(px(sizes.clock)).toBeGreaterThanOrEqual(24);
      expect(px(sizes.button)).toBeGreaterThanOrEqual(24);
      expect(sizes.tagline).toBe(0);
      expect(sizes.line.length).toBeGreaterThan(0);
      for (const width of sizes.line) expect(px(width)).toBeGreaterThanOrEqual(3);
      await screenshot(page, 'classroom-presenting-light-1920x1080');

      // F again (or Escape) leaves it.
      await page.keyboard.press('f');
      await expect
        .poll(() => page.evaluate(() => document.documentElement.classList.contains('presenting')), POLL)
        .toBe(false);
      expect(px(await page.evaluate(() => getComputedStyle(document.body).fontSize))).toBe(16);
      expectNoErrorsOrDialogs(opened);
    } finally {
      await page.context().close();
    }
  });

  it('switches to the dark theme with the Theme control, also while presenting', async () => {
    const opened = await open({ viewport: PROJECTOR });
    const { page } = opened;
    try {
      const theme = page.getByRole('combobox', { name: 'Theme', exact: true });
      await theme.selectOption('dark');
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme), POLL).toBe('dark');
      const colours = await page.evaluate(() => ({
        background: getComputedStyle(document.documentElement).backgroundColor,
        text: getComputedStyle(document.documentElement).color,
      }));
      expect(colours).toEqual({ background: 'rgb(11, 17, 32)', text: 'rgb(229, 231, 235)' });
      await expect.poll(() => new URL(page.url()).hash, POLL).toContain('theme=dark');

      await page.getByRole('button', { name: 'Run to end', exact: true }).click();
      await page.getByRole('button', { name: 'Present', exact: true }).click();
      await expect
        .poll(() => page.evaluate(() => document.documentElement.classList.contains('presenting')), POLL)
        .toBe(true);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await screenshot(page, 'classroom-presenting-dark-1920x1080');

      await theme.selectOption('light');
      await expect
        .poll(() => page.evaluate(() => document.documentElement.dataset.theme), POLL)
        .toBe('light');
      expectNoErrorsOrDialogs(opened);
    } finally {
      await page.context().close();
    }
  });

  it('? opens the shortcut sheet and Escape closes it, giving the focus back', async () => {
    const opened = await open();
    const { page } = opened;
    try {
      const step = page.getByRole('button', { name: 'Step', exact: true });
      await step.focus();
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await dialog.waitFor({ state: 'visible', timeout: 5_000 });
      expect(await dialog.innerText()).toContain('Presentation mode on / off');
      expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
      await screenshot(page, 'classroom-shortcuts-1366x768');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached', timeout: 5_000 });
      expect(await step.evaluate((node) => node === document.activeElement)).toBe(true);
      expectNoErrorsOrDialogs(opened);
    } finally {
      await page.context().close();
    }
  });

  it('present=1 in a link starts in presentation mode', async () => {
    const opened = await open({ path: '#present=1&theme=dark', viewport: PROJECTOR });
    const { page } = opened;
    try {
      await expect
        .poll(() => page.evaluate(() => document.documentElement.classList.contains('presenting')), POLL)
        .toBe(true);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      expectNoErrorsOrDialogs(opened);
    } finally {
      await page.context().close();
    }
  });
});
