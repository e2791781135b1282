import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  openApp,
  screenshot,
  type OpenedApp,
  type Viewport,
  sharedBrowser,
  POLL,
  expectNoErrors,
} from './browser';

// The lecture's numbers, as Python prints them after 100 epochs at lr = 0.01 from w = 1.
const GD_W_AFTER_100 = 'w = 1.9999444396553017';
const SGD_W_AFTER_100 = 'w = 1.9999999999999236';

/** Polling budget for text that the app changes on the next frames (runs are tiny: ~0.1 s at max speed). */

const chromium = sharedBrowser();

/** The parts of the UI the tests drive, found by role and accessible name. */
function ui(page: Page) {
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const slider = (name: string) => page.getByRole('slider', { name, exact: true });
  const region = (name: string) => page.getByRole('region', { name, exact: true });
  return {
    play: button('Play'),
    pause: button('Pause'),
    step: button('Step'),
    runToEnd: button('Run to end'),
    reset: button('Reset'),
    lrSlider: slider('Learning rate'),
    speedSlider: slider('Speed'),
    lrTyped: page.getByRole('textbox', { name: 'Learning rate, typed', exact: true }),
    epochsTyped: page.getByRole('textbox', { name: 'Epochs, typed', exact: true }),
    playback: region('Playback'),
    gd: region('Gradient descent (GD)'),
    sgd: region('Stochastic gradient descent (SGD)'),
  };
}

const textOf = (locator: Locator) => () => locator.innerText();

/** Opens the app and waits for React's first render (the run panels). */
async function open(viewport?: Viewport): Promise<OpenedApp & { app: ReturnType<typeof ui> }> {
  const opened = await openApp(chromium.current, viewport ? { viewport } : {});
  const app = ui(opened.page);
  await app.gd.waitFor({ state: 'visible', timeout: 10_000 });
  return { ...opened, app };
}

/** Whether the element is the document's focused element. */
/**
 * The layout roots of 20 frames (Chromium's trace), after `first` if given: what each frame laid out from. A text change in a
 * box that is not a layout root lays out the whole document (the root is then '#document').
 */
async function layoutRootsOf(page: Page, first?: () => Promise<void>): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: { name: string; args?: { endData?: { layoutRoots?: { nodeName: string }[] } } }[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as typeof events)));
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
  await first?.();
  // Some frames (fake timers have no place in a real browser: the frames themselves are counted).
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        let frames = 0;
        const frame = () => (++frames < 20 ? requestAnimationFrame(frame) : done());
        requestAnimationFrame(frame);
      }),
  );
  await cdp.send('Tracing.end');
  await complete;
  return events
    .filter((event) => event.name === 'Layout' && event.args?.endData?.layoutRoots)
    .flatMap((event) => event.args!.endData!.layoutRoots!.map((root) => root.nodeName));
}

/**
 * Waits until every part loaded after the first paint (the export bar…) has replaced its placeholder,
 * and two frames more: its arrival lays out the page once, at a moment that depends on the machine's
 * speed (on a slow one, among the frames a test traces).
 */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.lazy-placeholder') === null, undefined, {
    timeout: 10_000,
  });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** The shared clock's epoch, as its progress bar holds it. */
const clockEpoch = (page: Page) =>
  page.locator('.clock progress').evaluate((p) => (p as HTMLProgressElement).value);

/**
 * Plays the page's link until the clock reaches `from` epochs, traces 20 frames (layoutRootsOf) and
 * pauses. `watched`'s texts are read just before and just after the trace: what moved meanwhile.
 */
async function traceWhilePlaying(page: Page, from: number, watched?: Locator) {
  const app = ui(page);
  await app.gd.waitFor({ state: 'visible', timeout: 10_000 });
  await settled(page);
  await app.play.click();
  await expect.poll(() => clockEpoch(page), POLL).toBeGreaterThanOrEqual(from);
  const before = (await watched?.allTextContents()) ?? [];
  const roots = await layoutRootsOf(page);
  await app.pause.click();
  const after = (await watched?.allTextContents()) ?? [];
  return { roots, before, after };
}

/** How far each box's text reaches past the box, in CSS pixels (≤ 0: it fits). */
function overflowOf(boxes: Locator): Promise<number[]> {
  return boxes.evaluateAll((elements) =>
    elements.map((box) => {
      const range = document.createRange();
      range.selectNodeContents(box);
      return range.getBoundingClientRect().width - box.getBoundingClientRect().width;
    }),
  );
}

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

/** Presses `key` until `target` has the focus (at most `limit` presses), as a keyboard user would. */
async function tabTo(
  page: Page,
  target: Locator,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
  limit = 20,
): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press(key);
    if (await isFocused(target)) return;
  }
  throw new Error(`${key} ×${limit} never reached the target element.`);
}

/** The page logged no console error and threw nothing (the context is closed in `finally`). */

describe('playground', () => {
  it('loads with a title, both runs and the clock at epoch 0, without errors', async () => {
    const opened = await open();
    const { page, app } = opened;
    try {
      expect(await page.title()).toContain('Downhill');
      expect(await app.gd.isVisible()).toBe(true);
      expect(await app.sgd.isVisible()).toBe(true);
      await expect.poll(textOf(app.playback), POLL).toContain('Epoch 0 of 100');
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });

  it('plays to the end with the lecture’s numbers, and Run to end agrees', async () => {
    const opened = await open();
    const { page, app } = opened;
    try {
      // Fastest speed by keyboard, so 100 epochs take a few frames.
      await app.speedSlider.focus();
      await page.keyboard.press('End');
      await expect.poll(() => app.speedSlider.getAttribute('aria-valuetext'), POLL).toBe('1000 epochs/s');

      await app.play.click();
      await expect.poll(textOf(app.playback), POLL).toContain('Epoch 100 of 100');
      await expect.poll(textOf(app.gd), POLL).toContain(GD_W_AFTER_100);
      await expect.poll(textOf(app.sgd), POLL).toContain(SGD_W_AFTER_100);
      // Finished: the toggle reads Play again.
      await app.play.waitFor({ state: 'visible', timeout: 5_000 });
      expect(await app.pause.count()).toBe(0);

      await app.reset.click();
      await expect.poll(textOf(app.playback), POLL).toContain('Epoch 0 of 100');
      await expect.poll(textOf(app.gd), POLL).toContain('w = 1.0');
      await app.runToEnd.click();
      await expect.poll(textOf(app.playback), POLL).toContain('Epoch 100 of 100');
      await expect.poll(textOf(app.gd), POLL).toContain(GD_W_AFTER_100);
      await expect.poll(textOf(app.sgd), POLL).toContain(SGD_W_AFTER_100);
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });

  it('runs 100,000 epochs and draws them thinned: at most 1,000 points a line, 200 path dots', async () => {
    const opened = await openApp(chromium.current, { path: '?epochs=100000' });
    const { page } = opened;
    const app = ui(page);
    try {
      await app.gd.waitFor({ state: 'visible', timeout: 10_000 });
      await app.runToEnd.click();
      await expect.poll(textOf(app.playback), POLL).toMatch(/Epoch 100,?000 of 100,?000/);
      const lossChart = page.locator('figure.loss-chart');
      for (const id of ['gd', 'sgd']) {
        await expect
          .poll(async () => Number(await lossChart.getAttribute(`data-${id}-points`)), POLL)
          .toBeGreaterThan(100);
        expect(Number(await lossChart.getAttribute(`data-${id}-points`))).toBeLessThanOrEqual(1000);
        // A line is drawn as a body and a short tail that starts again at the body's last point.
        const [body, tail = null] = await lossChart
          .locator(`.loss-line.chart-run-${id} path.chart-line`)
          .evaluateAll((paths) => paths.map((path) => path.getAttribute('d') ?? ''));
        const points = (body!.match(/[ML]/g)?.length ?? 0) + (tail === null ? 0 : tail.match(/L/g)!.length);
        // The line leaves out points under half a pixel from the last one it drew.
        const placed = await lossChart
          .locator(`.loss-line.chart-run-${id} path.chart-line`)
          .first()
          .getAttribute('data-points');
        expect(points).toBe(Number(placed));
        expect(points).toBeLessThanOrEqual(Number(await lossChart.getAttribute(`data-${id}-points`)));
      }
      for (const dots of await page.locator('.landscape-path-dots').all()) {
        const count = Number(await dots.getAttribute('data-dots'));
        expect(count).toBeGreaterThan(0);
        expect(count).toBeLessThanOrEqual(200);
      }
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });

  it('the first frames after Play lay out their own boxes, not the page, though every number grows', async () => {
    const opened = await openApp(chromium.current, { path: '?epochs=100000&speed=1000' });
    const { page } = opened;
    try {
      const app = ui(page);
      await app.gd.waitFor({ state: 'visible', timeout: 10_000 });
      await settled(page);
      const roots = await layoutRootsOf(page, () => app.play.click());
      await app.pause.click();
      expect(await clockEpoch(page)).toBeGreaterThan(0);
      expect(roots).toContain("SPAN class='live-number'");
      // The click lays out the page (Play becomes Pause); one more is room for a busy machine. With the
      // run's readout line laid out from the page (no LayoutIsland), the frames where its numbers
      // widened did too: five in all.
      expect(roots.filter((name) => name === '#document').length).toBeLessThanOrEqual(2);
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });

  it('while the runs count on, a frame lays out only the counters, and their digits fit their boxes', async () => {
    const opened = await openApp(chromium.current, { path: '?epochs=100000&speed=1000' });
    const { page } = opened;
    try {
      // Both runs have settled by 2,000 epochs: the ball and the path stand still, only the numbers move.
      const { roots } = await traceWhilePlaying(page, 2000);
      // A new digit (at 10,000) would lay out the line around the counter: still far from it.
      expect(await clockEpoch(page)).toBeLessThan(9999);
      expect(roots.length).toBeGreaterThan(0);
      expect(
        roots.filter((name) => !/^SPAN class='counter'$|^svg class='recharts-surface'$/.test(name)),
      ).toEqual([]);
      expect(roots).toContain("SPAN class='counter'");

      // The boxes are as wide as their digits in the fonts the page uses.
      // The counters shown (a readout line's reserve holds empty boxes of the same width).
      const overflow = await overflowOf(page.locator('.counter:not(.layout-island-reserve *)'));
      expect(overflow.length).toBe(5);
      for (const excess of overflow) expect(excess).toBeLessThanOrEqual(0.5);
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });

  it('with Adam beside them, its moments change every frame and still lay out only their own boxes', async () => {
    const opened = await openApp(chromium.current, { path: '#epochs=100000&speed=1000&opt=adam' });
    const { page } = opened;
    try {
      const moments = page.locator('.run-adam .layout-island-content > .run-state .live-number');
      const { roots, before, after } = await traceWhilePlaying(page, 2000, moments);
      // Adam's moments really moved while the frames were traced: they are not settled numbers.
      expect(after).not.toEqual(before);
      expect(
        roots.filter(
          (name) => !/^SPAN class='(counter|live-number)'$|^svg class='recharts-surface'$/.test(name),
        ),
      ).toEqual([]);
      expect(roots).toContain("SPAN class='live-number'");
      // Every live number fits its box, in the fonts the page uses, at rest and as it was while playing.
      const live = page.locator('.live-number');
      expect(await live.count()).toBeGreaterThanOrEqual(8);
      for (const excess of await overflowOf(live)) expect(excess).toBeLessThanOrEqual(0.5);
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });

  it('in the noisy lesson scene, where SGD never settles, a frame still never lays out the whole page', async () => {
    // Scene 10's data and shuffled SGD, at the bench's speed: every number and legend moves.
    const noisy = 'x=1,2,3,4,5,6&y=2.7,4.61,5.74,7.87,10.53,11.45&shuffle=1&seed=1&lr=0.025';
    const opened = await openApp(chromium.current, { path: `#lesson=10&${noisy}&epochs=100000&speed=1000` });
    const { page } = opened;
    try {
      // The readout line above the picture, then the run's details (its printed loss, its
      // predictions), below a laptop's fold.
      const watched = page.locator(
        '.run-sgd .layout-island-content > :is(.readout-line:not(.run-state), .readout)',
      );
      await settled(page);
      const atRest = await watched.allTextContents();
      expect(atRest).toHaveLength(2);
      // `before` is read while playing, `after` once paused.
      const { roots, before, after } = await traceWhilePlaying(page, 1000, watched);
      expect(before[0]).not.toEqual(atRest[0]);
      expect(after[0]).not.toEqual(before[0]);
      // Out of sight, the details hold still while the runs play fast (useHeldWhileHidden): 1,000
      // epochs in, they still show the start; paused, they show the run, still out of sight.
      expect(before[1]).toEqual(atRest[1]);
      expect(after[1]).not.toEqual(atRest[1]);
      expect(after[1]).toMatch(/^Loss \(as printed\)\d/);
      const allowed =
        /^SPAN class='(counter|live-number)'$|^DIV class='layout-island'$|^svg class='(recharts-surface|data-svg)'$/;
      expect(roots.filter((name) => !allowed.test(name))).toEqual([]);
      expect(roots).toContain("DIV class='layout-island'");
      // Each island is exactly as high as what it holds, or as its reserve (what it may come to hold)
      // where that is higher: nothing is cut off or left hanging.
      const gaps = await page.locator('.layout-island[data-sealed]').evaluateAll((islands) =>
        islands.map((island) => {
          const [content, reserve] = [...island.children].map(
            (child) => child.getBoundingClientRect().height,
          );
          return island.getBoundingClientRect().height - Math.max(content!, reserve ?? 0);
        }),
      );
      expect(gaps.length).toBeGreaterThanOrEqual(4);
      for (const gap of gaps) expect(Math.abs(gap)).toBeLessThanOrEqual(0.5);
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });

  /**
   * Opens `path`, presses Play and, in every frame until the runs are past epoch 300 and after
   * Pause, finds the run details, the runs' plots and the blocks below the runs where they were at
   * rest: each landscape's foot, its readout line and the data legend keep room for what the first
   * frames write into them. `whilePlaying` checks that those frames did write it. With `inView`, the
   * page is scrolled to it first, and Space plays and pauses (a click would scroll back to Play).
   */
  async function expectPlayMovesNothing(
    path: string,
    whilePlaying: (page: Page) => Promise<void>,
    { playedEpochs = 300, inView }: { playedEpochs?: number; inView?: string } = {},
  ) {
    const opened = await openApp(chromium.current, { path });
    const { page } = opened;
    const app = ui(page);
    try {
      await app.gd.waitFor({ state: 'visible', timeout: 10_000 });
      // At rest, once the data panel (loaded after the first paint) is in and nothing moves any more.
      await page.locator('.panel.data-panel').waitFor({ state: 'visible', timeout: 10_000 });
      // A panel out of sight holds still while the runs play (useHeldWhileHidden): one watched is shown.
      if (inView) await page.locator(inView).scrollIntoViewIfNeeded();
      // Where the blocks below the feet and the data legend sit, recorded in every frame from here on:
      // each run's details, the panels under the runs and the data plot's keyboard help; and the
      // runs' plots, top and bottom (a readout line growing above a plot would shrink it).
      await page.evaluate(() => {
        const selector = '.run-details, .panel.settings, .panel.data-panel, .data-plot .data-keys';
        const round = (px: number) => Math.round(px * 10) / 10;
        const places = () => [
          ...[...document.querySelectorAll(selector)].map((element) =>
            round(element.getBoundingClientRect().top),
          ),
          ...[...document.querySelectorAll('.run .chart-plot-box, .run .landscape2d-frame')].flatMap(
            (element) => {
              const box = element.getBoundingClientRect();
              return [round(box.top), round(box.bottom)];
            },
          ),
        ];
        const record = { frames: [] as number[][], places };
        Object.assign(window, { __places: record });
        const frame = () => {
          record.frames.push(places());
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      type Record = { frames: number[][]; places: () => number[] };
      const places = () => page.evaluate(() => (window as unknown as { __places: Record }).__places.places());
      const nextFrame = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
      // Every part loaded after the first paint is in (the 2-D maps come as one on a slow machine).
      await expect
        .poll(async () => {
          const before = await places();
          await nextFrame();
          const loading = await page.locator('.lazy-placeholder').count();
          return loading === 0 && JSON.stringify(await places()) === JSON.stringify(before);
        }, POLL)
        .toBe(true);
      const atRest = await places();
      expect(atRest.length).toBeGreaterThanOrEqual(9);
      const framesSince = () =>
        page.evaluate(() => {
          const record = (window as unknown as { __places: Record }).__places;
          return record.frames.splice(0);
        });
      await framesSince();
      const playOrPause = (button: Locator) => (inView ? page.keyboard.press(' ') : button.click());
      await playOrPause(app.play);
      await expect.poll(() => clockEpoch(page), POLL).toBeGreaterThan(playedEpochs);
      await whilePlaying(page);
      await playOrPause(app.pause);
      await nextFrame();
      const frames = await framesSince();
      expect(frames.length).toBeGreaterThan(2);
      // The first frame that moved anything, if one did.
      expect(frames.find((places) => JSON.stringify(places) !== JSON.stringify(atRest)) ?? atRest).toEqual(
        atRest,
      );
      expect(await places()).toEqual(atRest);
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  }

  it('pressing Play moves nothing on the page: the landscapes’ feet keep room for the numbers to come', async () => {
    await expectPlayMovesNothing('#speed=1000&epochs=100000', async (page) => {
      // The runs' first second: the numbers grew to sixteen digits and SGD names its latest sample.
      expect(await page.locator('.layout-island-content .landscape-latest').count()).toBe(1);
    });
  });

  it('pressing Play in the lecture’s own setup keeps the plots’ size: the readout lines keep room', async () => {
    // 100 epochs, as the lecture: the counters hold three digits, and w and the cost widen to sixteen.
    await expectPlayMovesNothing(
      '#speed=100',
      async (page) => {
        const cost = page.locator('.run-gd .layout-island-content > .readout-line .live-number').last();
        expect((await cost.innerText()).length).toBeGreaterThanOrEqual(16);
      },
      { playedEpochs: 40 },
    );
  });

  it('pressing Play with the bias model moves nothing either: the 2-D feet and the data legend keep room', async () => {
    await expectPlayMovesNothing(
      '#model=wb&speed=1000&epochs=100000',
      async (page) => {
        // The maps' (w, b) and the data legend's lines have grown their digits ("1.0" → sixteen, "1" → four).
        const at = page.locator('.landscape2d .layout-island-content .chart-stats > .chart-mono').first();
        expect(await at.innerText()).toMatch(/^\(w, b\) = \(-?\d\.\d{6,}/);
        const legend = page.getByRole('list', { name: 'Lines in the plot' });
        const gd = await legend.getByRole('listitem').first().innerText();
        expect(gd).not.toBe('GD: ŷ = 1·x + 0');
        expect(gd).toMatch(/^GD: ŷ = .*\d\.\d/);
      },
      // The data legend in sight (out of sight, the data panel holds still while the runs play).
      { inView: 'ul.data-legend[aria-label]' },
    );
  });

  it('warns when the learning rate is dragged past the limit, and a diverged run prints no NaN', async () => {
    const opened = await open();
    const { page, app } = opened;
    try {
      // A real mouse drag on the native range: from the thumb (lr 0.01) to the notch of 0.3.
      const box = await app.lrSlider.boundingBox();
      if (box === null) throw new Error('The learning-rate slider has no box.');
      const max = Number(await app.lrSlider.getAttribute('max'));
      const index = (await app.lrSlider.evaluate((input: HTMLInputElement) => input.valueAsNumber)) as number;
      const THUMB_HALF = 8; // Chromium's default range thumb is about 16 px wide.
      const xAt = (i: number) => box.x + THUMB_HALF + (i / max) * (box.width - 2 * THUMB_HALF);
      const targetIndex = Math.round(max * (Math.log(0.3 / 1e-4) / Math.log(1 / 1e-4)));
      const y = box.y + box.height / 2;
      await page.mouse.move(xAt(index), y);
      await page.mouse.down();
      await page.mouse.move(xAt(targetIndex), y, { steps: 10 });
      await page.mouse.up();

      await expect
        .poll(async () => Number(await app.lrSlider.getAttribute('aria-valuetext')), POLL)
        .toBeGreaterThan(0.214);
      const lr = Number(await app.lrSlider.getAttribute('aria-valuetext'));
      expect(lr).toBeGreaterThanOrEqual(0.25);
      expect(lr).toBeLessThanOrEqual(0.35);

      for (let i = 0; i < 3; i += 1) await app.step.click();
      await expect.poll(textOf(app.playback), POLL).toContain('Epoch 3 of 100');
      await expect.poll(textOf(app.gd), POLL).toContain('diverging: learning rate');
      expect(await app.gd.innerText()).toContain('stability limit ≈ 0.214');

      // lr = 1 and 1000 epochs overflow GD (at epoch ~335): it must say so, in words, not NaN.
      await app.lrTyped.fill('1');
      await expect.poll(() => app.lrSlider.getAttribute('aria-valuetext'), POLL).toBe('1.0');
      await app.epochsTyped.fill('1000');
      await expect.poll(textOf(app.playback), POLL).toMatch(/Epoch \d+ of 1000/);
      await app.runToEnd.click();
      await expect.poll(textOf(app.gd), POLL).toContain('diverged in epoch');
      // The loss chart turned to log by itself, says so, and marks where each run stopped.
      const lossChart = page.locator('figure.loss-chart');
      await expect.poll(() => lossChart.getAttribute('data-scale'), POLL).toBe('log');
      expect(await lossChart.getByText(/^log scale: the cost grew over ×10/).isVisible()).toBe(true);
      for (const id of ['gd', 'sgd']) {
        expect(await lossChart.locator(`.loss-end.chart-run-${id} text`).textContent()).toMatch(
          /^diverged in epoch \d+$/,
        );
      }
      // The landscape followed the first bounces, then says where w went.
      expect(await app.gd.getByText(/^w ran off to −?\d\.\de\+\d+ in epoch \d+$/).isVisible()).toBe(true);
      const text = (await page.locator('body').textContent()) ?? '';
      expect(text).not.toContain('NaN');
      expect(text).not.toContain('Infinity');
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });

  it('works by keyboard alone: play, pause, a learning-rate notch, reset', async () => {
    const opened = await open();
    const { page, app } = opened;
    try {
      await tabTo(page, app.play);
      await page.keyboard.press('Space');
      await app.pause.waitFor({ state: 'visible', timeout: 5_000 });
      // Space on the same (focused) button pauses; at 10 epochs/s the run is far from its end.
      expect(await isFocused(app.pause)).toBe(true);
      await page.keyboard.press('Space');
      await app.play.waitFor({ state: 'visible', timeout: 5_000 });

      await tabTo(page, app.lrSlider);
      const before = await app.lrSlider.getAttribute('aria-valuetext');
      expect(before).toBe('0.01');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => app.lrSlider.getAttribute('aria-valuetext'), POLL).toBe('0.011');

      await tabTo(page, app.reset, 'Shift+Tab');
      await page.keyboard.press('Enter');
      await expect.poll(textOf(app.playback), POLL).toContain('Epoch 0 of');
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });

  it.each([
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ])('runs to the end at $width×$height (screenshot for humans)', async (viewport) => {
    const opened = await open(viewport);
    const { page, app } = opened;
    try {
      await app.runToEnd.click();
      await expect.poll(textOf(app.playback), POLL).toContain('Epoch 100 of 100');
      await expect.poll(textOf(app.gd), POLL).toContain(GD_W_AFTER_100);
      await screenshot(page, `playground-run-to-end-${viewport.width}x${viewport.height}`);
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });
});
