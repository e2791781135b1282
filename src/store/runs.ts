/**
 * The runs on the shared clock, keyed by registry id: the lecture's GD and SGD always, and the
 * third run's optimizer when one is chosen. Pure functions of the settings and the clock.
 */
import {
  advance,
  LECTURE_OPTIMIZERS,
  OPTIMIZERS,
  optimizerEntry,
  specOf,
  startRun,
  type OptimizerId,
  type OptimizerSpec,
  type RunState,
  type TrainingSetup,
} from '../core';
import type { PlaygroundSettings } from './settings';

/** The runs: GD and SGD always there, any other optimizer while it is the third run. */
export type Runs = Readonly<Record<'gd' | 'sgd', RunState>> &
  Readonly<Partial<Record<OptimizerId, RunState>>>;

/** Each optimizer's stability limit on the current setup (null: no fixed limit). */
export type Limits = Readonly<Record<OptimizerId, number | null>>;

/** The runs on screen, in registry order: the lecture's two, then the third run if there is one. */
export function shownRunIds(third: OptimizerId | null): readonly OptimizerId[] {
  if (third === null || LECTURE_OPTIMIZERS.includes(third)) return LECTURE_OPTIMIZERS;
  // One array per third run: selectors return it, and React re-renders only when it changes.
  let ids = SHOWN_WITH.get(third);
  if (!ids) SHOWN_WITH.set(third, (ids = [...LECTURE_OPTIMIZERS, third]));
  return ids;
}

const SHOWN_WITH = new Map<OptimizerId, readonly OptimizerId[]>();

/** The optimizer spec of run `id` under the settings: its batching, order and hyperparameters. */
export function optimizerFor(id: OptimizerId, settings: PlaygroundSettings): OptimizerSpec {
  return specOf(optimizerEntry(id), {
    batchSize: settings.batchSize,
    shuffle: settings.shuffle,
    seed: settings.seed,
    hyper: settings.hyper[id],
  });
}

/** Everything that determines run `id`. */
export function setupFor(id: OptimizerId, settings: PlaygroundSettings): TrainingSetup {
  return {
    data: { xs: settings.xs, ys: settings.ys },
    model: settings.model,
    init: { w: settings.w0, b: settings.model === 'w' ? 0 : settings.b0 },
    lr: settings.lr,
    optimizer: optimizerFor(id, settings),
  };
}

/** Every shown run, recomputed from θ₀ to `epoch`. */
export function runsAt(settings: PlaygroundSettings, epoch: number): Runs {
  const runs: Partial<Record<OptimizerId, RunState>> = {};
  for (const id of shownRunIds(settings.third)) runs[id] = advance(startRun(setupFor(id, settings)), epoch);
  return runs as Runs;
}

/** Every run moved `count` epochs on. */
export function advanceRuns(runs: Runs, count: number): Runs {
  const next: Partial<Record<OptimizerId, RunState>> = {};
  for (const [id, run] of Object.entries(runs) as [OptimizerId, RunState][]) next[id] = advance(run, count);
  return next as Runs;
}

/** The runs in display order. */
export function runList(runs: Runs): RunState[] {
  return (Object.values(runs) as (RunState | undefined)[]).filter((run) => run !== undefined);
}

/**
 * Every optimizer's stability limit for the current data, model and (epoch 0) order, shown or not:
 * the Model panel lists those of the batch size it sets.
 */
export function limitsFor(settings: PlaygroundSettings): Limits {
  const data = { xs: settings.xs, ys: settings.ys };
  const limits = {} as Record<OptimizerId, number | null>;
  for (const { id } of OPTIMIZERS)
    limits[id] = optimizerEntry(id).stabilityLimit(settings.model, data, optimizerFor(id, settings));
  return limits;
}

/** The run whose updates the step-by-sample control walks through: the first with one per sample. */
export function sampleSteppedId(runs: Runs): OptimizerId | null {
  for (const id of Object.keys(runs) as OptimizerId[])
    if (optimizerEntry(id).batching === 'sample') return id;
  return null;
}
