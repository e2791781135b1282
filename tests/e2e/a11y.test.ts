import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, POLL, sharedBrowser } from './browser';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page (through DevTools, so the page's CSP does not apply) and lists what is serious. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document) => Promise<{ violations: unknown[]; passes: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document);
    return { violations: result.violations, passes: result.passes.length };
  });
  // A scan that checked nothing would pass anything.
  expect(violations.passes).toBeGreaterThan(20);
  return (violations.violations as AxeViolation[])
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

const chromium = sharedBrowser();

describe('accessibility (axe-core)', () => {
  it.each([
    ['light, English', '#theme=light&lang=en'],
    ['dark, English', '#theme=dark&lang=en'],
    ['light, 简体中文', '#theme=light&lang=zh-CN'],
    ['dark, 简体中文', '#theme=dark&lang=zh-CN'],
    ['presentation mode, light', '#theme=light&lang=en&present=1'],
    ['presentation mode, dark', '#theme=dark&lang=en&present=1'],
    ['three runs and the bias model', '#theme=light&lang=en&model=wb&batch=2'],
  ])('reports nothing serious or critical: %s', async (_name, path) => {
    const { page, consoleErrors, pageErrors } = await openApp(chromium.current, {
      path,
      viewport: { width: 1920, height: 1080 },
    });
    await page.getByRole('button', { name: /^(Step|单步)$/ }).click();
    expect(await seriousViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('does find a serious problem when there is one (the scan is real)', async () => {
    const { page } = await openApp(chromium.current);
    await page.evaluate(() => document.querySelector('main')?.append(document.createElement('button')));
    expect((await seriousViolations(page)).join('\n')).toContain('button-name');
    await page.context().close();
  });

  it('reports nothing serious with a run diverged and the Python output open', async () => {
    const { page } = await openApp(chromium.current, { path: '#lr=1&epochs=300&theme=dark&lang=en' });
    await page.getByRole('button', { name: 'Run to end' }).click();
    await page.getByRole('tab', { name: 'Python output' }).first().click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});

/** Every view of a run panel, each with what shows that it has loaded (they load after the first paint). */
const VIEWS = [
  { tab: 'Landscape', loaded: '.landscape, .landscape2d' },
  { tab: 'Formula', loaded: '.formula' },
  { tab: 'Python output', loaded: '.py-terminal' },
  { tab: 'Python code', loaded: '.py-code' },
] as const;

/** Opens `view` in every run panel that has it and waits until each shows it. */
async function openView(page: Page, view: (typeof VIEWS)[number]): Promise<number> {
  const tabs = page.getByRole('tab', { name: view.tab, exact: true });
  const count = await tabs.count();
  for (let i = 0; i < count; i++) await tabs.nth(i).click();
  await expect.poll(() => page.locator(`.tab-panel :is(${view.loaded})`).count(), POLL).toBe(count);
  return count;
}

describe('accessibility of every view of every run (axe-core)', () => {
  it.each([
    ['light', '#theme=light&lang=en&batch=2'],
    ['dark', '#theme=dark&lang=en&batch=2'],
    ['presentation mode, light', '#theme=light&lang=en&batch=2&present=1'],
    ['presentation mode, dark', '#theme=dark&lang=en&batch=2&present=1'],
    ['dark, the bias model (2-D map)', '#theme=dark&lang=en&batch=2&model=wb'],
  ])(
    'Landscape, Formula, Python output and Python code of GD, SGD and mini-batch: %s',
    async (_name, path) => {
      const { page, consoleErrors, pageErrors } = await openApp(chromium.current, {
        path,
        viewport: { width: 1366, height: 768 },
      });
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      const problems: string[] = [];
      for (const view of VIEWS) {
        // Every run has all four views.
        expect(await openView(page, view)).toBe(3);
        problems.push(...(await seriousViolations(page)).map((problem) => `${view.tab}: ${problem}`));
      }
      expect(problems).toEqual([]);
      expect(consoleErrors).toEqual([]);
      expect(pageErrors).toEqual([]);
      await page.context().close();
    },
  );
});

/**
 * The role and accessible name of the focused element as Chromium's accessibility tree has them,
 * `role "name"` (from the first line of Playwright's ARIA snapshot: `- button "Step"`, quoted for
 * YAML when the name holds a colon); just the role, or less, when it has no name.
 */
async function focusedRoleAndName(page: Page): Promise<string> {
  const snapshot = await page.locator('*:focus').ariaSnapshot();
  const line = (snapshot.split('\n')[0] ?? '').replace(/^- '?/, '');
  const named = /^([\w-]+) "((?:[^"\\]|\\.)+)"/.exec(line);
  return named ? `${named[1]} "${named[2]}"` : line;
}

describe('every Tab stop has a name', () => {
  it.each([
    ['the line model', '#theme=light&lang=en'],
    ['the bias model, three runs', '#theme=dark&lang=en&model=wb&batch=2'],
  ])('%s: Tab from the top to the end of the page lands only on named controls', async (_name, path) => {
    const { page, consoleErrors } = await openApp(chromium.current, { path });
    await page.locator('.data-svg').waitFor();
    const stops: string[] = [];
    const inCharts: string[] = [];
    for (let i = 0; i < 150; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const focused = document.activeElement;
        if (!focused || focused === document.body) return null;
        return { inChart: focused.closest('figure.chart :is(.recharts-wrapper, svg)') !== null };
      });
      if (where === null) break;
      const stop = await focusedRoleAndName(page);
      stops.push(stop);
      if (where.inChart) inCharts.push(stop);
    }
    // The walk covered the page: the header's tools, the transport, the charts, the data.
    expect(stops.length).toBeGreaterThan(25);
    expect(stops.filter((stop) => !/^[\w-]+ ".+"$/.test(stop))).toEqual([]);
    // In the charts, only the loss chart stops Tab (← → read its epochs); Recharts' layers do not.
    expect(inCharts).toEqual(['application "Cost chart: ← and → read the exact values epoch by epoch"']);
    expect(stops).toContain('button "Point 1: x = 1.0, y = 2.0"');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('a data point and the keyboard', () => {
  const ring = (page: Page, n: number) =>
    page
      .locator('.data-point')
      .nth(n)
      .evaluate((point) => getComputedStyle(point.querySelector('.data-point-ring')!).display);

  it('reached with Tab it shows a focus ring and moves with the arrows; clicked, it shows none and → steps', async () => {
    const { page, consoleErrors } = await openApp(chromium.current, { path: '#theme=light&lang=en' });
    const first = page.getByRole('button', { name: 'Point 1: x = 1.0, y = 2.0' });
    await first.waitFor();
    const clock = page.getByText(/^Epoch \d+ of \d+$/);

    // Clicked: selected (the accent dot) but no ring, and the page keeps its keys.
    await first.click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-index')), POLL)
      .toBe('0');
    expect(await ring(page, 0)).toBe('none');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => clock.textContent(), POLL).toBe('Epoch 1 of 100');
    expect(await page.getByRole('textbox', { name: 'x of point 1' }).inputValue()).toBe('1.0');

    // Reached with Tab (Shift+Tab away and back): the ring shows, and → moves the point, not the clock.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-index')), POLL)
      .toBe('0');
    expect(await ring(page, 0)).toBe('inline');
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.getByRole('textbox', { name: 'x of point 1' }).inputValue(), POLL)
      .toBe('1.1');
    expect(await clock.textContent()).toBe('Epoch 1 of 100');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
