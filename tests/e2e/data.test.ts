import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  openDataPanel,
  region,
  screenshot,
  type Viewport,
  sharedBrowser,
  POLL,
  expectNoErrors,
} from './browser';

const chromium = sharedBrowser();

/** Opens the app with its data panel drawn; `app` is the panel's parts and the GD run. */
async function open(viewport?: Viewport) {
  const opened = await openDataPanel(chromium.current, viewport ? { viewport } : {});
  return { ...opened, app: { ...opened.app, gd: region(opened.page, 'Gradient descent (GD)') } };
}

/** The value shown next to a label in a run's readout line ("cost" → "4.666…"). */
async function readout(run: Locator, label: string): Promise<string> {
  const item = run.locator('.readout-item', { has: run.page().locator('dt', { hasText: label }) }).first();
  return (await item.locator('dd').innerText()).trim();
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('The element has no box: it is not rendered.');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe('data panel', () => {
  it('below the fold, its lines wait while the runs play, and follow them once it is scrolled to', async () => {
    const opened = await openDataPanel(chromium.current, { path: '?epochs=100000&speed=1000' });
    const { page } = opened;
    try {
      const gdLine = page.locator('line.data-fit[data-run="gd"]');
      const lineW = () => gdLine.getAttribute('data-w');
      const atRest = await lineW();
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      const progress = page.locator('.clock progress');
      await expect
        .poll(() => progress.evaluate((p) => (p as HTMLProgressElement).value), POLL)
        .toBeGreaterThan(200);
      // Out of sight (1366×768: the panel starts below the fold), the panel has not followed.
      expect(await lineW()).toBe(atRest);
      await opened.app.panel.scrollIntoViewIfNeeded();
      await expect.poll(lineW, POLL).not.toBe(atRest);
      // In sight, it goes on following the run until the pause, and then shows where GD stopped.
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      const w = await region(page, 'Gradient descent (GD)')
        .locator('.layout-island-content .readout-item', { hasText: 'w =' })
        .locator('dd')
        .innerText();
      // Python's repr and the attribute's number: the same float.
      await expect.poll(async () => Number(await lineW()), POLL).toBe(Number(w.replace('w =', '').trim()));
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });

  it('drags a point with the mouse: the table and the GD run follow', async () => {
    const opened = await open();
    const { page, app } = opened;
    try {
      await app.panel.scrollIntoViewIfNeeded();
      expect(await app.yCell(3).inputValue()).toBe('6.0');
      const costBefore = await readout(app.gd, 'cost');

      const point = app.point(3);
      const start = await centre(point);
      await page.mouse.move(start.x, start.y);
      await page.mouse.down();
      // Several small moves, as a hand would: the store follows every frame.
      for (let step = 1; step <= 8; step++) await page.mouse.move(start.x, start.y - step * 8);
      await page.mouse.up();

      // The point went up: y grew, and the store's data (shown by the table) with it.
      await expect.poll(async () => Number(await app.yCell(3).inputValue()), POLL).toBeGreaterThan(6.5);
      const y = await app.yCell(3).inputValue();
      expect(await point.getAttribute('aria-label')).toBe(`Point 3: x = 3.0, y = ${y}`);
      // The run retrained on the moved point: the cost of w = 1 on the new data differs.
      await expect.poll(() => readout(app.gd, 'cost'), POLL).not.toBe(costBefore);
      // The other points stayed put.
      expect(await app.yCell(1).inputValue()).toBe('2.0');
      expect(await app.yCell(2).inputValue()).toBe('4.0');
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });

  it('adds a point where empty space is clicked', async () => {
    const opened = await open();
    const { page, app } = opened;
    try {
      await app.panel.scrollIntoViewIfNeeded();
      expect(await app.xCells.count()).toBe(3);
      // Upper left of the plot area: x ≈ 0.5, y ≈ 5.5, far from the lecture's points.
      const box = (await app.plot.boundingBox())!;
      await page.mouse.click(box.x + box.width * 0.2, box.y + box.height * 0.15);
      await expect.poll(() => app.xCells.count(), POLL).toBe(4);
      const x = Number(await app.panel.getByRole('textbox', { name: 'x of point 4' }).inputValue());
      const y = Number(await app.yCell(4).inputValue());
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(1.5);
      expect(y).toBeGreaterThan(4.5);
      expect(await app.point(4).count()).toBe(1);
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });

  it('moves and removes a point from the keyboard', async () => {
    const opened = await open();
    const { page, app } = opened;
    try {
      // As a keyboard user gets there: with Tab (a point clicked with the mouse keeps no keys).
      await app.point(1).focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
      await expect.poll(() => app.point(1).evaluate((point) => point === document.activeElement)).toBe(true);
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => app.yCell(1).inputValue(), POLL).toBe('2.1');
      await page.keyboard.press('Shift+ArrowRight');
      await expect
        .poll(() => app.panel.getByRole('textbox', { name: 'x of point 1' }).inputValue(), POLL)
        .toBe('2.0');
      await page.keyboard.press('Delete');
      await expect.poll(() => app.xCells.count(), POLL).toBe(2);
      // The focus stays on the plot, on the point that took the removed one's place.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
        'Point 1: x = 2.0, y = 4.0',
      );
      // The playground's own arrow-key shortcuts did not fire (the learning rate is unchanged).
      expect(
        await page.getByRole('slider', { name: 'Learning rate', exact: true }).getAttribute('aria-valuetext'),
      ).toBe('0.01');
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });

  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    it(`looks right at ${viewport.width}×${viewport.height}`, async () => {
      const opened = await open(viewport);
      const { page, app } = opened;
      try {
        await app.panel.scrollIntoViewIfNeeded();
        await app.panel.evaluate((element) => element.scrollIntoView({ block: 'start' }));
        // Lines drawn after a few epochs, with a point selected.
        await page.getByRole('button', { name: 'Step', exact: true }).click();
        await page.getByRole('button', { name: 'Step', exact: true }).click();
        await app.point(2).click();
        const box = (await app.panel.boundingBox())!;
        expect(box.width).toBeGreaterThan(300);
        // Nothing in the panel sticks out sideways.
        const overflow = await app.panel.evaluate((element) => element.scrollWidth - element.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await screenshot(page, `data-${viewport.width}x${viewport.height}`);
        await app.preset.selectOption('noisy50');
        await expect.poll(() => app.xCells.count(), POLL).toBe(50);
        await screenshot(page, `data-noisy50-${viewport.width}x${viewport.height}`);
        expectNoErrors(opened);
      } finally {
        await page.context().close();
      }
    });
  }
});
