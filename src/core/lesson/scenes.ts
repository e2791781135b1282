/**
 * The guided lesson: lecture 3 (梯度下降算法) as scenes a teacher clicks through. Each scene is pure
 * data. Its setup is a link fragment, written with the keys a shared link carries (urlState.ts:
 * lr, w0, epochs, x, y, speed, model, b0, batch, minibatch, shuffle, seed) and opened exactly as a
 * link is: what it leaves out is the default. The rest is what the lesson does beyond a link: which
 * of the lecture's two runs show, which view each run's panel opens on, what is highlighted, the
 * figure or the question beside the text, and what running the scene does.
 *
 * The text of scene `id` is in the catalog under `lesson.scene.<id>.title`, `.body` and `.do`.
 */

/** The lecture's two runs, as the lesson names them. */
export type LessonRunId = 'gd' | 'sgd';
export const LESSON_RUN_IDS: readonly LessonRunId[] = ['gd', 'sgd'];

/** The views of a run's panel (its tabs). */
export type LessonView = 'landscape' | 'formula' | 'output' | 'code';

/** What a scene can highlight: a run's panel, the loss chart, the learning rate, the transport. */
export type LessonTarget = 'gd' | 'sgd' | 'loss' | 'lr' | 'transport';

/**
 * What running a scene does: plot the exhaustive search point by point, take one GD step (one
 * epoch), take one SGD update (one sample), or play the runs.
 */
export type LessonAction = 'search' | 'step' | 'stepSample' | 'play';

/** The figure beside a scene's text. */
export type LessonFigure = 'task' | 'search' | 'gradient' | 'step' | 'sgdLoss';

/** What a learning rate can make GD's w do, as the prediction questions offer it. */
export type LessonOutcome = 'smooth' | 'oscillating' | 'diverges';
export const LESSON_OUTCOMES: readonly LessonOutcome[] = ['smooth', 'oscillating', 'diverges'];

export type LessonSceneId =
  | 'task'
  | 'search'
  | 'gradient'
  | 'step'
  | 'epochs'
  | 'rate1'
  | 'rate2'
  | 'rate3'
  | 'sgd'
  | 'versus'
  | 'summary';

export interface LessonScene {
  readonly id: LessonSceneId;
  /** The setup, as a link's fragment (without '#'). */
  readonly setup: string;
  /**
   * The runs whose panels show (both are always computed, on one clock); none: the scene is about
   * something else (the exhaustive search), and takes the room of the runs and the loss chart too.
   */
  readonly runs: readonly LessonRunId[];
  /** The view each run's panel opens on; a run not named opens on its landscape. */
  readonly views: Readonly<Partial<Record<LessonRunId, LessonView>>>;
  readonly highlight: readonly LessonTarget[];
  readonly figure?: LessonFigure;
  /**
   * Predict, then see: the class picks what GD's w will do (LESSON_OUTCOMES) before the run; the
   * answer shows once the run has been played to its end.
   */
  readonly question?: boolean;
  /** What the scene's run button does. */
  readonly action?: LessonAction;
  /** Whether entering the scene starts its action at once. */
  readonly autoplay?: boolean;
}

/** The lecture's data and starting point: x = 1, 2, 3; y = 2x; w = 1.0; 100 epochs. */
const LECTURE_DATA = 'w0=1.0&epochs=100&x=1,2,3&y=2,4,6';

/**
 * The noisy data of the GD-versus-SGD scene: the "noisy" preset with seed 1 (y = 2x + N(0, 0.5²) at
 * x = 1…6), written out so that the link carries it (tests check it is the preset).
 */
export const NOISY_DATA = { xs: [1, 2, 3, 4, 5, 6], ys: [2.7, 4.61, 5.74, 7.87, 10.53, 11.45] } as const;

export const LESSON_SCENES: readonly LessonScene[] = [
  {
    id: 'task',
    setup: `lr=0.01&${LECTURE_DATA}&speed=10`,
    runs: ['gd'],
    views: {},
    highlight: [],
    figure: 'task',
  },
  {
    id: 'search',
    setup: `lr=0.01&${LECTURE_DATA}&speed=10`,
    runs: [],
    views: {},
    highlight: [],
    figure: 'search',
    action: 'search',
    autoplay: true,
  },
  {
    id: 'gradient',
    setup: `lr=0.01&${LECTURE_DATA}&speed=10`,
    runs: ['gd'],
    views: {},
    highlight: ['gd'],
    figure: 'gradient',
  },
  {
    id: 'step',
    setup: `lr=0.01&${LECTURE_DATA}&speed=10`,
    runs: ['gd'],
    views: { gd: 'formula' },
    highlight: ['gd'],
    figure: 'step',
    action: 'step',
  },
  {
    id: 'epochs',
    setup: `lr=0.01&${LECTURE_DATA}&speed=25`,
    runs: ['gd'],
    views: { gd: 'output' },
    highlight: ['loss'],
    action: 'play',
    autoplay: true,
  },
  {
    id: 'rate1',
    setup: 'lr=0.1&w0=1.0&epochs=20&x=1,2,3&y=2,4,6&speed=5',
    runs: ['gd'],
    views: {},
    highlight: ['gd', 'lr'],
    question: true,
    action: 'play',
  },
  {
    id: 'rate2',
    setup: 'lr=0.2&w0=1.0&epochs=30&x=1,2,3&y=2,4,6&speed=8',
    runs: ['gd'],
    views: {},
    highlight: ['gd', 'lr'],
    question: true,
    action: 'play',
  },
  {
    id: 'rate3',
    setup: 'lr=0.25&w0=1.0&epochs=20&x=1,2,3&y=2,4,6&speed=5',
    runs: ['gd'],
    views: {},
    highlight: ['gd', 'lr'],
    question: true,
    action: 'play',
  },
  {
    id: 'sgd',
    setup: `lr=0.01&${LECTURE_DATA}&speed=10`,
    runs: ['sgd'],
    views: { sgd: 'output' },
    highlight: ['sgd', 'transport'],
    figure: 'sgdLoss',
    action: 'stepSample',
  },
  {
    id: 'versus',
    setup: `lr=0.025&w0=1.0&epochs=30&x=${NOISY_DATA.xs.join(',')}&y=${NOISY_DATA.ys.join(',')}&speed=5&shuffle=1&seed=1`,
    runs: ['gd', 'sgd'],
    views: {},
    highlight: ['loss'],
    action: 'play',
    autoplay: true,
  },
  {
    id: 'summary',
    setup: `lr=0.01&${LECTURE_DATA}&speed=10`,
    runs: ['gd', 'sgd'],
    views: {},
    highlight: [],
  },
];

/** How many scenes the lesson has; `lesson=k` in a link takes 1…LESSON_SCENE_COUNT. */
export const LESSON_SCENE_COUNT = LESSON_SCENES.length;

/** The scene at a 0-based index, clamped into the lesson (never undefined). */
export function lessonScene(index: number): LessonScene {
  const at = Number.isInteger(index) ? Math.min(Math.max(0, index), LESSON_SCENE_COUNT - 1) : 0;
  return LESSON_SCENES[at]!;
}
