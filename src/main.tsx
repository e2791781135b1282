import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Styles in cascade order (Vite bundles them in import order): the global ones, then each feature's
// (imported by its component, with the app), then presentation mode's overrides of them all.
import './styles.css';
import { App } from './components/app/App';
import { runColorSheet } from './components/run/runColors';
import { applyStartupState } from './hooks/usePersistence';
import { startupLocaleReady } from './i18n';
import { posterShown } from './poster/poster';
import { usePlayground } from './store/playground';
import './components/classroom/presentation.css';

const root = document.getElementById('root');
// Each optimizer's colour, from the registry, before anything is drawn: a constructed stylesheet,
// which the page's Content-Security-Policy (style-src 'self') allows where a <style> element is not.
const runColors = new CSSStyleSheet();
runColors.replaceSync(runColorSheet());
document.adoptedStyleSheets = [runColors, ...document.adoptedStyleSheets];
// This tab's place after a reload, a link's setup, or the last one saved, before the first render:
// the first paint already draws it, never the lecture's data first (the hooks' call does nothing).
applyStartupState(usePlayground);
/** Resolves once the page as it is now has been painted (a task after the next frame). */
const painted = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
// A page that starts in Chinese waits for that catalog, so that it never paints English first. The
// first screen's poster, when shown (src/poster/poster.ts), is painted before React's first render,
// which replaces it: that render takes the main thread for a second or more on a slow laptop. A
// hidden tab paints nothing (and runs no requestAnimationFrame): there React renders at once.
void startupLocaleReady.then(async () => {
  if (posterShown(document) && document.visibilityState === 'visible') await painted();
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
