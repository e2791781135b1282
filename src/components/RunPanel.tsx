import { useShallow } from 'zustand/react/shallow';
import { pyFloat, pyLiteral } from '../core';
import { useT } from '../i18n';
import { usePlaygroundSelector } from '../store/context';
import type { LectureRunId, RunId } from '../store/playground';
import {
  runReadout,
  selectIsPlaying,
  selectLearningRate,
  selectBatchSize,
  selectModel,
  selectPredictX,
  selectXs,
} from '../store/selectors';
import { Landscape } from './Landscape';
import { lazyComponent, usePreloadWhenIdle } from './lazyPanel';
import { PythonDownloads } from './PythonDownloads';
import { approx } from './SettingsPanel';
import { Tabs } from './Tabs';

// The views behind the other tabs load after the first paint (and ahead of a click, when the page is
// idle); the 2-D landscape (contours), only needed for y = w·x + b, when first shown.
const FormulaView = lazyComponent(() => import('./FormulaView').then((m) => m.FormulaView), {
  name: 'FormulaView',
  placeholder: 'tab',
  messages: ['formula'],
});
const PythonOutput = lazyComponent(() => import('./PythonOutput').then((m) => m.PythonOutput), {
  name: 'PythonOutput',
  placeholder: 'tab',
});
const PythonCode = lazyComponent(() => import('./PythonCode').then((m) => m.PythonCode), {
  name: 'PythonCode',
  placeholder: 'tab',
});
const Landscape2D = lazyComponent(() => import('./Landscape2D').then((m) => m.Landscape2D), {
  name: 'Landscape2D',
  placeholder: 'landscape2d',
  messages: ['landscape2d'],
});
const TAB_VIEWS = [FormulaView, PythonOutput, PythonCode];

const isLectureRun = (id: RunId): id is LectureRunId => id !== 'minibatch';

/** One run (GD, SGD or mini-batch): what it is, where it stands, its landscape and its Python. */
export function RunPanel({ id }: { id: RunId }) {
  const t = useT();
  const n = usePlaygroundSelector(selectXs).length;
  const batch = Math.min(n, usePlaygroundSelector(selectBatchSize));
  const model = usePlaygroundSelector(selectModel);
  usePreloadWhenIdle(TAB_VIEWS);
  const landscape = {
    id: 'landscape',
    label: t('run.view.landscape'),
    render: () =>
      model === 'wb' ? <Landscape2D id={id} height={260} /> : <Landscape id={id} height={210} />,
  };
  const formula = { id: 'formula', label: t('run.view.formula'), render: () => <FormulaView id={id} /> };
  return (
    <section className={`panel run run-${id}`} aria-label={t(`run.${id}`)}>
      <header className="run-header">
        <h2>
          <span className="run-swatch" aria-hidden="true" />
          {t(`run.${id}`)}
        </h2>
        <p className="run-rule">{t(`run.${id}.rule`, { n, b: batch, updates: Math.ceil(n / batch) })}</p>
      </header>
      <RunStatus id={id} />
      <RunReadoutView id={id} />
      <Tabs
        label={t('run.views', { run: t(`run.${id}.short`) })}
        tabs={
          isLectureRun(id)
            ? [
                landscape,
                formula,
                { id: 'output', label: t('run.view.output'), render: () => <PythonOutput id={id} /> },
                { id: 'code', label: t('run.view.code'), render: () => <PythonCode id={id} /> },
              ]
            : [landscape, formula]
        }
      />
      {isLectureRun(id) && <PythonDownloads id={id} />}
    </section>
  );
}

function RunStatus({ id }: { id: RunId }) {
  const t = useT();
  const lr = usePlaygroundSelector(selectLearningRate);
  const { health, divergedAtEpoch, limit } = usePlaygroundSelector(
    useShallow((s) => {
      const readout = runReadout(s, id);
      return { health: readout.health, divergedAtEpoch: readout.divergedAtEpoch, limit: readout.limit };
    }),
  );
  if (health === 'converging') return null;
  const text =
    health === 'diverged'
      ? t('run.status.diverged', { epoch: divergedAtEpoch ?? 0, limit: approx(limit) })
      : t('run.status.diverging', { lr: pyFloat(lr), limit: approx(limit) });
  return (
    <p className={`run-status run-status-${health}`} role="alert">
      <span aria-hidden="true">⚠ </span>
      {text}
    </p>
  );
}

function RunReadoutView({ id }: { id: RunId }) {
  const t = useT();
  const readout = usePlaygroundSelector(useShallow((s) => runReadout(s, id)));
  const predictX = usePlaygroundSelector(selectPredictX);
  const playing = usePlaygroundSelector(selectIsPlaying);
  const model = usePlaygroundSelector(selectModel);
  const x = pyLiteral(predictX);
  const rows: [string, string, string?][] = [
    [t('run.epoch'), String(readout.epoch)],
    [t('run.updates'), String(readout.updates)],
    [t('run.w'), `w = ${pyFloat(readout.params.w)}`],
    ...(model === 'wb' ? [[t('run.bias'), `b = ${pyFloat(readout.params.b)}`] as [string, string]] : []),
    [t('run.loss'), readout.printedLoss === null ? '—' : pyFloat(readout.printedLoss), t('run.lossHint')],
    [t('run.cost'), pyFloat(readout.cost)],
    [t('run.predictBefore', { x }), pyFloat(readout.predictBefore)],
    [t('run.predictAfter', { x }), pyFloat(readout.predictNow)],
  ];
  const announcement =
    readout.health === 'diverged'
      ? t('run.announceDiverged', { run: t(`run.${id}.short`), epoch: readout.divergedAtEpoch ?? 0 })
      : t('run.announce', {
          run: t(`run.${id}.short`),
          epoch: readout.epoch,
          updates: readout.updates,
          w: pyFloat(readout.params.w),
          loss: readout.printedLoss === null ? '—' : pyFloat(readout.printedLoss),
        });
  return (
    <>
      <dl className="readout">
        {rows.map(([label, value, hint]) => (
          <div key={label} className="readout-row">
            <dt title={hint}>{label}</dt>
            <dd className="mono">{value}</dd>
          </div>
        ))}
      </dl>
      {/* Announced when the run stops moving: sixty announcements a second would say nothing. */}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {playing ? '' : announcement}
      </p>
    </>
  );
}
