import { pyFloat } from '../../core';
import { useT, type MessageKey } from '../../i18n';
import { LiveNumber } from '../controls/LiveNumber';
import { usePlaygroundSelector } from '../../store/context';
import type { RunId } from '../../store/playground';
import { selectOptimizerState, selectRule } from '../../store/selectors';

/**
 * What an optimizer with state carries from step to step, where the run stands: momentum's velocity,
 * RMSprop's mean square, AdaGrad's sum of squares, Adam's two moment estimates (for w, and b under
 * y = w·x + b), each as its rule writes it (stateSymbols) and named by the catalog's `state.<name>`.
 * Nothing for plain gradient descent, which carries nothing.
 */
export function RunStateLine({ id }: { id: RunId }) {
  const t = useT();
  const rule = usePlaygroundSelector(selectRule(id));
  const state = usePlaygroundSelector(selectOptimizerState(id));
  if (!rule || !state) return null;
  const items = (['w', 'b'] as const).flatMap((param) => {
    const values = state[param];
    if (!values) return [];
    return rule.stateNames.flatMap((name, i) => {
      const symbol = rule.stateSymbols[i];
      const value = values[name];
      if (!symbol || value === undefined) return [];
      const shown = state.b ? `${symbol}(${param})` : symbol;
      // Every rule's state names have a catalog entry (see docs/architecture.md).
      const label = t(`state.${name}` as MessageKey, { param });
      return [{ key: `${name}-${param}`, label, shown, text: pyFloat(value) }];
    });
  });
  return (
    <dl className="readout-line run-state" aria-label={t('state.label')}>
      {items.map(({ key, label, shown, text }) => (
        <div key={key} className="readout-item" title={label}>
          <dt className="visually-hidden">{label}</dt>
          <dd className="mono">
            {shown} = <LiveNumber text={text} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
