import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/components/app/App';
import { applyStartupState } from '../../../src/hooks/usePersistence';
import { useLocaleStore } from '../../../src/i18n';
import { useClassroomStore } from '../../../src/store/classroom';
import { useNotices } from '../../../src/store/notices';
import { saveTab, STORAGE_KEY } from '../../../src/store/persist';
import { createPlaygroundStore, DEFAULT_SETTINGS, type PlaygroundStore } from '../../../src/store/playground';
import { clock } from '../helpers/dom';
import { renderWithStore } from '../helpers/render';
import { WHOLE_APP } from '../helpers/timeouts';

function renderApp(store: PlaygroundStore) {
  return renderWithStore(<App />, store);
}

function startAt(url: string) {
  window.history.replaceState(null, '', url);
  const store = createPlaygroundStore();
  renderApp(store);
  return store;
}

const STORED = { ...DEFAULT_SETTINGS, lr: 0.02, epochs: 300, w0: 3, model: 'wb', speed: 100 };

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
  useClassroomStore.setState({ urlNotices: [], presenting: false, theme: 'system' });
  useNotices.setState({ notices: [] });
  window.sessionStorage.clear();
});
afterEach(() => window.history.replaceState(null, '', '/'));

describe('startup: what this browser remembers, and what a link says', WHOLE_APP, () => {
  it('restores the last setup when the link carries none', () => {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(STORED));
    const store = startAt('/');
    expect(store.getState().settings).toEqual(STORED);
    expect(window.location.hash).toBe('');
  });

  it('opens exactly a link’s setup: what it leaves out is the default, never the stored value', () => {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(STORED));
    const store = startAt('/#lr=0.05&x=1,2,3,4,5&y=2,4,6,8,10');
    expect(store.getState().settings).toEqual({
      ...DEFAULT_SETTINGS,
      lr: 0.05,
      xs: [1, 2, 3, 4, 5],
      ys: [2, 4, 6, 8, 10],
    });
    const fragment = new URLSearchParams(window.location.hash.slice(1));
    expect([fragment.get('w0'), fragment.get('model'), fragment.get('speed')]).toEqual(['1.0', 'w', '10']);
  });

  it('before the first render (main.tsx): the link’s notice shows, and mounting changes nothing', () => {
    window.history.replaceState(null, '', '/#batch=99&lr=0.05');
    const store = createPlaygroundStore();
    applyStartupState(store);
    const opened = store.getState();
    expect(opened.settings).toMatchObject({ lr: 0.05, batchSize: 2, third: 'minibatch' });
    renderApp(store);
    expect(store.getState().settings).toBe(opened.settings);
    expect(store.getState().runs).toBe(opened.runs);
    const notice = screen.getByText(/^batch = /);
    expect(notice).toHaveTextContent('batch = “99”: larger than the number of points (3); used 2');
    expect(screen.queryByText(/^minibatch = /)).toBeNull();
  });

  it('a reload comes back to this tab’s epoch and SGD sample, shown paused', () => {
    const setup = { ...DEFAULT_SETTINGS, epochs: 1000 };
    saveTab(window.sessionStorage, setup, { epoch: 91, sampleCursor: 2 });
    window.history.replaceState(null, '', '/');
    const store = createPlaygroundStore();
    applyStartupState(store, { navigation: 'reload' });
    renderApp(store);
    expect(store.getState()).toMatchObject({ epoch: 91, sampleCursor: 2, playback: 'paused' });
    expect(clock()).toHaveTextContent('Epoch 91 of 1000');
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
  });

  it('a reload within a moment of a change keeps this tab’s setup and puts it in the address', () => {
    // The address lags the last change by up to URL_WRITE_INTERVAL_MS; the tab's record does not.
    saveTab(window.sessionStorage, { ...DEFAULT_SETTINGS, lr: 0.05, w0: 2 }, { epoch: 4, sampleCursor: 0 });
    window.history.replaceState(null, '', '/#lr=0.05&w0=1.0');
    const store = createPlaygroundStore();
    applyStartupState(store, { navigation: 'reload' });
    renderApp(store);
    expect(store.getState()).toMatchObject({ epoch: 4, settings: { lr: 0.05, w0: 2 } });
    const fragment = new URLSearchParams(window.location.hash.slice(1));
    expect([fragment.get('lr'), fragment.get('w0')]).toEqual(['0.05', '2.0']);
  });

  it('drops a stored setup it cannot read with a notice, never a crash', () => {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ xs: [1, 2], ys: [1] }));
    const store = startAt('/');
    expect(store.getState().settings).toEqual(DEFAULT_SETTINGS);
    expect(
      screen.getByText('The settings saved in this browser could not be read', { exact: false }),
    ).toBeInTheDocument();
    expect(window.localStorage.getItem(STORAGE_KEY)).toBeNull();
  });
});
