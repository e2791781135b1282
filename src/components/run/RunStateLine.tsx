import { useT, type MessageKey } from '../../i18n';
import { usePlaygroundSelector } from '../../store/context';
import type { RunId } from '../../store/playground';
import { selectRule, selectStateParams, selectStateValue } from '../../store/selectors';
import { LayoutIsland } from '../controls/LayoutIsland';
import { LiveNumberReserve, StoreLiveNumber } from '../controls/LiveNumber';

/**
 * What an optimizer with state carries from step to step, where the run stands: momentum's velocity,
 * RMSprop's mean square, AdaGrad's sum of squares, Adam's two moment estimates (for w, and b under
 * y = w·x + b), each as its rule writes it (stateSymbols) and named by the catalog's `state.<name>`.
 * Nothing for plain gradient descent, which carries nothing. The values write themselves (they
 * change every frame of a run that has settled into small steps, when nothing else does): the line
 * renders only when the rule or the model changes. It is a LayoutIsland as high as the line with
 * every value at its widest: as the values widen in the run's first frames, the line lays out alone,
 * and the picture below it keeps its place and size.
 */
export function RunStateLine({ id }: { id: RunId }) {
  const t = useT();
  const rule = usePlaygroundSelector(selectRule(id));
  const params = usePlaygroundSelector(selectStateParams(id));
  if (!rule || params === null) return null;
  const items = (params === 'wb' ? (['w', 'b'] as const) : (['w'] as const)).flatMap((param) =>
    rule.stateNames.flatMap((name, i) => {
      const symbol = rule.stateSymbols[i];
      if (!symbol) return [];
      const shown = params === 'wb' ? `${symbol}(${param})` : symbol;
      // Every rule's state names have a catalog entry (see docs/architecture.md).
      const label = t(`state.${name}` as MessageKey, { param });
      return [{ key: `${name}-${param}`, label, shown, select: selectStateValue(id, param, name) }];
    }),
  );
  const line = (reserve: boolean) => (
    <dl className="readout-line run-state" aria-label={reserve ? undefined : t('state.label')}>
      {items.map(({ key, label, shown, select }) => (
        <div key={key} className="readout-item" title={reserve ? undefined : label}>
          <dt className="visually-hidden">{label}</dt>
          <dd className="mono">
            {shown} = {reserve ? <LiveNumberReserve /> : <StoreLiveNumber select={select} />}
          </dd>
        </div>
      ))}
    </dl>
  );
  return <LayoutIsland reserve={line(true)}>{line(false)}</LayoutIsland>;
}
