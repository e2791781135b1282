/**
 * What a 1-D landscape shows of its run, read from the store as one view that stays the same object
 * while the picture and its words would stay the same. A settled run's epoch counts on every frame,
 * but its ball, path and numbers stand still: the landscape then does not render at all.
 */
import {
  cost,
  optimizerEntry,
  sliceOptimum,
  type Params,
  type RunState,
  type SampleUpdate,
} from '../../core';
import { displayedParams, type PlaygroundState, type RunId } from '../../store/playground';
import { latestSample, latestUpdate, nextRuleUpdate, runOf, selectIsFastPlay } from '../../store/selectors';
import { FIRST_PATH_EPOCHS, pathReach, weightPath, type PathReach } from './chartData';
import type { PathPoint } from './landscapeMarks';
import { landscapeRange, type LandscapeRange } from './landscapeRange';
import { landscapeStructure } from './landscapeLayer';
import { sameList } from './toolkit';

/**
 * Path dots whose w differ by less than this share of the plotted range are drawn once: under half a
 * pixel apart on a plot up to 2,048 px wide.
 */
const PATH_DOT_RESOLUTION = 1 / 4096;

export interface LandscapeView {
  /** The run state this view was made from (a later one that changed nothing shown keeps this view). */
  readonly run: RunState;
  /** Where the run stands (mid-epoch, after the sample cursor's last update). */
  readonly params: Params;
  /** The sample the latest update used (SGD), else null. */
  readonly latest: number | null;
  /** The update just stepped through by "Step one sample", else null. */
  readonly update: SampleUpdate | null;
  /** The step an update rule takes next (momentum, Adam …), else null. */
  readonly next: SampleUpdate | null;
  /** The slice of the cost drawn: through the current b (0 under y = w·x). */
  readonly b: number;
  readonly wStar: number;
  /** How far the path stayed drawable, and the range of w plotted around it. */
  readonly reach: PathReach;
  readonly range: LandscapeRange;
  /** The path's dots (one per place, the first epochs all numbered) and its line. */
  readonly path: readonly PathPoint[];
  readonly line: readonly PathPoint[];
}

/** Each run's view as last returned, with the state it was asked for and what it shows. */
const lastViews = new Map<
  RunId,
  { state: PlaygroundState; view: LandscapeView; shown: readonly unknown[] }
>();

/** Everything of a view the landscape draws or says: equal lists, equal pictures. */
function shownOf(view: LandscapeView): readonly unknown[] {
  const { run, params, reach, next } = view;
  return [
    run.setup,
    params.w,
    view.b,
    reach.min,
    reach.max,
    reach.beyond?.w ?? null,
    reach.beyond?.epoch ?? null,
    view.path,
    view.line,
    view.latest,
    view.update,
    next?.before.w ?? null,
    next?.after.w ?? null,
    // Only the note of a run whose w overflowed says the epoch.
    Number.isFinite(params.w) ? null : run.epoch,
  ];
}

/**
 * Run `id`'s landscape view in `state`: the last one returned while nothing it shows has changed (so
 * the store hook leaves the landscape as it was), else a new one.
 */
export function landscapeView(state: PlaygroundState, id: RunId): LandscapeView {
  const last = lastViews.get(id);
  if (last?.state === state) return last.view;
  const view = makeView(state, id, last?.view);
  const shown = shownOf(view);
  if (last && sameList(last.shown, shown)) {
    lastViews.set(id, { ...last, state });
    return last.view;
  }
  lastViews.set(id, { state, view, shown });
  return view;
}

/** A view as the landscape renders it, and whether its path's numbers step aside for the ball. */
export interface HeldLandscapeView {
  readonly view: LandscapeView;
  /**
   * At rest, stepping and at slow speeds; not while the runs play fast (see
   * LandscapeLayer.numbersAvoidBall). Decided when the view was taken, so that the switch to fast
   * play, which changes nothing drawn, renders nothing.
   */
  readonly numbersAvoidBall: boolean;
  /** What React draws of the view (landscapeStructure). */
  readonly structure: readonly unknown[];
}

/** Each run's view as the landscape last rendered it. */
const heldViews = new Map<RunId, HeldLandscapeView>();
/** The last state each run's held view was asked for, and the answer: the landscape and its painter both ask. */
const lastAnswers = new Map<RunId, { readonly state: PlaygroundState; readonly held: HeldLandscapeView }>();

/**
 * The view the landscape renders: landscapeView's, except while the runs play fast, when it stays
 * the one already rendered until its structure changes (a new range, a mark that comes or goes, a
 * numbered dot). Between those renders the ball, the tangent, the path and the highlighted sample
 * are painted from landscapeView without React (landscapeMotion.ts): one render a frame of the
 * SGD landscape's whole tree was a quarter of a frame's work on a school laptop. The same object
 * while it is kept.
 */
export function heldLandscapeView(state: PlaygroundState, id: RunId): HeldLandscapeView {
  const last = lastAnswers.get(id);
  if (last?.state === state) return last.held;
  const held = heldViewOf(state, id);
  lastAnswers.set(id, { state, held });
  return held;
}

function heldViewOf(state: PlaygroundState, id: RunId): HeldLandscapeView {
  const view = landscapeView(state, id);
  const fast = selectIsFastPlay(state);
  const held = heldViews.get(id);
  // At rest the numbers step aside for the ball: a view taken while playing fast is not kept.
  const keepable = held !== undefined && (fast || held.numbersAvoidBall);
  if (keepable && held.view === view) return held;
  const structure = landscapeStructure(view, optimizerEntry(id).batching === 'sample');
  if (keepable && fast && sameList(held.structure, structure)) return held;
  const taken = { view, numbersAvoidBall: !fast, structure };
  heldViews.set(id, taken);
  return taken;
}

function makeView(state: PlaygroundState, id: RunId, last: LandscapeView | undefined): LandscapeView {
  const run = runOf(state, id);
  const params = displayedParams(state, id);
  const { data, model, init } = run.setup;
  const b = model === 'w' ? 0 : params.b;
  const wStar = sliceOptimum(model, data, b);
  // How far the path stays drawable (incremental over the trace), then the range that holds it.
  const { centre, limit } = landscapeRange(init.w, wStar, [], init.w);
  const reach = pathReach(run, centre, limit);
  const trajectory = [reach.min, reach.max].filter((w) => Number.isFinite(w));
  // A path that left the drawable range clips the chart where it left (NaN is never drawable).
  if (reach.beyond) trajectory.push(NaN);
  const range = landscapeRange(init.w, wStar, trajectory, params.w);
  const { path, line } = drawnPath(run, reach, b, range);
  return {
    run,
    params,
    latest: latestSample(state, id),
    update: latestUpdate(state, id),
    next: nextRuleUpdate(run),
    b,
    wStar,
    reach,
    range,
    // The same arrays as last time when they draw the same: the drawing's layer then stays as it was.
    path: last && run.setup === last.run.setup && samePoints(last.path, path) ? last.path : path,
    line: last && run.setup === last.run.setup && samePoints(last.line, line) ? last.line : line,
  };
}

const samePoints = (a: readonly PathPoint[], b: readonly PathPoint[]): boolean =>
  a.length === b.length &&
  a.every((p, k) => p.w === b[k]!.w && p.value === b[k]!.value && p.epoch === b[k]!.epoch);

/**
 * The path as drawn: a dot where one is already drawn (under half a pixel) adds nothing, so a settled
 * run keeps the same picture however long it plays; the line drops consecutive repeats.
 */
function drawnPath(
  run: RunState,
  reach: PathReach,
  b: number,
  { min, max }: LandscapeRange,
): { path: PathPoint[]; line: PathPoint[] } {
  const { data, model } = run.setup;
  const weights = weightPath(run);
  const path: PathPoint[] = [];
  const line: PathPoint[] = [];
  const left = reach.beyond?.epoch ?? Infinity;
  const cell = (max - min) * PATH_DOT_RESOLUTION;
  const drawn = new Set<number>();
  let previous: number | null = null;
  weights.ws.forEach((w, k) => {
    const epoch = weights.epochs[k]!;
    if (epoch >= left || !(w >= min && w <= max)) return;
    const value = cost(model, { w, b }, data);
    if (!Number.isFinite(value)) return;
    const at = cell > 0 ? Math.round((w - min) / cell) : 0;
    if (at !== previous) line.push({ w, value, epoch });
    previous = at;
    // The first epochs are numbered on the chart: each keeps its dot.
    if (drawn.has(at) && epoch >= FIRST_PATH_EPOCHS) return;
    drawn.add(at);
    path.push({ w, value, epoch });
  });
  return { path, line };
}
