import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, screenshot, type OpenedApp, sharedBrowser } from './browser';

// The loss chart as PNG and SVG and each run's history as CSV, saved from the production build in
// Chromium; and the formula view's MathML, laid out by Chromium's native MathML.

const chromium = sharedBrowser();

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** Opens the app and waits for the loss chart to be drawn. */
async function open(): Promise<OpenedApp> {
  const opened = await openApp(chromium.current);
  await opened.page
    .locator('.loss-panel svg.recharts-surface')
    .first()
    .waitFor({ state: 'visible', timeout: 10_000 });
  return opened;
}

/** Clicks a button and returns the download it starts. */
async function downloadFrom(page: Page, name: string): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 15_000 }),
    button(page, name).click(),
  ]);
  return download;
}

async function bytesOf(download: Download): Promise<Buffer> {
  return readFile(await download.path());
}

/** Steps both runs `count` epochs with the Step button. */
async function step(page: Page, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await button(page, 'Step').click();
}

describe('export', () => {
  it('saves the loss chart as PNG and SVG, and the histories as CSV', async () => {
    const { page, consoleErrors, pageErrors } = await open();
    await step(page, 2);
    const surface = page.locator('.loss-panel svg.recharts-surface').first();
    const box = (await surface.boundingBox())!;

    const png = await downloadFrom(page, 'Chart as PNG');
    expect(png.suggestedFilename()).toBe('downhill-loss.png');
    const pngBytes = await bytesOf(png);
    expect(pngBytes.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
    expect(pngBytes.length).toBeGreaterThan(1024);
    // IHDR: width and height at twice the chart's size (the header adds 54 px of height).
    expect(pngBytes.readUInt32BE(16)).toBe(Math.round(box.width * 2));
    expect(pngBytes.readUInt32BE(20)).toBe(Math.round((box.height + 54) * 2));

    const svg = await downloadFrom(page, 'Chart as SVG');
    expect(svg.suggestedFilename()).toBe('downhill-loss.svg');
    const markup = (await bytesOf(svg)).toString('utf8');
    expect(markup).toContain('<svg');
    expect(markup).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(markup).toMatch(/<path[^>]+d="M/);
    expect(markup).not.toContain('var(');
    // It parses as a standalone SVG document and draws as an image with nothing from the page.
    const standalone = await page.evaluate(async (text) => {
      const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
      const image = new Image();
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
      await image.decode();
      return {
        ok: parsed.querySelector('parsererror') === null,
        root: parsed.documentElement.localName,
        paths: parsed.querySelectorAll('path').length,
        width: image.naturalWidth,
      };
    }, markup);
    expect(standalone).toEqual({
      ok: true,
      root: 'svg',
      paths: expect.any(Number),
      width: Math.round(box.width),
    });
    expect(standalone.paths).toBeGreaterThan(0);

    const gd = await downloadFrom(page, 'GD history (CSV)');
    expect(gd.suggestedFilename()).toBe('downhill-gd-history.csv');
    expect((await bytesOf(gd)).toString('utf8')).toBe(
      'epoch,lecture_epoch,w,loss_printed,cost,diverged\n' +
        '1,0,1.0933333333333333,4.666666666666667,3.8362074074074086,false\n' +
        '2,1,1.1779555555555554,3.8362074074074086,3.1535329869958857,false\n',
    );
    const sgd = await downloadFrom(page, 'SGD history (CSV)');
    expect(sgd.suggestedFilename()).toBe('downhill-sgd-history.csv');
    const sgdLines = (await bytesOf(sgd)).toString('utf8').split('\n');
    expect(sgdLines.slice(0, 3)).toEqual([
      'epoch,lecture_epoch,w,loss_printed,cost,diverged',
      '1,0,1.260688,4.919240100095999,2.5507170889386663,false',
      '2,1,1.453417766656,2.688769240265834,1.3941766431008027,false',
    ]);

    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).innerText())
      .toContain('downhill-sgd-history.csv');
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('exports in dark mode with the dark background baked in', async () => {
    const { page, consoleErrors, pageErrors } = await open();
    await page.emulateMedia({ colorScheme: 'dark' });
    const svg = await downloadFrom(page, 'Chart as SVG');
    const markup = (await bytesOf(svg)).toString('utf8');
    const background = await page.evaluate(() => {
      const panel = document.querySelector('.loss-panel')!;
      return getComputedStyle(panel).backgroundColor;
    });
    expect(background).not.toBe('rgb(255, 255, 255)');
    expect(markup).toContain(`fill="${background}"`);
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});

describe('formula view', () => {
  it('typesets the last update with native MathML, step by step', async () => {
    const { page, consoleErrors, pageErrors } = await open();
    const gd = page.getByRole('region', { name: 'Gradient descent (GD)', exact: true });
    const sgd = page.getByRole('region', { name: 'Stochastic gradient descent (SGD)', exact: true });
    // The formula is one of each run's views, beside the landscape and the Python.
    await gd.getByRole('tab', { name: 'Formula' }).click();
    await sgd.getByRole('tab', { name: 'Formula' }).click();
    await expect.poll(() => gd.innerText()).toContain('No update yet');

    await step(page, 2);
    const update = gd.locator('math[aria-label="w = 1.0933 − 0.01 × (−8.4622) = 1.1780"]');
    await update.waitFor({ state: 'visible', timeout: 10_000 });
    // Chromium lays MathML out: the fraction ∂cost/∂w stands taller than a line of plain numbers.
    const fraction = (await gd.locator('mfrac').first().boundingBox())!;
    const number = (await update.locator('mn').first().boundingBox())!;
    expect(fraction.height).toBeGreaterThan(number.height * 1.5);
    // Every formula fits its panel.
    const panel = (await gd.boundingBox())!;
    for (const math of await gd.locator('math').all()) {
      const mathBox = (await math.boundingBox())!;
      expect(mathBox.x + mathBox.width).toBeLessThanOrEqual(panel.x + panel.width + 0.5);
    }

    await button(page, 'Step one sample').click();
    await sgd.locator('math[aria-label="(x₁, y₁) = (1.0, 2.0)"]').waitFor({ timeout: 10_000 });
    await screenshot(page, 'formula-view');
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
