import { useId } from 'react';
import { OPTIMIZERS, THIRD_OPTIMIZERS, isOptimizerId, pyFloat } from '../../core';
import { useT } from '../../i18n';
import { usePlaygroundSelector } from '../../store/context';
import {
  selectActions,
  selectBatchSize,
  selectFieldErrors,
  selectInitialB,
  selectLimits,
  selectModel,
  selectSeed,
  selectShownRunIds,
  selectThird,
  selectShuffle,
  selectXs,
} from '../../store/selectors';
import { INITIAL_W_LADDER } from '../../store/ladders';
import { LadderSlider } from '../controls/LadderSlider';
import { HyperFields } from './HyperFields';
import { NumberField } from '../controls/NumberField';
import { approx } from './SettingsPanel';
import './model.css';

/**
 * Beyond the lecture: the bias term, the third run's optimizer, the batch size, shuffling with a
 * seed, and the stability limit of every run for the data, model and order in use.
 */
/** The optimizer a batch size is for: moving the batch slider with no third run shows this one. */
const batchedOptimizer = OPTIMIZERS.find((entry) => entry.batching === 'batch')?.id ?? null;

export function ModelPanel() {
  const t = useT();
  const actions = usePlaygroundSelector(selectActions);
  const model = usePlaygroundSelector(selectModel);
  const b0 = usePlaygroundSelector(selectInitialB);
  const batchSize = usePlaygroundSelector(selectBatchSize);
  const shuffle = usePlaygroundSelector(selectShuffle);
  const seed = usePlaygroundSelector(selectSeed);
  const third = usePlaygroundSelector(selectThird);
  const shown = usePlaygroundSelector(selectShownRunIds);
  const thirdId = useId();
  const limits = usePlaygroundSelector(selectLimits);
  const errors = usePlaygroundSelector(selectFieldErrors);
  const n = usePlaygroundSelector(selectXs).length;
  const radioName = useId();
  const batchLadder = Array.from({ length: n }, (_, i) => i + 1);

  return (
    <section className="panel model-panel" aria-label={t('model.panel')}>
      <h2 className="panel-title">{t('model.panel')}</h2>
      <fieldset className="model-choice">
        <legend>{t('model.model')}</legend>
        <div role="radiogroup" aria-label={t('model.model')} className="segmented">
          {(['w', 'wb'] as const).map((option) => (
            <label key={option} className={model === option ? 'segmented-on' : undefined}>
              <input
                type="radio"
                name={radioName}
                value={option}
                checked={model === option}
                onChange={() => actions.updateSettings({ model: option })}
              />
              {t(option === 'w' ? 'model.modelW' : 'model.modelWb')}
            </label>
          ))}
        </div>
      </fieldset>
      {model === 'wb' && (
        <div className="setting">
          <LadderSlider
            label={t('model.b0')}
            ladder={INITIAL_W_LADDER}
            scale="linear"
            value={b0}
            valueText={pyFloat(b0)}
            onChange={(value) => actions.updateSettings({ b0: value })}
          />
          <NumberField
            label={t('model.b0Typed')}
            value={b0}
            errors={errors.b0}
            onCommit={(value) => actions.updateSettings({ b0: value })}
          />
        </div>
      )}
      <div className="setting third-run">
        <label htmlFor={thirdId}>{t('model.third')}</label>
        <select
          id={thirdId}
          value={third ?? ''}
          aria-describedby={`${thirdId}-hint`}
          onChange={(event) => {
            const value = event.currentTarget.value;
            actions.updateSettings({ third: isOptimizerId(value) ? value : null });
          }}
        >
          <option value="">{t('model.thirdNone')}</option>
          {THIRD_OPTIMIZERS.map((id) => (
            <option key={id} value={id}>
              {t(`run.${id}`)}
            </option>
          ))}
        </select>
        <p className="hint" id={`${thirdId}-hint`}>
          {t('model.thirdHint')}
        </p>
        {third !== null && <HyperFields id={third} />}
      </div>
      <div className="setting">
        <LadderSlider
          label={t('model.batch')}
          ladder={batchLadder}
          scale="linear"
          value={Math.min(batchSize, n)}
          valueText={t('model.batchValue', { b: Math.min(batchSize, n), n })}
          onChange={(value) => actions.updateSettings({ batchSize: value, third: third ?? batchedOptimizer })}
        />
        <p className="hint">{t('model.batchHint', { n })}</p>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={shuffle}
          onChange={(event) => actions.updateSettings({ shuffle: event.currentTarget.checked })}
        />
        {t('model.shuffle')}
      </label>
      {!shuffle && <p className="hint">{t('model.shuffleHint')}</p>}
      <div className="setting seed-setting">
        <NumberField
          label={t('model.seed')}
          visibleLabel
          value={seed}
          errors={errors.seed}
          format={String}
          onCommit={(value) => actions.updateSettings({ seed: value })}
        />
      </div>
      <p className="limits-line" title={t('model.limitsHint')}>
        {t('model.limits', {
          limits: OPTIMIZERS.filter(({ id, batching }) => shown.includes(id) || batching === 'batch')
            .map(({ id }) => {
              const limit = limits[id];
              const run = t(`run.${id}.short`);
              return limit === null
                ? t('model.noFixedLimit', { run })
                : t('model.limit', { run, value: approx(limit) });
            })
            .join(' · '),
        })}
      </p>
      <p className="hint">{t('model.limitsHint')}</p>
    </section>
  );
}
