import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LESSON_SCENE_COUNT, LESSON_SCENES, sceneSetup } from '../../src/core/lesson';
import { expectNoErrors, openApp, POLL, sharedBrowser, type OpenedApp, type Viewport } from './browser';

const chromium = sharedBrowser();
const N = LESSON_SCENE_COUNT;
const LAPTOP = { width: 1366, height: 768 } as const;
const PROJECTOR = { width: 1920, height: 1080 } as const;

/** Opens `path` and waits for the lesson's panel (it loads after the first paint). */
async function openLesson(path: string, viewport: Viewport = LAPTOP): Promise<OpenedApp> {
  const opened = await openApp(chromium.current, { path, viewport });
  await opened.page.locator('.lesson-title').waitFor({ state: 'visible', timeout: 20_000 });
  return opened;
}

const count = (page: Page) => page.locator('.lesson-count').textContent();
const title = (page: Page) => page.locator('.lesson-title').textContent();
const lrTyped = (page: Page, name = 'Learning rate, typed') =>
  page.getByRole('textbox', { name, exact: true }).inputValue();
const fragment = (page: Page) => new URLSearchParams(new URL(page.url()).hash.slice(1));
const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

/** The scene the page shows, and the setup it has: the link's lr, x and y, and the typed rate. */
async function expectScene(page: Page, k: number): Promise<void> {
  const scene = LESSON_SCENES[k - 1]!;
  const setup = sceneSetup(scene);
  await expect.poll(() => count(page), POLL).toBe(`Scene ${k} of ${N}`);
  expect(await lrTyped(page), scene.id).toBe(String(setup.lr));
  // The address bar carries the scene and its setup (it is rewritten a moment after each change).
  await expect
    .poll(() => {
      const link = fragment(page);
      return [link.get('lesson'), link.get('lr'), link.get('x'), link.get('y')];
    }, POLL)
    .toEqual([String(k), String(setup.lr), setup.data.xs.join(','), setup.data.ys.join(',')]);
  expect(await scrollY(page), scene.id).toBe(0);
}

/** Clicks the learning-rate slider on its own thumb (the rate stays), leaving the focus on it. */
async function clickSlider(page: Page): Promise<void> {
  const slider = page.getByRole('slider', { name: 'Learning rate', exact: true });
  const box = (await slider.boundingBox())!;
  const value = Number(await slider.inputValue());
  const max = Number(await slider.getAttribute('max'));
  const min = Number(await slider.getAttribute('min'));
  await page.mouse.click(
    box.x + 8 + ((box.width - 16) * (value - min)) / (max - min),
    box.y + box.height / 2,
  );
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('type')), POLL)
    .toBe('range');
}

describe('walking the lesson with a clicker', () => {
  it('PageDown from #lesson=1 through every scene and PageUp back, a clicked slider in between', async () => {
    const opened = await openLesson('#lesson=1');
    const { page } = opened;
    try {
      await expectScene(page, 1);
      for (let k = 2; k <= N; k++) {
        if (k === 4) await clickSlider(page);
        await page.keyboard.press('PageDown');
        await expectScene(page, k);
      }
      // Past the last scene nothing happens and nothing scrolls.
      await page.keyboard.press('PageDown');
      await expectScene(page, N);
      await expect
        .poll(() => page.getByRole('button', { name: 'Next scene' }).getAttribute('aria-disabled'))
        .toBe('true');
      await clickSlider(page);
      for (let k = N - 1; k >= 1; k--) {
        await page.keyboard.press('PageUp');
        await expectScene(page, k);
      }
      await page.keyboard.press('PageUp');
      await expectScene(page, 1);
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });

  it('the buttons, Try it yourself, and coming back to the scene’s setup', async () => {
    const opened = await openLesson(`#lesson=${N - 1}`);
    const { page } = opened;
    try {
      await expectScene(page, N - 1);
      await page.getByRole('button', { name: 'Next scene' }).click();
      await expectScene(page, N);
      await page.getByRole('textbox', { name: 'Learning rate, typed', exact: true }).fill('0.05');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Try it yourself' }).click();
      await expect.poll(() => page.locator('.lesson').count(), POLL).toBe(0);
      expect(await lrTyped(page)).toBe('0.05');
      await expect.poll(() => fragment(page).get('lesson'), POLL).toBeNull();
      // Outside the lesson PageDown steps an epoch again.
      await page.keyboard.press('PageDown');
      await expect
        .poll(() => page.locator('.clock-text').first().textContent(), POLL)
        .toContain('Epoch 1 of');

      await page.getByRole('button', { name: 'Lesson', exact: true }).click();
      await expectScene(page, N);
      expect(await lrTyped(page)).toBe('0.01');
      await page.getByRole('button', { name: 'Previous scene' }).click();
      await expectScene(page, N - 1);
      await page.getByRole('button', { name: 'Leave the lesson' }).click();
      await expect.poll(() => page.locator('.lesson').count(), POLL).toBe(0);
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });
});

describe('the scenes', () => {
  it('the exhaustive-search figure draws its 41 evaluations, one by one', async () => {
    const opened = await openLesson('#lesson=2');
    const { page } = opened;
    try {
      const figure = page.getByRole('figure', { name: /^Exhaustive search/ });
      const points = figure.locator('circle.lesson-search-point');
      await expect.poll(() => points.count(), POLL).toBe(41);
      expect(await figure.getByText('41 evaluations of 41').count()).toBe(1);
      expect(await points.first().getAttribute('data-w')).toBe('0.0');
      expect(await points.last().getAttribute('data-w')).toBe('4.0');
      expect(await figure.getByText('lowest: cost(2.0) = 0.0').count()).toBe(1);
      expect(await figure.getByText('grid: 1,681').count()).toBe(1);
      expect(await figure.getByText('grid: 13,422,659,310,152,401', { exact: false }).count()).toBe(1);
      // Search again: it starts over and draws all 41 again.
      await page.getByRole('button', { name: 'Search again' }).click();
      await expect.poll(() => points.count(), POLL).toBe(41);
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });

  it('the gradient and the first step are the lecture’s numbers', async () => {
    const opened = await openLesson('#lesson=3');
    const { page } = opened;
    try {
      expect(await page.locator('.lesson').innerText()).toContain('-9.333333333333334');
      await page.keyboard.press('PageDown');
      await expect.poll(() => title(page), POLL).toBe('One step downhill');
      await page.getByRole('button', { name: 'Take one step' }).click();
      const gd = page.getByRole('region', { name: 'Gradient descent (GD)', exact: true });
      await expect
        .poll(() => gd.locator('.layout-island-content > .readout-line').innerText(), POLL)
        .toContain('w = 1.0933333333333333');
      expect(await page.locator('.lesson-print').innerText()).toBe(
        'epoch: 0 w= 1.0933333333333333 loss= 4.666666666666667',
      );
      // The scene opens GD on its formula.
      expect(await gd.getByRole('tab', { name: 'Formula' }).getAttribute('aria-selected')).toBe('true');
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });
});

/** Answers the question on the page with the option named `answer`, runs the scene, reads the reveal. */
async function predictAndRun(page: Page, answer: RegExp): Promise<string> {
  const question = page.getByRole('radiogroup', { name: /^Predict/ });
  await question.getByRole('radio', { name: answer }).check();
  await page.getByRole('button', { name: 'Run it' }).click();
  const reveal = page.locator('.lesson-reveal-result');
  await reveal.waitFor({ state: 'visible', timeout: 20_000 });
  return reveal.innerText();
}

describe('predict, then see', () => {
  it('learning rate 0.1: the choice stands against the outcome once the run has played', async () => {
    const opened = await openLesson('#lesson=6');
    const { page } = opened;
    try {
      expect(await page.getByRole('radiogroup', { name: /^Predict: at learning rate 0\.1,/ }).count()).toBe(
        1,
      );
      // What the learning rate will do is not said before the run.
      expect(await page.locator('.run-gd .regime').first().isVisible()).toBe(false);
      const reveal = await predictAndRun(page, /further each time/);
      expect(reveal).toBe(
        'You predicted: Swing past w* = 2.0 and back, further each time. What happened: Move steadily toward w* = 2.0 without passing it.',
      );
      expect(await page.locator('.lesson-reveal').innerText()).toContain('by 0.067: between 0 and 1');
      expect(await page.locator('.run-gd .regime').first().isVisible()).toBe(true);
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });

  it('learning rate 0.25: it diverges', async () => {
    const opened = await openLesson('#lesson=8');
    const { page } = opened;
    try {
      const reveal = await predictAndRun(page, /further each time/);
      expect(reveal).toBe(
        'You predicted: Swing past w* = 2.0 and back, further each time. What happened: Swing past w* = 2.0 and back, further each time.',
      );
      expect(await page.locator('.lesson-reveal').innerText()).toContain('by −1.3: larger than 1 in size');
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });
});

describe('in Chinese', () => {
  it('the scenes, the question and the figure speak the lecture’s Chinese', async () => {
    const opened = await openLesson('?lang=zh-CN#lesson=1');
    const { page } = opened;
    try {
      await expect.poll(() => count(page), POLL).toBe(`第 1 / ${N} 幕`);
      expect(await title(page)).toBe('任务：求出 w');
      await page.keyboard.press('PageDown');
      await expect.poll(() => title(page), POLL).toBe('老办法：穷举法');
      const figure = page.getByRole('figure', { name: /^穷举法/ });
      await expect.poll(() => figure.locator('circle.lesson-search-point').count(), POLL).toBe(41);
      await page.getByRole('button', { name: '下一幕' }).click();
      await expect.poll(() => count(page), POLL).toBe(`第 3 / ${N} 幕`);
      for (let k = 4; k <= 8; k++) await page.keyboard.press('PageDown');
      await expect.poll(() => count(page), POLL).toBe(`第 8 / ${N} 幕`);
      const question = page.getByRole('radiogroup', { name: /^预测：学习率为 0\.25 时/ });
      await question.getByRole('radio', { name: /越跳越远/ }).check();
      await page.getByRole('button', { name: '运行看看' }).click();
      await expect
        .poll(() => page.locator('.lesson-reveal-result').textContent(), { ...POLL, timeout: 20_000 })
        .toBe('你的预测：在 w* = 2.0 两侧来回跳，越跳越远。实际结果：在 w* = 2.0 两侧来回跳，越跳越远。');
      expect(await lrTyped(page, '学习率(输入)')).toBe('0.25');
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });
});

/** The box of `locator` lies inside the window (nothing of it below the first screen). */
async function expectOnFirstScreen(locator: Locator, viewport: Viewport, what: string): Promise<void> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${what} has no box`);
  expect(box.y, `${what}: top`).toBeGreaterThanOrEqual(-0.5);
  expect(box.x + box.width, `${what}: right edge`).toBeLessThanOrEqual(viewport.width + 0.5);
  expect(box.y + box.height, `${what}: bottom edge ${JSON.stringify(box)}`).toBeLessThanOrEqual(
    viewport.height + 0.5,
  );
}

const TARGETS = {
  gd: '.run-gd',
  sgd: '.run-sgd',
  loss: '.loss-panel',
  lr: '.lr-panel',
  transport: '.transport',
} as const;

describe('presentation mode at 1920×1080', () => {
  it.each(['en', 'zh-CN'] as const)(
    '%s: every scene is on the first screen, in type the back row can read',
    async (lang) => {
      const opened = await openLesson(`?lang=${lang}#lesson=1&present=1`, PROJECTOR);
      const { page } = opened;
      try {
        expect(await page.evaluate(() => document.documentElement.classList.contains('presenting'))).toBe(
          true,
        );
        for (let k = 1; k <= N; k++) {
          const scene = LESSON_SCENES[k - 1]!;
          const what = `${lang} scene ${k} (${scene.id})`;
          if (k > 1) await page.keyboard.press('PageDown');
          await expect.poll(() => page.locator('.lesson').getAttribute('data-scene'), POLL).toBe(scene.id);
          if (scene.figure === 'search')
            await expect.poll(() => page.locator('circle.lesson-search-point').count(), POLL).toBe(41);
          // The plots are fitted to the first screen after the layout changed: a frame later.
          await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
          expect(await scrollY(page), what).toBe(0);
          await expectOnFirstScreen(page.locator('.lesson'), PROJECTOR, `${what}: the lesson`);
          for (const target of scene.highlight) {
            const box = await page.locator(TARGETS[target]).boundingBox();
            expect(
              box !== null && box.y + 100 < PROJECTOR.height,
              `${what}: ${target} on the first screen`,
            ).toBe(true);
          }
          for (const run of scene.runs) {
            if ((scene.views[run] ?? 'landscape') !== 'landscape') continue;
            const plot = page.locator(`.run-${run} .chart-plot-box`).first();
            await expectOnFirstScreen(plot, PROJECTOR, `${what}: ${run}'s landscape`);
          }
          const size = await page
            .locator('.lesson-sentences')
            .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
          expect(size, `${what}: text size`).toBeGreaterThanOrEqual(24);
        }
        // A prediction, answered and revealed, still fits.
        for (let k = N; k > LESSON_SCENES.findIndex((scene) => scene.id === 'rate3') + 1; k--)
          await page.keyboard.press('PageUp');
        await expect.poll(() => page.locator('.lesson').getAttribute('data-scene'), POLL).toBe('rate3');
        await page.getByRole('radiogroup').getByRole('radio').first().check();
        await page.locator('.lesson-run').click();
        await page.locator('.lesson-reveal-result').waitFor({ state: 'visible', timeout: 20_000 });
        await expectOnFirstScreen(page.locator('.lesson'), PROJECTOR, `${lang}: a revealed prediction`);
        expectNoErrors(opened);
      } finally {
        await page.context().close();
      }
    },
    120_000,
  );
});

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical findings on the page (as tests/e2e/a11y.test.ts runs it). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document) => Promise<{ violations: unknown[]; passes: unknown[] }> };
      }
    ).axe;
    const run = await axe.run(document);
    return { violations: run.violations, passes: run.passes.length };
  });
  expect(result.passes).toBeGreaterThan(20);
  type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
  return (result.violations as Violation[])
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

describe('accessibility of the lesson (axe-core)', () => {
  it.each([
    ['light', 'theme=light&lang=en'],
    ['dark', 'theme=dark&lang=en'],
    ['presentation mode, dark, 简体中文', 'theme=dark&lang=zh-CN&present=1'],
  ])(
    'the exhaustive search and an answered prediction: nothing serious, %s',
    async (_name, page0) => {
      const { page } = await openLesson(`#lesson=2&${page0}`, PROJECTOR);
      try {
        await expect.poll(() => page.locator('circle.lesson-search-point').count(), POLL).toBe(41);
        expect(await seriousViolations(page)).toEqual([]);
        for (let k = 3; k <= 7; k++) await page.keyboard.press('PageDown');
        await expect.poll(() => page.locator('.lesson').getAttribute('data-scene'), POLL).toBe('rate2');
        await page.getByRole('radiogroup').getByRole('radio').nth(1).check();
        await page.locator('.lesson-run').click();
        await page.locator('.lesson-reveal-result').waitFor({ state: 'visible', timeout: 20_000 });
        expect(await seriousViolations(page)).toEqual([]);
      } finally {
        await page.context().close();
      }
    },
    120_000,
  );
});
