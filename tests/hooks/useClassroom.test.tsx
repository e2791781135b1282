import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UrlNotice } from '../../src/components/UrlNotice';
import { URL_WRITE_INTERVAL_MS, useClassroom } from '../../src/hooks/useClassroom';
import { useLocaleStore } from '../../src/i18n';
import { useClassroomStore } from '../../src/store/classroom';
import { PlaygroundProvider } from '../../src/store/context';
import { createPlaygroundStore, type PlaygroundStore } from '../../src/store/playground';

function Harness({ store }: { store: PlaygroundStore }) {
  useClassroom(store);
  return (
    <>
      <input aria-label="A field" />
      <UrlNotice />
    </>
  );
}

/** Opens `url` (path, query, fragment) as the page's address, then mounts the hook. */
function openAt(url: string, store: PlaygroundStore = createPlaygroundStore()) {
  window.history.replaceState(null, '', url);
  const view = render(
    <PlaygroundProvider store={store}>
      <Harness store={store} />
    </PlaygroundProvider>,
  );
  return { store, view };
}

const html = document.documentElement;
const fragment = () => new URLSearchParams(window.location.hash.slice(1));

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
  useClassroomStore.setState({ theme: 'system', presenting: false, shortcutsOpen: false, urlNotices: [] });
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  vi.useRealTimers();
  window.history.replaceState(null, '', '/');
  html.lang = 'en';
});

describe('reading the link', () => {
  it('applies the query’s settings', () => {
    const { store } = openAt('/?lr=0.05&w0=2&epochs=200&x=1,2&y=2,4&speed=20');
    const { settings } = store.getState();
    expect(settings).toMatchObject({ lr: 0.05, w0: 2, epochs: 200, xs: [1, 2], ys: [2, 4], speed: 20 });
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('lets the fragment win over the query', () => {
    const { store } = openAt('/?lr=0.05&w0=2#lr=0.07');
    expect(store.getState().settings.lr).toBe(0.07);
    expect(store.getState().settings.w0).toBe(2);
  });

  it('ignores lr=abc with a notice naming lr, and applies the other parameters', () => {
    const { store } = openAt('/?lr=abc&w0=2&epochs=200');
    expect(store.getState().settings).toMatchObject({ lr: 0.01, w0: 2, epochs: 200 });
    const notice = screen.getByRole('status');
    expect(notice).toHaveTextContent('lr = “abc”: not a number');
    expect(useClassroomStore.getState().urlNotices).toEqual([
      { key: 'lr', value: 'abc', reason: 'not-a-number' },
    ]);
  });

  it('shows a hostile value as text, never as markup', () => {
    openAt('/#x=<script>alert(1)</script>&y=1');
    const notice = screen.getByRole('status');
    expect(notice).toHaveTextContent('x = “<script>alert(1)</script>”: not a number');
    expect(notice).toHaveTextContent('y = “1”');
    expect(document.querySelector('script')).toBeNull();
  });

  it('reports a value the playground refuses and still applies the rest', () => {
    const store = createPlaygroundStore();
    const { actions } = store.getState();
    store.setState({
      actions: {
        ...actions,
        updateSettings: (patch) => ('lr' in patch ? false : actions.updateSettings(patch)),
      },
    });
    openAt('/?lr=0.05&w0=2', store);
    expect(store.getState().settings.w0).toBe(2);
    expect(useClassroomStore.getState().urlNotices).toEqual([
      { key: 'lr', value: '0.05', reason: 'refused' },
    ]);
  });

  it('sets language, theme and presentation mode on <html>', () => {
    openAt('/#lang=zh-CN&theme=dark&present=1');
    expect(useLocaleStore.getState().locale).toBe('zh-CN');
    expect(html.lang).toBe('zh-CN');
    expect(html.dataset.theme).toBe('dark');
    expect(html.classList.contains('presenting')).toBe(true);
    // The notice speaks the link's language.
    act(() =>
      useClassroomStore.getState().actions.setUrlNotices([{ key: 'lr', value: 'x', reason: 'empty' }]),
    );
    expect(screen.getByRole('status')).toHaveTextContent('没有给出值');
  });

  it('rewrites the link without what it ignored, keeping other query parameters', () => {
    openAt('/?lr=abc&w0=2&utm=mail');
    expect(window.location.search).toBe('?utm=mail');
    expect(fragment().get('lr')).toBe('0.01');
    expect(fragment().get('w0')).toBe('2.0');
    expect(fragment().get('lang')).toBe('en');
  });

  it('leaves a plain address alone until something changes', () => {
    openAt('/');
    expect(window.location.hash).toBe('');
  });

  it('reads a link pasted into the same tab (a fragment change)', () => {
    const { store } = openAt('/');
    act(() => {
      window.history.replaceState(null, '', '/#lr=0.2&theme=light&lr2=1');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(store.getState().settings.lr).toBe(0.2);
    expect(html.dataset.theme).toBe('light');
    // A fragment of the page's own (the skip link's #runs) is not a link to read.
    act(() => {
      window.history.replaceState(null, '', '/#runs');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(store.getState().settings.lr).toBe(0.2);
    expect(window.location.hash).toBe('#runs');
  });
});

describe('writing the link', () => {
  it('writes the fragment after a settings change', () => {
    const { store } = openAt('/');
    act(() => {
      store.getState().actions.updateSettings({ lr: 0.02, epochs: 50 });
    });
    expect(window.location.hash).toBe(
      '#lr=0.02&w0=1.0&epochs=50&x=1,2,3&y=2,4,6&speed=10&model=w&b0=0.0&batch=2&minibatch=0&shuffle=0&seed=1&lang=en',
    );
  });

  it('writes language, theme and presentation mode too', () => {
    openAt('/');
    act(() => useLocaleStore.getState().setLocale('zh-CN'));
    expect(fragment().get('lang')).toBe('zh-CN');
    vi.useFakeTimers();
    act(() => useClassroomStore.getState().actions.setTheme('dark'));
    act(() => useClassroomStore.getState().actions.setPresenting(true));
    act(() => vi.advanceTimersByTime(URL_WRITE_INTERVAL_MS));
    expect(fragment().get('theme')).toBe('dark');
    expect(fragment().get('present')).toBe('1');
  });

  it('writes at most a few times a second while a slider moves, ending on the last value', () => {
    vi.useFakeTimers();
    const { store } = openAt('/');
    const replaceState = vi.spyOn(window.history, 'replaceState');
    // One second of a dragged slider at 60 frames a second.
    for (let frame = 0; frame < 60; frame += 1) {
      act(() => {
        store.getState().actions.updateSettings({ lr: 0.01 + frame / 1000 });
        vi.advanceTimersByTime(1000 / 60);
      });
    }
    act(() => vi.advanceTimersByTime(URL_WRITE_INTERVAL_MS));
    expect(replaceState.mock.calls.length).toBeGreaterThan(0);
    expect(replaceState.mock.calls.length).toBeLessThanOrEqual(Math.ceil(1000 / URL_WRITE_INTERVAL_MS) + 1);
    expect(fragment().get('lr')).toBe(String(0.01 + 59 / 1000));
  });

  it('does not write while only the clock moves', () => {
    const { store } = openAt('/');
    const replaceState = vi.spyOn(window.history, 'replaceState');
    act(() => {
      const { actions } = store.getState();
      actions.play();
      for (let frame = 0; frame < 30; frame += 1) actions.tick(16);
      actions.step();
      actions.runToEnd();
      actions.reset();
    });
    expect(replaceState).not.toHaveBeenCalled();
  });
});

describe('keys', () => {
  const press = (key: string, init: KeyboardEventInit = {}, target: Element | Window = window) =>
    act(() => {
      fireEvent.keyDown(target, { key, bubbles: true, cancelable: true, ...init });
    });

  it('F toggles presentation mode, never while typing or with a modifier', () => {
    openAt('/');
    press('f');
    expect(html.classList.contains('presenting')).toBe(true);
    press('F');
    expect(html.classList.contains('presenting')).toBe(false);
    press('f', {}, screen.getByRole('textbox', { name: 'A field' }));
    press('f', { ctrlKey: true });
    press('f', { metaKey: true });
    press('f', { altKey: true });
    expect(useClassroomStore.getState().presenting).toBe(false);
  });

  it('? opens the shortcut sheet; Escape closes it, then leaves presentation mode', () => {
    openAt('/#present=1');
    press('?', { shiftKey: true });
    expect(useClassroomStore.getState().shortcutsOpen).toBe(true);
    // Other keys do nothing while the sheet is open.
    press('f');
    expect(useClassroomStore.getState().presenting).toBe(true);
    press('Escape');
    expect(useClassroomStore.getState().shortcutsOpen).toBe(false);
    expect(useClassroomStore.getState().presenting).toBe(true);
    press('Escape');
    expect(useClassroomStore.getState().presenting).toBe(false);
  });

  it('asks for fullscreen and survives its refusal, sync or async', async () => {
    openAt('/');
    const rejecting = vi.fn(() => Promise.reject(new Error('denied')));
    Object.defineProperty(html, 'requestFullscreen', { configurable: true, value: rejecting });
    press('f');
    expect(rejecting).toHaveBeenCalledTimes(1);
    expect(useClassroomStore.getState().presenting).toBe(true);
    await act(async () => {});
    press('f');
    const throwing = vi.fn(() => {
      throw new TypeError('not allowed');
    });
    Object.defineProperty(html, 'requestFullscreen', { configurable: true, value: throwing });
    press('f');
    expect(throwing).toHaveBeenCalledTimes(1);
    expect(useClassroomStore.getState().presenting).toBe(true);
    Reflect.deleteProperty(html, 'requestFullscreen');
  });

  it('leaving fullscreen leaves presentation mode', () => {
    openAt('/');
    let fullscreen: Element | null = html;
    Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => fullscreen });
    act(() => useClassroomStore.getState().actions.setPresenting(true));
    act(() => {
      document.dispatchEvent(new Event('fullscreenchange'));
    });
    expect(useClassroomStore.getState().presenting).toBe(true);
    fullscreen = null;
    act(() => {
      document.dispatchEvent(new Event('fullscreenchange'));
    });
    expect(useClassroomStore.getState().presenting).toBe(false);
    expect(html.classList.contains('presenting')).toBe(false);
    Reflect.deleteProperty(document, 'fullscreenElement');
  });

  it('undoes its changes on unmount: <html> and the address as they were', () => {
    const { store, view } = openAt('/?lr=abc#present=1&theme=dark');
    expect(html.classList.contains('presenting')).toBe(true);
    expect(window.location.search).toBe('');
    act(() => {
      store.getState().actions.updateSettings({ w0: 3 });
    });
    view.unmount();
    expect(html.classList.contains('presenting')).toBe(false);
    expect(html.dataset.theme).toBeUndefined();
    // A remount (StrictMode, the next test) reads the same link again.
    expect(`${window.location.search}${window.location.hash}`).toBe('?lr=abc#present=1&theme=dark');
  });
});
