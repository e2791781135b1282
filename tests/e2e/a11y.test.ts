import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, sharedBrowser } from './browser';

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
