// `node bench/profile.mjs`: where the main thread's time goes while both runs play, under issue
// #17's conditions (1366×768, CPU 4× slower, 1,000 epochs/s towards 100,000 epochs, the data panel
// loaded). Not part of `npm run bench` (it takes a minute and its build differs from production).
//
//   node bench/profile.mjs [--throttle 4] [--seconds 4] [--fragment 'opt=adam'] [--device phone] [--load]
//   node bench/profile.mjs --from-play --seconds 1   (from the click on Play: the run's first frames)
//   node bench/profile.mjs --keys         (10 presses of → on the learning-rate slider at 10,000 epochs)
//   node bench/profile.mjs --analyze      (the last recording's figures again)
//
// It builds the app without minification (function names kept) and with source maps (to tell whose
// code each function is) into bench-results/build/profile, serves it with `vite preview`, records a Chromium trace (devtools.timeline, the V8
// sampling profiler, stack traces of forced layouts) of `--seconds` of play, and prints, per frame:
// the main thread's time by kind of work (script, style, layout, paint, GC …), whether layouts were
// forced from script (and from where), React commits, and the JS cost by package and by function
// (self and total). `--load` records a cold load instead (navigation → the app's landscapes painted), with
// its long tasks in order; `--keys` ten presses of → on the learning-rate slider (per press).
// The trace is written to bench-results/profile/trace.json (open it in DevTools' Performance panel).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { DEVICES, installObservers, launchBrowser, openApp } from './browser.mjs';
import { num, table } from './stats.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = resolve(ROOT, 'bench-results/build/profile');
const TRACE = resolve(ROOT, 'bench-results/profile/trace.json');
const META = resolve(ROOT, 'bench-results/profile/trace.meta.json');

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : fallback;
};
const THROTTLE = Number(option('throttle', '4'));
const SECONDS = Number(option('seconds', '4'));
const FRAGMENT = option('fragment', '');
const DEVICE = option('device', 'laptop');
const LOAD = argv.includes('--load');
const FROM_PLAY = argv.includes('--from-play');
const KEYS = argv.includes('--keys');
const PRESSES = 10;

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const log = (message) => process.stderr.write(`[profile] ${message}\n`);
const print = (text = '') => process.stdout.write(`${text}\n`);

/** Whose code a source file is: a package (React, Recharts …) or a folder of src/. */
function ownerOf(source) {
  const path = source.split(sep).join('/');
  const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1];
  if (pkg) {
    if (/^(react|react-dom|scheduler)$/.test(pkg)) return 'React';
    if (pkg === 'recharts') return 'Recharts';
    if (/^(victory-vendor|d3-.*|internmap)$/.test(pkg)) return 'd3';
    if (
      /^(@reduxjs\/toolkit|redux|react-redux|reselect|immer|redux-thunk|use-sync-external-store)$/.test(pkg)
    )
      return 'Redux (Recharts)';
    return pkg;
  }
  const src = path.match(/(?:^|\/)src\/(.*)$/)?.[1];
  if (src) return `src/${src.includes('/') ? src.slice(0, src.lastIndexOf('/') + 1) : src}`;
  return path;
}

/** The app as built for production, but not minified (names kept) and with source maps. */
async function buildForProfile() {
  await build({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: OUT_DIR, emptyOutDir: true, minify: false, sourcemap: true },
  });
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A source map's segments per generated line: [column, source index], sorted by column. */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) {
        source += fields[1];
        segments.push([column, source]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

/** (script URL, 0-based line, column) → the source file it was built from, via the build's maps. */
function sourceLocator(assetsDir) {
  const maps = new Map();
  return (url, line, column) => {
    const file = url?.match(/\/assets\/([^/?#]+\.js)/)?.[1];
    if (!file) return null;
    if (!maps.has(file)) {
      try {
        const map = JSON.parse(readFileSync(resolve(assetsDir, `${file}.map`), 'utf8'));
        maps.set(file, { sources: map.sources, lines: decodeMappings(map.mappings) });
      } catch {
        maps.set(file, null);
      }
    }
    const map = maps.get(file);
    const segments = map?.lines[line];
    if (!segments?.length) return null;
    let found = segments[0];
    for (const segment of segments) {
      if (segment[0] > column) break;
      found = segment;
    }
    return map.sources[found[1]] ?? null;
  };
}

const CATEGORIES = [
  '-*',
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'disabled-by-default-devtools.timeline.stack',
  'v8.execute',
  'v8',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-v8.gc',
];

/** What kind of work a trace event is (DevTools' grouping, roughly). */
function kindOf(name) {
  if (/^(MinorGC|MajorGC|V8\.GC|BlinkGC|GCEvent|ThreadState::|CppGC|V8\.(Scavenge|MarkCompact))/.test(name))
    return 'GC';
  if (/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet)$/.test(name)) return 'style';
  if (
    /^(Layout|UpdateLayout|HitTest|LayoutShift|IntersectionObserverController::computeIntersections|ResizeObserverController::)/.test(
      name,
    )
  )
    return 'layout';
  if (
    /^(Paint|PaintImage|PrePaint|Layerize|UpdateLayer|UpdateLayerTree|CompositeLayers|Commit|RasterTask|PaintArtifactCompositor::Update|ScrollLayer|DecodeImage)/.test(
      name,
    )
  )
    return 'paint & composite';
  if (/^(ParseHTML|ParseScript)/.test(name)) return 'parse HTML';
  if (
    /^(FunctionCall|EvaluateScript|v8\.|V8\.|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks|FireIdleCallback|v8\.compile|CpuProfiler|ProfileChunk|MessagePort|PerformanceObserver|MutationObserver|ScheduledAction|XHR)/.test(
      name,
    )
  )
    return 'script';
  return 'other';
}

const SCRIPT_PARENTS =
  /^(FunctionCall|FireAnimationFrame|EventDispatch|TimerFire|RunMicrotasks|FireIdleCallback|v8\.callFunction|v8\.run|V8\.Execute|EvaluateScript)$/;

/**
 * The main thread's events of the page's renderer, nested by time, with self times; the CPU
 * profile's samples; the window between the bench-start and bench-end marks.
 */
function analyzeTrace(events, frames, locate) {
  const threadNames = events.filter((e) => e.ph === 'M' && e.name === 'thread_name');
  const mains = threadNames.filter((e) => e.args.name === 'CrRendererMain');
  // The renderer that holds the marks is the page's.
  const mark = events.find((e) => e.name === 'bench-start');
  const main = mains.find((m) => m.pid === mark?.pid) ?? mains[0];
  const { pid, tid } = main;
  const endMark = events.find((e) => e.name === 'bench-end' && e.pid === pid);
  const [from, to] = [mark.ts, endMark.ts];
  const windowMs = (to - from) / 1000;

  // Complete events (X) and B/E pairs of the main thread, inside the window.
  const open = [];
  const list = [];
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.ph === 'X') list.push({ name: e.name, ts: e.ts, end: e.ts + (e.dur ?? 0), args: e.args });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const begin = open.pop();
      if (begin) list.push({ name: begin.name, ts: begin.ts, end: e.ts, args: { ...begin.args, ...e.args } });
    }
  }
  const inWindow = list.filter((e) => e.ts >= from && e.end <= to);
  inWindow.sort((a, b) => a.ts - b.ts || b.end - a.end);

  // Self time per event name and per kind; forced layouts (a Layout or style recalc under script).
  const selfByName = new Map();
  const selfByKind = new Map();
  const stack = [];
  const forced = {
    layout: { count: 0, ms: 0 },
    style: { count: 0, ms: 0 },
    inRaf: { count: 0, ms: 0 },
    stacks: new Map(),
  };
  let taskMs = 0;
  for (const e of inWindow) {
    while (stack.length && stack.at(-1).end <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) parent.childMs += (e.end - e.ts) / 1000;
    if (!parent && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'))
      taskMs += (e.end - e.ts) / 1000;
    const underScript = stack.some((s) => SCRIPT_PARENTS.test(s.name));
    if ((e.name === 'Layout' || e.name === 'UpdateLayoutTree') && underScript) {
      const f = e.name === 'Layout' ? forced.layout : forced.style;
      f.count++;
      f.ms += (e.end - e.ts) / 1000;
      if (stack.some((s) => s.name === 'FireAnimationFrame')) {
        forced.inRaf.count++;
        forced.inRaf.ms += (e.end - e.ts) / 1000;
      }
      const frame = (e.args?.beginData?.stackTrace ?? [])[0];
      const where = frame
        ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`
        : '(no stack)';
      forced.stacks.set(
        `${e.name} ← ${where}`,
        (forced.stacks.get(`${e.name} ← ${where}`) ?? 0) + (e.end - e.ts) / 1000,
      );
    }
    e.childMs = 0;
    stack.push(e);
  }
  for (const e of inWindow) {
    const self = Math.max(0, (e.end - e.ts) / 1000 - e.childMs);
    selfByName.set(e.name, (selfByName.get(e.name) ?? 0) + self);
    const kind = kindOf(e.name);
    selfByKind.set(kind, (selfByKind.get(kind) ?? 0) + self);
  }
  const countOf = (name) => inWindow.filter((e) => e.name === name).length;

  // The V8 sampling profiler's samples of this thread: self and total time per function and package.
  const nodes = new Map();
  const samples = [];
  let profileStart = null;
  let time = 0;
  // The Profile event is the main thread's; its chunks come from the profiler's thread, same id.
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  for (const e of events) {
    if (e.pid !== pid) continue;
    if (e === profile) {
      profileStart = e.args.data.startTime;
      time = profileStart;
    }
    if (e.name !== 'ProfileChunk' || !profile || e.id !== profile.id) continue;
    const data = e.args.data;
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) {
      time += deltas[i] ?? 0;
      samples.push({ id: ids[i], t: time });
    }
  }
  // Where a function comes from: its source file (package or src/…), via the build's source maps.
  const sourceOf = (node) => {
    const { url, lineNumber, columnNumber } = node.callFrame;
    const source = locate(url, lineNumber, columnNumber);
    return source
      ? source.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '')
      : url
        ? url.split('/').pop()
        : '';
  };
  const label = (node) => `${node.callFrame.functionName || '(anonymous)'}  ${sourceOf(node)}`;
  const selfFn = new Map();
  const totalFn = new Map();
  const selfPkg = new Map();
  let sampledMs = 0;
  for (let i = 0; i + 1 < samples.length; i++) {
    const s = samples[i];
    if (s.t < from || s.t > to) continue;
    const ms = (samples[i + 1].t - s.t) / 1000;
    const leaf = nodes.get(s.id);
    if (!leaf) continue;
    const leafName = leaf.callFrame.functionName;
    if (leafName === '(idle)' || leafName === '(program)') continue;
    sampledMs += ms;
    const leafLabel = label(leaf);
    selfFn.set(leafLabel, (selfFn.get(leafLabel) ?? 0) + ms);
    const located = locate(leaf.callFrame.url, leaf.callFrame.lineNumber, leaf.callFrame.columnNumber);
    const pkg =
      leafName === '(garbage collector)'
        ? '(GC)'
        : located
          ? ownerOf(located)
          : '(V8 / browser, called from JS)';
    selfPkg.set(pkg, (selfPkg.get(pkg) ?? 0) + ms);
    const seen = new Set();
    for (let node = leaf; node; node = nodes.get(node.parent)) {
      const l = label(node);
      if (seen.has(l)) continue;
      seen.add(l);
      totalFn.set(l, (totalFn.get(l) ?? 0) + ms);
    }
  }
  return {
    windowMs,
    frames,
    taskMs,
    selfByName,
    selfByKind,
    forced,
    counts: {
      FireAnimationFrame: countOf('FireAnimationFrame'),
      Layout: countOf('Layout'),
      UpdateLayoutTree: countOf('UpdateLayoutTree'),
      Paint: countOf('Paint'),
      MinorGC: countOf('MinorGC'),
      MajorGC: countOf('MajorGC'),
    },
    sampledMs,
    selfFn,
    totalFn,
    selfPkg,
  };
}

/** Init script: counts ResizeObserver callbacks (a setState from one re-renders outside the frame's commit). */
function countResizeObservers() {
  const counter = { count: 0, targets: {} };
  window.__resizes = counter;
  const Native = window.ResizeObserver;
  window.ResizeObserver = class extends Native {
    constructor(callback) {
      super((entries, observer) => {
        counter.count++;
        for (const entry of entries) {
          const target = entry.target;
          const name = String(target.className?.baseVal ?? target.className ?? target.tagName).split(' ')[0];
          counter.targets[name] = (counter.targets[name] ?? 0) + 1;
        }
        callback(entries, observer);
      });
    }
  };
}

const top = (map, n) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);

function printReport(r, commits, title, unit = 'frame') {
  const per = (ms) => `${num(ms / r.frames, 2)} ms`;
  print(title);
  print(
    `window ${num(r.windowMs, 0)} ms, ${r.frames} ${unit === 'press' ? 'presses' : `${unit}s`}` +
      `${unit === 'frame' ? ` (${num((r.frames / r.windowMs) * 1000, 1)} fps)` : ''}, ` +
      `React commits ${commits} (${num(commits / r.frames, 2)} per ${unit}); main-thread tasks ${num(r.taskMs, 0)} ms ` +
      `= ${per(r.taskMs)} per ${unit} (${num((r.taskMs / r.windowMs) * 100, 0)} % busy)`,
  );
  print();
  print(
    table(
      'Main thread by kind of work (self time of trace events)',
      ['kind', `per ${unit}`, 'share'],
      top(r.selfByKind, 20).map(([k, ms]) => [k, per(ms), `${num((ms / r.taskMs) * 100, 0)} %`]),
    ),
  );
  print();
  print(
    table(
      'Trace events, self time',
      ['event', `per ${unit}`, 'count'],
      top(r.selfByName, 18).map(([k, ms]) => [k, per(ms), '']),
    ),
  );
  print(
    `events in window: ${Object.entries(r.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  print(
    `forced (synchronous) layout from script: ${r.forced.layout.count} layouts, ${per(r.forced.layout.ms)} per ${unit}; ` +
      `style recalcs ${r.forced.style.count}, ${per(r.forced.style.ms)}; of them inside requestAnimationFrame callbacks: ` +
      `${r.forced.inRaf.count}, ${per(r.forced.inRaf.ms)}`,
  );
  for (const [where, ms] of top(r.forced.stacks, 8)) print(`  ${per(ms)}  ${where}`);
  print();
  print(
    table(
      `JS by package / folder of src/ (V8 samples, self time; ${num(r.sampledMs, 0)} ms sampled = ${per(r.sampledMs)} per ${unit})`,
      ['code', `per ${unit}`, 'share'],
      top(r.selfPkg, 16).map(([k, ms]) => [k, per(ms), `${num((ms / r.sampledMs) * 100, 0)} %`]),
    ),
  );
  print();
  print(
    table(
      'Functions, self time',
      ['function  source', `per ${unit}`],
      top(r.selfFn, 25).map(([k, ms]) => [k, per(ms)]),
    ),
  );
  print();
  const phase = (name) =>
    [...r.totalFn.entries()].filter(([k]) => k.startsWith(`${name}  `)).reduce((sum, [, ms]) => sum + ms, 0);
  print(
    table(
      'React by phase (total time of its entry points)',
      ['phase', `per ${unit}`],
      [
        [
          'render, synchronous (renderRootSync: store updates through useSyncExternalStore)',
          per(phase('renderRootSync')),
        ],
        [
          'render, concurrent (renderRootConcurrent: setState outside events, transitions)',
          per(phase('renderRootConcurrent')),
        ],
        ['commit (commitRoot: DOM mutations, layout effects)', per(phase('commitRoot'))],
        ['passive effects (flushPassiveEffects: useEffect)', per(phase('flushPassiveEffects'))],
      ],
    ),
  );
  print();
  print(
    table(
      'Our code (src/), total time with callees',
      ['function  source', `per ${unit}`],
      [...r.totalFn.entries()]
        .filter(([k]) => k.includes('  src/'))
        .sort((a, b) => b[1] - a[1])
        .slice(0, 30)
        .map(([k, ms]) => [k, per(ms)]),
    ),
  );
  print();
  print(
    table(
      'Functions, total time (with callees)',
      ['function  source', `per ${unit}`],
      top(r.totalFn, 40).map(([k, ms]) => [k, per(ms)]),
    ),
  );
}

/** Waits until the clock (its <progress>) reads `epoch`. */
async function untilEpoch(page, epoch) {
  await page.waitForFunction((e) => document.querySelector('progress')?.value === e, epoch, {
    timeout: 60_000,
  });
}

/**
 * Marks the window's start and counts React commits and ResizeObserver callbacks from there, and
 * frames (with a requestAnimationFrame loop of its own) when `countFrames`.
 */
const startWindow = (page, countFrames = true) =>
  page.evaluate((count) => {
    const recorder = {
      frames: 0,
      commits: window.__bench.commits,
      resizes: window.__resizes.count,
      running: true,
    };
    window.__profileFrames = recorder;
    const onFrame = () => {
      if (!recorder.running) return;
      recorder.frames++;
      requestAnimationFrame(onFrame);
    };
    if (count) requestAnimationFrame(onFrame);
    performance.mark('bench-start');
  }, countFrames);

/** Marks the window's end; its frames, commits and ResizeObserver callbacks. */
const endWindow = (page) =>
  page.evaluate(() => {
    performance.mark('bench-end');
    const recorder = window.__profileFrames;
    recorder.running = false;
    const targets = Object.entries(window.__resizes.targets).map(([k, n]) => `${k} ×${n}`);
    return {
      frames: recorder.frames,
      commits: window.__bench.commits - recorder.commits,
      note:
        `ResizeObserver callbacks in the window: ${window.__resizes.count - recorder.resizes} ` +
        `(targets since load: ${targets.join(', ') || 'none'})`,
    };
  });

async function main() {
  if (argv.includes('--analyze')) {
    // The last recording again, without recording (after changing this script's analysis).
    const { frames, commits, title, unit } = JSON.parse(readFileSync(META, 'utf8'));
    const events = JSON.parse(readFileSync(TRACE, 'utf8')).traceEvents;
    printReport(
      analyzeTrace(events, frames, sourceLocator(resolve(OUT_DIR, 'assets'))),
      commits,
      title,
      unit,
    );
    return;
  }
  log('building without minification into bench-results/build/profile …');
  await buildForProfile();
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: OUT_DIR },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const browser = await launchBrowser();
  try {
    const baseURL = `http://127.0.0.1:${server.httpServer.address().port}/`;
    let page;
    let frames = 0;
    let commits = 0;
    let unit = 'frame';
    let what = '';
    if (LOAD) {
      // Tracing starts before navigation: the whole load, to the app's landscapes painted.
      what = 'cold load, navigation → the app’s landscapes painted';
      unit = 'load';
      const { viewport, hasTouch = false, isMobile = false } = DEVICES[DEVICE];
      const context = await browser.newContext({ viewport, hasTouch, isMobile });
      await context.addInitScript(installObservers);
      await context.addInitScript(countResizeObservers);
      page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      if (THROTTLE !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
      await browser.startTracing(page, { categories: CATEGORIES });
      await page.goto(FRAGMENT ? `${baseURL}#${FRAGMENT}` : baseURL);
      // Until the app has painted its own landscapes (not only the first screen's poster).
      await page.waitForFunction(() => !Number.isNaN(window.__bench.app?.painted ?? NaN), null, {
        timeout: 60_000,
      });
      commits = await page.evaluate(() => {
        performance.mark('bench-end');
        return window.__bench.commits;
      });
      frames = 1;
    } else if (KEYS) {
      what = `→ on the learning-rate slider ×${PRESSES}, 10,000 epochs of history`;
      unit = 'press';
      ({ page } = await openApp(browser, baseURL, {
        device: DEVICE,
        throttle: THROTTLE,
        fragment: ['lr=0.005', 'epochs=10000', FRAGMENT].filter(Boolean).join('&'),
        initScript: countResizeObservers,
      }));
      await page.evaluate(() => window.__bench.stopObserving());
      await page.getByRole('button', { name: 'Run to end', exact: true }).click();
      await untilEpoch(page, 10_000);
      const slider = page.getByRole('slider', { name: 'Learning rate', exact: true });
      await slider.focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      await sleep(500);
      await browser.startTracing(page, { categories: CATEGORIES });
      await startWindow(page, false); // no rAF loop of ours: the page is idle between presses
      for (let i = 0; i < PRESSES; i++) {
        await page.keyboard.press('ArrowRight');
        await sleep(400);
      }
      const counted = await endWindow(page);
      ({ commits } = counted);
      frames = PRESSES;
      print(counted.note);
    } else {
      what = `playing${FRAGMENT ? ` #${FRAGMENT}` : ''}`;
      ({ page } = await openApp(browser, baseURL, {
        device: DEVICE,
        throttle: THROTTLE,
        fragment: ['speed=1000', 'epochs=100000', FRAGMENT].filter(Boolean).join('&'),
        initScript: countResizeObservers,
      }));
      await page.evaluate(() => window.__bench.stopObserving());
      await sleep(500);
      const play = () => page.getByRole('button', { name: 'Play', exact: true }).click();
      if (FROM_PLAY) {
        // The run's first frames, when everything on the screen moves at once.
        await browser.startTracing(page, { categories: CATEGORIES });
        await startWindow(page);
        await play();
      } else {
        await play();
        await sleep(1000); // past the first frames
        await browser.startTracing(page, { categories: CATEGORIES });
        await startWindow(page);
      }
      await sleep(SECONDS * 1000);
      const counted = await endWindow(page);
      ({ frames, commits } = counted);
      print(counted.note);
    }
    const buffer = await browser.stopTracing();
    mkdirSync(dirname(TRACE), { recursive: true });
    writeFileSync(TRACE, buffer);
    const { traceEvents } = JSON.parse(buffer.toString('utf8'));
    if (LOAD) {
      // The window runs from navigation start to the end mark.
      const endMark = traceEvents.find((e) => e.name === 'bench-end');
      const nav = traceEvents.find((e) => e.name === 'navigationStart' && e.pid === endMark.pid);
      traceEvents.push({ ...endMark, name: 'bench-start', ts: nav?.ts ?? endMark.ts - 5e6 });
      const paints = await page.evaluate(() =>
        performance.getEntriesByType('paint').map((e) => `${e.name} ${Math.round(e.startTime)} ms`),
      );
      const [landscapes, app] = await page.evaluate(() =>
        [window.__bench.landscapes.painted, window.__bench.app.painted].map(Math.round),
      );
      print(
        `paint timing: ${paints.join(', ')}; both landscapes painted at ${landscapes} ms, by the app at ${app} ms`,
      );
    }
    const title =
      `Profile: ${what}, ${DEVICES[DEVICE].label}, CPU ${THROTTLE === 1 ? '1×' : `${THROTTLE}× slower`}; ` +
      'trace in bench-results/profile/trace.json';
    writeFileSync(META, JSON.stringify({ frames, commits, title, unit }));
    const locate = sourceLocator(resolve(OUT_DIR, 'assets'));
    printReport(analyzeTrace(traceEvents, frames, locate), commits, title, unit);
    if (LOAD) printTimeline(traceEvents);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** A cold load's long main-thread tasks (≥ 15 ms) from navigation start, with what they did. */
function printTimeline(events) {
  const end = events.find((e) => e.name === 'bench-end');
  const nav = events.find((e) => e.name === 'navigationStart' && e.pid === end.pid);
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === end.pid && e.args.name === 'CrRendererMain',
  );
  const onMain = events.filter((e) => e.pid === end.pid && e.tid === main.tid && e.ph === 'X');
  const at = (ts) => `${num((ts - nav.ts) / 1000, 0)} ms`;
  const marks = events.filter(
    (e) =>
      e.pid === end.pid &&
      /^(firstPaint|firstContentfulPaint|domContentLoadedEventEnd|MarkLoad)$/.test(e.name),
  );
  const rows = onMain
    .filter(
      (e) =>
        e.name === 'ThreadControllerImpl::RunTask' && e.dur >= 15_000 && e.ts >= nav.ts && e.ts <= end.ts,
    )
    .map((task) => {
      const inside = onMain.filter(
        (e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e !== task,
      );
      const sum = (name) => inside.filter((e) => e.name === name).reduce((s, e) => s + e.dur, 0) / 1000;
      const script = inside
        .filter((e) =>
          /^(FunctionCall|EvaluateScript|v8\.evaluateModule|v8\.compile|V8\.CompileCode)$/.test(e.name),
        )
        .sort((a, b) => b.dur - a.dur)[0];
      const name = script
        ? `${script.name}${script.args?.data?.functionName ? ` ${script.args.data.functionName}` : ''}` +
          `${script.args?.data?.url ? ` (${script.args.data.url.split('/').pop()})` : ''}`
        : '';
      return [
        at(task.ts),
        `${num(task.dur / 1000, 0)} ms`,
        `${num(sum('Layout'), 0)} / ${num(sum('UpdateLayoutTree'), 0)} ms`,
        name,
      ];
    });
  print();
  print(`marks: ${marks.map((m) => `${m.name} ${at(m.ts)}`).join(', ')}`);
  print(
    table(
      'Long main-thread tasks of the load (≥ 15 ms)',
      ['start', 'took', 'layout / style', 'longest script in it'],
      rows,
    ),
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`\nprofile failed: ${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
