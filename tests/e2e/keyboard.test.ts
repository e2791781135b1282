import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, POLL, sharedBrowser } from './browser';

const chromium = sharedBrowser();

async function open(path = ''): Promise<Page> {
  const { page } = await openApp(chromium.current, { path });
  await page.locator('.transport').waitFor({ state: 'visible', timeout: 10_000 });
  return page;
}

const clock = (page: Page) => page.locator('.clock-text').first().textContent();
const lr = (page: Page) =>
  page.getByRole('textbox', { name: 'Learning rate, typed', exact: true }).inputValue();
const scrollY = (page: Page) => page.evaluate(() => window.scrollY);
const presenting = (page: Page) =>
  page.evaluate(() => document.documentElement.classList.contains('presenting'));

describe('the keys work whatever has focus', () => {
  it('after clicking the learning-rate slider: → steps, Space plays without scrolling, R resets, F presents', async () => {
    const page = await open();
    try {
      const slider = page.getByRole('slider', { name: 'Learning rate', exact: true });
      const box = (await slider.boundingBox())!;
      // A click on the thumb's own spot: the rate stays 0.01.
      const value = Number(await slider.inputValue());
      const max = Number(await slider.getAttribute('max'));
      await page.mouse.click(box.x + 8 + ((box.width - 16) * value) / max, box.y + box.height / 2);
      // The slider shows a new rate in its own render at once (the store takes it after the paint).
      expect(await slider.getAttribute('aria-valuetext')).toBe('0.01');
      expect(await lr(page)).toBe('0.01');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('type')))
        .toBe('range');

      await page.keyboard.press('ArrowRight');
      expect(await clock(page)).toContain('Epoch 1 of 100');
      expect(await slider.getAttribute('aria-valuetext')).toBe('0.01');
      expect(await lr(page)).toBe('0.01');

      await page.keyboard.press('PageDown');
      expect(await clock(page)).toContain('Epoch 2 of 100');

      await page.keyboard.press('Space');
      await expect.poll(() => page.getByRole('button', { name: 'Pause', exact: true }).count(), POLL).toBe(1);
      expect(await scrollY(page)).toBe(0);
      await page.keyboard.press('Space');
      await expect.poll(() => page.getByRole('button', { name: 'Play', exact: true }).count(), POLL).toBe(1);

      await page.keyboard.press('r');
      expect(await clock(page)).toContain('Epoch 0 of 100');
      await page.keyboard.press('f');
      await expect.poll(() => presenting(page), POLL).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => presenting(page), POLL).toBe(false);
      expect(await scrollY(page)).toBe(0);
    } finally {
      await page.context().close();
    }
  });

  it('after clicking a tab or a radio button, the arrows step the runs instead of flipping them', async () => {
    const page = await open();
    try {
      const gd = page.getByRole('region', { name: 'Gradient descent (GD)', exact: true });
      await gd.getByRole('tab', { name: 'Formula' }).click();
      await page.keyboard.press('ArrowRight');
      expect(await clock(page)).toContain('Epoch 1 of 100');
      expect(await gd.getByRole('tab', { name: 'Formula' }).getAttribute('aria-selected')).toBe('true');

      await page.getByRole('radio', { name: 'Log' }).click();
      await page.keyboard.press('ArrowRight');
      expect(await clock(page)).toContain('Epoch 2 of 100');
      expect(await page.getByRole('radio', { name: 'Log' }).isChecked()).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  it('after clicking Reset or Present with the mouse, Space plays instead of pressing them again', async () => {
    const page = await open();
    try {
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await page.getByRole('button', { name: 'Reset', exact: true }).click();
      expect(await clock(page)).toContain('Epoch 0 of 100');
      await page.keyboard.press('Space');
      await expect.poll(() => page.getByRole('button', { name: 'Pause', exact: true }).count(), POLL).toBe(1);
      await page.keyboard.press('Space');

      await page.getByRole('button', { name: 'Present', exact: true }).click();
      await expect.poll(() => presenting(page), POLL).toBe(true);
      await page.keyboard.press('Space');
      await expect.poll(() => page.getByRole('button', { name: 'Pause', exact: true }).count(), POLL).toBe(1);
      expect(await presenting(page)).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  it('a control reached with Tab keeps its own keys: the slider’s arrows move the rate; Space still plays', async () => {
    const page = await open();
    try {
      const slider = page.getByRole('slider', { name: 'Learning rate', exact: true });
      // Tab through the page until the slider has the focus, as a keyboard-only user does.
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        if (await slider.evaluate((element) => element === document.activeElement)) break;
      }
      // The slider moves at once; the rate reaches the store (and the typed field) after the paint.
      await page.keyboard.press('ArrowRight');
      expect(await slider.getAttribute('aria-valuetext')).toBe('0.011');
      await expect.poll(() => lr(page), POLL).toBe('0.011');
      expect(await clock(page)).toContain('Epoch 0 of 100');
      await page.keyboard.press('End');
      expect(await slider.getAttribute('aria-valuetext')).toBe('1.0');
      await expect.poll(() => lr(page), POLL).toBe('1.0');
      await page.keyboard.press('Home');
      expect(await slider.getAttribute('aria-valuetext')).toBe('0.0001');
      await expect.poll(() => lr(page), POLL).toBe('0.0001');
      await page.keyboard.press('e');
      expect(await clock(page)).toContain('Epoch 100 of 100');

      // A tab reached with Tab: the arrows move between the views.
      const tabs = page.getByRole('region', { name: 'Gradient descent (GD)', exact: true }).getByRole('tab');
      await tabs.first().focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('ArrowRight');
      expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true');
    } finally {
      await page.context().close();
    }
  });

  it('the text fields keep every key', async () => {
    const page = await open();
    try {
      const field = page.getByRole('textbox', { name: 'Learning rate, typed', exact: true });
      await field.click();
      await field.press('End');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.type('5');
      await page.keyboard.press('Space');
      expect(await page.getByRole('button', { name: 'Play', exact: true }).count()).toBe(1);
      expect(await clock(page)).toContain('Epoch 0 of 100');
      expect(await field.inputValue()).toBe('0.05 1');
    } finally {
      await page.context().close();
    }
  });

  it('the shortcut sheet is a modal dialog: the page behind is inert, Escape closes and gives the focus back', async () => {
    const page = await open();
    try {
      const step = page.getByRole('button', { name: 'Step', exact: true });
      await step.focus();
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await dialog.waitFor({ state: 'visible' });
      expect(await dialog.textContent()).toContain('PageDown');
      // The page behind is inert: Tab never reaches its controls (the browser's own UI may take it).
      for (let i = 0; i < 3; i++) {
        await page.keyboard.press('Tab');
        expect(
          await page.evaluate(() => document.querySelector('.app')!.contains(document.activeElement)),
        ).toBe(false);
      }
      await page.keyboard.press('ArrowRight');
      expect(await clock(page)).toContain('Epoch 0 of 100');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await step.evaluate((element) => element === document.activeElement)).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  it('with reduced motion asked for, nothing is animated for decoration; playing still plays', async () => {
    const { page } = await openApp(chromium.current, {});
    try {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.locator('.transport').waitFor({ state: 'visible' });
      const durations = await page.evaluate(() =>
        [...document.querySelectorAll('*')]
          .map((element) => getComputedStyle(element).transitionDuration)
          .filter((duration) => duration.split(',').some((part) => Number.parseFloat(part) > 0)),
      );
      expect(durations).toEqual([]);
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await expect.poll(() => clock(page), POLL).not.toContain('Epoch 0 of 100');
    } finally {
      await page.context().close();
    }
  });
});
