import { useRef } from 'react';
import { useT } from '../i18n';
import { useClassroom } from '../hooks/useClassroom';
import { useAnimationLoop } from '../hooks/useAnimationLoop';
import { useKeyboardShortcuts } from '../hooks/useKeyboardShortcuts';
import { usePersistence } from '../hooks/usePersistence';
import { usePlaygroundStoreApi } from '../store/context';
import { ExportMenu } from './ExportMenu';
import { Header } from './Header';
import { LossChart } from './LossChart';
import { Notices } from './Notices';
import { PanelBoundary } from './PanelBoundary';
import { RunPanel } from './RunPanel';
import { SettingsPanel } from './SettingsPanel';
import { TransportControls } from './TransportControls';

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
        <div className="workspace">
          <div className="runs" id="runs" tabIndex={-1}>
            <PanelBoundary name={t('run.gd')}>
              <RunPanel id="gd" />
            </PanelBoundary>
            <PanelBoundary name={t('run.sgd')}>
              <RunPanel id="sgd" />
            </PanelBoundary>
          </div>
          <section className="panel loss-panel" ref={lossChart}>
            <PanelBoundary name={t('loss.title')}>
              <LossChart height={420} />
              <ExportMenu chart={lossChart} />
            </PanelBoundary>
          </section>
        </div>
      </main>
    </div>
  );
}
