/** What a person can set, its defaults and ranges: defined once, read by the store, links and storage. */
import {
  LECTURE,
  LECTURE_SETTINGS,
  type HyperKey,
  type HyperValues,
  type OptimizerId,
  type Settings,
  type SettingField,
} from '../core';

/** Everything the person can set. `epochs` is how long the runs go; `speed` is epochs per second. */
export interface PlaygroundSettings extends Settings {
  readonly speed: number;
  readonly predictX: number;
  /** Samples per update of a mini-batch run (1…n). */
  readonly batchSize: number;
  /** Visit the samples in a fresh seeded order each epoch (SGD and mini-batch); off is the lecture's order. */
  readonly shuffle: boolean;
  /** Seeds the shuffles and the noise of generated data sets. */
  readonly seed: number;
  /** The optimizer of the third run beside GD and SGD, or null for none. */
  readonly third: OptimizerId | null;
  /** Hyperparameters per optimizer, where set; the rest take the registry's defaults. */
  readonly hyper: Readonly<Partial<Record<OptimizerId, HyperValues>>>;
}

export const SPEED_RANGE = { min: 1, max: 1000 } as const;
export const EPOCHS_RANGE = { min: 1, max: 100_000 } as const;

export const DEFAULT_SETTINGS: PlaygroundSettings = {
  ...LECTURE_SETTINGS,
  speed: 10,
  predictX: LECTURE.predictX,
  batchSize: 2,
  shuffle: false,
  seed: 1,
  third: null,
  hyper: {},
};

/** The fields validateSettings checks, by name. */
export const FIELD_KEYS: Readonly<Record<Exclude<SettingField, HyperKey>, true>> = {
  xs: true,
  ys: true,
  model: true,
  w0: true,
  b0: true,
  lr: true,
  epochs: true,
  batchSize: true,
  seed: true,
};

/** Settings that change what the runs compute (the rest only change how they are shown). */
export const TRAINING_KEYS = [
  'xs',
  'ys',
  'model',
  'w0',
  'b0',
  'lr',
  'batchSize',
  'shuffle',
  'seed',
  'third',
  'hyper',
] as const;
/** Settings the stability limits depend on. */
export const LIMIT_KEYS = ['xs', 'ys', 'model', 'batchSize', 'shuffle', 'seed', 'hyper'] as const;

/** Speed is a slider position: out-of-range or non-numeric values land on the nearest end. */
export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return SPEED_RANGE.min;
  return Math.min(SPEED_RANGE.max, Math.max(SPEED_RANGE.min, speed));
}
