// Child process: times the TypeScript core on one workload, in a fresh V8 (as Python gets a fresh
// interpreter). Usage: node bench/core-speed.mjs CORE_BUNDLE 'WORKLOAD_JSON'
// WORKLOAD_JSON: { optimizer, xs, ys, w0, lr, epochs, reps, warmupMs, blockMs }. Prints one JSON object.
//
// One run is one `advance(startRun(setup), epochs)`: a fresh run (its trace allocated) taken through
// every epoch, as the lecture's loop is run once from the top.
//
// Warm-up: runs back to back for at least `warmupMs` (and at least 20 runs) before anything is
// timed. In a fresh process most of the first ~100 runs of the lecture's 100,000 epochs put their
// trace (two 1 MB Float64Arrays) in freshly mapped memory: ~390 page faults at ~13 µs each in this
// VM, ~6.5 ms a run instead of ~1.3 ms. Then the allocator keeps and reuses freed memory. Timing
// that phase (as two warm-up runs did) measured this VM's page faults, not the core: ~20× to ~60×
// Python depending on the machine's state.
//
// Timing: `reps` samples, each a block of back-to-back runs lasting at least `blockMs` (about one
// Python run), its figure the block's time divided by its runs. A lecture workload takes ~1.5 ms
// here against ~110–140 ms for the Python loop; a 1.5 ms stretch timed alone is at the mercy of the
// scheduler, while both sides timed over stretches of the same length see the same machine.
import { performance } from 'node:perf_hooks';

const [bundle, workloadJson] = process.argv.slice(2);
const { advance, startRun } = await import(bundle);
const { optimizer, xs, ys, w0, lr, epochs, reps, warmupMs = 1000, blockMs = 150 } = JSON.parse(workloadJson);

// The setup the playground store builds for a run (src/store/playground.ts, setupFor).
const setup = { data: { xs, ys }, model: 'w', init: { w: w0, b: 0 }, lr, optimizer: { kind: optimizer } };

const once = () => {
  const run = advance(startRun(setup), epochs);
  if (run.epoch !== epochs)
    throw new Error(`the ${optimizer} run stopped at epoch ${run.epoch} of ${epochs}`);
  return run.params.w;
};
const faults = () => process.resourceUsage().minorPageFault;

/** Seconds per run over a block of at least `ms`, the runs in it, and page faults per run. */
const block = (ms, minRuns = 1) => {
  const faultsBefore = faults();
  const start = performance.now();
  let count = 0;
  let w = NaN;
  do {
    w = once();
    count++;
  } while (performance.now() - start < ms || count < minRuns);
  const seconds = (performance.now() - start) / 1000 / count;
  return { seconds, count, faults: (faults() - faultsBefore) / count, w };
};

// The very first run, cold: what a page pays once (not part of the ratio).
const firstSeconds = block(0).seconds;
const warmup = block(warmupMs, 20);
const seconds = [];
const perBlock = [];
const faultsPerRun = [];
let w = NaN;
for (let i = 0; i < reps; i++) {
  const result = block(blockMs);
  seconds.push(result.seconds);
  perBlock.push(result.count);
  faultsPerRun.push(result.faults);
  w = result.w;
}
process.stdout.write(
  JSON.stringify({
    optimizer,
    n: xs.length,
    epochs,
    reps,
    blockMs,
    firstSeconds,
    warmup: { runs: warmup.count, seconds: warmup.seconds },
    perBlock,
    seconds,
    faultsPerRun,
    w,
  }) + '\n',
);
