/**
 * Every optimizer Downhill runs, in display order. The first two are the lecture's and always run;
 * any other can be the third run on the shared clock.
 */
import { acceptsHyper, type OptimizerEntry } from './entry';
import type { ValidationError } from '../validate';
import type { HyperKey, HyperParameter, HyperValues } from './types';
import { adagrad } from './adagrad';
import { adam } from './adam';
import { gd } from './gd';
import { minibatch } from './minibatch';
import { momentum } from './momentum';
import { nesterov } from './nesterov';
import { rmsprop } from './rmsprop';
import { sgd } from './sgd';

export const OPTIMIZERS = [
  gd,
  sgd,
  minibatch,
  momentum,
  nesterov,
  rmsprop,
  adagrad,
  adam,
] as const satisfies readonly OptimizerEntry[];

export type OptimizerId = (typeof OPTIMIZERS)[number]['id'];

export const OPTIMIZER_IDS: readonly OptimizerId[] = OPTIMIZERS.map((entry) => entry.id);

/** The runs always on screen: the lecture's two. */
export const LECTURE_OPTIMIZERS: readonly OptimizerId[] = OPTIMIZERS.filter(
  (entry: OptimizerEntry) => entry.lectureScript !== undefined,
).map((entry) => entry.id);

/** The optimizers the third run can be. */
export const THIRD_OPTIMIZERS: readonly OptimizerId[] = OPTIMIZER_IDS.filter(
  (id) => !LECTURE_OPTIMIZERS.includes(id),
);

const BY_ID = new Map<string, OptimizerEntry<OptimizerId>>(OPTIMIZERS.map((entry) => [entry.id, entry]));

export const isOptimizerId = (id: string): id is OptimizerId => BY_ID.has(id);

/** The registry entry of an optimizer. */
export function optimizerEntry(id: OptimizerId): OptimizerEntry<OptimizerId> {
  return BY_ID.get(id)!;
}

/** Hyperparameter values per optimizer, where set (the rest take their defaults). */
export type HyperSettings = Readonly<Partial<Record<OptimizerId, HyperValues>>>;

/**
 * Whether a value is hyperparameter settings every optimizer accepts: an object of known optimizer
 * ids, each with only its own keys, each value within its range.
 */
export function isValidHyper(value: unknown): value is HyperSettings {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.entries(value).every(([id, values]) => {
    if (!isOptimizerId(id) || typeof values !== 'object' || values === null) return false;
    const { hyperParameters } = optimizerEntry(id);
    return Object.entries(values as Record<string, unknown>).every(([key, v]) => {
      const parameter = hyperParameters.find((p) => p.key === key);
      return parameter !== undefined && typeof v === 'number' && acceptsHyper(parameter, v);
    });
  });
}

/** The optimizers that take hyperparameter `key`, in registry order. */
export function optimizersTaking(key: HyperKey): readonly OptimizerId[] {
  return OPTIMIZERS.filter((entry: OptimizerEntry) => entry.hyperParameters.some((p) => p.key === key)).map(
    (entry) => entry.id,
  );
}

/** A hyperparameter's accepted values as an interval: `[0, 1)`, `(0, 1]`. */
export function intervalText(parameter: HyperParameter): string {
  const open = parameter.minExclusive ? '(' : '[';
  const close = parameter.maxExclusive ? ')' : ']';
  return `${open}${parameter.min}, ${parameter.max}${close}`;
}

/** The problems with hyperparameter values for optimizer `id`: unknown keys and values outside their interval. */
export function hyperErrors(id: OptimizerId, values: HyperValues): ValidationError[] {
  const errors: ValidationError[] = [];
  for (const [key, value] of Object.entries(values) as [HyperKey, number][]) {
    const parameter = optimizerEntry(id).hyperParameters.find((p) => p.key === key);
    if (!parameter || typeof value !== 'number' || Number.isNaN(value)) {
      errors.push({ field: key, code: 'not-a-number', message: `${key} must be a number.` });
    } else if (!acceptsHyper(parameter, value)) {
      const interval = intervalText(parameter);
      errors.push({
        field: key,
        code: 'out-of-interval',
        interval,
        message: `${key} must lie in ${interval}.`,
      });
    }
  }
  return errors;
}
