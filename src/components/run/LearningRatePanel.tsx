import { pyFloat } from '../../core';
import { useCommitAfterPaint } from '../../hooks/useCommitAfterPaint';
import { useT } from '../../i18n';
import { usePlaygroundSelector } from '../../store/context';
import type { RunId } from '../../store/playground';
import {
  selectActions,
  selectFieldErrors,
  selectLearningRate,
  selectLimits,
  selectShownRunIds,
} from '../../store/selectors';
import { LadderSlider, type Mark } from '../controls/LadderSlider';
import { LEARNING_RATE_LADDER } from '../../store/ladders';
import { NumberField } from '../controls/NumberField';
import { RegimeNote } from './RegimeNote';
import { approx } from './SettingsPanel';
import './learningRate.css';

/**
 * The learning rate, the lesson's one knob, in the top bar: a slider of round values with each run's
 * stability limit marked and labelled on it, the typed value, and what this rate will do to each
 * run, in words, before anything plays.
 */
export function LearningRatePanel() {
  const t = useT();
  const actions = usePlaygroundSelector(selectActions);
  const errors = usePlaygroundSelector(selectFieldErrors);
  const lr = usePlaygroundSelector(selectLearningRate);
  // The slider moves at once; the runs, the charts and the notes follow after that frame is painted
  // (a new rate recomputes every epoch so far and redraws every chart).
  const [pending, propose] = useCommitAfterPaint(
    (value: number) => actions.updateSettings({ lr: value }),
    lr,
  );
  const sliderLr = pending?.value ?? lr;
  const limits = usePlaygroundSelector(selectLimits);
  const runs = usePlaygroundSelector(selectShownRunIds);
  // Adaptive methods have no fixed limit to mark.
  const limited = runs.flatMap((id) => {
    const limit = limits[id];
    return typeof limit === 'number' ? [{ id, limit }] : [];
  });
  const limitMark = ({ id, limit }: { id: RunId; limit: number }): Mark => ({
    value: limit,
    label: t('settings.lrLimit', { run: t(`run.${id}.short`), value: approx(limit) }),
    short: t('settings.lrMarkShort', { run: t(`run.${id}.short`), value: approx(limit) }),
    tone: id,
  });
  const gdLimit = limits.gd ?? Infinity;
  const marks: Mark[] = [
    ...limited.map(limitMark),
    {
      value: gdLimit / 2,
      label: t('settings.lrOneStep', { value: approx(gdLimit / 2) }),
      short: t('settings.lrOneStepShort', { value: approx(gdLimit / 2) }),
      tone: 'info',
    },
  ];
  const aboveLimit = limited.some(({ limit }) => lr > limit);

  return (
    <section
      className={`panel lr-panel${aboveLimit ? ' is-unstable' : ''}`}
      aria-label={t('settings.lrPanel')}
    >
      <div className="lr-slider">
        <LadderSlider
          label={t('settings.lr')}
          ladder={LEARNING_RATE_LADDER}
          value={sliderLr}
          valueText={pyFloat(sliderLr)}
          marks={marks}
          onChange={propose}
        />
      </div>
      <div className="lr-typed">
        <NumberField
          label={t('settings.lrTyped')}
          value={lr}
          errors={errors.lr}
          onCommit={(value) => actions.updateSettings({ lr: value })}
        />
      </div>
      <ul className="lr-regimes">
        {runs.map((id) => (
          <li key={id}>
            <RegimeNote id={id} variant="short" />
          </li>
        ))}
      </ul>
    </section>
  );
}
