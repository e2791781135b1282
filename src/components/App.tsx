import { lazy, Suspense, useRef } from 'react';
import { useT } from '../i18n';
import { useClassroom } from '../hooks/useClassroom';
import { useAnimationLoop } from '../hooks/useAnimationLoop';
import { useKeyboardShortcuts } from '../hooks/useKeyboardShortcuts';
import { usePersistence } from '../hooks/usePersistence';
import { usePlaygroundSelector, usePlaygroundStoreApi } from '../store/context';
import { shownRunIds } from '../store/playground';
import { selectShowMinibatch } from '../store/selectors';
import { Header } from './Header';
import { LossChart } from './LossChart';
import { ModelPanel } from './ModelPanel';
import { Notices } from './Notices';
import { PanelBoundary } from './PanelBoundary';
import { RunPanel } from './RunPanel';
import { SettingsPanel } from './SettingsPanel';
import { TransportControls } from './TransportControls';

// Below the fold or on demand: loaded after the first paint, so the lecture's view comes up first.
const DataPanel = lazy(() => import('./DataPanel').then((module) => ({ default: module.DataPanel })));
const ExportMenu = lazy(() => import('./ExportMenu').then((module) => ({ default: module.ExportMenu })));

/** The playground: controls and settings on top, the two runs side by side, the shared loss chart. */
export function App() {
  const t = useT();
  const store = usePlaygroundStoreApi();
  useAnimationLoop(store);
  useKeyboardShortcuts(store);
  // Stored settings first, then the link's: a link wins over what this browser remembers.
  usePersistence(store);
  useClassroom(store);
  const lossChart = useRef<HTMLElement>(null);
  const showMinibatch = usePlaygroundSelector(selectShowMinibatch);
  return (
    <div className="app">
      <a className="skip-link" href="#runs">
        {t('app.skipToContent')}
      </a>
      <Header />
      <Notices />
      <main>
        <div className="top-row">
          <PanelBoundary name={t('controls.label')}>
            <TransportControls />
          </PanelBoundary>
          <PanelBoundary name={t('settings.label')}>
            <SettingsPanel />
          </PanelBoundary>
        </div>
        <div className={`workspace${showMinibatch ? ' workspace-three' : ''}`}>
          <div className="runs" id="runs" tabIndex={-1}>
            {shownRunIds(showMinibatch).map((id) => (
              <PanelBoundary key={id} name={t(`run.${id}`)}>
                <RunPanel id={id} />
              </PanelBoundary>
            ))}
          </div>
          <section className="panel loss-panel" ref={lossChart}>
            <PanelBoundary name={t('loss.title')}>
              <LossChart height={420} />
              <Suspense fallback={null}>
                <ExportMenu chart={lossChart} />
              </Suspense>
            </PanelBoundary>
          </section>
        </div>
        <div className="beyond-row">
          <PanelBoundary name={t('data.panel')}>
            <Suspense fallback={null}>
              <DataPanel />
            </Suspense>
          </PanelBoundary>
          <PanelBoundary name={t('model.panel')}>
            <ModelPanel />
          </PanelBoundary>
        </div>
      </main>
    </div>
  );
}
