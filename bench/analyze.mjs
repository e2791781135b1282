// Figures from the raw browser recordings of bench/browser.mjs.
import { gaps, max, mean, median, p95, quantile } from './stats.mjs';

/** A long animation frame, as the budget and the long-animation-frame API define it. */
export const LONG_FRAME_MS = 50;

/**
 * Frame pacing and main-thread cost of a play (measureAnimation). The window runs from the frame
 * that started the clock to the frame that reached the end (or the last frame recorded).
 */
export function analyzeAnimation(raw) {
  const { t, epoch } = raw.frames;
  const first = epoch[0];
  const firstMoving = epoch.findIndex((e) => e > first);
  if (firstMoving < 0) throw new Error('The clock never moved: playback did not start.');
  const start = Math.max(0, firstMoving - 1); // the frame whose tick started the clock
  const finished = epoch.findIndex((e) => e >= raw.epochs);
  const end = finished < 0 ? t.length - 1 : finished;
  const intervals = gaps(t.slice(start, end + 1));
  // React commits between consecutive frames (the counter is read in the recorder's rAF callback).
  const commits = raw.frames.commits ? gaps(raw.frames.commits.slice(start, end + 1)) : [];
  const playMs = t[end] - t[start];
  const [from, to] = [t[start], t[end]];
  const inWindow = (e) => e.startTime >= from && e.startTime <= to;
  const loaf = raw.loaf.filter((e) => inWindow(e) && e.duration > LONG_FRAME_MS);
  const longtasks = raw.longtasks.filter(inWindow);

  // Chromium's counters, per ~1 s bucket, divided by the frames of that bucket that were playing
  // (frames after the end cost next to nothing and are not counted).
  const buckets = [];
  for (let k = 1; k < raw.samples.length; k++) {
    const a = raw.samples[k - 1];
    const b = raw.samples[k];
    const frames = Math.min(b.frames, end + 1) - Math.max(a.frames, start + 1);
    if (frames <= 0) continue;
    const delta = (key) => (b.metrics[key] - a.metrics[key]) * 1000;
    buckets.push({
      epochs: [a.epoch, b.epoch],
      frames,
      scriptMs: delta('ScriptDuration'),
      styleMs: delta('RecalcStyleDuration'),
      layoutMs: delta('LayoutDuration'),
      taskMs: delta('TaskDuration'),
    });
  }
  const frames = buckets.reduce((s, b) => s + b.frames, 0);
  const perFrame = (list) => {
    const n = list.reduce((s, b) => s + b.frames, 0);
    const sum = (key) => list.reduce((s, b) => s + b[key], 0) / n;
    return { script: sum('scriptMs'), style: sum('styleMs'), layout: sum('layoutMs'), task: sum('taskMs') };
  };

  return {
    device: raw.device,
    throttle: raw.throttle,
    fragment: raw.fragment,
    from: raw.from,
    epochs: raw.epochs,
    frames: intervals.length,
    playSeconds: playMs / 1000,
    epochsPlayed: epoch[end] - epoch[start],
    epochsPerSecond: ((epoch[end] - epoch[start]) / playMs) * 1000,
    reachedEnd: finished >= 0,
    meanFps: (intervals.length / playMs) * 1000,
    intervalMs: {
      p50: median(intervals),
      p95: p95(intervals),
      p99: quantile(intervals, 0.99),
      max: max(intervals),
      over50: intervals.filter((d) => d > 50).length,
      over20: intervals.filter((d) => d > 20).length,
      over34: intervals.filter((d) => d > 34).length,
    },
    commitsPerFrame: raw.frames.reactHooked
      ? { mean: mean(commits), p50: median(commits), max: max(commits) }
      : null,
    longFrames: {
      api: raw.loafSupported ? 'long-animation-frame' : 'longtask',
      count: raw.loafSupported ? loaf.length : longtasks.length,
      maxMs: raw.loafSupported ? max(loaf.map((e) => e.duration)) : max(longtasks.map((e) => e.duration)),
      entries: raw.loafSupported ? loaf : longtasks,
    },
    perFrameMs: frames > 0 ? perFrame(buckets) : null,
    buckets,
    intervals,
    visibility: raw.visibility,
    pageErrors: raw.pageErrors,
  };
}

/** Input-to-paint latencies of a slider drag (measureDrag). */
export function analyzeDrag(raw) {
  const latency = raw.events.map((e) => e.painted - e.stamp);
  const complete = raw.events.map((e) => e.complete - e.stamp);
  const fromPointer = raw.events.filter((e) => !Number.isNaN(e.pointer)).map((e) => e.painted - e.pointer);
  return {
    device: raw.device,
    throttle: raw.throttle,
    history: raw.history,
    inputEvents: raw.events.length,
    moves: raw.targets,
    seconds: raw.seconds,
    inputToPaintMs: { p50: median(latency), p95: p95(latency), max: max(latency) },
    pointerToPaintMs: { p50: median(fromPointer), p95: p95(fromPointer), max: max(fromPointer) },
    longFrames: { count: raw.loaf.length, maxMs: max(raw.loaf.map((e) => e.duration)) },
    latencies: latency,
    pageErrors: raw.pageErrors,
  };
}

/** Keydown-to-paint latencies of the learning-rate key (measureKeyLatency). */
export function analyzeKeys(raw) {
  const latency = raw.events.map((e) => e.painted - e.stamp);
  const complete = raw.events.map((e) => e.complete - e.stamp);
  return {
    device: raw.device,
    throttle: raw.throttle,
    history: raw.history,
    presses: raw.presses,
    keydowns: raw.events.length,
    shown: raw.events.filter((e) => e.shown).length,
    lr: [raw.lr0, raw.lr],
    keyToPaintMs: { p50: median(latency), p95: p95(latency), max: max(latency) },
    /** To the paint of the runs and charts with the new rate (the slider's own paint comes first). */
    keyToCompleteMs: { p50: median(complete), p95: p95(complete), max: max(complete) },
    longFrames: { count: raw.loaf.length, maxMs: max(raw.loaf.map((e) => e.duration)) },
    latencies: latency,
    pageErrors: raw.pageErrors,
  };
}

/** Medians (and ranges) over cold loads (measureLoad). */
export function analyzeLoads(loads) {
  const row = (key) => {
    const values = loads.map((l) => l[key]);
    return { median: median(values), min: Math.min(...values), max: max(values) };
  };
  return {
    device: loads[0]?.device,
    throttle: loads[0]?.throttle,
    loads: loads.length,
    firstPaint: row('firstPaint'),
    firstContentfulPaint: row('firstContentfulPaint'),
    responseEnd: row('responseEnd'),
    landscapesDrawn: row('landscapesDrawn'),
    landscapesPainted: row('landscapesPainted'),
    appDrawn: row('appDrawn'),
    appPainted: row('appPainted'),
    domContentLoaded: row('domContentLoaded'),
    load: row('load'),
    firstChartPainted: row('firstChartPainted'),
    chartsPainted: row('chartsPainted'),
    charts: median(loads.map((l) => l.charts)),
    raw: loads,
  };
}

/**
 * The median, min and max of `pick(run)` over repeated measurements (NaN-free values only), with
 * every value kept: what the report prints for a figure measured several times.
 */
export function over(runs, pick) {
  const values = runs.map(pick).filter((v) => typeof v === 'number' && !Number.isNaN(v));
  return { median: median(values), min: Math.min(...values), max: max(values), values };
}
