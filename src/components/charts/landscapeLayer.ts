/**
 * What the 1-D landscape draws of a view of its run, as one pure function: the landscape renders it
 * through React, and while the runs play fast its moving marks are painted from it straight into
 * the drawing (landscapeMotion.ts), frame after frame, without a render.
 */
import { cost, costSlope, pickSamples, sampleLossSlice, tangentSegment, type CurvePoint } from '../../core';
import type { LandscapeLayer } from './landscapeMarks';
import type { LandscapeView } from './landscapeView';
import { FIRST_PATH_EPOCHS, MAX_SAMPLE_CURVES } from './chartData';

/** What a layer is drawn over: the chart's curves and height, which only a new range changes. */
export type LandscapeScene = Pick<LandscapeLayer, 'id' | 'curve' | 'samples' | 'yTop' | 'color'>;

/** The update "Step one sample" just stepped through (one sample), else null. */
export const usedUpdate = (view: LandscapeView) =>
  view.update !== null && view.update.indices.length === 1 ? view.update : null;

/**
 * The cost of sample i's loss ℓᵢ(w) at the w the update started from, where its tangent touches:
 * NaN when there is no such update.
 */
export function usedValue(view: LandscapeView): number {
  const used = usedUpdate(view);
  const sample = used?.indices[0];
  if (!used || sample === undefined) return NaN;
  return sampleLossSlice(view.run.setup.model, view.run.setup.data, sample, view.b)(used.before.w);
}

/** Whether the run's w is on the chart: a number inside the plotted range and its limits. */
export function ballOnChart(view: LandscapeView): boolean {
  const { w } = view.params;
  const { min, max, centre, limit } = view.range;
  return Number.isFinite(w) && w >= min && w <= max && Math.abs(w - centre) <= limit;
}

/**
 * The slope the tangent shows: ∂ℓᵢ/∂w at the w the update started from right after "Step one
 * sample", else the mean cost's slope dC/dw at the ball.
 */
export function shownSlope(view: LandscapeView): number {
  const used = usedUpdate(view);
  const { model, data } = view.run.setup;
  return used ? used.gradient.w : costSlope(model, data, view.params.w, view.b);
}

/** The samples whose losses are drawn (SGD): up to MAX_SAMPLE_CURVES, the latest one among them. */
export const pickedSamples = (view: LandscapeView, perSample: boolean): readonly number[] =>
  perSample ? pickSamples(view.run.setup.data.xs.length, view.latest, MAX_SAMPLE_CURVES) : [];

/**
 * The layer of `view` over `scene`: the ball at (w, C(w)), the tangent through it with slope
 * dC/dw (or through the used sample's loss), an update rule's next step at the ball's height.
 */
export function landscapeLayer(
  view: LandscapeView,
  scene: LandscapeScene,
  numbersAvoidBall: boolean,
): LandscapeLayer {
  const { model, data } = view.run.setup;
  const { min, max } = view.range;
  const { yTop } = scene;
  const w = view.params.w;
  const used = usedUpdate(view);
  const usedW = used?.before.w ?? NaN;
  const usedCost = usedValue(view);
  const slope = shownSlope(view);
  const touch: CurvePoint | null =
    used && usedW >= min && usedW <= max && Number.isFinite(usedCost) ? { w: usedW, value: usedCost } : null;
  const onChart = ballOnChart(view);
  const ballCost = cost(model, { w, b: view.b }, data);
  let tangent: LandscapeLayer['tangent'] = null;
  if (used) {
    if (touch) tangent = tangentSegment(touch.w, touch.value, slope, max - min, yTop, 0.3);
  } else if (onChart) {
    tangent = tangentSegment(w, ballCost, slope, max - min, yTop, 0.3);
  }
  const ballShown = onChart && Number.isFinite(ballCost);
  const nextW = view.next?.after.w ?? null;
  return {
    ...scene,
    latest: view.latest,
    path: view.path,
    line: view.line,
    wStar: view.wStar >= min && view.wStar <= max ? view.wStar : null,
    tangent,
    touch: tangent ? touch : null,
    ball: ballShown ? { w, value: ballCost } : null,
    nextStep:
      nextW !== null && ballShown
        ? [
            { w, value: ballCost },
            { w: Math.min(max, Math.max(min, nextW)), value: ballCost },
          ]
        : null,
    numbersAvoidBall,
    w,
  };
}

/**
 * Everything of a view that React draws while the runs play fast (see heldLandscapeView): the
 * chart's range, the samples drawn, which marks are there at all, and the path's numbered first
 * epochs. Between two views with equal lists, only what landscapeMotion paints has moved.
 */
export function landscapeStructure(view: LandscapeView, perSample: boolean): readonly unknown[] {
  const { run, range, reach, params } = view;
  const firstDots = view.path
    .filter((point) => point.epoch < FIRST_PATH_EPOCHS)
    .map((point) => `${point.epoch}:${point.w}`)
    .join(' ');
  const { model, data } = run.setup;
  return [
    run.setup,
    view.b,
    view.wStar,
    range.min,
    range.max,
    range.clipped,
    reach.beyond?.w ?? null,
    reach.beyond?.epoch ?? null,
    view.update,
    view.next !== null,
    view.latest !== null,
    pickedSamples(view, perSample).join(','),
    ballOnChart(view),
    Number.isFinite(cost(model, { w: params.w, b: view.b }, data)),
    Number.isFinite(shownSlope(view)),
    firstDots,
    Number.isFinite(params.w) ? null : run.epoch,
  ];
}
