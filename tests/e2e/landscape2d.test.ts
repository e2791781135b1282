import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { presetData } from '../../src/core';
import { openApp, screenshot, sharedBrowser, POLL, expectNoErrors } from './browser';

const chromium = sharedBrowser();

function ui(page: Page) {
  const region = (name: string) => page.getByRole('region', { name, exact: true });
  return {
    step: page.getByRole('button', { name: 'Step', exact: true }),
    model: region('Beyond the lecture'),
    gd: region('Gradient descent (GD)'),
    sgd: region('Stochastic gradient descent (SGD)'),
  };
}

/** The 2-D landscape figure of a run panel. */
const landscapeIn = (panel: Locator) => panel.getByRole('figure', { name: 'Loss landscape: cost(w, b)' });

/** The ball's centre in the plot's pixels (its viewBox is its size in px). */
async function ballCentre(figure: Locator): Promise<{ x: number; y: number }> {
  const ball = figure.locator('circle.landscape2d-ball');
  expect(await ball.isVisible()).toBe(true);
  return { x: Number(await ball.getAttribute('cx')), y: Number(await ball.getAttribute('cy')) };
}

describe('the 2-D loss landscape', () => {
  it('appears for y = w·x + b with contours, and its ball moves as the runs step', async () => {
    const opened = await openApp(chromium.current, { viewport: { width: 1366, height: 768 } });
    const { page } = opened;
    try {
      const app = ui(page);
      await app.gd.waitFor({ state: 'visible', timeout: 10_000 });
      await app.model.getByRole('radio', { name: 'y = w·x + b', exact: true }).check();

      const figure = landscapeIn(app.gd);
      await figure.waitFor({ state: 'visible', timeout: 10_000 });
      const svg = figure.locator('svg.landscape2d-plot');
      await expect.poll(() => svg.isVisible(), POLL).toBe(true);
      expect(await svg.locator('path.landscape2d-contour').count()).toBeGreaterThanOrEqual(6);
      expect(await figure.getAttribute('data-w')).toBe('1.0');
      expect(await figure.getAttribute('data-b')).toBe('0.0');
      const before = await ballCentre(figure);

      for (let k = 0; k < 5; k++) await app.step.click();
      await expect.poll(() => figure.getAttribute('data-w'), POLL).not.toBe('1.0');
      const after = await ballCentre(figure);
      // Toward w* = 2 (right) and, on the way into the valley, up in b.
      expect(after.x - before.x).toBeGreaterThan(10);
      expect(before.y - after.y).toBeGreaterThan(2);
      expect(Number(await figure.getAttribute('data-path-points'))).toBe(6);
      expect(await figure.locator('text', { hasText: 'θ*' }).isVisible()).toBe(true);

      const sgd = landscapeIn(app.sgd);
      await expect.poll(() => sgd.isVisible(), POLL).toBe(true);
      expect(Number(await sgd.getAttribute('data-step-points'))).toBeGreaterThan(6);

      await app.gd.scrollIntoViewIfNeeded();
      await figure.scrollIntoViewIfNeeded();
      await screenshot(page, 'landscape2d-lecture');
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });

  it('draws GD smooth and SGD zig-zagging on noisy data, in both themes', async () => {
    const { xs, ys } = presetData('noisy', 1);
    for (const theme of ['light', 'dark'] as const) {
      const path = `#model=wb&lr=0.02&x=${xs.join(',')}&y=${ys.join(',')}&theme=${theme}`;
      const opened = await openApp(chromium.current, { path });
      const { page } = opened;
      try {
        const app = ui(page);
        await app.gd.waitFor({ state: 'visible', timeout: 10_000 });
        const gd = landscapeIn(app.gd);
        const sgd = landscapeIn(app.sgd);
        await gd.waitFor({ state: 'visible', timeout: 10_000 });
        for (let k = 0; k < 8; k++) await app.step.click();
        await expect.poll(() => gd.getAttribute('data-path-points'), POLL).toBe('9');
        // SGD: 6 one-sample updates per epoch, all drawn; GD: one update per epoch.
        expect(Number(await sgd.getAttribute('data-step-points'))).toBe(8 * 6 + 1);
        expect(Number(await gd.getAttribute('data-step-points'))).toBe(0);
        expect(await sgd.locator('path.landscape2d-steps').first().isVisible()).toBe(true);
        await sgd.scrollIntoViewIfNeeded();
        await screenshot(page, `landscape2d-noisy-${theme}`);
        expectNoErrors(opened);
      } finally {
        await page.context().close();
      }
    }
  });

  it('keeps a narrow valley readable and leaves a diverging run off the chart with a note', async () => {
    const { xs, ys } = presetData('offset', 1);
    const data = `x=${xs.join(',')}&y=${ys.join(',')}`;
    const stable = await openApp(chromium.current, { path: `#model=wb&lr=0.005&${data}` });
    try {
      const app = ui(stable.page);
      await app.gd.waitFor({ state: 'visible', timeout: 10_000 });
      for (let k = 0; k < 6; k++) await app.step.click();
      const sgd = landscapeIn(app.sgd);
      await expect.poll(() => sgd.getAttribute('data-on-chart'), POLL).toBe('true');
      expect(await sgd.locator('path.landscape2d-contour').count()).toBeGreaterThanOrEqual(6);
      await sgd.scrollIntoViewIfNeeded();
      await screenshot(stable.page, 'landscape2d-offset');
      expectNoErrors(stable);
    } finally {
      await stable.page.context().close();
    }

    const diverging = await openApp(chromium.current, { path: `#model=wb&lr=0.05&${data}` });
    try {
      const app = ui(diverging.page);
      await app.gd.waitFor({ state: 'visible', timeout: 10_000 });
      for (let k = 0; k < 4; k++) await app.step.click();
      const gd = landscapeIn(app.gd);
      await expect.poll(() => gd.getAttribute('data-on-chart'), POLL).toBe('false');
      expect(await gd.getByText(/is off the chart/).isVisible()).toBe(true);
      expect(await gd.locator('circle.landscape2d-ball').count()).toBe(0);
      expect(await gd.innerHTML()).not.toMatch(/NaN|Infinity/);
      await gd.scrollIntoViewIfNeeded();
      await screenshot(diverging.page, 'landscape2d-diverging');
      expectNoErrors(diverging);
    } finally {
      await diverging.page.context().close();
    }
  });

  it('fits a phone-sized screen', async () => {
    const opened = await openApp(chromium.current, {
      path: '#model=wb',
      viewport: { width: 390, height: 844 },
    });
    const { page } = opened;
    try {
      const app = ui(page);
      await app.gd.waitFor({ state: 'visible', timeout: 10_000 });
      const figure = landscapeIn(app.gd);
      const svg = figure.locator('svg.landscape2d-plot');
      await svg.waitFor({ state: 'visible', timeout: 10_000 });
      // Once measured, the plot is exactly as wide as its figure (no overflow, no letterboxing).
      await expect
        .poll(async () => {
          const [plot, frame] = await Promise.all([svg.boundingBox(), figure.boundingBox()]);
          return plot !== null && frame !== null && Math.abs(plot.width - frame.width) < 1;
        }, POLL)
        .toBe(true);
      expect(Number(await svg.getAttribute('width'))).toBeLessThanOrEqual(390);
      await figure.scrollIntoViewIfNeeded();
      await screenshot(page, 'landscape2d-phone');
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });
});
