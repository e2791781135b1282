import { render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src/components/App';
import { useLocaleStore } from '../../src/i18n';
import { PlaygroundProvider } from '../../src/store/context';
import { STORAGE_KEY } from '../../src/store/persist';
import { createPlaygroundStore, DEFAULT_SETTINGS } from '../../src/store/playground';

function startAt(url: string) {
  window.history.replaceState(null, '', url);
  const store = createPlaygroundStore();
  render(
    <PlaygroundProvider store={store}>
      <App />
    </PlaygroundProvider>,
  );
  return store;
}

beforeEach(() => useLocaleStore.setState({ locale: 'en' }));
afterEach(() => window.history.replaceState(null, '', '/'));

describe('startup: what this browser remembers, and what a link says', () => {
  it('restores the last setup when the link carries none', () => {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...DEFAULT_SETTINGS, lr: 0.02, epochs: 300 }));
    const store = startAt('/');
    expect(store.getState().settings.lr).toBe(0.02);
    expect(store.getState().settings.epochs).toBe(300);
  });

  it('lets a link win over the stored setup, key by key', () => {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...DEFAULT_SETTINGS, lr: 0.02, epochs: 300 }));
    const store = startAt('/#lr=0.05');
    expect(store.getState().settings.lr).toBe(0.05);
    expect(store.getState().settings.epochs).toBe(300);
  });
});
