/**
 * The numbers each scene's sentences and worked lines show, as Python prints them (pyFloat): computed
 * from the scene's own setup with numbers.ts, so that a sentence can never disagree with the runs.
 */
import { LECTURE, type Dataset } from '../dataset';
import { optimum } from '../fit';
import type { ModelKind } from '../model';
import { learningRateRegime } from '../regime';
import { pyFloat, pyPrint } from '../pyrepr';
import { parseUrlState } from '../urlState';
import {
  bestOf,
  exhaustiveSearch,
  gdAfter,
  gdStep,
  gdStepsWithin,
  gradientTerms,
  gridEvaluations,
  groupDigits,
  GRID_SIZE,
  lectureGradient,
  searchGrid,
  sgdEpoch,
} from './numbers';
import type { LessonScene } from './scenes';

/** What a scene's setup opens: its fragment's values over the lecture's. */
export interface SceneSetup {
  readonly data: Dataset;
  readonly w0: number;
  readonly lr: number;
  readonly epochs: number;
}

/** The setup a scene opens (values its fragment leaves out are the lecture's). */
export function sceneSetup(scene: LessonScene): SceneSetup {
  const { settings } = parseUrlState('', scene.setup);
  return {
    data: { xs: settings.xs ?? LECTURE.data.xs, ys: settings.ys ?? LECTURE.data.ys },
    w0: settings.w0 ?? LECTURE.w0,
    lr: settings.lr ?? LECTURE.lr,
    epochs: settings.epochs ?? LECTURE.epochs,
  };
}

/** A Python list as print() shows it: [1.0, 2.0, 3.0]. */
const pyList = (values: readonly number[]): string => `[${values.map(pyFloat).join(', ')}]`;

export type SceneParams = Readonly<Record<string, string | number>>;

/** The values the sentences of `scene` fill in (see the catalog's lesson.scene.* messages). */
export function sceneParams(scene: LessonScene): SceneParams {
  const { data, w0, lr, epochs } = sceneSetup(scene);
  const first = gdStep(data, w0, lr);
  switch (scene.id) {
    case 'task':
      return { xs: pyList(data.xs), ys: pyList(data.ys), w0: pyFloat(w0), cost: pyFloat(first.cost) };
    case 'search': {
      const points = exhaustiveSearch(data);
      const grid = searchGrid();
      return {
        count: GRID_SIZE,
        first: pyFloat(grid[0]!),
        second: pyFloat(grid[1]!),
        last: pyFloat(grid[grid.length - 1]!),
        best: pyFloat(bestOf(points).w),
        squared: groupDigits(gridEvaluations(2)),
        tenth: groupDigits(gridEvaluations(10)),
        gdSteps: gdStepsWithin(data, 'w', lr) ?? '—',
      };
    }
    case 'gradient':
      return { w0: pyFloat(w0), grad: pyFloat(first.gradient) };
    case 'step':
      return { w0: pyFloat(w0), lr: pyFloat(lr), grad: pyFloat(first.gradient), w1: pyFloat(first.next) };
    case 'epochs': {
      const w = gdAfter(data, w0, lr, epochs);
      return { epochs, w: pyFloat(w), x: LECTURE.predictX, predict: pyFloat(LECTURE.predictX * w) };
    }
    case 'rate1':
    case 'rate2':
    case 'rate3':
      return { lr: pyFloat(lr), lectureLr: pyFloat(LECTURE.lr), target: pyFloat(optimum('w', data).w) };
    case 'sgd':
      return { n: data.xs.length, epochs, updates: epochs * data.xs.length };
    case 'versus':
      return { n: data.xs.length };
    case 'summary':
      return {};
  }
}

/** The lecture's gradient at w, worked: the sum with numbers, its terms, the value. */
export interface GradientWorking {
  /** gradient = (2·1.0·(1.0·1.0 − 2.0) + …) / 3 */
  readonly formula: string;
  /** = (-2.0 + -8.0 + -18.0) / 3 */
  readonly terms: string;
  /** = -9.333333333333334 */
  readonly value: string;
}

/** `gradient(x_data, y_data)` at `w`, written out with the data's numbers. */
export function gradientWorking(data: Dataset, w: number): GradientWorking {
  const terms = gradientTerms(data, w);
  const n = data.xs.length;
  const wText = pyFloat(w);
  const formula = terms
    .map(({ x, y }) => `2·${pyFloat(x)}·(${pyFloat(x)}·${wText} − ${pyFloat(y)})`)
    .join(' + ');
  return {
    formula: `(${formula}) / ${n}`,
    terms: `(${terms.map(({ term }) => pyFloat(term)).join(' + ')}) / ${n}`,
    value: pyFloat(lectureGradient(data, w)),
  };
}

/** The first GD step, worked, and the line the lecture's script prints for it. */
export function stepWorking(data: Dataset, w: number, lr: number): { update: string; printed: string } {
  const step = gdStep(data, w, lr);
  return {
    update: `w = ${pyFloat(w)} − ${pyFloat(lr)} × (${pyFloat(step.gradient)}) = ${pyFloat(step.next)}`,
    printed: pyPrint('epoch:', { int: 0 }, 'w=', step.next, 'loss=', step.cost),
  };
}

/**
 * SGD's first epoch as the lecture's script prints it (a `grad:` line per sample, then `progress:`),
 * with the last sample's loss worked out and the cost over all the data at the same w.
 */
export function sgdLossWorking(
  data: Dataset,
  w: number,
  lr: number,
): { lines: string[]; loss: string; printedLoss: string; cost: string; x: string; y: string; w: string } {
  const epoch = sgdEpoch(data, w, lr);
  const last = epoch.updates[epoch.updates.length - 1]!;
  const lines = epoch.updates.map((update) => pyPrint('\tgrad:', update.x, update.y, update.gradient));
  lines.push(pyPrint('progress:', { int: 0 }, 'w=', last.w, 'loss=', epoch.printedLoss));
  return {
    lines,
    loss: `(${pyFloat(last.x)} × ${pyFloat(last.w)} − ${pyFloat(last.y)})² = ${pyFloat(epoch.printedLoss)}`,
    printedLoss: pyFloat(epoch.printedLoss),
    cost: pyFloat(epoch.cost),
    x: pyFloat(last.x),
    y: pyFloat(last.y),
    w: pyFloat(last.w),
  };
}

/** What GD's w does at a learning rate, in the words the lesson has for it. */
export type GdOutcomeKind = 'smooth' | 'oscillating' | 'diverges' | 'one-step' | 'stalls';
const GD_OUTCOMES: readonly string[] = ['smooth', 'oscillating', 'diverges', 'one-step', 'stalls'];

/**
 * What GD will do at learning rate `lr` on `data` (learningRateRegime: the factor one epoch
 * multiplies the distance to w* by, and its regime), in the lesson's words. A regime the lesson has
 * no words for (GD never has another) is read from the factor alone.
 */
export function gdOutcome(
  model: ModelKind,
  data: Dataset,
  lr: number,
): { readonly kind: GdOutcomeKind; readonly factor: number } {
  const { kind, factor } = learningRateRegime(model, data, { kind: 'gd' }, lr);
  if (GD_OUTCOMES.includes(kind)) return { kind: kind as GdOutcomeKind, factor };
  const size = Math.abs(factor);
  return { kind: size > 1 ? 'diverges' : factor < 0 ? 'oscillating' : 'smooth', factor };
}
