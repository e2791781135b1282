import { hyperOf, intervalText, optimizerEntry } from '../../core';
import { useT } from '../../i18n';
import { usePlaygroundSelector } from '../../store/context';
import type { RunId } from '../../store/playground';
import { selectActions, selectFieldErrors, selectHyper } from '../../store/selectors';
import { NumberField } from '../controls/NumberField';

/**
 * The hyperparameters of the third run's optimizer (momentum μ, Adam's β₁ and β₂, ε…), each typed,
 * with its interval under it; a value outside is refused with a message beside the field and the
 * run keeps the last valid one.
 */
export function HyperFields({ id }: { id: RunId }) {
  const t = useT();
  const actions = usePlaygroundSelector(selectActions);
  const hyper = usePlaygroundSelector(selectHyper);
  const errors = usePlaygroundSelector(selectFieldErrors);
  const entry = optimizerEntry(id);
  if (entry.hyperParameters.length === 0) return null;
  const values = hyperOf(entry, hyper[id]);
  return (
    <div className="hyper-fields" role="group" aria-label={t('model.hyper', { run: t(`run.${id}.short`) })}>
      {entry.hyperParameters.map((parameter) => (
        <div key={parameter.key} className="setting hyper-field">
          <NumberField
            label={t(`field.${parameter.key}`)}
            visibleLabel
            value={values[parameter.key] ?? parameter.defaultValue}
            errors={errors[parameter.key]}
            format={String}
            onCommit={(value) =>
              actions.updateSettings({ hyper: { ...hyper, [id]: { ...hyper[id], [parameter.key]: value } } })
            }
          />
          <p className="hint">
            {t('model.hyperRange', {
              interval: intervalText(parameter),
              value: String(parameter.defaultValue),
            })}
          </p>
        </div>
      ))}
    </div>
  );
}
