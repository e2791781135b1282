import { useRef } from 'react';
import { useT } from '../i18n';
import { useClassroom } from '../hooks/useClassroom';
import { useAnimationLoop } from '../hooks/useAnimationLoop';
import { useKeyboardShortcuts } from '../hooks/useKeyboardShortcuts';
import { usePlaygroundStoreApi } from '../store/context';
import { ExportMenu } from './ExportMenu';
import { Header } from './Header';
import { LossChart } from './LossChart';
import { RunPanel } from './RunPanel';
import { SettingsPanel } from './SettingsPanel';
import { TransportControls } from './TransportControls';

/** The playground: controls and settings on top, the two runs side by side, the shared loss chart. */
export function App() {
  const t = useT();
  const store = usePlaygroundStoreApi();
  useAnimationLoop(store);
  useKeyboardShortcuts(store);
  useClassroom(store);
  const lossChart = useRef<HTMLElement>(null);
  return (
    <div className="app">
      <a className="skip-link" href="#runs">
        {t('app.skipToContent')}
      </a>
      <Header />
      <main>
        <div className="top-row">
          <TransportControls />
          <SettingsPanel />
        </div>
        <div className="workspace">
          <div className="runs" id="runs" tabIndex={-1}>
            <RunPanel id="gd" />
            <RunPanel id="sgd" />
          </div>
          <section className="panel loss-panel" ref={lossChart}>
            <LossChart height={420} />
            <ExportMenu chart={lossChart} />
          </section>
        </div>
      </main>
    </div>
  );
}
