// Child process: times the TypeScript core on one workload, in a fresh V8 (as Python gets a fresh
// interpreter). Usage: node bench/core-speed.mjs CORE_BUNDLE 'WORKLOAD_JSON'
// WORKLOAD_JSON: { optimizer, xs, ys, w0, lr, epochs, reps, warmup }. Prints one JSON object.
import { performance } from 'node:perf_hooks';

const [bundle, workloadJson] = process.argv.slice(2);
const { advance, startRun } = await import(bundle);
const { optimizer, xs, ys, w0, lr, epochs, reps, warmup } = JSON.parse(workloadJson);

// The setup the playground store builds for a run (src/store/playground.ts, setupFor).
const setup = { data: { xs, ys }, model: 'w', init: { w: w0, b: 0 }, lr, optimizer: { kind: optimizer } };

// One advance() over all epochs: the core's throughput, history recorded in its typed arrays.
const once = () => {
  const start = performance.now();
  const run = advance(startRun(setup), epochs);
  const seconds = (performance.now() - start) / 1000;
  if (run.epoch !== epochs)
    throw new Error(`the ${optimizer} run stopped at epoch ${run.epoch} of ${epochs}`);
  return { seconds, w: run.params.w };
};

for (let i = 0; i < warmup; i++) once();
const seconds = [];
let w = NaN;
for (let i = 0; i < reps; i++) {
  const result = once();
  seconds.push(result.seconds);
  w = result.w;
}
process.stdout.write(JSON.stringify({ optimizer, n: xs.length, epochs, reps, warmup, seconds, w }) + '\n');
