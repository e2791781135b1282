import { memo, useState } from 'react';
import { pyFloat, pyLiteral } from '../../core';
import { useT } from '../../i18n';
import { LiveMessage } from '../controls/LiveNumber';
import { usePlaygroundStoreApi } from '../../store/context';
import { selectIsTextFrame } from '../../store/selectors';
import { CHART_THEME, RUN_COLOR_VARS } from './chartData';

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
 * The foot as of the store's last text frame (the readout cadence of selectors.ts): while the runs
 * play, its numbers change every other frame, as the readout line's do, and the frames between leave
 * it alone (the landscape above it renders on every frame). At rest, every render shows its props.
 */
export function CadencedLandscapeFoot({ foot }: { readonly foot: LandscapeFootProps }) {
  // The state this render comes from: the landscape renders on the store's updates, synchronously.
  const textFrame = selectIsTextFrame(usePlaygroundStoreApi().getState());
  const [shown, setShown] = useState(foot);
  // Derived state, set during render: React renders this component again at once, nothing else.
  if (textFrame && shown !== foot) setShown(foot);
  return <LandscapeFoot {...(textFrame ? foot : shown)} />;
}
