import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HeaderTools } from '../../../src/components/classroom/HeaderTools';
import { TransportControls } from '../../../src/components/run/TransportControls';
import { useClassroom } from '../../../src/hooks/useClassroom';
import { useKeyboard } from '../../../src/hooks/keyboard';
import { useLocaleStore } from '../../../src/i18n';
import { useClassroomStore } from '../../../src/store/classroom';
import { PlaygroundProvider } from '../../../src/store/context';
import { createPlaygroundStore, type PlaygroundStore } from '../../../src/store/playground';

/** The header's tools beside the playback controls, wired as App wires them. */
function Harness({ store }: { store: PlaygroundStore }) {
  useKeyboard(store);
  useClassroom(store);
  return (
    <>
      <HeaderTools />
      <TransportControls />
    </>
  );
}

function setup(url = '/') {
  window.history.replaceState(null, '', url);
  const store = createPlaygroundStore();
  const user = userEvent.setup();
  render(
    <PlaygroundProvider store={store}>
      <Harness store={store} />
    </PlaygroundProvider>,
  );
  return { store, user };
}

const html = document.documentElement;

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
  useClassroomStore.setState({ theme: 'system', presenting: false, shortcutsOpen: false, urlNotices: [] });
});

afterEach(() => {
  window.history.replaceState(null, '', '/');
  html.lang = 'en';
  Reflect.deleteProperty(html, 'requestFullscreen');
});

describe('HeaderTools', () => {
  it('switches the theme: data-theme on <html> follows the Theme control', async () => {
    const { user } = setup();
    const theme = screen.getByRole('combobox', { name: 'Theme' });
    expect(theme).toHaveValue('system');
    // jsdom has no matchMedia: the system's theme reads as light.
    expect(html.dataset.theme).toBe('light');
    await user.selectOptions(theme, 'dark');
    expect(html.dataset.theme).toBe('dark');
    expect(within(theme).getByRole('option', { name: 'Dark' })).toHaveProperty('selected', true);
    await user.selectOptions(theme, 'light');
    expect(html.dataset.theme).toBe('light');
    // The address bar follows, throttled.
    await waitFor(() => expect(window.location.hash).toContain('theme=light'));
  });

  it('follows the system’s colour scheme when set to System', async () => {
    let dark = true;
    const listeners = new Set<() => void>();
    vi.stubGlobal(
      'matchMedia',
      vi.fn(() => ({
        get matches() {
          return dark;
        },
        addEventListener: (_: string, listener: () => void) => listeners.add(listener),
        removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
      })),
    );
    try {
      setup();
      expect(html.dataset.theme).toBe('dark');
      dark = false;
      act(() => listeners.forEach((listener) => listener()));
      expect(html.dataset.theme).toBe('light');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('switches the language: the whole page, its own labels and <html lang> turn Chinese', async () => {
    const { user } = setup();
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), '简体中文');
    expect(screen.getByRole('button', { name: '播放' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Play' })).toBeNull();
    expect(screen.getByRole('combobox', { name: '语言' })).toHaveValue('zh-CN');
    expect(screen.getByRole('combobox', { name: '主题' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '演示' })).toBeInTheDocument();
    expect(html.lang).toBe('zh-CN');
    await waitFor(() => expect(window.location.hash).toContain('lang=zh-CN'));
    await user.selectOptions(screen.getByRole('combobox', { name: '语言' }), 'English');
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
  });

  it('Present toggles aria-pressed, the presenting class and fullscreen', async () => {
    const { user } = setup();
    const requestFullscreen = vi.fn(() => Promise.resolve());
    Object.defineProperty(html, 'requestFullscreen', { configurable: true, value: requestFullscreen });
    const present = screen.getByRole('button', { name: 'Present' });
    expect(present).toHaveAttribute('aria-pressed', 'false');
    await user.click(present);
    expect(present).toHaveAttribute('aria-pressed', 'true');
    expect(html.classList.contains('presenting')).toBe(true);
    expect(requestFullscreen).toHaveBeenCalledTimes(1);
    // The keyboard works too: Enter on the focused button, F anywhere.
    await user.keyboard('{Enter}');
    expect(present).toHaveAttribute('aria-pressed', 'false');
    expect(html.classList.contains('presenting')).toBe(false);
    await user.keyboard('f');
    expect(present).toHaveAttribute('aria-pressed', 'true');
  });

  it('Present works where fullscreen is missing', async () => {
    const { user } = setup();
    expect('requestFullscreen' in html).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Present' }));
    expect(html.classList.contains('presenting')).toBe(true);
  });

  it('Copy link copies the address with the current settings and says so', async () => {
    const { store, user } = setup();
    const writeText = vi.fn((_text: string) => Promise.resolve());
    // user-event installs its own clipboard; replace it with a spy.
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    act(() => {
      store.getState().actions.updateSettings({ lr: 0.05 });
    });
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledTimes(1);
    const copied = writeText.mock.calls[0]![0];
    expect(copied).toBe(window.location.href);
    expect(copied).toContain(
      '#lr=0.05&w0=1.0&epochs=100&x=1,2,3&y=2,4,6&speed=10&model=w&b0=0.0&batch=2&minibatch=0&shuffle=0&seed=1&lang=en',
    );
    expect(await screen.findByText('Link copied')).toHaveAttribute('role', 'status');
  });

  it('Copy link tells when the clipboard refuses or is missing, and never throws', async () => {
    const { user } = setup();
    const writeText = vi.fn(() => Promise.reject(new Error('denied')));
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByText('Could not copy; the link is in the address bar.')).toBeInTheDocument();
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(screen.getByText('Could not copy; the link is in the address bar.')).toBeInTheDocument();
  });

  it('opens the shortcut sheet with ?, lists every key, closes with Escape and gives focus back', async () => {
    const { store, user } = setup();
    const step = screen.getByRole('button', { name: 'Step' });
    step.focus();
    await user.keyboard('?');
    // The sheet's code loads on first use (or when the page is idle): wait for it.
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    const rows = within(dialog)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual([
      'SpacePlay / pause',
      '→Step one epoch',
      'Shift + →Step one sample (SGD)',
      'PageDownStep one epoch; in a lesson, the next scene (a presenter’s clicker)',
      'PageUpIn a lesson, the previous scene',
      'ERun to end',
      'RReset',
      '↑ / ↓Learning rate up / down one notch',
      'FPresentation mode on / off',
      '?This list of shortcuts',
      'EscClose this list, or leave presentation mode',
    ]);
    // The page's shortcuts are off while the sheet is open (Tab stays inside it in a real
    // browser's modal dialog: tests/e2e/keyboard.test.ts).
    await user.keyboard('{ArrowRight}');
    await user.keyboard('e');
    expect(store.getState().epoch).toBe(0);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(step).toHaveFocus();
  });

  it('opens the shortcut sheet from its button and closes with the Close button', async () => {
    const { user } = setup();
    const open = screen.getByRole('button', { name: 'Keyboard shortcuts' });
    await user.click(open);
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const close = within(dialog).getByRole('button', { name: 'Close' });
    expect(close).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(open).toHaveFocus();
  });

  it('shows ignored link parameters in a dismissable notice', async () => {
    const { user } = setup('/?lr=abc&w0=2');
    const notice = screen.getByText(/lr = “abc”/).closest('[role="status"]');
    expect(notice).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/lr = “abc”/)).toBeNull();
  });
});
