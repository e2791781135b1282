import { describe, expect, it } from 'vitest';
import { openApp, screenshot, sharedBrowser } from './browser';

const chromium = sharedBrowser();

describe('smoke', () => {
  it('loads the production build with a title, a heading and no errors', async () => {
    const { page, consoleErrors, pageErrors } = await openApp(chromium.current);

    expect(await page.title()).toContain('Downhill');
    const heading = page.getByRole('heading', { name: /Downhill/ }).first();
    // React renders after 'load', so wait for the heading rather than checking once.
    await heading.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await heading.isVisible()).toBe(true);

    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it.each([
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ])('renders at $width×$height (screenshot for humans)', async (viewport) => {
    const { page, consoleErrors, pageErrors } = await openApp(chromium.current, { viewport });
    const heading = page.getByRole('heading', { name: /Downhill/ }).first();
    await heading.waitFor({ state: 'visible', timeout: 10_000 });
    await screenshot(page, `smoke-${viewport.width}x${viewport.height}`);

    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
