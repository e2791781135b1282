/**
 * Each optimizer beyond the lecture's two, from a link: its region, run to the end, and its three
 * downloads (output, plain Python, PyTorch) present and consistent with what the run shows.
 */
import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, POLL, expectNoErrors, region, screenshot, sharedBrowser } from './browser';

const chromium = sharedBrowser();

/** Each optimizer: its link id, its region's name, its short name, its script's step and torch.optim class. */
const OPTIMIZERS = [
  { id: 'momentum', name: 'Momentum', short: 'Momentum', step: 'momentum_step', torch: 'SGD' },
  { id: 'nesterov', name: 'Nesterov', short: 'Nesterov', step: 'nesterov_step', torch: 'SGD' },
  { id: 'rmsprop', name: 'RMSprop', short: 'RMSprop', step: 'rmsprop_step', torch: 'RMSprop' },
  { id: 'adagrad', name: 'AdaGrad', short: 'AdaGrad', step: 'adagrad_step', torch: 'Adagrad' },
  { id: 'adam', name: 'Adam', short: 'Adam', step: 'adam_step', torch: 'Adam' },
] as const;

type Optimizer = (typeof OPTIMIZERS)[number];

/** Clicks `button` and returns the download it starts, with its saved contents. */
async function download(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const [file]: [Download, void] = await Promise.all([
    page.waitForEvent('download', { timeout: 10_000 }),
    button.click(),
  ]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** The w the run's readout shows ("w = 1.9999…"), as printed. */
async function readoutW(run: Locator): Promise<string> {
  const texts = await run.locator('dd').allInnerTexts();
  const shown = texts.map((text) => text.trim()).find((text) => text.startsWith('w = '));
  if (shown === undefined) throw new Error(`No "w = …" in the run's readout: ${JSON.stringify(texts)}`);
  return shown.slice('w = '.length);
}

/** The `w=` of the last epoch line of a printout. */
const lastEpochW = (output: string): string | undefined =>
  /\bw= (\S+)/.exec(
    output
      .trimEnd()
      .split('\n')
      .findLast((line) => line.startsWith('epoch: ')) ?? '',
  )?.[1];

/**
 * Opens `hash`, runs the optimizer's run to its end (with the button, or the E key), and downloads
 * its three files; checks the region, the run's end and the files' agreement on the way.
 */
async function runAndDownload(optimizer: Optimizer, hash: string, how: 'button' | 'key') {
  const opened = await openApp(chromium.current, { path: hash });
  const { page } = opened;
  const run = region(page, optimizer.name);
  await run.waitFor({ state: 'visible', timeout: 10_000 });
  const playback = region(page, 'Playback');
  if (how === 'button') await page.getByRole('button', { name: 'Run to end', exact: true }).click();
  else await page.keyboard.press('e');
  await expect.poll(() => playback.innerText(), POLL).toContain('Epoch 100 of 100');

  const downloads = run.getByRole('group', { name: `${optimizer.short} as Python: downloads`, exact: true });
  const button = (name: string) => downloads.getByRole('button', { name, exact: true });
  const output = await download(page, button('Download output'));
  const code = await download(page, button('Download code'));
  const torch = await download(page, button('Download PyTorch code'));

  expect(output.name).toBe(`downhill-${optimizer.id}-output.txt`);
  const lines = output.text.trimEnd().split('\n');
  expect(lines[0]).toBe('predict (before training) 4 4.0');
  expect(lines).toHaveLength(102);
  expect(lines.at(-2)).toMatch(/^epoch: 99 w= \S+ loss= \S+$/);
  expect(lines.at(-1)).toMatch(/^predict \(after training\) 4 \S+$/);
  expect(lastEpochW(output.text)).toBe(await readoutW(run));

  expect(code.name).toBe(`${optimizer.id}.py`);
  expect(code.text).toContain(`def ${optimizer.step}(p, grad, `);
  expect(code.text).toContain('for epoch in range(100):\n');
  expect(code.text).toContain("print('epoch:', epoch, 'w=', w, 'loss=', loss_val)\n");

  expect(torch.name).toBe(`${optimizer.id}_torch.py`);
  expect(torch.text).toContain(`optimizer = torch.optim.${optimizer.torch}([w], lr=0.01`);
  expect(torch.text).toContain('w = torch.tensor(1.0, dtype=torch.float64, requires_grad=True)\n');
  return { opened, run, output, code, torch };
}

describe('every optimizer from a link: run to the end, and its three downloads', () => {
  it.each(OPTIMIZERS.map((optimizer, i) => [optimizer.id, optimizer, i] as const))(
    '%s',
    async (_id, optimizer, i) => {
      // Every other one runs to the end from the keyboard.
      const { opened, run, code } = await runAndDownload(
        optimizer,
        `#opt=${optimizer.id}`,
        i % 2 ? 'key' : 'button',
      );
      const { page } = opened;
      try {
        // Its Python views are one tab away, and say the same.
        await run.getByRole('tab', { name: 'Python output', exact: true }).click();
        const log = run.getByRole('log', { name: `What ${optimizer.id}.py prints`, exact: true });
        await expect
          .poll(async () => (await log.locator('[data-line]').allTextContents()).at(-1), POLL)
          .toMatch(/^predict \(after training\) 4 /);
        await run.getByRole('tab', { name: 'Python code', exact: true }).click();
        const script = run.getByRole('region', { name: `${optimizer.id}.py with the current settings` });
        await expect.poll(() => script.textContent(), POLL).toBe(code.text);
        await run.getByRole('radio', { name: 'PyTorch', exact: true }).check();
        await expect
          .poll(
            () =>
              run
                .getByRole('region', { name: `${optimizer.id}_torch.py with the current settings` })
                .innerText(),
            POLL,
          )
          .toContain(`torch.optim.${optimizer.torch}(`);
        if (optimizer.id === 'adam') await screenshot(page, 'optimizer-adam-code');
        expectNoErrors(opened);
      } finally {
        await page.context().close();
      }
    },
  );

  it('a link with a hyperparameter: #opt=momentum&momentum=0.5 runs and writes momentum 0.5', async () => {
    const { opened, code, torch, output } = await runAndDownload(
      OPTIMIZERS[0],
      '#opt=momentum&momentum=0.5',
      'button',
    );
    const { page } = opened;
    try {
      expect(code.text).toContain('\nmomentum = 0.5\n');
      expect(torch.text).toContain('torch.optim.SGD([w], lr=0.01, momentum=0.5)');
      // Not the default's run: the first step is the gradient for any μ, the second is not.
      const other = await runAndDownload(OPTIMIZERS[0], '#opt=momentum', 'button');
      try {
        expect(other.code.text).toContain('\nmomentum = 0.9\n');
        expect(other.output.text.split('\n')[2]).not.toBe(output.text.split('\n')[2]);
      } finally {
        await other.opened.page.context().close();
      }
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });
});
