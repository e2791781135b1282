import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { POLL, screenshot, sharedBrowser, type OpenedApp } from './browser';

/** The three screens a class uses. */
const LAPTOP = { width: 1366, height: 768 } as const;
const PROJECTOR = { width: 1920, height: 1080 } as const;
const PHONE = { width: 412, height: 915 } as const;

const chromium = sharedBrowser();

const ENGLISH = {
  gd: 'Gradient descent (GD)',
  sgd: 'Stochastic gradient descent (SGD)',
  play: 'Play',
  pause: 'Pause',
  stepSample: 'Step one sample',
  reset: 'Reset',
  lr: 'Learning rate',
  loss: 'Cost on all data after each epoch',
};
const CHINESE = {
  gd: '梯度下降(GD)',
  sgd: '随机梯度下降(SGD)',
  play: '播放',
  pause: '暂停',
  stepSample: '单个样本',
  reset: '重置',
  lr: '学习率',
  loss: '每个 epoch 之后全部数据上的 cost',
};
type Names = typeof ENGLISH;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Opens the app in a fresh context of this size (a touch phone when `touch`), after its first render. */
async function open(
  viewport: { width: number; height: number },
  path: string,
  touch = false,
): Promise<OpenedApp> {
  const context = await chromium.current.newContext({ viewport, hasTouch: touch, isMobile: touch });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(new URL(path, inject('baseURL')).href, { waitUntil: 'load' });
  await page.locator('.transport').waitFor({ state: 'visible', timeout: 10_000 });
  return { page, consoleErrors, pageErrors };
}

/** The plot area of a landscape: Recharts' clip rectangle, or the map's own SVG for cost(w, b). */
async function plotArea(figure: Locator): Promise<Box> {
  await figure.locator('svg').first().waitFor({ state: 'visible', timeout: 10_000 });
  return figure.evaluate((element) => {
    const svgs = [...element.querySelectorAll('svg')].filter((svg) => svg.getBoundingClientRect().width > 50);
    const svg = svgs.sort(
      (a, b) =>
        b.getBoundingClientRect().width * b.getBoundingClientRect().height -
        a.getBoundingClientRect().width * a.getBoundingClientRect().height,
    )[0]!;
    const outer = svg.getBoundingClientRect();
    const clip = svg.querySelector('clipPath rect');
    if (clip) {
      const r = clip.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) return { x: r.x, y: r.y, width: r.width, height: r.height };
    }
    return { x: outer.x, y: outer.y, width: outer.width, height: outer.height };
  });
}

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator.toString()} has no box`);
  return box;
}

function expectInViewport(box: Box, viewport: { width: number; height: number }, what: string): void {
  expect(box.x, `${what}: left edge`).toBeGreaterThanOrEqual(-0.5);
  expect(box.y, `${what}: top edge`).toBeGreaterThanOrEqual(-0.5);
  expect(box.x + box.width, `${what}: right edge`).toBeLessThanOrEqual(viewport.width + 0.5);
  expect(box.y + box.height, `${what}: bottom edge (${JSON.stringify(box)})`).toBeLessThanOrEqual(
    viewport.height + 0.5,
  );
}

const landscapeOf = (page: Page, run: string) =>
  page.getByRole('region', { name: run, exact: true }).locator('figure').first();

/** Everything the first screen promises, inside the viewport without scrolling. */
async function expectPictureFirst(
  page: Page,
  names: Names,
  viewport: { width: number; height: number },
  minPlot: { width: number; height: number },
): Promise<void> {
  const scrollY = await page.evaluate(() => window.scrollY);
  expect(scrollY).toBe(0);
  for (const run of [names.gd, names.sgd]) {
    const area = await plotArea(landscapeOf(page, run));
    expectInViewport(area, viewport, `${run} landscape`);
    expect(area.width, `${run} plot width`).toBeGreaterThanOrEqual(minPlot.width);
    expect(area.height, `${run} plot height`).toBeGreaterThanOrEqual(minPlot.height);
  }
  const loss = page.getByRole('figure', { name: names.loss });
  expectInViewport(await plotArea(loss), viewport, 'loss chart');
  const play = page.getByRole('button', { name: new RegExp(`^(${names.play}|${names.pause})$`) });
  expectInViewport(await boxOf(play), viewport, 'Play');
  expectInViewport(
    await boxOf(page.getByRole('slider', { name: names.lr, exact: true })),
    viewport,
    'learning rate',
  );
}

/** Elements whose box sticks out of their panel (scrolling and visually hidden ones excepted). */
async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const panel of document.querySelectorAll<HTMLElement>('.panel')) {
      const frame = panel.getBoundingClientRect();
      if (frame.width === 0) continue;
      for (const element of panel.querySelectorAll<HTMLElement>('*')) {
        if (element.closest('.visually-hidden, .chart-sr-only, [hidden]')) continue;
        // Content inside a scrolling box (the Python printout) scrolls by design.
        let scroller = element.parentElement;
        let scrolls = false;
        while (scroller && scroller !== panel) {
          const style = getComputedStyle(scroller);
          if (/(auto|scroll|hidden)/.test(style.overflowX)) scrolls = true;
          scroller = scroller.parentElement;
        }
        if (scrolls) continue;
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        if (box.left < frame.left - 1 || box.right > frame.right + 1) {
          const text = (element.textContent ?? '').trim().slice(0, 40);
          problems.push(`${element.tagName.toLowerCase()}.${element.className} "${text}"`);
        }
      }
    }
    return problems;
  });
}

/** Texts whose words or numbers are broken across lines: each visible text node of one line. */
async function brokenNumbers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const selector = '.readout-item dd, .clock-text > *, .ladder-value, .ladder-mark-label';
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      const lines = new Set<number>();
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('.visually-hidden')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) if (rect.width > 0) lines.add(Math.round(rect.top));
      }
      if (lines.size > 1) problems.push(element.textContent ?? '');
    }
    return problems;
  });
}

async function startPlaying(page: Page, names: Names): Promise<void> {
  await page.getByRole('button', { name: names.play, exact: true }).click();
  await expect
    .poll(() => page.locator('.clock-text').first().textContent(), POLL)
    .not.toMatch(/^(Epoch 0 of|第 0 \/)/);
}

describe('the first screen', () => {
  for (const [lang, names] of [
    ['en', ENGLISH],
    ['zh-CN', CHINESE],
  ] as const) {
    for (const model of ['w', 'wb'] as const) {
      it(`laptop 1366×768, ${lang}, model ${model}: both landscapes, the loss chart, Play and the learning rate in view, before and while playing`, async () => {
        const opened = await open(LAPTOP, `?lang=${lang}#model=${model}`);
        const { page } = opened;
        try {
          await expectPictureFirst(page, names, LAPTOP, { width: 360, height: 220 });
          expect(await overflowingElements(page)).toEqual([]);
          await startPlaying(page, names);
          await expectPictureFirst(page, names, LAPTOP, { width: 360, height: 220 });
          expect(await brokenNumbers(page)).toEqual([]);
          await screenshot(page, `first-screen-laptop-${lang}-${model}`);
          expect(opened.pageErrors).toEqual([]);
          expect(opened.consoleErrors).toEqual([]);
        } finally {
          await page.context().close();
        }
      });

      it(`projector 1920×1080 presenting, ${lang}, model ${model}: the picture in view, larger`, async () => {
        const opened = await open(PROJECTOR, `?lang=${lang}#model=${model}&present=1`);
        const { page } = opened;
        try {
          expect(await page.evaluate(() => document.documentElement.classList.contains('presenting'))).toBe(
            true,
          );
          await expectPictureFirst(page, names, PROJECTOR, { width: 480, height: 300 });
          await startPlaying(page, names);
          await expectPictureFirst(page, names, PROJECTOR, { width: 480, height: 300 });
          expect(await overflowingElements(page)).toEqual([]);
          expect(await brokenNumbers(page)).toEqual([]);
          await screenshot(page, `first-screen-projector-${lang}-${model}`);
          expect(opened.pageErrors).toEqual([]);
        } finally {
          await page.context().close();
        }
      });
    }

    it(`phone 412×915 with touch, ${lang}: Play, the learning rate and a landscape on the first screen; the slider follows a finger`, async () => {
      const opened = await open(PHONE, `?lang=${lang}`, true);
      const { page } = opened;
      try {
        const play = page.getByRole('button', { name: names.play, exact: true });
        expectInViewport(await boxOf(play), PHONE, 'Play');
        const slider = page.getByRole('slider', { name: names.lr, exact: true });
        expectInViewport(await boxOf(slider), PHONE, 'learning rate');
        expectInViewport(await plotArea(landscapeOf(page, names.gd)), PHONE, 'GD landscape');
        expect(await overflowingElements(page)).toEqual([]);
        expect(await brokenNumbers(page)).toEqual([]);
        await screenshot(page, `first-screen-phone-${lang}`);

        // The clock's line during SGD's sample steps stays inside its panel too.
        await page.getByRole('button', { name: names.stepSample, exact: true }).tap();
        await expect.poll(() => page.locator('.clock-sample').count(), POLL).toBe(1);
        expect(await overflowingElements(page)).toEqual([]);
        expect(await brokenNumbers(page)).toEqual([]);
        await page.getByRole('button', { name: names.reset, exact: true }).tap();

        // A tap near the slider's right end moves the learning rate up the ladder.
        const before = await slider.inputValue();
        const box = await boxOf(slider);
        await page.touchscreen.tap(box.x + box.width * 0.9, box.y + box.height / 2);
        await expect.poll(() => slider.inputValue(), POLL).not.toBe(before);
        expect(Number(await slider.inputValue())).toBeGreaterThan(Number(before));
        await play.tap();
        await expect
          .poll(() => page.getByRole('button', { name: names.pause, exact: true }).count(), POLL)
          .toBe(1);
        expect(opened.pageErrors).toEqual([]);
      } finally {
        await page.context().close();
      }
    });
  }

  it('speaks to the back row in presentation mode: text ≥ 24 px, code ≥ 20 px with whole lines, ticks ≥ 20 px, lines ≥ 3 px', async () => {
    const opened = await open(PROJECTOR, '#present=1');
    const { page } = opened;
    try {
      const small = await page.evaluate(() => {
        const found: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent?.trim();
          const element = node.parentElement;
          if (!text || !element) continue;
          if (element.closest('.visually-hidden, .chart-sr-only, .skip-link, [hidden]')) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          const box = range.getBoundingClientRect();
          // What the class sees: on the first screen, drawn.
          if (box.width === 0 || box.bottom <= 0 || box.top >= window.innerHeight) continue;
          const style = getComputedStyle(element);
          if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
          const size = Number.parseFloat(style.fontSize);
          const inSvg = element.closest('svg') !== null;
          const inCode = element.closest('pre, code') !== null;
          const floor = inSvg || inCode ? 20 : 24;
          if (size < floor - 0.01) found.push(`${size}px "${text.slice(0, 30)}" <${element.tagName}>`);
        }
        return found;
      });
      expect(small).toEqual([]);

      const widths = await page.evaluate(() =>
        [...document.querySelectorAll('.chart-line')].map((line) =>
          Number.parseFloat(getComputedStyle(line).strokeWidth),
        ),
      );
      expect(widths.length).toBeGreaterThan(0);
      expect(Math.min(...widths)).toBeGreaterThanOrEqual(3);

      // The lecture's printout at ≥ 20 px, its longest line whole, without sideways scrolling.
      const gd = page.getByRole('region', { name: ENGLISH.gd, exact: true });
      await gd.getByRole('tab', { name: 'Python output' }).click();
      await page.getByRole('button', { name: 'Run to end', exact: true }).click();
      const printout = gd.locator('.py-terminal');
      await printout.waitFor({ state: 'visible' });
      const fit = await printout.evaluate((terminal) => {
        const line = terminal.querySelector<HTMLElement>('.py-line')!;
        const style = getComputedStyle(line);
        // A monospace character's width, from a line drawn in the terminal's own font.
        const probe = document.createElement('span');
        probe.textContent = '0'.repeat(100);
        probe.style.font = style.font;
        line.append(probe);
        const charWidth = probe.getBoundingClientRect().width / 100;
        probe.remove();
        const padding =
          Number.parseFloat(getComputedStyle(terminal).paddingLeft) +
          Number.parseFloat(getComputedStyle(terminal).paddingRight);
        // The lecture's longest printed line: "epoch: 49 w= 1.9925461188164473 loss= 0.00031541069384432885".
        const longest = 60;
        return {
          scrolls: terminal.clientWidth - padding < longest * charWidth,
          fontSize: Number.parseFloat(style.fontSize),
        };
      });
      expect(fit.fontSize).toBeGreaterThanOrEqual(20);
      expect(fit.scrolls).toBe(false);
      await screenshot(page, 'first-screen-projector-python');
    } finally {
      await page.context().close();
    }
  });

  it('a present=1 link is presenting: its first F goes fullscreen and stays presenting', async () => {
    const opened = await open(PROJECTOR, '#present=1');
    const { page } = opened;
    try {
      const presenting = () => page.evaluate(() => document.documentElement.classList.contains('presenting'));
      expect(await presenting()).toBe(true);
      await page.keyboard.press('f');
      await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null), POLL).toBe(true);
      expect(await presenting()).toBe(true);
      // The next F leaves, as the shortcut sheet says.
      await page.keyboard.press('f');
      await expect.poll(presenting, POLL).toBe(false);
    } finally {
      await page.context().close();
    }
  });

  it('draws a link’s setup from the first paint and names the tab in the page’s language', async () => {
    const context = await chromium.current.newContext({ viewport: LAPTOP });
    // Every text the GD readout ever shows, from the very first render on.
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { readoutsSeen: string[] }).readoutsSeen = seen;
      new MutationObserver(() => {
        const line = document.querySelector('.run-gd .readout-line');
        const text = line?.textContent ?? '';
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    const page = await context.newPage();
    try {
      await page.goto(new URL('?lang=zh-CN#x=1,2,3,4&y=3,5,7,9&lr=0.02', inject('baseURL')).href);
      await page.locator('.transport').waitFor({ state: 'visible', timeout: 10_000 });
      const seen = await page.evaluate(() => (window as unknown as { readoutsSeen: string[] }).readoutsSeen);
      // cost(w = 1) on the link's data is mean(2², 3², 4², 5²) = 13.5; the lecture's would be 4.666….
      expect(seen.length).toBeGreaterThan(0);
      for (const text of seen) {
        expect(text).toContain('13.5');
        expect(text).not.toContain('4.666666666666667');
      }
      expect(await page.title()).toMatch(/梯度下降/);
      await page.getByRole('combobox', { name: '语言', exact: true }).selectOption('en');
      await expect.poll(() => page.title(), POLL).toMatch(/gradient descent/);
    } finally {
      await context.close();
    }
  });
});
