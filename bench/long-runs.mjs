// Child process, run with `node --expose-gc`: long runs in the core, past what the UI (capped at
// 100,000 epochs) can reach. Usage: node --expose-gc bench/long-runs.mjs CORE_BUNDLE. Prints one JSON object.
//
// 1. Memory: the JS heap (heapUsed + arrayBuffers, after a full GC) before and after advancing
//    both runs 1,000,000 epochs, in steps of 1,000 epochs as a long play would.
// 2. Chart data per update at 10,000, 100,000 and 1,000,000 epochs of history: downsampleMinMax of
//    the cost column to 1,000 points (both runs), the loss chart's whole derivation as LossChart runs
//    it (lossSeries per run + lossChartModel), and a whole playing update (advance both runs by the
//    ~17 epochs a 60 fps frame takes at 1,000 epochs/s, then the derivation).
import { performance } from 'node:perf_hooks';

const [bundle] = process.argv.slice(2);
if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const {
  advance,
  downsampleMinMax,
  LECTURE,
  lossChartModel,
  lossSeries,
  MAX_LOSS_POINTS,
  startRun,
  traceColumn,
} = await import(bundle);

const setup = (kind) => ({
  data: { xs: LECTURE.data.xs, ys: LECTURE.data.ys },
  model: 'w',
  init: { w: LECTURE.w0, b: 0 },
  lr: LECTURE.lr,
  optimizer: { kind },
});

const heap = () => {
  globalThis.gc();
  globalThis.gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

const STEP = 1000;
const advanceTo = (run, epochs) => {
  while (run.epoch < epochs) run = advance(run, Math.min(STEP, epochs - run.epoch));
  return run;
};

const medianOf = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Median milliseconds of `fn` over `reps` calls (after `warmup` calls). */
const timeMs = (fn, reps, warmup = 3) => {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return { median: medianOf(samples), samples };
};

const FRAME_EPOCHS = 17; // 1,000 epochs/s at 60 frames/s
let sink = 0;

/** Chart-data timings for two runs with `history` epochs each. */
function chartTimings(gd, sgd, reps) {
  const history = gd.epoch;
  const downsample = timeMs(() => {
    sink += downsampleMinMax(traceColumn(gd.trace, 'cost'), MAX_LOSS_POINTS).length;
    sink += downsampleMinMax(traceColumn(sgd.trace, 'cost'), MAX_LOSS_POINTS).length;
  }, reps);
  const derivation = timeMs(() => {
    sink += lossChartModel({ gd: lossSeries(gd), sgd: lossSeries(sgd) }, 'linear').drawn.gd;
  }, reps);
  // Chained, as playing does: each update extends the newest trace (no copy-on-write).
  let a = gd;
  let b = sgd;
  const update = timeMs(() => {
    a = advance(a, FRAME_EPOCHS);
    b = advance(b, FRAME_EPOCHS);
    sink += lossChartModel({ gd: lossSeries(a), sgd: lossSeries(b) }, 'linear').drawn.gd;
  }, reps);
  return {
    history,
    downsampleMs: downsample.median,
    derivationMs: derivation.median,
    updateMs: update.median,
    reps,
  };
}

/** 1. Memory over 1,000,000 epochs, and the chart timings at that length (the runs die on return). */
function millionEpochs() {
  const MILLION = 1_000_000;
  const before = heap();
  let start = performance.now();
  const gd = advanceTo(startRun(setup('gd')), MILLION);
  const gdSeconds = (performance.now() - start) / 1000;
  const afterGd = heap();
  start = performance.now();
  const sgd = advanceTo(startRun(setup('sgd')), MILLION);
  const sgdSeconds = (performance.now() - start) / 1000;
  const after = heap();
  const capacity = gd.trace.buffers.w.length;
  // The stored Float64 columns of a run (w and cost always; b and the printed loss only where they
  // cannot be derived: under y = w·x in data-set order, neither is stored).
  const columns = (run) =>
    ['w', 'b', 'printedLoss', 'cost'].filter((name) => run.trace.buffers[name] !== null).length;
  const memory = {
    epochs: MILLION,
    step: STEP,
    beforeBytes: before,
    afterBytes: after,
    growthBytes: after - before,
    gdGrowthBytes: afterGd - before,
    sgdGrowthBytes: after - afterGd,
    traceCapacity: capacity,
    columns: { gd: columns(gd), sgd: columns(sgd) },
    expectedBytes: capacity * (columns(gd) + columns(sgd)) * 8,
    advanceSeconds: { gd: gdSeconds, sgd: sgdSeconds },
  };
  return { memory, chart: chartTimings(gd, sgd, 7) };
}

// 2. Chart data per update at 1,000,000, 100,000 and 10,000 epochs of history.
const { memory, chart: millionChart } = millionEpochs();
heap();
const charts = [millionChart];
const start = performance.now();
const gd100k = advance(startRun(setup('gd')), 100_000);
const sgd100k = advance(startRun(setup('sgd')), 100_000);
const advance100kSeconds = (performance.now() - start) / 1000;
charts.unshift(chartTimings(gd100k, sgd100k, 30));
const gd10k = advance(startRun(setup('gd')), 10_000);
const sgd10k = advance(startRun(setup('sgd')), 10_000);
charts.unshift(chartTimings(gd10k, sgd10k, 60));

process.stdout.write(
  JSON.stringify({ memory, advance100kSeconds, frameEpochs: FRAME_EPOCHS, charts, sink: sink > 0 }) + '\n',
);
