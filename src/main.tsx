import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { startupLocaleReady } from './i18n';
import './styles.css';

const root = document.getElementById('root');
// A page that starts in Chinese waits for that catalog, so that it never paints English first.
void startupLocaleReady.then(() => {
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
