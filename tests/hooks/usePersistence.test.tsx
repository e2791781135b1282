import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { usePersistence } from '../../src/hooks/usePersistence';
import { useNotices } from '../../src/store/notices';
import { STORAGE_KEY } from '../../src/store/persist';
import { createPlaygroundStore, type PlaygroundStore } from '../../src/store/playground';

function Harness({ store }: { store: PlaygroundStore }) {
  usePersistence(store, window.localStorage);
  return null;
}

beforeEach(() => {
  window.localStorage.clear();
  useNotices.setState({ notices: [] });
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('usePersistence', () => {
  it('brings the last setup back after a reload', () => {
    const first = createPlaygroundStore();
    const { unmount } = render(<Harness store={first} />);
    act(() => void first.getState().actions.updateSettings({ lr: 0.05, epochs: 300 }));
    act(() => void vi.advanceTimersByTime(1000));
    unmount();

    const second = createPlaygroundStore();
    render(<Harness store={second} />);
    expect(second.getState().settings.lr).toBe(0.05);
    expect(second.getState().settings.epochs).toBe(300);
    expect(useNotices.getState().notices).toEqual([]);
  });

  it('writes once after a burst of changes, not once per change', () => {
    const store = createPlaygroundStore();
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    render(<Harness store={store} />);
    act(() => {
      for (let i = 1; i <= 30; i++) store.getState().actions.updateSettings({ lr: i / 1000 });
    });
    act(() => void vi.advanceTimersByTime(1000));
    expect(setItem).toHaveBeenCalledTimes(1);
    expect(JSON.parse(window.localStorage.getItem(STORAGE_KEY)!)).toMatchObject({ lr: 0.03 });
  });

  it('ignores corrupted storage with a notice and starts from the lecture', () => {
    window.localStorage.setItem(STORAGE_KEY, '{"lr": "<script>"');
    const store = createPlaygroundStore();
    render(<Harness store={store} />);
    expect(store.getState().settings.lr).toBe(0.01);
    expect(useNotices.getState().notices.map((notice) => notice.message)).toEqual([
      'notice.storageUnreadable',
    ]);
  });
});
