/**
 * What the benchmark runs in Node, bundled by Vite's build API (bench/build.mjs): the pure core and
 * the loss chart's data derivation exactly as the app runs them.
 */
export {
  advance,
  downsampleMinMax,
  gaussian,
  LECTURE,
  mulberry32,
  startRun,
  traceColumn,
  type TrainingSetup,
} from '../src/core';
export { lossChartModel, lossSeries, MAX_LOSS_POINTS } from '../src/components/charts/chartData';
export { LESSON_SCENES } from '../src/core/lesson/scenes';
