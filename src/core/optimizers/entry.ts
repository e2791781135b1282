/**
 * A registry entry: everything the app needs to know about one optimizer to run it on the shared
 * clock and show it. Adding an optimizer is one module exporting an entry, one line in registry.ts,
 * its catalog strings and its tests.
 */
import type { Dataset } from '../dataset';
import type { ModelKind } from '../model';
import type { OptimizerSpec } from '../optimizer';
import type { LearningRateRegime } from '../regime';
import type { Batching, HyperParameter, HyperValues, PythonRule, UpdateRule } from './types';

/** Its colour on screen: one for the light theme, a lighter one for the dark. */
export interface RunColor {
  readonly light: string;
  readonly dark: string;
}

/** What the run's settings give an optimizer beyond the learning rate. */
export interface SpecInputs {
  /** Samples per update for 'batch' batching (clamped to 1…n by the core). */
  readonly batchSize: number;
  /** A fresh seeded sample order each epoch (not for full-batch runs, whose order changes nothing). */
  readonly shuffle: boolean;
  readonly seed: number;
  /** This optimizer's hyperparameters; missing ones take their defaults. */
  readonly hyper?: HyperValues;
}

export interface OptimizerEntry<Id extends string = string> {
  readonly id: Id;
  readonly batching: Batching;
  /** The element-wise update beyond θ ← θ − α·g; none for plain gradient descent. */
  readonly rule?: UpdateRule;
  readonly hyperParameters: readonly HyperParameter[];
  /** The lecture's script this run reproduces, if it is one of the lecture's two. */
  readonly lectureScript?: 'gd' | 'sgd';
  readonly color: RunColor;
  /**
   * The largest learning rate at which the run still converges on this data and model (Infinity:
   * any; null: no fixed limit, as for adaptive methods whose step size changes as they go).
   */
  readonly stabilityLimit: (model: ModelKind, data: Dataset, spec: OptimizerSpec) => number | null;
  /**
   * What learning rate `lr` will do to the run, said before it starts (regime.ts); by default the
   * plain epoch map's verdict, which is right for θ ← θ − α·g and wrong for anything with state.
   */
  readonly regime?: (model: ModelKind, data: Dataset, spec: OptimizerSpec, lr: number) => LearningRateRegime;
  /** How its update is written in the downloadable scripts (with a rule). */
  readonly python?: PythonRule;
}

/** The batching of an entry as the core's stepper reads it: GD's, SGD's or mini-batch's loop. */
const KIND_OF_BATCHING = { full: 'gd', sample: 'sgd', batch: 'minibatch' } as const;

/** Every hyperparameter of the entry: the given value where there is one, else its default. */
export function hyperOf(entry: OptimizerEntry, given: HyperValues | undefined): HyperValues {
  const values: Partial<Record<string, number>> = {};
  for (const { key, defaultValue } of entry.hyperParameters) values[key] = given?.[key] ?? defaultValue;
  return values;
}

/** The core's optimizer spec for an entry and the run's settings. */
export function specOf(entry: OptimizerEntry, inputs: SpecInputs): OptimizerSpec {
  const kind = KIND_OF_BATCHING[entry.batching];
  const order = entry.batching === 'full' ? {} : { shuffle: inputs.shuffle, seed: inputs.seed };
  const batch = entry.batching === 'batch' ? { batchSize: inputs.batchSize } : {};
  const rule = entry.rule ? { rule: entry.rule, hyper: hyperOf(entry, inputs.hyper) } : {};
  return { kind, ...order, ...batch, ...rule };
}

/** Whether a hyperparameter accepts v (a finite number within its range). */
export function acceptsHyper(parameter: HyperParameter, v: number): boolean {
  if (!Number.isFinite(v)) return false;
  const aboveMin = parameter.minExclusive ? v > parameter.min : v >= parameter.min;
  const belowMax = parameter.maxExclusive ? v < parameter.max : v <= parameter.max;
  return aboveMin && belowMax;
}
