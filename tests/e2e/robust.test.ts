import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, POLL, sharedBrowser } from './browser';

const chromium = sharedBrowser();

/**
 * Installed before the page's scripts: records every SVG coordinate attribute that is ever written
 * with NaN, Infinity or a number beyond ±10⁵ px (the charts' safe range), also one that a later
 * render replaces before anyone could look.
 */
function watchSvgNumbers(): void {
  const ATTRIBUTES = new Set(['d', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'transform', 'points']);
  const seen: string[] = [];
  (window as unknown as { __badSvgNumbers: string[] }).__badSvgNumbers = seen;
  const check = (element: Element, name: string, old?: string | null) => {
    if (!(element instanceof SVGElement) || !ATTRIBUTES.has(name)) return;
    const value = (old === undefined ? element.getAttribute(name) : old) ?? '';
    const numbers = value.match(/[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi) ?? [];
    if (/NaN|Infinity|undefined/.test(value) || numbers.some((n) => Math.abs(Number(n)) > 1e5 + 1)) {
      seen.push(`${element.tagName}.${element.getAttribute('class') ?? ''} ${name}="${value.slice(0, 60)}"`);
    }
  };
  const checkTree = (node: Node) => {
    if (!(node instanceof Element)) return;
    for (const element of [node, ...node.querySelectorAll('*')]) {
      for (const attribute of element.attributes) check(element, attribute.name);
    }
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes' && record.attributeName) {
        // A value that a later render replaced before this callback ran is the record's oldValue.
        check(record.target as Element, record.attributeName, record.oldValue);
        check(record.target as Element, record.attributeName);
      } else record.addedNodes.forEach(checkTree);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeOldValue: true });
}

/** What the page shows that it must not: NaN or Infinity in its text, or in any SVG attribute now. */
async function shownProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems = [...(window as unknown as { __badSvgNumbers: string[] }).__badSvgNumbers];
    const text = document.body.innerText.match(/.{0,30}\b(NaN|Infinity|undefined)\b.{0,30}/g) ?? [];
    problems.push(...text.map((line) => `text: ${line}`));
    return problems;
  });
}

/** Every tab of every run panel, in turn, waiting for each view to load. */
async function visitEveryTab(page: Page): Promise<void> {
  for (const name of ['Formula', 'Python output', 'Python code', 'Landscape']) {
    const tabs = page.getByRole('tab', { name, exact: true });
    const count = await tabs.count();
    for (let i = 0; i < count; i++) await tabs.nth(i).click();
    await expect.poll(() => page.locator('.tab-panel').count(), POLL).toBeGreaterThan(0);
  }
}

/** The pointer over the loss chart at a few places (its hover readout draws a cursor and dots). */
async function hoverLossChart(page: Page): Promise<void> {
  const box = await page.locator('.loss-chart .chart-plot-host').boundingBox();
  if (!box) throw new Error('The loss chart has no box.');
  for (const at of [0.05, 0.5, 0.95]) await page.mouse.move(box.x + box.width * at, box.y + box.height / 2);
  await page.mouse.move(0, 0);
}

describe('very large but accepted values never break a drawing', () => {
  it.each([
    ['w₀ = 10¹⁵⁰', '#w0=1e150'],
    ['w₀ = −10¹⁵⁰', '#w0=-1e150'],
    ['x far beyond the limit (refused, named in a notice)', '#x=1e200,2e200&y=1,2'],
    ['a learning rate that diverges, 2000 epochs', '#lr=1&epochs=2000'],
    ['the bias model with b₀ = 10¹⁵⁰', '#model=wb&b0=1e150'],
    ['the bias model with w₀ = 10¹⁵⁰, three runs', '#model=wb&w0=1e150&batch=2'],
  ])('%s: every chart draws, in both scales, with a clean console', async (_name, hash) => {
    const { page, consoleErrors, pageErrors } = await openApp(chromium.current, {
      path: `${hash}&lang=en`,
      viewport: { width: 1366, height: 768 },
    });
    await page.addInitScript(watchSvgNumbers);
    await page.reload({ waitUntil: 'load' });
    await page.locator('.data-svg').waitFor();
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await hoverLossChart(page);
    await page.getByRole('button', { name: 'Run to end', exact: true }).click();
    // The clock leaves epoch 1 (it stops at the end, or where a run diverged).
    await expect
      .poll(() => page.getByText(/^Epoch \d+ of \d+$/).textContent(), POLL)
      .not.toMatch(/^Epoch 1 of/);
    await hoverLossChart(page);
    // Flipping the scale redraws the lines against the other axis: the frame in between once wrote
    // "M73,-4.64e+301…" (Chromium: "<path> attribute d: Expected number").
    await page.getByRole('radio', { name: 'Log' }).check();
    await page.getByRole('radio', { name: 'Linear' }).check();
    await page.getByRole('radio', { name: 'Log' }).check();
    await visitEveryTab(page);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(() => page.getByText(/^Epoch \d+ of \d+$/).textContent(), POLL).toMatch(/^Epoch 0 of/);
    expect(await shownProblems(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('w₀ = 10¹⁵⁰ draws both fitted lines as the vertical line through the origin', async () => {
    const { page, consoleErrors } = await openApp(chromium.current, { path: '#w0=1e150&lang=en' });
    const lines = page.locator('line.data-fit');
    await expect.poll(() => lines.count(), POLL).toBe(2);
    // The axis and the lines read in one go: the plot may still be settling into its final width.
    const geometry = () =>
      page.evaluate(() => {
        const origin = document.querySelector('.data-axes .data-zero')?.getAttribute('x1');
        return [...document.querySelectorAll('line.data-fit')].map((line) => ({
          onOrigin: line.getAttribute('x1') === origin && line.getAttribute('x2') === origin,
          height: Number(line.getAttribute('y1')) - Number(line.getAttribute('y2')),
        }));
      });
    await expect.poll(async () => (await geometry()).every((line) => line.onOrigin), POLL).toBe(true);
    for (const line of await geometry()) {
      expect(line.onOrigin).toBe(true);
      // From the bottom of the plot to its top: the whole height, not a point.
      expect(line.height).toBeGreaterThan(200);
    }
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('b₀ = 10¹⁵⁰ says in words that the fitted lines are off the chart', async () => {
    const { page, consoleErrors } = await openApp(chromium.current, { path: '#model=wb&b0=1e150&lang=en' });
    const legend = page.getByRole('list', { name: 'Lines in the plot' });
    await expect
      .poll(() => legend.getByRole('listitem').allTextContents(), POLL)
      .toEqual([
        'GD: ŷ = 1·x + 10¹⁵⁰, off the chart',
        'SGD: ŷ = 1·x + 10¹⁵⁰, off the chart',
        'Least squares: ŷ = 2·x + 0',
      ]);
    expect(await page.locator('line.data-fit').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
