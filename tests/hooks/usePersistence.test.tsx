import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { usePersistence, type PersistenceOptions } from '../../src/hooks/usePersistence';
import { useClassroomStore } from '../../src/store/classroom';
import { useNotices } from '../../src/store/notices';
import { loadSettings, loadTab, STORAGE_KEY, TAB_STORAGE_KEY } from '../../src/store/persist';
import {
  createPlaygroundStore,
  DEFAULT_SETTINGS,
  displayedParams,
  type PlaygroundStore,
} from '../../src/store/playground';

/** A tab's sessionStorage: its own, never shared. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

function Harness({ store, options }: { store: PlaygroundStore; options: PersistenceOptions }) {
  usePersistence(store, options);
  return null;
}

/** One tab: a store, the shared localStorage and a sessionStorage of its own. */
function openTab(
  url = '/',
  { session = memoryStorage(), navigation = 'navigate' as PersistenceOptions['navigation'] } = {},
) {
  window.history.replaceState(null, '', url);
  const store = createPlaygroundStore();
  const options: PersistenceOptions = { local: window.localStorage, session, navigation };
  const view = render(<Harness store={store} options={options} />);
  return { store, session, view, actions: store.getState().actions };
}

/** What the other tab's write looks like to this one (browsers never tell the writer itself). */
function storageEvent(oldValue: string | null) {
  act(() => {
    window.dispatchEvent(
      new StorageEvent('storage', {
        key: STORAGE_KEY,
        oldValue,
        newValue: window.localStorage.getItem(STORAGE_KEY),
        storageArea: window.localStorage,
      }),
    );
  });
}

const settle = () => act(() => void vi.advanceTimersByTime(1000));
const shared = () => loadSettings(window.localStorage);

beforeEach(() => {
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
  useNotices.setState({ notices: [] });
  useClassroomStore.setState({ urlNotices: [] });
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  window.history.replaceState(null, '', '/');
});

describe('a new visit without a link', () => {
  it('opens the last setup this browser saved, from epoch 0', () => {
    const first = openTab();
    act(() => void first.actions.updateSettings({ lr: 0.05, epochs: 300 }));
    act(() => first.actions.step());
    first.view.unmount();

    const second = openTab();
    expect(second.store.getState().settings).toMatchObject({ lr: 0.05, epochs: 300 });
    expect(second.store.getState().epoch).toBe(0);
    expect(useNotices.getState().notices).toEqual([]);
  });

  it('writes once after a burst of changes, not once per change', () => {
    const { actions } = openTab();
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    act(() => {
      for (let i = 1; i <= 30; i++) actions.updateSettings({ lr: i / 1000 });
    });
    settle();
    expect(setItem).toHaveBeenCalledTimes(1);
    expect(JSON.parse(window.localStorage.getItem(STORAGE_KEY)!)).toEqual({ lr: 0.03 });
  });

  it('drops an unreadable record with a notice and starts from the lecture', () => {
    window.localStorage.setItem(STORAGE_KEY, '{"lr": "<script>"');
    const { store } = openTab();
    expect(store.getState().settings).toEqual(DEFAULT_SETTINGS);
    expect(useNotices.getState().notices.map((notice) => notice.message)).toEqual([
      'notice.storageUnreadable',
    ]);
    expect(window.localStorage.getItem(STORAGE_KEY)).toBeNull();
  });
});

describe('a link after a stored visit', () => {
  const LINK = '/#lr=0.02&epochs=60&x=1,2,3,4,5&y=2,4,6,8,10';

  it('opens exactly the link’s setup: what it leaves out is the default, not what was stored', () => {
    const earlier = openTab('/#w0=3&model=wb&speed=100');
    expect(earlier.store.getState().settings).toMatchObject({ w0: 3, model: 'wb', speed: 100 });
    earlier.view.unmount();
    settle();
    expect(shared()).toMatchObject({ settings: { w0: 3, model: 'wb', speed: 100 } });

    const { store } = openTab(LINK);
    expect(store.getState().settings).toEqual({
      ...DEFAULT_SETTINGS,
      lr: 0.02,
      epochs: 60,
      xs: [1, 2, 3, 4, 5],
      ys: [2, 4, 6, 8, 10],
    });
    // And it is the last setup now, for the next visit without a link.
    settle();
    expect(shared()).toEqual({ kind: 'loaded', settings: store.getState().settings });
  });

  it('a link of only language, theme or presentation mode opens the stored setup', () => {
    openTab('/#w0=3').view.unmount();
    const { store } = openTab('/#present=1&theme=dark');
    expect(store.getState().settings.w0).toBe(3);
    expect(useClassroomStore.getState().presenting).toBe(true);
  });
});

describe('a reload', () => {
  it('comes back to this tab’s setup, epoch and SGD sample, paused', () => {
    const tab = openTab('/#epochs=1000&shuffle=1');
    act(() => {
      tab.actions.play();
      for (let frame = 0; frame < 91; frame++) tab.actions.tick(100);
      tab.actions.pause();
      tab.actions.stepSample();
      tab.actions.stepSample();
    });
    const before = tab.store.getState();
    expect(before.epoch).toBe(91);
    // A reload leaves no time for timers: the page hides, then goes.
    act(() => void window.dispatchEvent(new Event('pagehide')));
    tab.view.unmount();

    const reloaded = openTab(window.location.href, { session: tab.session, navigation: 'reload' });
    const after = reloaded.store.getState();
    expect(after.settings).toEqual(before.settings);
    expect(after).toMatchObject({ epoch: 91, sampleCursor: 2, playback: 'paused' });
    expect(displayedParams(after, 'sgd')).toEqual(displayedParams(before, 'sgd'));
    expect(after.runs.gd.params).toEqual(before.runs.gd.params);
  });

  it('keeps the clock of a run left playing, paused where it was', () => {
    const tab = openTab();
    act(() => {
      tab.actions.play();
      for (let frame = 0; frame < 3; frame++) tab.actions.tick(100);
    });
    expect(tab.store.getState().playback).toBe('playing');
    act(() => void window.dispatchEvent(new Event('pagehide')));
    tab.view.unmount();
    const reloaded = openTab('/', { session: tab.session, navigation: 'reload' });
    expect(reloaded.store.getState()).toMatchObject({ epoch: 3, playback: 'paused' });
  });

  it('keeps any setup the app accepted: one point', () => {
    const tab = openTab('/#x=2&y=4');
    expect(tab.store.getState().settings).toMatchObject({ xs: [2], ys: [4], batchSize: 1 });
    act(() => tab.actions.step());
    act(() => void window.dispatchEvent(new Event('pagehide')));
    tab.view.unmount();
    const reloaded = openTab(window.location.href, { session: tab.session, navigation: 'reload' });
    expect(reloaded.store.getState().settings).toEqual(tab.store.getState().settings);
    expect(reloaded.store.getState().epoch).toBe(1);
    expect(useNotices.getState().notices).toEqual([]);
    // A new visit opens it too.
    expect(openTab().store.getState().settings).toMatchObject({ xs: [2], ys: [4], batchSize: 1 });
  });

  it('prefers this tab’s own setup over an address a moment behind it', () => {
    const tab = openTab('/#lr=0.05');
    act(() => void tab.actions.updateSettings({ w0: 2 }));
    act(() => void window.dispatchEvent(new Event('pagehide')));
    tab.view.unmount();
    const reloaded = openTab('/#lr=0.05', { session: tab.session, navigation: 'reload' });
    expect(reloaded.store.getState().settings).toMatchObject({ lr: 0.05, w0: 2 });
  });

  it('drops this tab’s record when it cannot be read, with a notice, and opens as a new visit', () => {
    const session = memoryStorage();
    session.setItem(TAB_STORAGE_KEY, JSON.stringify({ settings: { lr: -1 }, epoch: 3, sampleCursor: 0 }));
    const { store } = openTab('/#lr=0.2', { session, navigation: 'reload' });
    expect(store.getState().settings.lr).toBe(0.2);
    expect(store.getState().epoch).toBe(0);
    expect(useNotices.getState().notices.map((notice) => notice.message)).toEqual([
      'classroom.notice.tabUnreadable',
    ]);
    expect(session.items.has(TAB_STORAGE_KEY)).toBe(false);
  });

  it('back from another site comes back where it was; back to an older link opens that link', () => {
    const tab = openTab('/#lr=0.05');
    act(() => tab.actions.step());
    // Off to another site (which cannot touch this tab's record), then Back.
    act(() => void window.dispatchEvent(new Event('pagehide')));
    tab.view.unmount();
    const back = openTab('/#lr=0.05', { session: tab.session, navigation: 'back_forward' });
    expect(back.store.getState()).toMatchObject({ epoch: 1, playback: 'paused' });
    back.view.unmount();
    // The history entry before it was another link: Back there opens that link, from 0.
    const older = openTab('/#lr=0.2', { session: tab.session, navigation: 'back_forward' });
    expect(older.store.getState().settings.lr).toBe(0.2);
    expect(older.store.getState().epoch).toBe(0);
  });
});

describe('two tabs of one browser', () => {
  it('each keeps its own setup; the shared record gets each tab’s own changes, field by field', () => {
    const a = openTab();
    const b = openTab();
    act(() => void a.actions.updateSettings({ xs: [1, 2, 3, 4], ys: [3, 5, 7, 9] }));
    const before = window.localStorage.getItem(STORAGE_KEY);
    settle();
    storageEvent(before);
    // Tab B, which loaded the lecture's data, changes only the learning rate.
    act(() => void b.actions.updateSettings({ lr: 0.02 }));
    settle();
    expect(b.store.getState().settings.xs).toEqual([1, 2, 3]);
    expect(a.store.getState().settings.lr).toBe(0.01);
    expect(shared()).toEqual({
      kind: 'loaded',
      settings: { ...DEFAULT_SETTINGS, xs: [1, 2, 3, 4], ys: [3, 5, 7, 9], lr: 0.02 },
    });
  });

  it('a tab never writes its older change over a field another tab saved since', () => {
    const a = openTab();
    const b = openTab();
    act(() => void a.actions.updateSettings({ lr: 0.05, epochs: 80 }));
    // B saves its own learning rate while A's change still waits for its timer.
    act(() => void b.actions.updateSettings({ lr: 0.2 }));
    act(() => void vi.advanceTimersByTime(100));
    const before = window.localStorage.getItem(STORAGE_KEY);
    act(() => void b.view.unmount());
    storageEvent(before);
    settle();
    expect(shared()).toMatchObject({ settings: { lr: 0.2, epochs: 80 } });
    // A shows its own learning rate all along; a later change of A's is saved again.
    expect(a.store.getState().settings.lr).toBe(0.05);
    act(() => void a.actions.updateSettings({ lr: 0.01 }));
    settle();
    expect(shared()).toMatchObject({ settings: { lr: 0.01, epochs: 80 } });
  });

  it('each tab’s reload comes back to its own setup, whatever the other saved', () => {
    const a = openTab();
    const b = openTab();
    act(() => void a.actions.updateSettings({ w0: 2 }));
    act(() => void b.actions.updateSettings({ w0: 3 }));
    settle();
    act(() => void window.dispatchEvent(new Event('pagehide')));
    expect(loadTab(a.session)).toMatchObject({ settings: { w0: 2 } });
    a.view.unmount();
    const reloaded = openTab('/', { session: a.session, navigation: 'reload' });
    expect(reloaded.store.getState().settings.w0).toBe(2);
  });
});
