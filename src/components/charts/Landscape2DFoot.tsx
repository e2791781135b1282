import { memo } from 'react';
import { pyFloat, type OptimizerSpec, type Point2 } from '../../core';
import { useT } from '../../i18n';
import { LiveMessage } from '../controls/LiveNumber';
import { Landscape2DLegend } from './landscape2dParts';
import { WIDEST_FLOAT } from '../controls/LiveNumber';

/** A (w, b) pair of floats, formatted (as Python prints them, or the widest). */
export interface Floats2 {
  readonly w: string;
  readonly b: string;
}

/** What the 2-D landscape's foot says; the floats come formatted (as Python prints them, or the widest). */
export interface Landscape2DFootProps {
  /** Where the run or its path went off the chart, or null. */
  readonly note: string | null;
  /** The current (w, b). */
  readonly at: Floats2;
  readonly cost: string;
  /** ∇cost at the current (w, b); null when it is not a number. */
  readonly gradient: Floats2 | null;
  /** The update the rule will take next (momentum, Adam), or null. */
  readonly nextStep: Floats2 | null;
  /** θ*, the least-squares fit. */
  readonly star: Point2;
  readonly kind: OptimizerSpec['kind'];
  /** Whether the run has an update rule: the legend names its next step. */
  readonly rule: boolean;
}

/** The foot under the 2-D landscape: where (w, b) is, the cost, ∇cost, θ*, and the legend. */
export const Landscape2DFoot = memo(function Landscape2DFoot(props: Landscape2DFootProps) {
  const t = useT();
  const { note, at, cost, gradient, nextStep, star, kind, rule } = props;
  return (
    <div className="chart-foot">
      {note !== null && <p className="chart-offchart">{note}</p>}
      <p className="chart-stats">
        <span className="chart-mono">
          <LiveMessage numbers={[at.w, at.b]} message={([w, b]) => t('landscape2d.current', { w, b })} />
        </span>
        <span className="chart-mono">
          <LiveMessage numbers={[cost]} message={([value]) => t('landscape2d.cost', { value })} />
        </span>
        {gradient !== null && (
          <span className="chart-mono">
            <LiveMessage
              numbers={[gradient.w, gradient.b]}
              message={([w, b]) => t('landscape2d.gradient', { w, b })}
            />
          </span>
        )}
        {nextStep !== null && (
          <span className="chart-mono landscape2d-next">
            <LiveMessage
              numbers={[nextStep.w, nextStep.b]}
              message={([w, b]) => t('landscape2d.nextStep', { w, b })}
            />
          </span>
        )}
        <span className="chart-mono">
          {t('landscape2d.optimum', { w: pyFloat(star.w), b: pyFloat(star.b) })}
        </span>
      </p>
      <Landscape2DLegend kind={kind} nextStep={rule} />
    </div>
  );
});

/** A pair at its widest (see WIDEST_FLOAT). */
export const WIDEST_FLOATS: Floats2 = { w: WIDEST_FLOAT, b: WIDEST_FLOAT };

/** The widest cost: a cost is never negative, so it has no sign. */
export const WIDEST_COST = WIDEST_FLOAT.slice(1);

/**
 * The foot as it may become while the run plays, for LayoutIsland's reserve: every float at its
 * widest, each line the foot holds now. Its props are the same values from one frame to the next
 * (the widest are constants), so the memoised foot renders it again only when a line comes or goes.
 * Not the off-chart note: it comes only when a run runs off, and its words would be on the page twice.
 */
export function widestFoot(foot: Landscape2DFootProps): Landscape2DFootProps {
  return {
    ...foot,
    note: null,
    at: WIDEST_FLOATS,
    cost: WIDEST_COST,
    gradient: foot.gradient && WIDEST_FLOATS,
    nextStep: foot.nextStep && WIDEST_FLOATS,
  };
}
