import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { applyUrlState } from './hooks/useClassroom';
import { restoreSettings } from './hooks/usePersistence';
import { startupLocaleReady } from './i18n';
import { usePlayground } from './store/playground';
import './styles.css';

const root = document.getElementById('root');
// The stored setup, then the link's, before the first render: the first paint already draws them,
// never the lecture's data first (the hooks apply both again on mount, which changes nothing).
restoreSettings(usePlayground);
applyUrlState(usePlayground);
// A page that starts in Chinese waits for that catalog, so that it never paints English first.
void startupLocaleReady.then(() => {
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
