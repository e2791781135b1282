import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { lectureOutput } from '../core/helpers/fixtures';
import { openApp, screenshot, type OpenedApp, sharedBrowser, POLL, expectNoErrors } from './browser';

const chromium = sharedBrowser();

function ui(page: Page) {
  const region = (name: string) => page.getByRole('region', { name, exact: true });
  const gd = region('Gradient descent (GD)');
  const sgd = region('Stochastic gradient descent (SGD)');
  return {
    gd,
    sgd,
    playback: region('Playback'),
    runToEnd: page.getByRole('button', { name: 'Run to end', exact: true }),
    play: page.getByRole('button', { name: 'Play', exact: true }),
    speedSlider: page.getByRole('slider', { name: 'Speed', exact: true }),
    epochsTyped: page.getByRole('textbox', { name: 'Epochs, typed', exact: true }),
    tab: (run: Locator, name: string) => run.getByRole('tab', { name, exact: true }),
    button: (run: Locator, name: string) => run.getByRole('button', { name, exact: true }),
    log: (run: Locator, file: string) => run.getByRole('log', { name: `What ${file} prints`, exact: true }),
  };
}

async function open(): Promise<OpenedApp & { app: ReturnType<typeof ui> }> {
  const opened = await openApp(chromium.current);
  const app = ui(opened.page);
  await app.gd.waitFor({ state: 'visible', timeout: 10_000 });
  return { ...opened, app };
}

/** The printed lines the terminal has in the DOM, exactly (tabs included). */
const renderedLines = (log: Locator) => () =>
  log.locator('[data-line]').evaluateAll((lines) => lines.map((line) => line.textContent ?? ''));

/** Clicks `button` and returns the download it starts, with its saved contents. */
async function download(page: Page, button: Locator): Promise<{ file: Download; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), button.click()]);
  const path = await file.path();
  return { file, text: await readFile(path, 'utf8') };
}

describe('Python, side by side', () => {
  it('shows the printout, downloads it and the script, and copies it', async () => {
    const opened = await open();
    const { page, app } = opened;
    try {
      await app.runToEnd.click();
      await expect.poll(() => app.playback.innerText(), POLL).toContain('Epoch 100 of 100');

      await app.tab(app.gd, 'Python output').click();
      const log = app.log(app.gd, 'gradient_descent.py');
      await log.waitFor({ state: 'visible', timeout: 5_000 });
      await expect
        .poll(async () => (await renderedLines(log)()).slice(-2), POLL)
        .toEqual([
          'epoch: 99 w= 1.9999444396553017 loss= 1.752432687141379e-08',
          'predict (after training) 4 7.999777758621207',
        ]);
      // Scrolled to the newest line, like a terminal.
      const gap = await log.evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop);
      expect(Math.abs(gap)).toBeLessThanOrEqual(1);
      await screenshot(page, 'python-output');

      const output = await download(page, app.button(app.gd, 'Download output'));
      expect(output.file.suggestedFilename()).toBe('downhill-gd-output.txt');
      expect(output.text).toBe(lectureOutput('gradient_descent'));

      const code = await download(page, app.button(app.gd, 'Download code'));
      expect(code.file.suggestedFilename()).toBe('gradient_descent.py');
      expect(code.text).toContain('\nw = 1.0\n');
      expect(code.text).toContain('x_data = [1.0, 2.0, 3.0]\n');

      const torch = await download(page, app.button(app.gd, 'Download PyTorch code'));
      expect(torch.file.suggestedFilename()).toBe('gradient_descent_torch.py');
      expect(torch.text).toContain('optimizer = torch.optim.SGD([w], lr=0.01)');

      const sgdCode = await download(page, app.button(app.sgd, 'Download code'));
      expect(sgdCode.file.suggestedFilename()).toBe('stochastic_gradient_descent.py');
      const sgdOutput = await download(page, app.button(app.sgd, 'Download output'));
      expect(sgdOutput.text).toBe(lectureOutput('stochastic_gradient_descent'));

      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await app.button(app.gd, 'Copy output').click();
      await expect
        .poll(() => app.gd.getByRole('status').allInnerTexts(), POLL)
        .toContain('Copied 102 lines.');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        lectureOutput('gradient_descent'),
      );

      await app.tab(app.gd, 'Python code').click();
      const script = app.gd.getByRole('region', { name: 'gradient_descent.py with the current settings' });
      await expect.poll(() => script.innerText(), POLL).toContain('for epoch in range(100):');
      await screenshot(page, 'python-code');
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });

  it('follows the newest line while playing, and leaves a reader who scrolled up where they are', async () => {
    const opened = await open();
    const { page, app } = opened;
    try {
      await app.epochsTyped.fill('3000');
      await expect.poll(() => app.playback.innerText(), POLL).toContain('of 3000');
      await app.speedSlider.focus();
      await page.keyboard.press('End');
      await app.tab(app.gd, 'Python output').click();
      const log = app.log(app.gd, 'gradient_descent.py');
      const printed = async () => Number(/Lines printed: (\d+)/.exec(await app.gd.innerText())?.[1]);
      const gapToBottom = () => log.evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop);

      await app.play.click();
      await expect.poll(printed, POLL).toBeGreaterThan(300);
      expect(Math.abs(await gapToBottom())).toBeLessThanOrEqual(1);

      await log.evaluate((el) => {
        el.scrollTop = 0;
      });
      const before = await printed();
      await expect.poll(printed, POLL).toBeGreaterThan(before + 200);
      // Lines kept coming, and the reader is still at the top.
      expect(await log.evaluate((el) => el.scrollTop)).toBe(0);
      expect((await renderedLines(log)())[0]).toBe('predict (before training) 4 4.0');

      await expect.poll(printed, POLL).toBe(3002);
      expect(await log.evaluate((el) => el.scrollTop)).toBe(0);
      // Scrolled back to the bottom, it shows the newest lines again.
      await log.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      await expect.poll(async () => (await renderedLines(log)()).at(-1), POLL).toMatch(/^predict \(after/);
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });

  it('keeps 40,002 lines of SGD smooth: a window in the DOM, and scrolling up stays put', async () => {
    const opened = await open();
    const { page, app } = opened;
    try {
      await app.epochsTyped.fill('10000');
      await expect.poll(() => app.playback.innerText(), POLL).toContain('of 10000');
      await app.tab(app.sgd, 'Python output').click();
      await app.runToEnd.click();
      const log = app.log(app.sgd, 'stochastic_gradient_descent.py');
      await expect
        .poll(async () => (await renderedLines(log)()).at(-1), POLL)
        .toBe('predict (after training) 4 7.999999999999997');
      expect(await app.sgd.innerText()).toContain('Lines printed: 40002');
      expect(await log.locator('.py-line').count()).toBeLessThanOrEqual(41);

      // Scrolled to the top, the first lines are drawn in place of the last.
      await log.evaluate((el) => {
        el.scrollTop = 0;
      });
      await expect
        .poll(async () => (await renderedLines(log)())[0], POLL)
        .toBe('predict (before training) 4 4.0');
      expect(await renderedLines(log)()).toContain('\tgrad: 1.0 2.0 -2.0');
      expect(await log.locator('.py-line').count()).toBeLessThanOrEqual(41);
      expect(await log.evaluate((el) => el.scrollTop)).toBe(0);
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });
  it('a run that overflows prints on as far as the lecture’s script does, then its OverflowError', async () => {
    const opened = await openApp(chromium.current, { path: '#lr=1&epochs=1000' });
    const { page } = opened;
    const app = ui(page);
    try {
      await app.gd.waitFor({ state: 'visible', timeout: 10_000 });
      await app.runToEnd.click();
      for (const [run, file, last] of [
        [app.gd, 'gradient_descent.py', /^epoch: 166 w= /],
        [app.sgd, 'stochastic_gradient_descent.py', /^\tgrad: 2\.0 4\.0 /],
      ] as const) {
        await app.tab(run, 'Python output').click();
        const lines = renderedLines(app.log(run, file));
        await expect
          .poll(async () => (await lines()).at(-1), POLL)
          .toBe("OverflowError: (34, 'Numerical result out of range')");
        expect((await lines()).at(-2)).toMatch(last);
        const { text } = await download(page, app.button(run, 'Download output'));
        expect(text.trimEnd().split('\n').at(-1)).toBe(
          "OverflowError: (34, 'Numerical result out of range')",
        );
        expect(text.trimEnd().split('\n').at(-2)).toMatch(last);
      }
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });
});
