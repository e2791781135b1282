import { pyFloat } from '../core';
import { useT } from '../i18n';
import { usePlaygroundSelector } from '../store/context';
import {
  selectActions,
  selectFieldErrors,
  selectInitialW,
  selectLearningRate,
  selectLimits,
  selectShowMinibatch,
  selectTotalEpochs,
  selectXs,
  selectYs,
} from '../store/selectors';
import { LadderSlider, type Mark } from './LadderSlider';
import { EPOCHS_LADDER, INITIAL_W_LADDER, LEARNING_RATE_LADDER } from './ladders';
import { NumberField } from './NumberField';

/** Three significant digits, for limits quoted in prose ("≈ 0.214"). */
export const approx = (value: number): string =>
  Number.isFinite(value) ? String(Number(value.toPrecision(3))) : '∞';

/** Learning rate, initial w and epochs: each a slider of round values plus a typed field. */
export function SettingsPanel() {
  const t = useT();
  const actions = usePlaygroundSelector(selectActions);
  const errors = usePlaygroundSelector(selectFieldErrors);
  const lr = usePlaygroundSelector(selectLearningRate);
  const w0 = usePlaygroundSelector(selectInitialW);
  const epochs = usePlaygroundSelector(selectTotalEpochs);
  const limits = usePlaygroundSelector(selectLimits);
  const showMinibatch = usePlaygroundSelector(selectShowMinibatch);
  const xs = usePlaygroundSelector(selectXs);
  const ys = usePlaygroundSelector(selectYs);

  const lrMarks: Mark[] = [
    { value: limits.gd, label: t('settings.lrLimitGd', { value: approx(limits.gd) }), tone: 'gd' },
    { value: limits.sgd, label: t('settings.lrLimitSgd', { value: approx(limits.sgd) }), tone: 'sgd' },
    ...(showMinibatch
      ? [
          {
            value: limits.minibatch,
            label: t('settings.lrLimitMinibatch', { value: approx(limits.minibatch) }),
            tone: 'minibatch' as const,
          },
        ]
      : []),
    { value: limits.gd / 2, label: t('settings.lrOneStep', { value: approx(limits.gd / 2) }), tone: 'info' },
  ];
  const aboveLimit = lr > Math.min(limits.gd, limits.sgd);

  return (
    <section className="panel settings" aria-label={t('settings.label')}>
      <div className={`setting setting-lr${aboveLimit ? ' is-unstable' : ''}`}>
        <LadderSlider
          label={t('settings.lr')}
          ladder={LEARNING_RATE_LADDER}
          value={lr}
          valueText={pyFloat(lr)}
          marks={lrMarks}
          onChange={(value) => actions.updateSettings({ lr: value })}
        />
        <NumberField
          label={t('settings.lrTyped')}
          value={lr}
          errors={errors.lr}
          onCommit={(value) => actions.updateSettings({ lr: value })}
        />
        <ul className="hint lr-legend">
          {lrMarks.map((mark) => (
            <li key={mark.tone}>
              <span className={`legend-tick ladder-mark-${mark.tone}`} aria-hidden="true" />
              {mark.label}
            </li>
          ))}
        </ul>
      </div>
      <div className="setting">
        <LadderSlider
          label={t('settings.w0')}
          ladder={INITIAL_W_LADDER}
          scale="linear"
          value={w0}
          valueText={pyFloat(w0)}
          onChange={(value) => actions.updateSettings({ w0: value })}
        />
        <NumberField
          label={t('settings.w0Typed')}
          value={w0}
          errors={errors.w0}
          onCommit={(value) => actions.updateSettings({ w0: value })}
        />
      </div>
      <div className="setting">
        <LadderSlider
          label={t('settings.epochs')}
          ladder={EPOCHS_LADDER}
          value={epochs}
          valueText={t('settings.epochsValue', { value: epochs })}
          onChange={(value) => actions.updateSettings({ epochs: value })}
        />
        <NumberField
          label={t('settings.epochsTyped')}
          value={epochs}
          errors={errors.epochs}
          format={String}
          onCommit={(value) => actions.updateSettings({ epochs: value })}
        />
      </div>
      <p className="hint data-line">
        {t('settings.data', { xs: xs.map(pyFloat).join(', '), ys: ys.map(pyFloat).join(', ') })}
      </p>
    </section>
  );
}
