import { describe, expect, it } from 'vitest';
import {
  isSettingKey,
  LECTURE,
  parseUrlState,
  presetData,
  pyFloat,
  serializeUrlState,
  urlStateKeysIn,
  validateSettings,
  type UrlSettings,
} from '../../src/core';
import {
  daysToEvaluate,
  exhaustiveSearch,
  gdAfter,
  gdOutcome,
  gdStep,
  gdStepsWithin,
  gradientWorking,
  gridEvaluations,
  groupDigits,
  GRID_SIZE,
  LESSON_SCENE_COUNT,
  LESSON_SCENES,
  lessonScene,
  NOISY_DATA,
  sceneParams,
  sceneSetup,
  searchGrid,
  searchGrowth,
  sgdEpoch,
  sgdLossWorking,
  stepWorking,
  bestOf,
} from '../../src/core/lesson';
import { DEFAULT_SETTINGS } from '../../src/store/playground';
import { lectureOutput } from './helpers/fixtures';

/** The playground's bounds (EPOCHS_RANGE and SPEED_RANGE in src/store/playground.ts). */
const BOUNDS = { minEpochs: 1, maxEpochs: 100_000, minSpeed: 1, maxSpeed: 1000 } as const;

const GD_OUT = lectureOutput('gradient_descent').split('\n');
const SGD_OUT = lectureOutput('stochastic_gradient_descent').split('\n');

const data = LECTURE.data;
const sceneById = (id: string) => LESSON_SCENES.find((scene) => scene.id === id)!;

describe('the scenes', () => {
  it('follow the lecture in at least eight scenes, each id once', () => {
    expect(LESSON_SCENE_COUNT).toBeGreaterThanOrEqual(8);
    expect(LESSON_SCENES.map((scene) => scene.id)).toEqual([
      'task',
      'search',
      'gradient',
      'step',
      'epochs',
      'rate1',
      'rate2',
      'rate3',
      'sgd',
      'versus',
      'summary',
    ]);
  });

  it('each setup is a link fragment the link reader takes whole, and a valid setup', () => {
    for (const scene of LESSON_SCENES) {
      const state = parseUrlState('', scene.setup, BOUNDS);
      expect(state.rejected, scene.id).toEqual([]);
      // Only setup keys: a scene never sets the language, the theme, presentation mode or itself.
      const keys = urlStateKeysIn('', scene.setup);
      expect(keys.every(isSettingKey), scene.id).toBe(true);
      expect(keys, scene.id).not.toContain('lesson');
      // Every key=value pair of the fragment is one the reader knows.
      expect(scene.setup.split('&').length, scene.id).toBe(keys.length);
      const { settings } = state;
      const setup = {
        xs: settings.xs ?? data.xs,
        ys: settings.ys ?? data.ys,
        model: settings.model ?? 'w',
        w0: settings.w0 ?? LECTURE.w0,
        b0: settings.b0 ?? LECTURE.b0,
        lr: settings.lr ?? LECTURE.lr,
        epochs: settings.epochs ?? LECTURE.epochs,
      };
      expect(validateSettings(setup, BOUNDS), scene.id).toEqual([]);
      // Each scene says its learning rate, data and length itself rather than inheriting them.
      for (const key of ['lr', 'w0', 'epochs', 'x', 'y', 'speed'] as const)
        expect(keys, scene.id).toContain(key);
    }
  });

  it('use at least three learning rates, and the lecture’s data and start until the noisy scene', () => {
    const rates = new Set(LESSON_SCENES.map((scene) => sceneSetup(scene).lr));
    expect(rates.size).toBeGreaterThanOrEqual(3);
    expect([...rates]).toEqual([0.01, 0.1, 0.2, 0.25, 0.025]);
    for (const scene of LESSON_SCENES.filter((s) => s.id !== 'versus')) {
      expect(sceneSetup(scene).data, scene.id).toEqual({ xs: [1, 2, 3], ys: [2, 4, 6] });
      expect(sceneSetup(scene).w0, scene.id).toBe(1);
    }
  });

  it('GD versus SGD runs on the noisy preset, shuffled, and shows both runs', () => {
    expect({ xs: [...NOISY_DATA.xs], ys: [...NOISY_DATA.ys] }).toEqual(presetData('noisy', 1));
    const versus = sceneById('versus');
    expect(sceneSetup(versus).data).toEqual(presetData('noisy', 1));
    expect(parseUrlState('', versus.setup).settings.shuffle).toBe(true);
    expect(versus.runs).toEqual(['gd', 'sgd']);
  });

  it('ask at least two predictions, each run by playing', () => {
    const questions = LESSON_SCENES.filter((scene) => scene.question);
    expect(questions.map((scene) => scene.id)).toEqual(['rate1', 'rate2', 'rate3']);
    for (const scene of questions) {
      expect(scene.action).toBe('play');
      expect(scene.autoplay).toBeFalsy();
    }
  });

  it('lessonScene clamps into the lesson', () => {
    expect(lessonScene(-3).id).toBe('task');
    expect(lessonScene(99).id).toBe('summary');
    expect(lessonScene(1.5).id).toBe('task');
    expect(lessonScene(4).id).toBe('epochs');
  });
});

describe('the lecture’s numbers, from the core', () => {
  it('the cost and gradient at w = 1.0, and the first step: the lecture’s first printed line', () => {
    const step = gdStep(data, 1, 0.01);
    expect(step.cost).toBe(4.666666666666667);
    expect(step.gradient).toBe(-9.333333333333334);
    expect(step.next).toBe(1.0933333333333333);
    expect(stepWorking(data, 1, 0.01)).toEqual({
      update: 'w = 1.0 − 0.01 × (-9.333333333333334) = 1.0933333333333333',
      printed: 'epoch: 0 w= 1.0933333333333333 loss= 4.666666666666667',
    });
    expect(GD_OUT[1]).toBe(stepWorking(data, 1, 0.01).printed);
  });

  it('the gradient, worked out with the data’s numbers', () => {
    expect(gradientWorking(data, 1)).toEqual({
      formula: '(2·1.0·(1.0·1.0 − 2.0) + 2·2.0·(2.0·1.0 − 4.0) + 2·3.0·(3.0·1.0 − 6.0)) / 3',
      terms: '(-2.0 + -8.0 + -18.0) / 3',
      value: '-9.333333333333334',
    });
  });

  it('100 epochs end where the lecture’s script ends', () => {
    const w = gdAfter(data, 1, 0.01, 100);
    expect(GD_OUT[100]).toBe(`epoch: 99 w= ${pyFloat(w)} loss= 1.752432687141379e-08`);
    expect(GD_OUT[101]).toBe(`predict (after training) 4 ${pyFloat(4 * w)}`);
  });

  it('SGD’s first epoch prints exactly the lecture’s lines; its loss is the last sample’s', () => {
    const epoch = sgdEpoch(data, 1, 0.01);
    expect(epoch.updates.map((update) => update.gradient)).toEqual([-2, -7.84, -16.2288]);
    expect(epoch.printedLoss).toBe(4.919240100095999);
    const working = sgdLossWorking(data, 1, 0.01);
    expect(working.lines).toEqual(SGD_OUT.slice(1, 5));
    expect(working.loss).toBe('(3.0 × 1.260688 − 6.0)² = 4.919240100095999');
    // The cost over all three samples at the same w is a different number, never printed.
    expect(epoch.cost).not.toBe(epoch.printedLoss);
    expect(working.cost).toBe(pyFloat(epoch.cost));
  });
});

describe('exhaustive search (穷举法)', () => {
  it('evaluates the cost at the 41 values w = 0.0, 0.1, …, 4.0', () => {
    const grid = searchGrid();
    expect(GRID_SIZE).toBe(41);
    expect(grid).toHaveLength(41);
    expect(grid.map(pyFloat).slice(0, 4)).toEqual(['0.0', '0.1', '0.2', '0.3']);
    expect(pyFloat(grid[40]!)).toBe('4.0');
    const points = exhaustiveSearch(data);
    expect(points).toHaveLength(41);
    expect(points[0]).toEqual({ w: 0, cost: 18.666666666666668 });
    expect(points[10]).toEqual({ w: 1, cost: 4.666666666666667 });
    expect(bestOf(points)).toEqual({ w: 2, cost: 0 });
  });

  it('grows as 41, 41² = 1,681 and 41¹⁰ with the parameters, exactly', () => {
    expect(gridEvaluations(1)).toBe(41n);
    expect(gridEvaluations(2)).toBe(1681n);
    expect(gridEvaluations(10)).toBe(13_422_659_310_152_401n);
    expect(groupDigits(gridEvaluations(2))).toBe('1,681');
    expect(groupDigits(gridEvaluations(10))).toBe('13,422,659,310,152,401');
    expect(groupDigits(41)).toBe('41');
    expect(daysToEvaluate(gridEvaluations(10), 1e9)).toBe(155);
  });

  it('GD gets as close (within half the grid’s spacing) in 31 steps, by the closed form too', () => {
    // |w_k − 2| = (1 − 0.01·2·mean(x²))ᵏ from w = 1: the first k with (1 − 0.28/3)ᵏ ≤ 0.05.
    const closedForm = Math.ceil(Math.log(0.05) / Math.log(1 - (0.01 * 28) / 3));
    expect(gdStepsWithin(data, 'w', 0.01)).toBe(closedForm);
    expect(closedForm).toBe(31);
    expect(Math.abs(gdAfter(data, 1, 0.01, 30) - 2)).toBeGreaterThan(0.05);
    expect(Math.abs(gdAfter(data, 1, 0.01, 31) - 2)).toBeLessThanOrEqual(0.05);
  });

  it('with w and b, GD needs the steps a plain loop of the lecture’s update needs', () => {
    let w = 1;
    let b = 0;
    let steps = 0;
    while (Math.abs(w - 2) > 0.05 || Math.abs(b) > 0.05) {
      let gw = 0;
      let gb = 0;
      for (let i = 0; i < 3; i++) {
        const r = data.xs[i]! * w + b - data.ys[i]!;
        gw += 2 * data.xs[i]! * r;
        gb += 2 * r;
      }
      w -= 0.01 * (gw / 3);
      b -= 0.01 * (gb / 3);
      steps += 1;
    }
    expect(gdStepsWithin(data, 'wb', 0.01)).toBe(steps);
    expect(searchGrowth(data, 0.01)).toEqual([
      { parameters: 1, grid: 41n, gdSteps: 31 },
      { parameters: 2, grid: 1681n, gdSteps: steps },
      { parameters: 10, grid: 13_422_659_310_152_401n, gdSteps: null },
    ]);
    expect(steps).toBeLessThan(1681);
  });

  it('a learning rate that diverges never gets there', () => {
    expect(gdStepsWithin(data, 'w', 0.25, 0.05, 1, 10_000)).toBeNull();
  });
});

describe('what each scene’s sentences say', () => {
  it('fills in the lecture’s numbers as Python prints them', () => {
    const params = Object.fromEntries(LESSON_SCENES.map((scene) => [scene.id, sceneParams(scene)]));
    expect(params.task).toEqual({
      xs: '[1.0, 2.0, 3.0]',
      ys: '[2.0, 4.0, 6.0]',
      w0: '1.0',
      cost: '4.666666666666667',
    });
    expect(params.search).toEqual({
      count: 41,
      first: '0.0',
      second: '0.1',
      last: '4.0',
      best: '2.0',
      squared: '1,681',
      tenth: '13,422,659,310,152,401',
      gdSteps: 31,
    });
    expect(params.gradient).toEqual({ w0: '1.0', grad: '-9.333333333333334' });
    expect(params.step).toEqual({
      w0: '1.0',
      lr: '0.01',
      grad: '-9.333333333333334',
      w1: '1.0933333333333333',
    });
    expect(params.epochs).toEqual({
      epochs: 100,
      w: '1.9999444396553017',
      x: 4,
      predict: '7.999777758621207',
    });
    expect(params.rate1).toEqual({ lr: '0.1', lectureLr: '0.01', target: '2.0' });
    expect(params.rate2).toMatchObject({ lr: '0.2' });
    expect(params.rate3).toMatchObject({ lr: '0.25' });
    expect(params.sgd).toEqual({ n: 3, epochs: 100, updates: 300 });
    expect(params.versus).toEqual({ n: 6 });
    expect(params.summary).toEqual({});
  });
});

describe('lesson=k in a link', () => {
  // The playground's defaults: the lecture's setup, as a link writes it.
  const settings: UrlSettings = DEFAULT_SETTINGS;

  it('reads the scene, 1-based, with full-width digits too', () => {
    expect(parseUrlState('', '#lesson=5').lesson).toBe(5);
    expect(parseUrlState('?lesson=2', '').lesson).toBe(2);
    expect(parseUrlState('', '#lesson=５').lesson).toBe(5);
    expect(parseUrlState('', `#lesson=${LESSON_SCENE_COUNT}`).lesson).toBe(LESSON_SCENE_COUNT);
  });

  it('refuses what is not a scene, naming the parameter', () => {
    const reasons = (value: string) => parseUrlState('', `#lesson=${value}`).rejected;
    expect(reasons('0')).toEqual([{ key: 'lesson', value: '0', reason: 'out-of-range' }]);
    expect(reasons(String(LESSON_SCENE_COUNT + 1))).toEqual([
      { key: 'lesson', value: String(LESSON_SCENE_COUNT + 1), reason: 'out-of-range' },
    ]);
    expect(reasons('2.5')).toEqual([{ key: 'lesson', value: '2.5', reason: 'not-integer' }]);
    expect(reasons('two')).toEqual([{ key: 'lesson', value: 'two', reason: 'not-a-number' }]);
    expect(reasons('')).toEqual([{ key: 'lesson', value: '', reason: 'empty' }]);
    expect(parseUrlState('', '#lesson=0').lesson).toBeUndefined();
  });

  it('counts as a setup, so that #lesson=5 opens scene 5’s rather than the remembered one', () => {
    expect(isSettingKey('lesson')).toBe(true);
    expect(urlStateKeysIn('', '#lesson=5').some(isSettingKey)).toBe(true);
  });

  it('is written last, only in a lesson, and reads back', () => {
    const plain = serializeUrlState(settings, 'en');
    expect(plain).not.toContain('lesson');
    const written = serializeUrlState(settings, 'zh-CN', 'dark', true, 5);
    expect(written.endsWith('&theme=dark&present=1&lesson=5')).toBe(true);
    const read = parseUrlState('', `#${written}`);
    expect(read.lesson).toBe(5);
    expect(read.rejected).toEqual([]);
  });
});

describe('what GD does at the lesson’s learning rates', () => {
  it('converges at 0.1, oscillates at 0.2, diverges at 0.25, with the factor each epoch multiplies by', () => {
    expect(gdOutcome('w', data, 0.1).kind).toBe('smooth');
    expect(gdOutcome('w', data, 0.2).kind).toBe('oscillating');
    expect(gdOutcome('w', data, 0.25).kind).toBe('diverges');
    // 1 − α·2·mean(x²) = 1 − α·28/3.
    expect(gdOutcome('w', data, 0.25).factor).toBeCloseTo(1 - (0.25 * 28) / 3, 14);
    expect(gdOutcome('w', data, 3 / 28).kind).toBe('one-step');
    for (const id of ['rate1', 'rate2', 'rate3']) {
      const { lr } = sceneSetup(sceneById(id));
      expect(gdOutcome('w', data, lr).kind, id).toBe(
        { rate1: 'smooth', rate2: 'oscillating', rate3: 'diverges' }[id],
      );
    }
  });
});
