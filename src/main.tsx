import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { applyStartupState } from './hooks/usePersistence';
import { startupLocaleReady } from './i18n';
import { usePlayground } from './store/playground';
import './styles.css';

const root = document.getElementById('root');
// This tab's place after a reload, a link's setup, or the last one saved, before the first render:
// the first paint already draws it, never the lecture's data first (the hooks' call does nothing).
applyStartupState(usePlayground);
// A page that starts in Chinese waits for that catalog, so that it never paints English first.
void startupLocaleReady.then(() => {
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
