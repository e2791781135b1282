// `npm run bench`: builds the app and the core, measures them, prints plain-text tables and writes
// bench-results/latest.json. A missed budget is reported, not fatal (exit 0); a benchmark that
// cannot measure (build error, browser missing, a step timing out) exits 1.
// See bench/README.md for what each figure means.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { preview } from 'vite';
import { buildApp, buildCore } from './build.mjs';
import { analyzeAnimation, analyzeDrag, analyzeLoads } from './analyze.mjs';
import { launchBrowser, measureAnimation, measureDrag, measureIdle, measureLoad } from './browser.mjs';
import { gaps, kB, MB, median, num, p95, table } from './stats.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Built apart from dist/ so that a benchmark never swaps the build under a running e2e suite.
const APP_DIR = resolve(ROOT, 'node_modules/.bench/dist');
const CORE_DIR = resolve(ROOT, 'node_modules/.bench/core');
const RESULTS = resolve(ROOT, 'bench-results/latest.json');

const BUDGETS = {
  meanFps: 58,
  p95FrameMs: 20,
  inputToPaintP95Ms: 50,
  heapGrowthBytes: 50e6,
  initialJsGzipBytes: 200e3,
  coreVsPython: 50,
};

const began = Date.now();
const startLoad = loadavg()[0];
const log = (message) =>
  process.stderr.write(`[bench ${((Date.now() - began) / 1000).toFixed(1)} s] ${message}\n`);
const print = (text = '') => process.stdout.write(`${text}\n`);

// ---------------------------------------------------------------------------------------------
// 1. Core speed: the TypeScript core in Node against the lecture's Python loop, same work.

function lectureData() {
  return { xs: [1, 2, 3], ys: [2, 4, 6] };
}

/** 1,000 points of y = 2x + noise, x uniform in [0, 3), from the core's seeded generator. */
async function seededData(bundle, n, seed) {
  const { mulberry32, gaussian } = await import(pathToFileURL(bundle).href);
  const random = mulberry32(seed);
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = 3 * random();
    xs.push(x);
    ys.push(2 * x + 0.5 * gaussian(random));
  }
  return { xs, ys };
}

function runJson(command, args, input) {
  const result = spawnSync(command, args, { cwd: ROOT, input, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.error) throw new Error(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0)
    throw new Error(`${command} ${args[0]} failed (${result.status}):\n${result.stderr}`);
  return JSON.parse(result.stdout);
}

async function coreSpeed(bundle) {
  const big = await seededData(bundle, 1000, 20240601);
  const lecture = lectureData();
  const workloads = [
    { name: 'GD, lecture data (n = 3)', optimizer: 'gd', data: lecture, epochs: 100_000 },
    { name: 'SGD, lecture data (n = 3)', optimizer: 'sgd', data: lecture, epochs: 100_000 },
    { name: 'GD, 1,000 seeded points', optimizer: 'gd', data: big, epochs: 500 },
    { name: 'SGD, 1,000 seeded points', optimizer: 'sgd', data: big, epochs: 500 },
  ];
  const results = [];
  for (const workload of workloads) {
    const settings = {
      optimizer: workload.optimizer,
      ...workload.data,
      w0: 1,
      lr: 0.01,
      epochs: workload.epochs,
    };
    log(`core speed: ${workload.name}, ${num(workload.epochs, 0)} epochs`);
    const ts = runJson(process.execPath, [
      resolve(ROOT, 'bench/core-speed.mjs'),
      pathToFileURL(bundle).href,
      JSON.stringify({ ...settings, reps: 7, warmup: 2 }),
    ]);
    const py = runJson(
      'python3',
      [resolve(ROOT, 'bench/python_loop.py')],
      JSON.stringify({ ...settings, reps: 5 }),
    );
    const tsRate = workload.epochs / median(ts.seconds);
    const pyRate = workload.epochs / median(py.seconds);
    results.push({
      name: workload.name,
      optimizer: workload.optimizer,
      n: workload.data.xs.length,
      epochs: workload.epochs,
      ts: { seconds: ts.seconds, epochsPerSecond: tsRate, w: ts.w },
      python: { seconds: py.seconds, epochsPerSecond: pyRate, w: py.w, version: py.python },
      ratio: tsRate / pyRate,
      sameW: Number(py.w) === ts.w,
    });
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// 5a. Size: what the first page load fetches, gzipped.

function initialAssets(distDir) {
  const html = readFileSync(resolve(distDir, 'index.html'), 'utf8');
  const files = [];
  const tag = /<(script|link)\b[^>]*>/g;
  for (const [element, name] of html.matchAll(tag)) {
    const attr = (key) => element.match(new RegExp(`\\s${key}="([^"]*)"`))?.[1];
    let kind = null;
    let href = null;
    if (name === 'script' && attr('src')) [kind, href] = ['js', attr('src')];
    else if (name === 'link' && attr('rel') === 'modulepreload') [kind, href] = ['js', attr('href')];
    else if (name === 'link' && attr('rel') === 'stylesheet') [kind, href] = ['css', attr('href')];
    if (kind === null || /^(https?:)?\/\//.test(href)) continue;
    const bytes = readFileSync(resolve(distDir, href.replace(/^\//, '')));
    files.push({ kind, file: href, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length });
  }
  const sum = (kind, key) => files.filter((f) => f.kind === kind).reduce((s, f) => s + f[key], 0);
  return {
    files,
    jsBytes: sum('js', 'bytes'),
    jsGzipBytes: sum('js', 'gzipBytes'),
    cssBytes: sum('css', 'bytes'),
    cssGzipBytes: sum('css', 'gzipBytes'),
  };
}

// ---------------------------------------------------------------------------------------------

async function waitUntilServed(url, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`vite preview at ${url} did not answer within ${timeoutMs} ms`);
}

function environment(browserVersion) {
  const git = (args) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  };
  return {
    date: new Date().toISOString(),
    node: process.version,
    chromium: browserVersion,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    commit: git(['rev-parse', '--short', 'HEAD']),
    dirty: (git(['status', '--porcelain']) ?? '') !== '',
    loadAverage: { start: startLoad, end: loadavg()[0] },
  };
}

/** Everything measured in the browser, one page per measurement, against `vite preview` of APP_DIR. */
async function browserFigures() {
  log('starting vite preview …');
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: APP_DIR },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  let browser = null;
  try {
    const address = server.httpServer.address();
    if (address === null || typeof address === 'string')
      throw new Error('vite preview did not start listening');
    const baseURL = `http://127.0.0.1:${address.port}/`;
    await waitUntilServed(baseURL);
    browser = await launchBrowser();

    log('idle baseline: 2 s of requestAnimationFrame on the idle app …');
    const idleFrames = (await measureIdle(browser, baseURL)).t;
    const idleGaps = gaps(idleFrames);
    const idle = {
      meanFps: (idleGaps.length / (idleFrames.at(-1) - idleFrames[0])) * 1000,
      p95: p95(idleGaps),
    };

    log('animation: both runs at 1,000 epochs/s towards 10,000 epochs, 10 s …');
    const animation = analyzeAnimation(await measureAnimation(browser, baseURL, { epochs: 10_000 }));
    log('animation with a long history: Run to end at 99,000 epochs, then play on to 100,000 …');
    const longHistory = analyzeAnimation(
      await measureAnimation(browser, baseURL, { from: 99_000, epochs: 100_000, windowMs: 15_000 }),
    );

    const drags = [];
    for (const history of [100, 10_000]) {
      log(`slider drag: 50 learning-rate inputs with ${num(history, 0)} epochs of history …`);
      drags.push(analyzeDrag(await measureDrag(browser, baseURL, { history })));
    }

    const rawLoads = [];
    for (let i = 0; i < 5; i++) {
      log(`cold load ${i + 1} of 5 …`);
      rawLoads.push(await measureLoad(browser, baseURL));
    }
    return {
      chromium: browser.version(),
      idle,
      animation,
      longHistory,
      drags,
      loads: analyzeLoads(rawLoads),
    };
  } finally {
    await browser?.close();
    await server.close();
  }
}

async function main() {
  log('building the app (vite build) into node_modules/.bench/dist …');
  await buildApp(ROOT, APP_DIR);
  log('bundling the core (vite build, lib mode) …');
  const bundle = await buildCore(ROOT, CORE_DIR);

  const core = await coreSpeed(bundle);
  log('long runs in Node (1,000,000 epochs of both runs, node --expose-gc) …');
  const long = runJson(process.execPath, [
    '--expose-gc',
    resolve(ROOT, 'bench/long-runs.mjs'),
    pathToFileURL(bundle).href,
  ]);
  const size = initialAssets(APP_DIR);
  const { chromium, ...browser } = await browserFigures();
  report({ env: environment(chromium), core, long, size, ...browser });
}

const ms = (value, digits = 1) => `${num(value, digits)} ms`;
const perFrameText = (f) =>
  f ? `${ms(f.script, 2)} / ${ms(f.style, 2)} / ${ms(f.layout, 2)} / ${ms(f.task, 2)}` : '—';
const range = (r, digits = 0) => `${ms(r.median, digits)} (${num(r.min, digits)}–${ms(r.max, digits)})`;

function animationTable(title, a) {
  return table(
    title,
    ['figure', 'value'],
    [
      [
        'frames measured',
        `${num(a.frames, 0)} over ${num(a.playSeconds, 2)} s${a.reachedEnd ? ' (to the end of the run)' : ''}`,
      ],
      [
        'epochs played / clock rate',
        `${num(a.epochsPlayed, 0)} (${num(a.from, 0)}→${num(a.from + a.epochsPlayed, 0)}) / ${num(a.epochsPerSecond, 0)} epochs/s`,
      ],
      ['mean fps', num(a.meanFps, 1)],
      [
        'frame interval p50 / p95 / p99 / max',
        `${ms(a.intervalMs.p50)} / ${ms(a.intervalMs.p95)} / ${ms(a.intervalMs.p99)} / ${ms(a.intervalMs.max)}`,
      ],
      ['intervals > 20 ms / > 34 ms (a frame dropped)', `${a.intervalMs.over20} / ${a.intervalMs.over34}`],
      [
        `long animation frames > 50 ms (${a.longFrames.api})`,
        `${a.longFrames.count}${a.longFrames.count ? `, longest ${ms(a.longFrames.maxMs)}` : ''}`,
      ],
      ['main thread per frame: JS / style / layout / all tasks', perFrameText(a.perFrameMs)],
    ],
  );
}

function report(results) {
  const { env, core, long, size, idle, animation, longHistory, drags, loads } = results;

  print();
  print(
    `${env.date}  commit ${env.commit}${env.dirty ? ' + uncommitted changes' : ''}  node ${env.node}  ` +
      `Chromium ${env.chromium}  Python ${core[0].python.version}  ${env.cores} × ${env.cpu}`,
  );
  // Only the start counts: by the end the benchmark's own Chromium has raised the average.
  const busy = env.loadAverage.start > env.cores;
  print(
    `load average (1 min): ${num(env.loadAverage.start, 2)} at start, ${num(env.loadAverage.end, 2)} at end` +
      (busy ? `  ⚠ above ${env.cores} cores at start: other work was running, timings are pessimistic` : ''),
  );

  print();
  print(
    table(
      'Core speed: epochs per second, median of 7 runs (TypeScript core in Node) and 5 (the lecture loop in Python)',
      ['workload', 'epochs', 'core (TS)', 'Python', 'core/Python', 'same final w'],
      core.map((c) => [
        c.name,
        num(c.epochs, 0),
        num(c.ts.epochsPerSecond, 0),
        num(c.python.epochsPerSecond, 0),
        `${num(c.ratio, 1)}×`,
        c.sameW ? 'yes' : `NO (${c.ts.w} vs ${c.python.w})`,
      ]),
    ),
  );

  const a = animation;
  const v = a.visibility;
  print();
  print(
    animationTable(
      `Animation: both runs at 1,000 epochs/s towards 10,000 epochs, viewport ${v.viewport.width}×${v.viewport.height}, ${v.panelsInView} of ${v.panels} panels and ${v.chartsInView} of ${v.charts} charts in view`,
      a,
    ),
  );
  print(`idle app (nothing playing): ${num(idle.meanFps, 1)} fps, p95 interval ${ms(idle.p95)}`);
  print();
  print(
    table(
      'Animation, second by second (Chromium Performance.getMetrics, per playing frame)',
      ['epochs', 'frames', 'JS', 'style', 'layout', 'all tasks'],
      a.buckets.map((b) => [
        `${num(b.epochs[0], 0)}→${num(b.epochs[1], 0)}`,
        num(b.frames, 0),
        ms(b.scriptMs / b.frames, 2),
        ms(b.styleMs / b.frames, 2),
        ms(b.layoutMs / b.frames, 2),
        ms(b.taskMs / b.frames, 2),
      ]),
    ),
  );
  print();
  print(
    animationTable(
      'Animation with 99,000–100,000 epochs of history (Run to end at 99,000, then play)',
      longHistory,
    ),
  );

  print();
  print(
    table(
      'Interaction: dragging the learning-rate slider across its range, mouse held down (input event → next paint)',
      ['history', 'input events', 'drag took', 'p50', 'p95', 'max', 'pointer→paint p95', 'long frames'],
      drags.map((d) => [
        `${num(d.history, 0)} epochs`,
        `${d.inputEvents} of ${d.moves}`,
        `${num(d.seconds, 2)} s`,
        ms(d.inputToPaintMs.p50),
        ms(d.inputToPaintMs.p95),
        ms(d.inputToPaintMs.max),
        ms(d.pointerToPaintMs.p95),
        d.longFrames.count ? `${d.longFrames.count}, longest ${ms(d.longFrames.maxMs, 0)}` : '0',
      ]),
    ),
  );

  const m = long.memory;
  print();
  print(
    table(
      'Long runs in the core (Node): chart data per update, median, both runs',
      [
        'history',
        'downsampleMinMax (cost → 1,000 pts)',
        'loss chart data (as the app)',
        'advance 17 epochs + chart data',
      ],
      long.charts.map((c) => [
        `${num(c.history, 0)} epochs`,
        ms(c.downsampleMs, 3),
        ms(c.derivationMs, 3),
        ms(c.updateMs, 3),
      ]),
    ),
  );
  print();
  print(
    table(
      'Long runs: memory (heapUsed + arrayBuffers after a full GC) and the browser at 10,000 epochs',
      ['figure', 'value'],
      [
        ['JS heap before', MB(m.beforeBytes)],
        ['JS heap after GD and SGD ran 1,000,000 epochs', MB(m.afterBytes)],
        [
          'growth, both runs (GD alone / SGD alone)',
          `${MB(m.growthBytes)} (${MB(m.gdGrowthBytes)} / ${MB(m.sgdGrowthBytes)})`,
        ],
        [
          'trace storage, both runs: capacity × stored Float64 columns (GD + SGD)',
          `${num(m.traceCapacity, 0)} epochs × (${m.columns.gd} + ${m.columns.sgd}) × 8 B = ${MB(m.expectedBytes)}`,
        ],
        ['advance 100,000 epochs, GD + SGD (one call each)', `${num(long.advance100kSeconds, 3)} s`],
        [
          'advance 1,000,000 epochs (steps of 1,000): GD / SGD',
          `${num(m.advanceSeconds.gd, 2)} s / ${num(m.advanceSeconds.sgd, 2)} s`,
        ],
        [
          'browser: main thread per frame playing at 99,000–100,000 epochs (JS / all tasks)',
          longHistory.perFrameMs
            ? `${ms(longHistory.perFrameMs.script, 2)} / ${ms(longHistory.perFrameMs.task, 2)}`
            : '—',
        ],
      ],
    ),
  );

  print();
  print(
    table(
      `Load and size: what dist/index.html loads first (scripts, stylesheets, modulepreloads); ${loads.loads} cold loads`,
      ['figure', 'value'],
      [
        ...size.files.map((f) => [`  ${f.file}`, `${kB(f.bytes)} → ${kB(f.gzipBytes)} gzip`]),
        ['initial JS, gzip', kB(size.jsGzipBytes)],
        ['initial CSS, gzip', kB(size.cssGzipBytes)],
        ['first paint, median (min–max)', range(loads.firstPaint)],
        ['first contentful paint', range(loads.firstContentfulPaint)],
        ['first chart painted', range(loads.firstChartPainted)],
        [`all ${loads.charts} charts painted`, range(loads.chartsPainted)],
        [
          'DOMContentLoaded / load event',
          `${ms(loads.domContentLoaded.median, 0)} / ${ms(loads.load.median, 0)}`,
        ],
      ],
    ),
  );

  const worstCore = core.reduce((w, c) => (c.ratio < w.ratio ? c : w));
  const longest = (f) => `${f.count}${f.count ? ` (longest ${ms(f.maxMs)})` : ''}`;
  // [budget, measured (text), value, pass]
  const budgets = [
    ['mean fps while playing ≥ 58', num(a.meanFps, 1), a.meanFps, a.meanFps >= BUDGETS.meanFps],
    [
      'p95 frame interval ≤ 20 ms',
      ms(a.intervalMs.p95),
      a.intervalMs.p95,
      a.intervalMs.p95 <= BUDGETS.p95FrameMs,
    ],
    [
      'no long animation frame > 50 ms while playing',
      longest(a.longFrames),
      a.longFrames.count,
      a.longFrames.count === 0,
    ],
    [
      'with 100,000 epochs of history: mean fps ≥ 58, p95 interval ≤ 20 ms',
      `${num(longHistory.meanFps, 1)} fps, ${ms(longHistory.intervalMs.p95)}`,
      longHistory.meanFps,
      longHistory.meanFps >= BUDGETS.meanFps && longHistory.intervalMs.p95 <= BUDGETS.p95FrameMs,
    ],
    ...drags.map((d) => [
      `slider input→paint p95 ≤ 50 ms at ${num(d.history, 0)} epochs`,
      ms(d.inputToPaintMs.p95),
      d.inputToPaintMs.p95,
      d.inputToPaintMs.p95 <= BUDGETS.inputToPaintP95Ms,
    ]),
    [
      'JS heap growth ≤ 50 MB over 1,000,000 epochs (GD + SGD)',
      MB(m.growthBytes),
      m.growthBytes,
      m.growthBytes <= BUDGETS.heapGrowthBytes,
    ],
    [
      'initial JS ≤ 200 kB gzip',
      kB(size.jsGzipBytes),
      size.jsGzipBytes,
      size.jsGzipBytes <= BUDGETS.initialJsGzipBytes,
    ],
    [
      'core ≥ 50× Python (slowest workload)',
      `${num(worstCore.ratio, 1)}× (${worstCore.name})`,
      worstCore.ratio,
      worstCore.ratio >= BUDGETS.coreVsPython,
    ],
  ].map(([budget, measured, value, pass]) => ({ budget, measured, value, pass }));

  const pageErrors = [animation, longHistory, ...drags, ...loads.raw].flatMap((r) => r.pageErrors);
  if (pageErrors.length > 0) {
    print();
    print(`⚠ the page threw ${pageErrors.length} error(s) while measured:`);
    for (const error of new Set(pageErrors)) print(`  ${error}`);
  }

  print();
  print(
    table(
      'Budgets',
      ['budget', 'measured', ''],
      budgets.map((b) => [b.budget, b.measured, b.pass ? 'PASS' : 'MISS']),
    ),
  );
  const misses = budgets.filter((b) => !b.pass).length;
  print();
  print(
    `${budgets.length - misses} of ${budgets.length} budgets met. Raw figures: bench-results/latest.json`,
  );

  mkdirSync(dirname(RESULTS), { recursive: true });
  const seconds = (Date.now() - began) / 1000;
  writeFileSync(RESULTS, `${JSON.stringify({ ...results, budgets, seconds }, null, 2)}\n`);
  log(`done in ${seconds.toFixed(0)} s`);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`\nbench failed: ${error?.stack ?? error}\n`);
    if (error?.cause) process.stderr.write(`cause: ${error.cause?.stack ?? error.cause}\n`);
    process.exit(1);
  },
);
