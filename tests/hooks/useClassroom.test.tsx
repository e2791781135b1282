import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ShortcutSheet } from '../../src/components/classroom/ShortcutSheet';
import { UrlNotice } from '../../src/components/app/UrlNotice';
import { URL_WRITE_INTERVAL_MS, useClassroom } from '../../src/hooks/useClassroom';
import { useLocaleStore } from '../../src/i18n';
import { useKeyboard } from '../../src/hooks/keyboard';
import { useClassroomStore } from '../../src/store/classroom';
import { PlaygroundProvider } from '../../src/store/context';
import { createPlaygroundStore, DEFAULT_SETTINGS, type PlaygroundStore } from '../../src/store/playground';

function Harness({ store }: { store: PlaygroundStore }) {
  useClassroom(store);
  // The classroom's keys (F, ?, Escape) are in the one keyboard module's table.
  useKeyboard(store);
  return (
    <>
      <input aria-label="A field" />
      <UrlNotice />
      <ShortcutSheet />
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
    expect(notice).toHaveTextContent('lr = “abc”: not a number; used 0.01');
    expect(useClassroomStore.getState().urlNotices).toEqual([
      { key: 'lr', value: 'abc', reason: 'not-a-number', used: '0.01' },
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
      { key: 'lr', value: '0.05', reason: 'refused', used: '0.01' },
    ]);
  });

  it('names only what the link carried: a batch larger than the data, and the batch used instead', () => {
    const { store } = openAt('/#batch=99');
    expect(useClassroomStore.getState().urlNotices).toEqual([
      { key: 'batch', value: '99', reason: 'more-than-points', points: 3, used: '2' },
    ]);
    expect(screen.getByRole('status')).toHaveTextContent(
      'batch = “99”: larger than the number of points (3); used 2',
    );
    expect(screen.getByRole('status')).not.toHaveTextContent('minibatch');
    // The rest of the link applies: naming a batch size asks for the mini-batch run.
    expect(store.getState().settings).toMatchObject({ batchSize: 2, third: 'minibatch' });
  });

  it('opens the third run a link names', () => {
    const { store } = openAt('/#opt=minibatch&lr=0.05');
    expect(store.getState().settings).toMatchObject({ third: 'minibatch', lr: 0.05 });
    expect(Object.keys(store.getState().runs)).toEqual(['gd', 'sgd', 'minibatch']);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('names an unknown optimizer and a hyperparameter the third run does not take, and applies the rest', () => {
    const { store } = openAt('/#opt=nonsense&minibatch=1&momentum=0.5&lr=0.05');
    expect(store.getState().settings).toMatchObject({ third: 'minibatch', hyper: {}, lr: 0.05 });
    expect(useClassroomStore.getState().urlNotices).toEqual([
      { key: 'opt', value: 'nonsense', reason: 'unknown-value' },
      { key: 'momentum', value: '0.5', reason: 'not-used' },
    ]);
    const notice = screen.getByRole('status');
    expect(notice).toHaveTextContent('opt = “nonsense”: not a value this setting accepts');
    expect(notice).toHaveTextContent('momentum = “0.5”: not used by this optimizer');
  });

  it('checks the batch against the link’s own data', () => {
    const { store } = openAt('/#x=1,2,3,4,5&y=2,4,6,8,10&batch=5');
    expect(store.getState().settings.batchSize).toBe(5);
    expect(useClassroomStore.getState().urlNotices).toEqual([]);
    act(() => {
      window.history.replaceState(null, '', '/#x=7&y=1&batch=4');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(store.getState().settings).toMatchObject({ xs: [7], batchSize: 1 });
    expect(screen.getByRole('status')).toHaveTextContent(
      'batch = “4”: larger than the number of points (1); used 1',
    );
  });

  it('says what was used for a word it does not know, in the link’s own terms', () => {
    openAt('/#theme=sepia&x=1,2');
    expect(useClassroomStore.getState().urlNotices).toEqual([
      { key: 'x', value: '1,2', reason: 'unpaired', used: '1,2,3' },
      { key: 'theme', value: 'sepia', reason: 'unknown-value', used: 'system' },
    ]);
  });

  it('opens exactly the link’s setup: what it leaves out is the default, not what the page had', () => {
    const { store } = openAt('/');
    act(() => void store.getState().actions.updateSettings({ w0: 3, model: 'wb', speed: 100, predictX: 6 }));
    act(() => {
      window.history.replaceState(null, '', '/#lr=0.02&epochs=60');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(store.getState().settings).toEqual({
      ...DEFAULT_SETTINGS,
      lr: 0.02,
      epochs: 60,
      // A link cannot carry the x to predict: it stays.
      predictX: 6,
    });
  });

  it('reading its own address again changes nothing, the clock and SGD’s sample included', () => {
    const { store } = openAt('/#epochs=300&shuffle=1');
    act(() => {
      const { actions } = store.getState();
      for (let i = 0; i < 5; i++) actions.step();
      actions.stepSample();
    });
    const before = store.getState();
    act(() => void window.dispatchEvent(new HashChangeEvent('hashchange')));
    expect(store.getState().runs).toBe(before.runs);
    expect(store.getState()).toMatchObject({ epoch: 5, sampleCursor: 1, settings: before.settings });
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
  it('writes the fragment once a settings change has been painted, not in the change’s own task', () => {
    vi.useFakeTimers();
    const { store } = openAt('/');
    act(() => {
      store.getState().actions.updateSettings({ lr: 0.02, epochs: 50 });
    });
    // Rewriting the address waits for the frame that shows the change.
    expect(window.location.hash).toBe('');
    act(() => vi.advanceTimersByTime(17));
    expect(window.location.hash).toBe(
      '#lr=0.02&w0=1.0&epochs=50&x=1,2,3&y=2,4,6&speed=10&model=w&b0=0.0&batch=2&minibatch=0&shuffle=0&seed=1&lang=en',
    );
  });

  it('writes language, theme and presentation mode too', () => {
    vi.useFakeTimers();
    openAt('/');
    act(() => useLocaleStore.getState().setLocale('zh-CN'));
    act(() => vi.advanceTimersByTime(17));
    expect(fragment().get('lang')).toBe('zh-CN');
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

  it('still writes when no frame is painted (a hidden tab)', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const frames = vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    const { store } = openAt('/');
    act(() => store.getState().actions.updateSettings({ lr: 0.03 }));
    act(() => vi.advanceTimersByTime(100));
    expect(fragment().get('lr')).toBeNull();
    act(() => vi.advanceTimersByTime(200));
    expect(fragment().get('lr')).toBe('0.03');
    frames.mockRestore();
  });
});

describe('keys', () => {
  // Keys go where the focus is, as in a browser (the shortcut sheet takes it when it opens).
  const press = (key: string, init: KeyboardEventInit = {}, target?: Element) =>
    act(() => {
      fireEvent.keyDown(target ?? document.activeElement ?? document.body, {
        key,
        bubbles: true,
        cancelable: true,
        ...init,
      });
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
