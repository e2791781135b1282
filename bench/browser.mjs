// The in-browser half of the benchmark: headless Chromium (Debian's, as the e2e suite uses) on the
// production build served by `vite preview`. Every measurement is taken inside the page with the
// Performance APIs (requestAnimationFrame timestamps, long-animation-frame, paint timing), plus
// Chromium's own main-thread counters over CDP (Performance.getMetrics).
import { chromium } from 'playwright-core';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

// The e2e suite's flags (tests/e2e/browser.ts): quiet and deterministic in a container.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The viewport pages open with (a full-HD screen); taller when the panels need it (newPage). */
export const VIEWPORT = { width: 1920, height: 1080 };

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

export async function launchBrowser() {
  const executablePath = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
  try {
    return await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    throw new Error(`Could not launch Chromium at ${executablePath} (set CHROMIUM_PATH).`, { cause: error });
  }
}

/**
 * Installed before any page script runs (an init script): records long animation frames (or long
 * tasks where LoAF is missing) and when each Recharts surface first appears and is painted. Runs in
 * the page: self-contained.
 */
function installObservers() {
  const bench = { loaf: [], longtasks: [], surfaces: [], loafSupported: false };
  window.__bench = bench;
  const supported = PerformanceObserver.supportedEntryTypes ?? [];
  if (supported.includes('long-animation-frame')) {
    bench.loafSupported = true;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        bench.loaf.push({
          startTime: e.startTime,
          duration: e.duration,
          blockingDuration: e.blockingDuration,
          renderStart: e.renderStart,
          styleAndLayoutStart: e.styleAndLayoutStart,
          scripts: e.scripts.map((s) => ({
            invoker: s.invoker,
            invokerType: s.invokerType,
            duration: s.duration,
            forcedStyleAndLayoutDuration: s.forcedStyleAndLayoutDuration,
            sourceFunctionName: s.sourceFunctionName,
            sourceCharPosition: s.sourceCharPosition,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } else if (supported.includes('longtask')) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        bench.longtasks.push({ startTime: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  }
  // The first paint after `at`: a task posted from a requestAnimationFrame callback runs once that
  // frame has been rendered.
  const afterNextPaint = (callback) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback(performance.now());
      channel.port2.postMessage(null);
    });
  bench.afterNextPaint = afterNextPaint;
  let seen = 0;
  const surfaces = document.getElementsByClassName('recharts-surface');
  const observer = new MutationObserver(() => {
    if (surfaces.length <= seen) return;
    seen = surfaces.length;
    const entry = { count: seen, at: performance.now(), painted: NaN };
    bench.surfaces.push(entry);
    afterNextPaint((painted) => (entry.painted = painted));
  });
  observer.observe(document, { childList: true, subtree: true });
  bench.stopObserving = () => observer.disconnect();
}

/**
 * Opens the app in a fresh context (empty cache) and waits for its first chart. `firstVisit` lets
 * the app's service worker install, as on a first visit (the load measurements); otherwise service
 * workers are blocked so that precaching does not compete with the frames being measured. The
 * viewport is then made tall enough for every panel to be in view (1920 wide, at least 1080 high).
 */
export async function newPage(browser, baseURL, { firstVisit = false } = {}) {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    serviceWorkers: firstVisit ? 'allow' : 'block',
  });
  await context.addInitScript(installObservers);
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
  const response = await page.goto(baseURL, { waitUntil: 'load' });
  if (response !== null && !response.ok())
    throw new Error(`GET ${baseURL} answered HTTP ${response.status()}`);
  await page.waitForFunction(() => document.getElementsByClassName('recharts-surface').length > 0, null, {
    timeout: 15_000,
  });
  if (!firstVisit) {
    const bottom = await page.evaluate(() =>
      Math.max(
        ...[...document.querySelectorAll('.panel')].map((p) => p.getBoundingClientRect().bottom + scrollY),
      ),
    );
    if (Number.isFinite(bottom) && bottom + 16 > VIEWPORT.height) {
      await page.setViewportSize({ width: VIEWPORT.width, height: Math.ceil(bottom + 16) });
    }
  }
  return { page, pageErrors };
}

/** The controls the benchmark drives, found by role and accessible name as the e2e suite finds them. */
function ui(page) {
  return {
    play: page.getByRole('button', { name: 'Play', exact: true }),
    runToEnd: page.getByRole('button', { name: 'Run to end', exact: true }),
    lrSlider: page.getByRole('slider', { name: 'Learning rate', exact: true }),
    speedSlider: page.getByRole('slider', { name: 'Speed', exact: true }),
    epochsTyped: page.getByRole('textbox', { name: 'Epochs, typed', exact: true }),
  };
}

/** Waits until `read()` returns something `accept` likes (polling), or throws after `timeoutMs`. */
async function until(what, read, accept, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await read();
    if (accept(last)) return last;
    await sleep(50);
  }
  throw new Error(`Timed out waiting for ${what} (last seen: ${JSON.stringify(last)}).`);
}

/** The shared clock, read from its <progress> (value = epoch, max = total); null if it is missing. */
const readClock = (page) =>
  page.evaluate(() => {
    const progress = document.querySelector('.clock progress') ?? document.querySelector('progress');
    return progress ? { epoch: progress.value, total: progress.max } : null;
  });

async function setEpochs(page, epochs) {
  await ui(page).epochsTyped.fill(String(epochs));
  await until(
    `the clock to read ${epochs} epochs in all`,
    () => readClock(page),
    (c) => c?.total === epochs,
  );
}

async function fastestSpeed(page) {
  const { speedSlider } = ui(page);
  await speedSlider.focus();
  await page.keyboard.press('End');
  await until(
    'the speed slider to reach 1000 epochs/s',
    () => speedSlider.getAttribute('aria-valuetext'),
    (text) => text === '1000 epochs/s',
  );
}

/** Which panels and charts lie wholly inside the viewport (what "every panel visible" means here). */
function panelVisibility(page) {
  return page.evaluate(() => {
    const inView = (element) => {
      const r = element.getBoundingClientRect();
      return (
        r.width > 0 &&
        r.height > 0 &&
        r.top >= 0 &&
        r.left >= 0 &&
        r.bottom <= innerHeight &&
        r.right <= innerWidth
      );
    };
    const panels = [...document.querySelectorAll('.panel')];
    const charts = [...document.getElementsByClassName('recharts-surface')];
    return {
      viewport: { width: innerWidth, height: innerHeight },
      panels: panels.length,
      panelsInView: panels.filter(inView).length,
      charts: charts.length,
      chartsInView: charts.filter(inView).length,
    };
  });
}

/** Chromium's cumulative main-thread counters (seconds), by name. */
async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map(({ name, value }) => [name, value]));
}

/** Starts a requestAnimationFrame recorder: each frame's timestamp and the clock's epoch then. */
function startFrameRecorder(page) {
  return page.evaluate(() => {
    const progress = document.querySelector('.clock progress') ?? document.querySelector('progress');
    const recorder = { t: [], epoch: [], running: true };
    window.__frames = recorder;
    const onFrame = (now) => {
      if (!recorder.running) return;
      recorder.t.push(now);
      recorder.epoch.push(progress ? progress.value : -1);
      requestAnimationFrame(onFrame);
    };
    requestAnimationFrame(onFrame);
  });
}

const frameCount = (page) =>
  page.evaluate(() => ({
    frames: window.__frames.t.length,
    epoch: window.__frames.epoch[window.__frames.epoch.length - 1] ?? 0,
    now: performance.now(),
  }));

const stopFrameRecorder = (page) =>
  page.evaluate(() => {
    window.__frames.running = false;
    return { t: window.__frames.t, epoch: window.__frames.epoch };
  });

/** rAF timestamps of an idle app (nothing playing): what this machine's headless Chromium gives. */
export async function measureIdle(browser, baseURL, ms = 2000) {
  const { page } = await newPage(browser, baseURL);
  try {
    await page.evaluate(() => window.__bench.stopObserving());
    await sleep(300);
    await startFrameRecorder(page);
    await sleep(ms);
    const { t } = await stopFrameRecorder(page);
    return { t };
  } finally {
    await page.context().close();
  }
}

/**
 * Both runs playing at the fastest speed (1,000 epochs/s) towards `epochs`, every panel in view, for
 * `windowMs` or until the run ends. With `from` > 0 the runs are first run to `from` epochs (Run to
 * end), then lengthened to `epochs` and played from there: playing with a long history. Returns the
 * raw frame timestamps (with the clock's epoch), the long animation frames, and Chromium's counters
 * sampled about once a second.
 */
export async function measureAnimation(
  browser,
  baseURL,
  { epochs = 10_000, from = 0, windowMs = 10_000 } = {},
) {
  const { page, pageErrors } = await newPage(browser, baseURL);
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    await page.evaluate(() => window.__bench.stopObserving());
    await fastestSpeed(page);
    if (from > 0) {
      await setEpochs(page, from);
      await ui(page).runToEnd.click();
      await until(
        `the run to reach epoch ${from}`,
        () => readClock(page),
        (c) => c?.epoch === from,
      );
    }
    await setEpochs(page, epochs);
    const visibility = await panelVisibility(page);
    await sleep(500);

    await startFrameRecorder(page);
    const samples = [{ ...(await frameCount(page)), metrics: await metrics(cdp) }];
    await ui(page).play.click();
    const started = Date.now();
    for (;;) {
      await sleep(Math.min(1000, Math.max(50, windowMs - (Date.now() - started))));
      const sample = { ...(await frameCount(page)), metrics: await metrics(cdp) };
      samples.push(sample);
      if (sample.epoch >= epochs || Date.now() - started >= windowMs) break;
    }
    const frames = await stopFrameRecorder(page);
    const observed = await page.evaluate(() => ({
      loafSupported: window.__bench.loafSupported,
      loaf: window.__bench.loaf,
      longtasks: window.__bench.longtasks,
    }));
    return { epochs, from, frames, samples, ...observed, visibility, pageErrors };
  } finally {
    await page.context().close();
  }
}

/**
 * Drags the learning-rate slider across its whole range with the mouse held down: 50 moves, each
 * landing on a different notch (so 50 'input' events), at most one move per 16.7 ms as a 60 Hz
 * pointer would. `history` epochs are run to the end first. For every 'input' event the page records
 * its timeStamp, the preceding pointermove's timeStamp, and the first paint after it.
 */
export async function measureDrag(browser, baseURL, { history, moves = 50 }) {
  const { page, pageErrors } = await newPage(browser, baseURL);
  try {
    await page.evaluate(() => window.__bench.stopObserving());
    const app = ui(page);
    const clock = await readClock(page);
    if (clock?.total !== history) await setEpochs(page, history);
    await app.runToEnd.click();
    await until(
      `the run to reach epoch ${history}`,
      () => readClock(page),
      (c) => c?.epoch === history,
    );
    await sleep(300);

    await app.lrSlider.evaluate((slider) => {
      const recorder = { events: [], lastPointer: NaN };
      window.__drag = recorder;
      document.addEventListener('pointermove', (event) => (recorder.lastPointer = event.timeStamp), true);
      document.addEventListener(
        'input',
        (event) => {
          if (event.target !== slider) return;
          const entry = {
            stamp: event.timeStamp,
            pointer: recorder.lastPointer,
            value: Number(slider.value),
            painted: NaN,
          };
          recorder.events.push(entry);
          window.__bench.afterNextPaint((painted) => (entry.painted = painted));
        },
        true,
      );
    });

    const box = await app.lrSlider.boundingBox();
    if (box === null) throw new Error('The learning-rate slider has no box.');
    const max = Number(await app.lrSlider.getAttribute('max'));
    const start = await app.lrSlider.evaluate((slider) => slider.valueAsNumber);
    const THUMB_HALF = 8; // Chromium's default range thumb is about 16 px wide (as in the e2e suite).
    const xAt = (i) => box.x + THUMB_HALF + (i / max) * (box.width - 2 * THUMB_HALF);
    const y = box.y + box.height / 2;
    // The first move goes to the left end; the rest climb to the right end in equal strides.
    const targets = [
      0,
      ...Array.from({ length: moves - 1 }, (_, k) => Math.round(((k + 1) * max) / (moves - 1))),
    ];

    const since = await page.evaluate(() => performance.now());
    await page.mouse.move(xAt(start), y);
    await page.mouse.down();
    const began = Date.now();
    let last = 0;
    for (const target of targets) {
      const wait = 1000 / 60 - (Date.now() - last);
      if (wait > 0) await sleep(wait);
      last = Date.now();
      await page.mouse.move(xAt(target), y);
    }
    await page.mouse.up();
    const seconds = (Date.now() - began) / 1000;
    await until(
      'the last input event to be painted',
      () => page.evaluate(() => window.__drag.events.every((e) => !Number.isNaN(e.painted))),
      Boolean,
    );
    await sleep(300);
    const result = await page.evaluate(
      (from) => ({
        events: window.__drag.events,
        loaf: window.__bench.loaf.filter((e) => e.startTime >= from),
      }),
      since,
    );
    return { history, maxIndex: max, targets: targets.length, seconds, ...result, pageErrors };
  } finally {
    await page.context().close();
  }
}

/**
 * One cold load in a fresh context (empty cache): paint timing, navigation timing, and when the
 * Recharts surfaces appeared and were painted (the charts drawn).
 */
export async function measureLoad(browser, baseURL) {
  const { page, pageErrors } = await newPage(browser, baseURL, { firstVisit: true });
  try {
    await until(
      'the first chart to be painted',
      () => page.evaluate(() => window.__bench.surfaces.some((s) => !Number.isNaN(s.painted))),
      Boolean,
    );
    await sleep(1000); // charts that appear a little later (responsive containers measure first)
    const result = await page.evaluate(() => {
      const paint = Object.fromEntries(
        performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]),
      );
      const [nav] = performance.getEntriesByType('navigation');
      return {
        firstPaint: paint['first-paint'] ?? NaN,
        firstContentfulPaint: paint['first-contentful-paint'] ?? NaN,
        domContentLoaded: nav ? nav.domContentLoadedEventEnd : NaN,
        load: nav ? nav.loadEventEnd : NaN,
        surfaces: window.__bench.surfaces,
      };
    });
    const painted = result.surfaces.map((s) => s.painted).filter((t) => !Number.isNaN(t));
    return {
      ...result,
      firstChartPainted: Math.min(...painted),
      chartsPainted: Math.max(...painted),
      charts: result.surfaces.at(-1)?.count ?? 0,
      pageErrors,
    };
  } finally {
    await page.context().close();
  }
}
