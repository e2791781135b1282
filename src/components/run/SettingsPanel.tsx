import { pyFloat } from '../../core';
import { useT } from '../../i18n';
import { usePlaygroundSelector } from '../../store/context';
import {
  selectActions,
  selectFieldErrors,
  selectInitialW,
  selectTotalEpochs,
  selectXs,
  selectYs,
} from '../../store/selectors';
import { LadderSlider } from '../controls/LadderSlider';
import { EPOCHS_LADDER, INITIAL_W_LADDER } from '../../store/ladders';
import { NumberField } from '../controls/NumberField';
import './settings.css';

/** Three significant digits, for limits quoted in prose ("≈ 0.214"). */
export const approx = (value: number): string =>
  Number.isFinite(value) ? String(Number(value.toPrecision(3))) : '∞';

/**
 * The rest of the lecture's setup, one scroll below the picture: initial w and epochs (each a slider
 * of round values plus a typed field) and the data the runs learn from.
 */
export function SettingsPanel() {
  const t = useT();
  const actions = usePlaygroundSelector(selectActions);
  const errors = usePlaygroundSelector(selectFieldErrors);
  const w0 = usePlaygroundSelector(selectInitialW);
  const epochs = usePlaygroundSelector(selectTotalEpochs);
  const xs = usePlaygroundSelector(selectXs);
  const ys = usePlaygroundSelector(selectYs);

  return (
    <section className="panel settings" aria-label={t('settings.label')}>
      <h2 className="panel-title">{t('settings.label')}</h2>
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
