import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, POLL, region, sharedBrowser } from './browser';

const chromium = sharedBrowser();

const GD = 'Gradient descent (GD)';
const SGD = 'Stochastic gradient descent (SGD)';

async function open(path: string): Promise<Page> {
  const { page } = await openApp(chromium.current, { path });
  await page.locator('.transport').waitFor({ state: 'visible', timeout: 10_000 });
  return page;
}

const text = async (page: Page, name: string) => (await region(page, name).textContent()) ?? '';

/** Reads an axis label as a number: 5, 2×10²⁴, 10³⁰⁰, 1e+300. */
function tickValue(label: string): number {
  const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  const plain = label
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (digit) => String(superscripts.indexOf(digit)))
    .replace(/⁻/g, '-')
    .replace(/−/g, '-');
  const power = /^(?:(-?[\d.]+)×)?10(-?\d+)$/.exec(plain);
  if (power) return Number(power[1] ?? 1) * 10 ** Number(power[2]);
  return Number(plain);
}

describe('what a learning rate will do, named before Play', () => {
  const cases = [
    {
      lr: '0.05',
      gd: ['GD: converges smoothly · ×0.53 per epoch', 'At α = 0.05, GD converges smoothly.'],
      sgd: ['SGD: converges smoothly · ×0.054 per epoch', 'At α = 0.05, SGD converges smoothly.'],
    },
    {
      lr: '0.15',
      gd: [
        'GD: overshoots and oscillates, but converges · ×−0.4 per epoch',
        'At α = 0.15, GD overshoots and oscillates, but converges.',
      ],
      sgd: ['SGD: converges smoothly', 'At α = 0.15, SGD converges smoothly.'],
    },
    {
      lr: '0.10714285714285714',
      gd: ['GD: lands on w* in one step · ×0 per epoch', 'GD lands on w* in one step.'],
      sgd: ['SGD: overshoots and oscillates, but converges', 'SGD overshoots and oscillates, but converges.'],
    },
    {
      lr: '0.25',
      gd: ['GD: diverges · ×−1.3 per epoch', 'At α = 0.25, GD diverges.'],
      sgd: ['SGD: diverges · ×1.8 per epoch', 'At α = 0.25, SGD diverges.'],
    },
    {
      lr: '0.5',
      gd: ['GD: diverges · ×−3.7 per epoch', 'At α = 0.5, GD diverges.'],
      sgd: ['SGD: lands on w* in one epoch · ×0 per epoch', 'At α = 0.5, SGD lands on w* in one epoch.'],
    },
  ];
  for (const { lr, gd, sgd } of cases) {
    it(`at α = ${lr}: beside the slider and in each run's panel`, async () => {
      const page = await open(`#lr=${lr}`);
      try {
        const bar = (await region(page, 'Learning rate').textContent()) ?? '';
        expect(bar).toContain(gd[0]);
        expect(bar).toContain(sgd[0]);
        expect(await text(page, GD)).toContain(gd[1]);
        expect(await text(page, SGD)).toContain(sgd[1]);
        // Nothing has played: the words come before the run.
        expect(await page.locator('.clock-text').first().textContent()).toContain('Epoch 0 of 100');
      } finally {
        await page.context().close();
      }
    });
  }
});

describe('divergence, drawn', () => {
  it('the loss chart follows the growth on a log axis whose ticks reach the largest cost; the landscape says where w went', async () => {
    const page = await open('#lr=1&epochs=1000');
    try {
      await page.getByRole('button', { name: 'Run to end', exact: true }).click();
      const loss = page.getByRole('figure', { name: 'Cost on all data after each epoch' });
      await expect.poll(async () => (await loss.textContent()) ?? '', POLL).toContain('log scale');
      expect(await loss.textContent()).toContain('diverged in epoch 167');
      expect(await loss.textContent()).toContain('diverged in epoch 74');
      const ticks = (await loss.locator('.recharts-yAxis-tick-labels text').allTextContents())
        .map((label) => tickValue(label.trim()))
        .filter((value) => !Number.isNaN(value));
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      // GD's last finite cost, as its readout prints it, sits under the top tick.
      const readout =
        (await region(page, GD).locator('.layout-island-content > .readout-line').textContent()) ?? '';
      const largest = Number(/cost\s*([\d.e+]+)/.exec(readout)![1]);
      expect(largest).toBeGreaterThan(1e300);
      expect(Math.max(...ticks)).toBeGreaterThanOrEqual(largest);
      expect(await text(page, GD)).toMatch(/w ran off to −?[\d.]+e\+\d+ in epoch \d+/);
      const everything = (await page.locator('body').textContent()) ?? '';
      expect(everything).not.toMatch(/NaN|Infinity/);
    } finally {
      await page.context().close();
    }
  });

  it('at α = 0.25 the first epochs stay in view and numbered, zig-zagging across w*', async () => {
    const page = await open('#lr=0.25&epochs=8');
    try {
      await page.getByRole('button', { name: 'Run to end', exact: true }).click();
      const figure = region(page, GD).locator('figure').first();
      await expect
        .poll(() => figure.locator('.chart-path-number').allTextContents(), POLL)
        .toEqual(expect.arrayContaining(['0', '1', '2', '3', '4', '5']));
    } finally {
      await page.context().close();
    }
  });
});

describe('SGD’s tangent is the slope SGD used', () => {
  it('after one “Step one sample” at the lecture’s settings: sample 1’s slope −2.0, not the mean’s', async () => {
    const page = await open('');
    try {
      await page.getByRole('button', { name: 'Step one sample', exact: true }).click();
      const sgd = region(page, SGD);
      await expect
        .poll(async () => (await sgd.locator('figure').first().textContent()) ?? '', POLL)
        .toContain('slope used: -2.0 (loss of sample 1 at w = 1.0)');
      expect(await sgd.locator('figure').first().textContent()).not.toContain('-9.1466');
    } finally {
      await page.context().close();
    }
  });
});
