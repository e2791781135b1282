import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Page, Response } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { serveStatic } from '../../build/staticHost';
import { openApp, sharedBrowser } from './browser';

const DIST = resolve(process.cwd(), 'dist');

/** Records Content-Security-Policy violations from the first script on. */
async function watchPolicy(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective}: ${event.blockedURI}`);
    });
  });
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);

const chromium = sharedBrowser();

describe('static and strict', () => {
  it('ships a Content-Security-Policy without inline script or eval, and the app breaks none of it', async () => {
    const { page, consoleErrors, pageErrors } = await openApp(chromium.current);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    await watchPolicy(page);
    await page.reload();
    await page.getByRole('button', { name: 'Run to end' }).click();
    await page.getByRole('tab', { name: 'Python output' }).first().click();
    await page
      .getByRole('radio', { name: 'Log' })
      .or(page.getByRole('button', { name: 'Log' }))
      .first()
      .click();
    await expect.poll(() => page.getByText('Epoch 100 of 100').count()).toBe(1);
    expect(await violations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('works offline after one visit', async () => {
    const { page, consoleErrors, pageErrors } = await openApp(chromium.current);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The first visit installs the worker; from the next load on it answers every request.
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.context().setOffline(true);
    await page.reload();
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByRole('button', { name: 'Run to end' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Gradient descent (GD)' }).textContent())
      .toContain('w = 1.9999444396553017');
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('asks V8 to compile every script of the app while it downloads (build/compileHints.ts)', async () => {
    const context = await chromium.current.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const scripts: Promise<[string, string]>[] = [];
    const onResponse = (response: Response) => {
      const path = new URL(response.url()).pathname;
      // The poster's own few lines run before the app; they are built apart (build/poster.ts).
      if (/\/assets\/.*\.js$/.test(path) && !/\/poster-/.test(path)) {
        scripts.push(response.text().then((text) => [path, text.slice(0, 40)]));
      }
    };
    page.on('response', onResponse);
    // A lesson's link loads the lesson panel; the data panel and the export menu come at idle.
    await page.goto(new URL('#lesson=1', inject('baseURL')).href);
    await page.getByRole('button', { name: 'Next scene' }).waitFor();
    await expect.poll(() => page.locator('.lazy-placeholder').count()).toBe(0);
    // Every body asked for is read before the page goes: none is left to fail after it.
    page.off('response', onResponse);
    const heads = await Promise.all(scripts);
    expect(heads.map(([path]) => path.replace(/-[\w-]{8}\.js$/, '.js'))).toEqual(
      expect.arrayContaining([
        '/assets/DataPanel.js',
        '/assets/ExportMenu.js',
        '/assets/LessonPanel.js',
        '/assets/index.js',
      ]),
    );
    for (const [path, head] of heads) expect(head, path).toMatch(/^\/\/# allFunctionsCalledOnLoad\n/);
    await context.close();
  });

  it('runs from a sub-path of a plain static host', async () => {
    const server = await serveStatic([DIST], '/downhill/');
    try {
      const { port } = server.address() as AddressInfo;
      const context = await chromium.current.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      const failures: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
      });
      page.on('pageerror', (error) => failures.push(error.message));
      await page.goto(`http://127.0.0.1:${port}/downhill/`);
      await page.getByRole('button', { name: 'Run to end' }).click();
      await expect
        .poll(() => page.getByRole('region', { name: 'Stochastic gradient descent (SGD)' }).textContent())
        .toContain('w = 1.9999999999999236');
      expect(failures).toEqual([]);
      await context.close();
    } finally {
      await new Promise((done) => server.close(done));
    }
  });
});
