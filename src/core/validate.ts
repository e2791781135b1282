/**
 * Settings validation: every problem, typed and worded for people, so bad settings never reach the
 * stepper. The UI translates by `code` and shows `message` as the English text.
 */
import { LECTURE } from './dataset';
import type { ModelKind } from './model';
import type { OptimizerKind } from './optimizer';
import type { HyperKey } from './optimizers/types';

export const LIMITS = {
  maxPoints: 10_000,
  maxEpochs: 1_000_000,
  /** |value| above this is refused: it squares past the largest double on the first step. */
  maxMagnitude: 1e150,
} as const;

/** The settings a person can change. */
export interface Settings {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly model: ModelKind;
  readonly w0: number;
  readonly b0: number;
  readonly lr: number;
  readonly epochs: number;
  readonly optimizer?: OptimizerKind;
  readonly batchSize?: number;
  readonly seed?: number;
}

/** The lecture's own settings: its data, y = w·x, w₀ = 1.0, b₀ = 0, α = 0.01, 100 epochs. */
export const LECTURE_SETTINGS: Settings = {
  xs: LECTURE.data.xs,
  ys: LECTURE.data.ys,
  model: 'w',
  w0: LECTURE.w0,
  b0: LECTURE.b0,
  lr: LECTURE.lr,
  epochs: LECTURE.epochs,
};

export type SettingField =
  'xs' | 'ys' | 'model' | 'w0' | 'b0' | 'lr' | 'epochs' | 'batchSize' | 'seed' | HyperKey;

export type ValidationCode =
  | 'empty'
  | 'too-many-points'
  | 'length-mismatch'
  | 'not-a-number'
  | 'not-finite'
  | 'too-large'
  | 'not-positive'
  | 'not-integer'
  | 'out-of-range'
  /** A hyperparameter outside its interval, e.g. momentum in [0, 1). */
  | 'out-of-interval'
  | 'unknown-model';

export interface ValidationError {
  readonly field: SettingField;
  readonly code: ValidationCode;
  /** For per-point problems: which point (0-based). */
  readonly index?: number;
  /** The bound a value broke, for the message. */
  readonly limit?: number;
  /** The allowed range, for 'out-of-range'. */
  readonly range?: { readonly min: number; readonly max: number };
  /** The allowed interval as written in mathematics, for 'out-of-interval': `[0, 1)`. */
  readonly interval?: string;
  readonly message: string;
}

const LABEL: Record<SettingField, string> = {
  xs: 'x values',
  ys: 'y values',
  model: 'Model',
  w0: 'Initial w',
  b0: 'Initial b',
  lr: 'Learning rate',
  epochs: 'Epochs',
  batchSize: 'Batch size',
  seed: 'Seed',
  momentum: 'Momentum',
  beta1: 'β1',
  beta2: 'β2',
  eps: 'ε',
  alpha: 'α (RMSprop)',
};

function numberProblem(field: SettingField, value: unknown, index?: number): ValidationError | null {
  const where = index === undefined ? LABEL[field] : `${LABEL[field]}: point ${index + 1}`;
  const at = index === undefined ? {} : { index };
  if (typeof value !== 'number' || Number.isNaN(value)) {
    return { field, code: 'not-a-number', ...at, message: `${where} must be a number.` };
  }
  if (!Number.isFinite(value)) {
    return { field, code: 'not-finite', ...at, message: `${where} must be a finite number.` };
  }
  if (Math.abs(value) > LIMITS.maxMagnitude) {
    return {
      field,
      code: 'too-large',
      ...at,
      limit: LIMITS.maxMagnitude,
      message: `${where} is too large (at most ${LIMITS.maxMagnitude} in size).`,
    };
  }
  return null;
}

function integerInRange(
  field: SettingField,
  value: number,
  min: number,
  max: number,
): ValidationError | null {
  if (!Number.isInteger(value)) {
    return { field, code: 'not-integer', message: `${LABEL[field]} must be a whole number.` };
  }
  if (value < min || value > max) {
    return {
      field,
      code: 'out-of-range',
      limit: value < min ? min : max,
      range: { min, max },
      message: `${LABEL[field]} must be between ${min} and ${max.toLocaleString('en-US')}.`,
    };
  }
  return null;
}

function checkData(field: 'xs' | 'ys', values: unknown, errors: ValidationError[]): void {
  if (!Array.isArray(values) || values.length === 0) {
    errors.push({ field, code: 'empty', message: `${LABEL[field]}: enter at least one point.` });
    return;
  }
  if (values.length > LIMITS.maxPoints) {
    errors.push({
      field,
      code: 'too-many-points',
      limit: LIMITS.maxPoints,
      message: `${LABEL[field]}: at most ${LIMITS.maxPoints.toLocaleString('en-US')} points.`,
    });
    return;
  }
  // An index loop, not forEach: forEach skips the holes of a sparse array, which would train on NaN.
  for (let index = 0; index < values.length; index++) {
    const problem = numberProblem(field, values[index], index);
    if (problem) errors.push(problem);
  }
}

/** Tighter bounds a caller may ask for (the playground animates at most 10,000 epochs). */
export interface ValidationBounds {
  readonly minEpochs?: number;
  readonly maxEpochs?: number;
}

/** Every problem with `settings`; an empty list means they are safe to train with. */
export function validateSettings(settings: Settings, bounds: ValidationBounds = {}): ValidationError[] {
  const errors: ValidationError[] = [];
  checkData('xs', settings.xs, errors);
  checkData('ys', settings.ys, errors);
  if (Array.isArray(settings.xs) && Array.isArray(settings.ys) && settings.xs.length !== settings.ys.length) {
    errors.push({
      field: 'ys',
      code: 'length-mismatch',
      message: `There are ${settings.xs.length} x values but ${settings.ys.length} y values; every point needs both.`,
    });
  }
  if (settings.model !== 'w' && settings.model !== 'wb') {
    errors.push({
      field: 'model',
      code: 'unknown-model',
      message: 'Model must be "w" (y = w·x) or "wb" (y = w·x + b).',
    });
  }
  for (const field of ['w0', 'b0'] as const) {
    const problem = numberProblem(field, settings[field]);
    if (problem) errors.push(problem);
  }
  const lrProblem = numberProblem('lr', settings.lr);
  if (lrProblem) errors.push(lrProblem);
  else if (settings.lr <= 0) {
    errors.push({ field: 'lr', code: 'not-positive', message: 'Learning rate must be greater than 0.' });
  }
  const epochsProblem =
    numberProblem('epochs', settings.epochs) ??
    integerInRange(
      'epochs',
      settings.epochs,
      Math.max(0, bounds.minEpochs ?? 0),
      Math.min(LIMITS.maxEpochs, bounds.maxEpochs ?? LIMITS.maxEpochs),
    );
  if (epochsProblem) errors.push(epochsProblem);
  if (settings.batchSize !== undefined) {
    const n = Array.isArray(settings.xs) ? Math.max(1, settings.xs.length) : 1;
    const problem =
      numberProblem('batchSize', settings.batchSize) ?? integerInRange('batchSize', settings.batchSize, 1, n);
    if (problem) errors.push(problem);
  }
  if (settings.seed !== undefined) {
    const problem =
      numberProblem('seed', settings.seed) ?? integerInRange('seed', settings.seed, 0, 2 ** 32 - 1);
    if (problem) errors.push(problem);
  }
  return errors;
}

/** Only the problems of one field (what to show next to that input). */
export function errorsFor(errors: readonly ValidationError[], field: SettingField): ValidationError[] {
  return errors.filter((error) => error.field === field);
}
