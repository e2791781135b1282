import { memo, useMemo } from 'react';
import { cost, optimizerEntry, pyFloat, pyLiteral } from '../../core';
import { useT, type Translate } from '../../i18n';
import { LiveMessage } from '../controls/LiveNumber';
import { usePlaygroundSelector } from '../../store/context';
import type { PlaygroundState, RunId } from '../../store/playground';
import { selectIsTextFrame } from '../../store/selectors';
import { CHART_THEME, formatCompact, RUN_COLOR_VARS } from './chartData';
import { ballOnChart, shownSlope, usedUpdate } from './landscapeLayer';
import { landscapeView, type LandscapeView } from './landscapeView';

/** What a landscape's foot says; the floats come formatted (as Python prints them, or the widest). */
export interface LandscapeFootProps {
  /** Where the path or the ball went off the chart, or null. */
  readonly note: string | null;
  readonly w: string;
  /** The slope at the ball; null when it is not a number. */
  readonly slope: string | null;
  /** After "Step one sample": the sample whose slope was taken (counted from 1) and w there. */
  readonly used: { readonly sample: string; readonly w: string } | null;
  /** The step the rule will take next (momentum, Adam), or null. */
  readonly nextStep: string | null;
  readonly wStar: number;
  /** The run's colour (a CSS value). */
  readonly color: string;
  readonly perSample: boolean;
  /** The sample the latest update used (SGD), or null. */
  readonly latest: { readonly i: number; readonly x: number; readonly y: number } | null;
}

/** The foot under a landscape: where w is, the slope, w*, and the legend of what is drawn. */
export const LandscapeFoot = memo(function LandscapeFoot(props: LandscapeFootProps) {
  const t = useT();
  const { note, w, slope, used, nextStep, wStar, color, perSample, latest } = props;
  return (
    <div className="chart-foot">
      {note !== null && <p className="chart-offchart">{note}</p>}
      <p className="chart-stats">
        <span className="chart-mono">
          <LiveMessage numbers={[w]} message={([w]) => t('landscape.current', { w })} />
        </span>
        {slope !== null && (
          <span className="chart-mono landscape-slope">
            {used ? (
              <LiveMessage
                numbers={[slope, used.sample, used.w]}
                message={([value, i, w]) => t('landscape.slopeUsed', { value, i, w })}
              />
            ) : (
              <LiveMessage numbers={[slope]} message={([value]) => t('landscape.slope', { value })} />
            )}
          </span>
        )}
        {nextStep !== null && (
          <span className="chart-mono landscape-next">
            <LiveMessage numbers={[nextStep]} message={([value]) => t('landscape.nextStep', { value })} />
          </span>
        )}
        <span className="chart-mono">{t('landscape.optimum', { value: pyFloat(wStar) })}</span>
      </p>
      <ul className="chart-legend">
        <li className="chart-legend-item">
          <span className="chart-swatch chart-swatch-path" style={{ color }} aria-hidden="true" />
          {t('landscape.legendPath')}
        </li>
        <li className="chart-legend-item">
          <span className="chart-swatch" style={{ background: CHART_THEME.tangent }} aria-hidden="true" />
          {t(used ? 'landscape.legendTangentSample' : 'landscape.legendTangent')}
        </li>
        {perSample && (
          <li className="chart-legend-item">
            <span
              className="chart-swatch"
              style={{ background: CHART_THEME.text, opacity: 0.3 }}
              aria-hidden="true"
            />
            {t('landscape.legendSamples')}
          </li>
        )}
        {latest !== null && (
          <li className="chart-legend-item landscape-latest" data-sample={latest.i}>
            <span className="chart-swatch" style={{ background: RUN_COLOR_VARS.sgd }} aria-hidden="true" />
            {t('landscape.latestSample', {
              sample: t('landscape.sample', {
                i: latest.i + 1,
                x: pyLiteral(latest.x),
                y: pyLiteral(latest.y),
              }),
            })}
          </li>
        )}
      </ul>
    </div>
  );
});

/** The sample whose "sample i: (x, y)" is the longest: the reserve names it. */
export function widestSample(xs: readonly number[], ys: readonly number[]): LandscapeFootProps['latest'] {
  let widest: LandscapeFootProps['latest'] = null;
  let longest = -1;
  xs.forEach((x, i) => {
    const length = String(i + 1).length + pyLiteral(x).length + pyLiteral(ys[i] ?? 0).length;
    if (length > longest) {
      longest = length;
      widest = { i, x, y: ys[i] ?? 0 };
    }
  });
  return widest;
}

/**
 * What a landscape's foot says of `view`: where w is (or where the path or the ball went off the
 * chart), the slope the tangent shows, the step an update rule takes next, w*, SGD's latest sample.
 */
export function landscapeFoot(view: LandscapeView, id: RunId, t: Translate): LandscapeFootProps {
  const { run, params, reach, b, wStar, next } = view;
  const { model, data } = run.setup;
  const w = params.w;
  const used = usedUpdate(view);
  const slope = shownSlope(view);
  const perSample = optimizerEntry(id).batching === 'sample';
  const beyond = reach.beyond;
  const note = beyond
    ? Number.isFinite(beyond.w) && Number.isFinite(cost(model, { w: beyond.w, b }, data))
      ? t('landscape.ranOff', { w: formatCompact(beyond.w), epoch: beyond.epoch })
      : t('landscape.overflowed', { epoch: beyond.epoch })
    : ballOnChart(view)
      ? null
      : Number.isFinite(w)
        ? t('landscape.offChart', { w: formatCompact(w) })
        : t('landscape.overflowed', { epoch: run.epoch + 1 });
  const latest = perSample ? view.latest : null;
  return {
    note,
    w: pyFloat(w),
    slope: Number.isFinite(slope) ? pyFloat(slope) : null,
    used: used ? { sample: String((used.indices[0] ?? 0) + 1), w: pyFloat(used.before.w) } : null,
    nextStep: next ? pyFloat(next.after.w - next.before.w) : null,
    wStar,
    color: RUN_COLOR_VARS[id],
    perSample,
    latest: latest === null ? null : { i: latest, x: data.xs[latest] ?? 0, y: data.ys[latest] ?? 0 },
  };
}

/**
 * Run `id`'s foot as of the store's last text frame (the readout cadence of selectors.ts): while the
 * runs play, its numbers change every other frame, as the readout line's do, and the frames between
 * leave it alone. The same object while it says the same, so the foot renders only when it changes.
 */
function footSelector(id: RunId, t: Translate): (state: PlaygroundState) => LandscapeFootProps {
  // A foot is a small tree of strings, numbers and booleans: equal text (`said`), equal foot.
  let last: {
    readonly view: LandscapeView;
    readonly foot: LandscapeFootProps;
    readonly said: string;
  } | null = null;
  return (state) => {
    if (last && !selectIsTextFrame(state)) return last.foot;
    const view = landscapeView(state, id);
    if (last?.view === view) return last.foot;
    const foot = landscapeFoot(view, id, t);
    const said = JSON.stringify(foot);
    last = { view, foot: last?.said === said ? last.foot : foot, said };
    return last.foot;
  };
}

/**
 * The foot of run `id`'s landscape, read from the store by itself: the landscape above it renders
 * only when its structure changes while the runs play fast (heldLandscapeView), the foot on every
 * text frame.
 */
export function CadencedLandscapeFoot({ id }: { readonly id: RunId }) {
  const t = useT();
  const foot = usePlaygroundSelector(useMemo(() => footSelector(id, t), [id, t]));
  return <LandscapeFoot {...foot} />;
}
