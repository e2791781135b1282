import { useMemo, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { pyFloat, pyLiteral } from '../../core';
import { useT } from '../../i18n';
import { useHeldWhileHidden } from '../../hooks/useHeldWhileHidden';
import { PlaygroundProvider, usePlaygroundSelector } from '../../store/context';
import type { PlaygroundState, RunId } from '../../store/playground';
import {
  selectRunDetails,
  selectRunHealth,
  selectRunCost,
  selectRunLine,
  selectRunEpoch,
  selectShownB,
  selectShownW,
  selectRunUpdates,
  selectRunTotalUpdates,
  selectTotalEpochs,
  selectLearningRate,
  selectBatchSize,
  selectModel,
  selectPredictX,
  selectXs,
} from '../../store/selectors';
import { Landscape } from '../charts/Landscape';
import { lazyComponent, usePreloadWhenIdle } from '../app/lazyPanel';
import { PythonDownloads } from '../python/PythonDownloads';
import { RegimeNote } from './RegimeNote';
import { RunStateLine } from './RunStateLine';
import { approx } from './SettingsPanel';
import { Counter, CounterReserve } from '../controls/Counter';
import { LayoutIsland } from '../controls/LayoutIsland';
import { LiveNumberReserve, StoreLiveNumber } from '../controls/LiveNumber';
import { StoreText } from '../controls/StoreText';
import { Tabs } from '../controls/Tabs';
import { runColorStyle } from './runColors';
import './run.css';

// The views behind the other tabs load after the first paint (and ahead of a click, when the page is
// idle); the 2-D landscape (contours), only needed for y = w·x + b, when first shown.
const FormulaView = lazyComponent(() => import('./FormulaView').then((m) => m.FormulaView), {
  name: 'FormulaView',
  placeholder: 'tab',
  messages: ['formula'],
});
const PythonOutput = lazyComponent(() => import('../python/PythonOutput').then((m) => m.PythonOutput), {
  name: 'PythonOutput',
  placeholder: 'tab',
  messages: ['python'],
});
const PythonCode = lazyComponent(() => import('../python/PythonCode').then((m) => m.PythonCode), {
  name: 'PythonCode',
  placeholder: 'tab',
  messages: ['python'],
});
const Landscape2D = lazyComponent(() => import('../charts/Landscape2D').then((m) => m.Landscape2D), {
  name: 'Landscape2D',
  placeholder: 'landscape2d',
  messages: ['landscape2d'],
});
const TAB_VIEWS = [FormulaView, PythonOutput, PythonCode];

/**
 * One run (GD, SGD, or the third run's optimizer): what its learning rate will do, where it stands in one line, its
 * landscape (or its formula and Python, one tab away); below the picture, the lecture's printed loss,
 * the predictions and the downloads.
 */
export function RunPanel({ id }: { id: RunId }) {
  const t = useT();
  const n = usePlaygroundSelector(selectXs).length;
  const batch = Math.min(n, usePlaygroundSelector(selectBatchSize));
  const model = usePlaygroundSelector(selectModel);
  usePreloadWhenIdle(TAB_VIEWS);
  const landscape = {
    id: 'landscape',
    label: t('run.view.landscape'),
    render: () => (model === 'wb' ? <Landscape2D id={id} /> : <Landscape id={id} />),
  };
  const formula = { id: 'formula', label: t('run.view.formula'), render: () => <FormulaView id={id} /> };
  // Showing its Python, the panel is wider (styles.css): a class of its own rather than a :has() on
  // its tabs, which made every node the landscape adds while playing restyle the whole panel.
  const [view, setView] = useState('landscape');
  const wide = view === 'output' || view === 'code';
  return (
    <section
      className={`panel run run-${id}${wide ? ' run-wide' : ''}`}
      aria-label={t(`run.${id}`)}
      style={runColorStyle(id)}
    >
      <header className="run-header">
        <h2>
          <span className="run-swatch" aria-hidden="true" />
          {t(`run.${id}`)}
        </h2>
      </header>
      <RunStatus id={id} />
      <RegimeNote id={id} variant="verdict" />
      <RunReadoutLine id={id} />
      <RunStateLine id={id} />
      <Tabs
        label={t('run.views', { run: t(`run.${id}.short`) })}
        onSelect={setView}
        tabs={[
          landscape,
          formula,
          { id: 'output', label: t('run.view.output'), render: () => <PythonOutput id={id} /> },
          { id: 'code', label: t('run.view.code'), render: () => <PythonCode id={id} /> },
        ]}
      />
      <div className="run-details">
        <RegimeNote id={id} variant="why" />
        <p className="run-rule">{t(`run.${id}.rule`, { n, b: batch, updates: Math.ceil(n / batch) })}</p>
        <HeldWhileHidden className="run-details-numbers">
          <RunDetails id={id} />
        </HeldWhileHidden>
        <PythonDownloads id={id} />
      </div>
    </section>
  );
}

/**
 * The part of a run panel that changes while the runs play, below the picture: it reads the store
 * through a view held while it is out of sight and the runs play fast (useHeldWhileHidden). On a
 * laptop a noisy run's printed loss and predictions are below the fold, and writing them on every
 * other frame of a fast play laid out and painted them for nobody. Only the numbers: the regime note
 * beside them shares its memoised selector with the one above the picture (selectRegime), and asked
 * of a held state and of the live one in turn, it made a new object at every call (React's "maximum
 * update depth" when the data changed with the details out of sight).
 */
function HeldWhileHidden({
  className,
  children,
}: {
  readonly className: string;
  readonly children: ReactNode;
}) {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const view = useHeldWhileHidden(element, { margin: '0px' });
  return (
    <div className={className} ref={setElement}>
      <PlaygroundProvider store={view}>{children}</PlaygroundProvider>
    </div>
  );
}

function RunStatus({ id }: { id: RunId }) {
  const t = useT();
  const lr = usePlaygroundSelector(selectLearningRate);
  const { health, divergedInEpoch, limit } = usePlaygroundSelector(useShallow(selectRunHealth(id)));
  if (health === 'converging') return null;
  const text =
    health === 'diverged'
      ? t('run.status.diverged', { epoch: divergedInEpoch ?? 0, limit: approx(limit ?? Infinity) })
      : t('run.status.diverging', { lr: pyFloat(lr), limit: approx(limit ?? Infinity) });
  return (
    <p className={`run-status run-status-${health}`} role="alert">
      <span aria-hidden="true">⚠ </span>
      {text}
    </p>
  );
}

/**
 * Where the run stands, in one line under its regime: epoch, updates, w (and b), cost on all data.
 * While the runs play, every number in it writes itself from the store (Counter, StoreLiveNumber) at
 * the readout cadence, and the line itself does not render again.
 */
function RunReadoutLine({ id }: { id: RunId }) {
  const t = useT();
  const line = usePlaygroundSelector(useShallow(selectRunLine(id)));
  const model = usePlaygroundSelector(selectModel);
  const totalEpochs = usePlaygroundSelector(selectTotalEpochs);
  const totalUpdates = usePlaygroundSelector(selectRunTotalUpdates(id));
  const select = useMemo(
    () => ({
      epoch: selectRunEpoch(id),
      updates: selectRunUpdates(id),
      w: selectShownW(id),
      b: selectShownB(id),
      cost: selectRunCost(id),
    }),
    [id],
  );
  // w and b say their own name ("w = 1.0"); their labels are there for screen readers. With
  // `reserve`, every number at its widest and no number in it: what the line may become.
  const itemsOf = (reserve: boolean): ReadoutItem[] => {
    const count = (select: (state: PlaygroundState) => number, upTo: number) =>
      reserve ? <CounterReserve upTo={upTo} /> : <Counter select={select} upTo={upTo} />;
    const float = (select: (state: PlaygroundState) => number) =>
      reserve ? <LiveNumberReserve /> : <StoreLiveNumber select={select} />;
    return [
      { label: t('run.epoch'), value: count(select.epoch, totalEpochs) },
      { label: t('run.updates'), value: count(select.updates, totalUpdates) },
      { label: t('run.w'), value: <>w = {float(select.w)}</>, hidden: true },
      ...(model === 'wb' ? [{ label: t('run.bias'), value: <>b = {float(select.b)}</>, hidden: true }] : []),
      { label: t('run.costShort'), value: float(select.cost), hint: t('run.cost') },
    ];
  };
  // Said when the run stops moving (sixty announcements a second would say nothing): not built before.
  const announcement =
    line === null
      ? ''
      : line.health === 'diverged'
        ? t('run.announceDiverged', { run: t(`run.${id}.short`), epoch: line.divergedInEpoch ?? 0 })
        : t('run.announce', {
            run: t(`run.${id}.short`),
            epoch: line.epoch,
            updates: line.updates,
            w: pyFloat(line.w),
            loss: line.printedLoss === null ? '—' : pyFloat(line.printedLoss),
          });
  // An island as high as the line at its widest: as the numbers grow in the run's first frames, the
  // line lays out alone, and the picture below it keeps its place and size (LayoutIsland).
  return (
    <>
      <LayoutIsland reserve={<ReadoutItems items={itemsOf(true)} />}>
        <ReadoutItems items={itemsOf(false)} />
      </LayoutIsland>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </>
  );
}

interface ReadoutItem {
  readonly label: string;
  readonly value: ReactNode;
  readonly hidden?: boolean;
  readonly hint?: string;
}

function ReadoutItems({ items }: { items: readonly ReadoutItem[] }) {
  return (
    <dl className="readout-line">
      {items.map(({ label, value, hidden, hint }) => (
        <div key={label} className="readout-item" title={hint}>
          <dt className={hidden ? 'visually-hidden' : undefined}>{label}</dt>
          <dd className="mono">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Below the picture: the loss as the lecture prints it, and the prediction before and now. The
 * numbers write themselves (StoreText): while the runs play they change at the readout cadence, and
 * the details do not render again.
 */
function RunDetails({ id }: { id: RunId }) {
  const t = useT();
  const predictX = usePlaygroundSelector(selectPredictX);
  const x = pyLiteral(predictX);
  const select = useMemo(() => {
    const details = selectRunDetails(id);
    return {
      loss: (state: PlaygroundState) => {
        const { printedLoss } = details(state);
        return printedLoss === null ? '—' : pyFloat(printedLoss);
      },
      before: (state: PlaygroundState) => pyFloat(details(state).predictBefore),
      now: (state: PlaygroundState) => pyFloat(details(state).predictNow),
    };
  }, [id]);
  // Plain text, not LiveNumbers: a column may be narrower than a long float, which then wraps.
  const rows: [string, ReactNode, string?][] = [
    [t('run.loss'), <StoreText select={select.loss} />, t('run.lossHint')],
    [t('run.predictBefore', { x }), <StoreText select={select.before} />],
    [t('run.predictAfter', { x }), <StoreText select={select.now} />],
  ];
  return (
    <LayoutIsland>
      <dl className="readout">
        {rows.map(([label, value, hint]) => (
          <div key={label} className="readout-row">
            <dt title={hint}>{label}</dt>
            <dd className="mono">{value}</dd>
          </div>
        ))}
      </dl>
    </LayoutIsland>
  );
}
