// The in-browser half of the benchmark: headless Chromium (Debian's, as the e2e suite uses) on the
// production build served by `vite preview` (a local static host). Every measurement is taken inside
// the page with the Performance APIs (requestAnimationFrame timestamps, long-animation-frame, paint
// timing), plus Chromium's own main-thread counters over CDP (Performance.getMetrics). Issue #17's
// conditions: a 1366×768 laptop (or a 412×915 touch phone), the CPU slowed down 4× with CDP
// Emulation.setCPUThrottlingRate from before the page loads.
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

/**
 * The screens measured, as ../shared/tools/screenshots.mjs opens them: a school laptop, and a phone
 * (touch, mobile viewport; Playwright's default deviceScaleFactor of 1, as that tool leaves it).
 */
export const DEVICES = {
  laptop: { label: 'laptop 1366×768', viewport: { width: 1366, height: 768 } },
  phone: {
    label: 'phone 412×915, touch',
    viewport: { width: 412, height: 915 },
    hasTouch: true,
    isMobile: true,
  },
};

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
 * tasks where LoAF is missing), when each Recharts surface first appears and is painted, when the GD
 * and SGD landscapes are both drawn (their cost curve has a path) and painted, and counts React
 * commits (through the hook React DevTools uses, which production builds of React call too). Runs in
 * the page: self-contained.
 */
export function installObservers() {
  const bench = {
    loaf: [],
    longtasks: [],
    surfaces: [],
    landscapes: null,
    app: null,
    loafSupported: false,
    commits: 0,
    commitPriorities: {},
    reactHooked: false,
  };
  window.__bench = bench;
  // React calls onCommitFiberRoot once per commit when this hook exists before it loads.
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers: new Map(),
    supportsFiber: true,
    inject(renderer) {
      bench.reactHooked = true;
      const id = this.renderers.size + 1;
      this.renderers.set(id, renderer);
      return id;
    },
    // priority: the Scheduler priority of the commit's lanes (1 immediate/sync … 3 normal, 4 low, 5 idle).
    onCommitFiberRoot(id, root, priority) {
      bench.commits++;
      bench.commitPriorities[priority] = (bench.commitPriorities[priority] ?? 0) + 1;
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
  };
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
  // The first paint after now: a task posted from a requestAnimationFrame callback runs once that
  // frame has been rendered (its main-thread part: paint recorded and committed to the compositor).
  const afterNextPaint = (callback) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback(performance.now());
      channel.port2.postMessage(null);
    });
  bench.afterNextPaint = afterNextPaint;
  let seen = 0;
  const surfaces = document.getElementsByClassName('recharts-surface');
  // Both 1-D landscapes drawn: the cost curve of the GD panel's and of the SGD panel's landscape.
  const drawn = (run) => {
    const path = document.querySelector(`.run-${run} figure.landscape .landscape-cost path`);
    return path !== null && (path.getAttribute('d') ?? '').length > 10;
  };
  // The first screen's poster (src/poster/poster.ts), while React has not replaced it yet.
  const posterShown = () => document.querySelector('#root > [data-poster]') !== null;
  const observer = new MutationObserver(() => {
    if (bench.landscapes === null && drawn('gd') && drawn('sgd')) {
      const entry = { at: performance.now(), painted: NaN };
      bench.landscapes = entry;
      afterNextPaint((painted) => (entry.painted = painted));
    }
    if (bench.app === null && !posterShown() && drawn('gd') && drawn('sgd')) {
      const entry = { at: performance.now(), painted: NaN };
      bench.app = entry;
      afterNextPaint((painted) => (entry.painted = painted));
    }
    if (surfaces.length <= seen) return;
    seen = surfaces.length;
    const entry = { count: seen, at: performance.now(), painted: NaN };
    bench.surfaces.push(entry);
    afterNextPaint((painted) => (entry.painted = painted));
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['d'] });
  bench.stopObserving = () => observer.disconnect();
}

/**
 * Opens the app in a fresh context (empty cache) on `device`, the CPU slowed `throttle` times from
 * before navigation, at `baseURL#fragment`. `firstVisit` lets the app's service worker install, as on
 * a first visit (the load measurements); otherwise service workers are blocked so that precaching
 * does not compete with the frames being measured. `initScript` runs in the page before its own
 * scripts, after the benchmark's observers. Waits for the first chart and, unless `dataPanel` is
 * false, for the data panel (loaded lazily after the first paint) to be rendered.
 */
export async function openApp(
  browser,
  baseURL,
  {
    device = 'laptop',
    throttle = 1,
    fragment = '',
    firstVisit = false,
    dataPanel = true,
    initScript = null,
  } = {},
) {
  const { viewport, hasTouch = false, isMobile = false } = DEVICES[device];
  const context = await browser.newContext({
    viewport,
    hasTouch,
    isMobile,
    serviceWorkers: firstVisit ? 'allow' : 'block',
  });
  context.setDefaultTimeout(60_000);
  await context.addInitScript(installObservers);
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
  const url = fragment ? `${baseURL}#${fragment}` : baseURL;
  const response = await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  if (response !== null && !response.ok()) throw new Error(`GET ${url} answered HTTP ${response.status()}`);
  // The app's charts, not the first screen's poster's (src/poster/poster.ts).
  const appDrawn = () =>
    document.getElementsByClassName('recharts-surface').length > 0 &&
    document.querySelector('#root > [data-poster]') === null;
  await page.waitForFunction(appDrawn, null, {
    timeout: 60_000,
  });
  if (dataPanel) {
    await page.waitForFunction(() => document.querySelector('.data-panel') !== null, null, {
      timeout: 60_000,
    });
  }
  return { page, cdp, pageErrors };
}

/** The controls the benchmark drives, found by role and accessible name as the e2e suite finds them. */
function ui(page) {
  return {
    play: page.getByRole('button', { name: 'Play', exact: true }),
    runToEnd: page.getByRole('button', { name: 'Run to end', exact: true }),
    lrSlider: page.getByRole('slider', { name: 'Learning rate', exact: true }),
    speedSlider: page.getByRole('slider', { name: 'Speed', exact: true }),
    epochsTyped: page.getByRole('textbox', { name: 'Epochs, typed', exact: true }),
    lrTyped: page.getByRole('textbox', { name: 'Learning rate, typed', exact: true }),
  };
}

/** Waits until `read()` returns something `accept` likes (polling), or throws after `timeoutMs`. */
async function until(what, read, accept, timeoutMs = 30_000) {
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

async function runToEnd(page, epochs) {
  await ui(page).runToEnd.click();
  await until(
    `the run to reach epoch ${epochs}`,
    () => readClock(page),
    (c) => c?.epoch === epochs,
  );
}

/**
 * Which panels of the first screen (the top bar's, the lesson's, the runs' and the loss chart's) and
 * which of their charts are on screen: a panel counts when some of it is in the viewport, a chart
 * when all of it is. Also whether the data panel (below, loaded lazily) is rendered.
 */
function firstScreen(page) {
  return page.evaluate(() => {
    const box = (element) => element.getBoundingClientRect();
    const partly = (r) => r.width > 0 && r.height > 0 && r.top < innerHeight && r.bottom > 0;
    const wholly = (r) =>
      r.width > 0 &&
      r.height > 0 &&
      r.top >= 0 &&
      r.left >= 0 &&
      r.bottom <= innerHeight &&
      r.right <= innerWidth;
    const panels = [...document.querySelectorAll('.top-bar .panel, .workspace .panel')];
    const charts = [...document.querySelectorAll('.workspace .recharts-surface')];
    return {
      viewport: { width: innerWidth, height: innerHeight },
      panels: panels.length,
      panelsInView: panels.filter((p) => partly(box(p))).length,
      charts: charts.length,
      chartsInView: charts.filter((c) => wholly(box(c))).length,
      dataPanel: document.querySelector('.data-panel') !== null,
    };
  });
}

/** Chromium's cumulative main-thread counters (seconds), by name. */
async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map(({ name, value }) => [name, value]));
}

/**
 * Starts a requestAnimationFrame recorder: each frame's timestamp, the clock's epoch then, and how
 * many React commits the page had made by then.
 */
function startFrameRecorder(page) {
  return page.evaluate(() => {
    const progress = document.querySelector('.clock progress') ?? document.querySelector('progress');
    const recorder = { t: [], epoch: [], commits: [], running: true };
    window.__frames = recorder;
    const onFrame = (now) => {
      if (!recorder.running) return;
      recorder.t.push(now);
      recorder.epoch.push(progress ? progress.value : -1);
      recorder.commits.push(window.__bench.commits);
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
    return {
      t: window.__frames.t,
      epoch: window.__frames.epoch,
      commits: window.__frames.commits,
      reactHooked: window.__bench.reactHooked,
    };
  });

/** rAF timestamps of an idle app (nothing playing): what this machine's headless Chromium gives. */
export async function measureIdle(browser, baseURL, { device = 'laptop', throttle = 1, ms = 2000 } = {}) {
  const { page } = await openApp(browser, baseURL, { device, throttle });
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
 * The runs playing at the fastest speed (1,000 epochs/s) towards `epochs`, opened at
 * `#speed=1000&epochs=…&fragment` on `device` with the CPU slowed `throttle` times, the data panel
 * loaded, for `windowMs` or until the run ends. With `from` > 0 the runs are first run to `from`
 * epochs (Run to end), then lengthened to `epochs` (typed) and played from there: playing with a long
 * history. Play is clicked (tapped on a touch device). Returns the raw frame timestamps (with the
 * clock's epoch and React's commit count), the long animation frames, and Chromium's counters sampled
 * about once a second. `initScript` runs in the page before its own scripts (see openApp; bench/ab.mjs
 * adds CSS with it).
 */
export async function measureAnimation(
  browser,
  baseURL,
  {
    device = 'laptop',
    throttle = 1,
    fragment = '',
    epochs = 100_000,
    from = 0,
    windowMs = 6_000,
    initScript = null,
  } = {},
) {
  const link = [`speed=1000`, `epochs=${from > 0 ? from : epochs}`, fragment].filter(Boolean).join('&');
  const { page, cdp, pageErrors } = await openApp(browser, baseURL, {
    device,
    throttle,
    fragment: link,
    initScript,
  });
  try {
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    await page.evaluate(() => window.__bench.stopObserving());
    const clock = await until(
      `the clock to read ${from > 0 ? from : epochs} epochs`,
      () => readClock(page),
      (c) => c?.total === (from > 0 ? from : epochs),
    );
    if (clock.epoch !== 0) throw new Error(`The clock opened at epoch ${clock.epoch}, not 0.`);
    if (from > 0) {
      await runToEnd(page, from);
      await setEpochs(page, epochs);
      // Typing scrolled the settings into view: back to the first screen, the field left.
      await page.evaluate(() => {
        document.activeElement?.blur();
        window.scrollTo(0, 0);
      });
    }
    const visibility = await firstScreen(page);
    await sleep(500);

    await startFrameRecorder(page);
    const samples = [{ ...(await frameCount(page)), metrics: await metrics(cdp) }];
    if (DEVICES[device].hasTouch) await ui(page).play.tap();
    else await ui(page).play.click();
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
    return { device, throttle, fragment, epochs, from, frames, samples, ...observed, visibility, pageErrors };
  } finally {
    await page.context().close();
  }
}

/**
 * The learning-rate key: `presses` presses of → on the learning-rate slider, focused with the
 * keyboard (Shift+Tab, Tab: the app leaves → to a control only when it was reached with Tab, see
 * src/hooks/keyboard.ts), with `history` epochs run to the end first (opened at
 * `#lr=LR0&epochs=history`, then Run to end). Each press changes the rate one notch, and the app
 * recomputes both runs over the whole history. For every keydown the page records its timeStamp,
 * the first paint after it, and whether the slider showed the new rate by then. Presses are
 * `gapMs` apart after the previous one was painted (a person pressing a key, not auto-repeat).
 */
export async function measureKeyLatency(
  browser,
  baseURL,
  { device = 'laptop', throttle = 1, history = 10_000, presses = 20, lr0 = 0.005, gapMs = 150 } = {},
) {
  const { page, pageErrors } = await openApp(browser, baseURL, {
    device,
    throttle,
    fragment: `lr=${lr0}&epochs=${history}`,
  });
  try {
    await page.evaluate(() => window.__bench.stopObserving());
    await until(
      `the clock to read ${history} epochs`,
      () => readClock(page),
      (c) => c?.total === history,
    );
    await runToEnd(page, history);
    await sleep(300);
    const slider = ui(page).lrSlider;
    await slider.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const focused = await slider.evaluate((element) => document.activeElement === element);
    if (!focused) throw new Error('Tab did not bring the focus back to the learning-rate slider.');
    const typed = await ui(page).lrTyped.elementHandle();
    await slider.evaluate((element, field) => {
      const recorder = { events: [] };
      window.__keys = recorder;
      // The whole update: the typed field shows the store's rate, so once it reads what the slider
      // says, the runs and charts were rendered with the new rate too (the same commit).
      const whenCommitted = (entry) => {
        if (field.value === element.getAttribute('aria-valuetext')) {
          window.__bench.afterNextPaint((painted) => (entry.complete = painted));
        } else requestAnimationFrame(() => whenCommitted(entry));
      };
      document.addEventListener(
        'keydown',
        (event) => {
          if (event.key !== 'ArrowRight') return;
          const entry = {
            stamp: event.timeStamp,
            before: element.value,
            painted: NaN,
            shown: false,
            complete: NaN,
          };
          recorder.events.push(entry);
          window.__bench.afterNextPaint((painted) => {
            entry.painted = painted;
            entry.shown = element.value !== entry.before;
          });
          requestAnimationFrame(() => whenCommitted(entry));
        },
        true,
      );
    }, typed);
    const since = await page.evaluate(() => performance.now());
    for (let i = 0; i < presses; i++) {
      await page.keyboard.press('ArrowRight');
      await until(
        `key ${i + 1} to be painted, the runs and charts too`,
        () =>
          page.evaluate(
            (k) =>
              !Number.isNaN(
                (window.__keys.events[k]?.painted ?? NaN) + (window.__keys.events[k]?.complete ?? NaN),
              ),
            i,
          ),
        Boolean,
      );
      await sleep(gapMs);
    }
    const result = await page.evaluate(
      (from) => ({
        events: window.__keys.events,
        loaf: window.__bench.loaf.filter((e) => e.startTime >= from),
      }),
      since,
    );
    const lr = await slider.getAttribute('aria-valuetext');
    return { device, throttle, history, presses, lr0, lr, ...result, pageErrors };
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
export async function measureDrag(
  browser,
  baseURL,
  { device = 'laptop', throttle = 1, history, moves = 50 },
) {
  const { page, pageErrors } = await openApp(browser, baseURL, {
    device,
    throttle,
    fragment: `epochs=${history}`,
  });
  try {
    await page.evaluate(() => window.__bench.stopObserving());
    const app = ui(page);
    await runToEnd(page, history);
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
    return {
      device,
      throttle,
      history,
      maxIndex: max,
      targets: targets.length,
      seconds,
      ...result,
      pageErrors,
    };
  } finally {
    await page.context().close();
  }
}

/**
 * One cold load in a fresh context (empty cache, the service worker allowed to install as on a first
 * visit) on `device` with the CPU slowed `throttle` times from before navigation: paint timing,
 * navigation timing, when both landscapes (GD's and SGD's) were drawn and painted, and when the
 * Recharts surfaces appeared and were painted. Times are from navigation start.
 */
export async function measureLoad(browser, baseURL, { device = 'laptop', throttle = 1 } = {}) {
  const { page, pageErrors } = await openApp(browser, baseURL, {
    device,
    throttle,
    firstVisit: true,
    dataPanel: false,
  });
  try {
    await until(
      'both landscapes to be painted by the app',
      () => page.evaluate(() => !Number.isNaN(window.__bench.app?.painted ?? NaN)),
      Boolean,
      60_000,
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
        responseEnd: nav ? nav.responseEnd : NaN,
        domContentLoaded: nav ? nav.domContentLoadedEventEnd : NaN,
        load: nav ? nav.loadEventEnd : NaN,
        surfaces: window.__bench.surfaces,
        landscapes: window.__bench.landscapes,
        app: window.__bench.app,
      };
    });
    const painted = result.surfaces.map((s) => s.painted).filter((t) => !Number.isNaN(t));
    return {
      ...result,
      device,
      throttle,
      landscapesDrawn: result.landscapes.at,
      landscapesPainted: result.landscapes.painted,
      appDrawn: result.app.at,
      appPainted: result.app.painted,
      firstChartPainted: Math.min(...painted),
      chartsPainted: Math.max(...painted),
      charts: result.surfaces.at(-1)?.count ?? 0,
      pageErrors,
    };
  } finally {
    await page.context().close();
  }
}
