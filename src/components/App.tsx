import { useT } from '../i18n';
import { useAnimationLoop } from '../hooks/useAnimationLoop';
import { useKeyboardShortcuts } from '../hooks/useKeyboardShortcuts';
import { usePlaygroundStoreApi } from '../store/context';
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
  return (
    <div className="app">
      <a className="skip-link" href="#runs">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <svg className="brand-mark" viewBox="0 0 64 64" aria-hidden="true">
            <path
              d="M8 14 C 22 14, 26 50, 40 50 S 56 40, 58 38"
              fill="none"
              stroke="currentColor"
              strokeWidth="6"
              strokeLinecap="round"
            />
            <circle cx="40" cy="50" r="7" className="brand-ball" />
          </svg>
          <div>
            <h1>{t('app.title')}</h1>
            <p className="tagline">{t('app.tagline')}</p>
          </div>
        </div>
        <p className="lecture">{t('app.lecture')}</p>
      </header>
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
          <section className="panel loss-panel">
            <LossChart height={420} />
          </section>
        </div>
      </main>
    </div>
  );
}
