import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WHOLE_APP } from '../helpers/timeouts';

// tests/setup.ts loads the Chinese catalog and every later part's English into the modules the other
// tests share. These tests need the i18n module as a page gets it, so each imports a fresh copy.
type I18n = typeof import('../../../src/i18n');

async function freshI18n(): Promise<I18n> {
  vi.resetModules();
  return import('../../../src/i18n');
}

function browserLanguages(languages: readonly string[]) {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
}

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('the Chinese catalog loads on demand', () => {
  it('an English page starts without it, in English, at once', async () => {
    browserLanguages(['en-US', 'en']);
    const i18n = await freshI18n();
    await i18n.startupLocaleReady;
    expect(i18n.isLocaleLoaded('zh-CN')).toBe(false);
    expect(i18n.useLocaleStore.getState().locale).toBe('en');
    expect(i18n.translator('en')('controls.play')).toBe('Play');
  });

  it('a browser that prefers Chinese gets it before the first render: no English first', async () => {
    browserLanguages(['zh-CN', 'en']);
    const i18n = await freshI18n();
    await i18n.startupLocaleReady;
    expect(i18n.useLocaleStore.getState().locale).toBe('zh-CN');
    expect(i18n.translator('zh-CN')('controls.play')).toBe('播放');
  });

  it('a link with lang=zh-CN has it loaded before the first render, so applying the link is immediate', async () => {
    browserLanguages(['en-US']);
    window.history.replaceState(null, '', '/#lr=0.05&lang=zh-CN');
    const i18n = await freshI18n();
    await i18n.startupLocaleReady;
    expect(i18n.isLocaleLoaded('zh-CN')).toBe(true);
    // The link itself is applied by useClassroom, in a layout effect before the first paint.
    i18n.useLocaleStore.getState().setLocale('zh-CN');
    expect(i18n.useLocaleStore.getState().locale).toBe('zh-CN');
  });

  it('choosing 简体中文 switches once the catalog is there, and shows English until then', async () => {
    browserLanguages(['en-US']);
    const i18n = await freshI18n();
    i18n.useLocaleStore.getState().setLocale('zh-CN');
    expect(i18n.useLocaleStore.getState().locale).toBe('en');
    await i18n.loadLocale('zh-CN');
    expect(i18n.useLocaleStore.getState().locale).toBe('zh-CN');
    expect(i18n.translator(i18n.useLocaleStore.getState().locale)('controls.play')).toBe('播放');
  });

  it('a later choice wins over a catalog still on its way', async () => {
    browserLanguages(['en-US']);
    const i18n = await freshI18n();
    i18n.useLocaleStore.getState().setLocale('zh-CN');
    i18n.useLocaleStore.getState().setLocale('en');
    await i18n.loadLocale('zh-CN');
    expect(i18n.useLocaleStore.getState().locale).toBe('en');
  });
});

describe('the English of the parts shown after the first paint comes with them', () => {
  it('is missing until its part loads, shown as its key and reported during development', async () => {
    const i18n = await freshI18n();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const t = i18n.translator('en');
    expect(t('formula.title')).toBe('formula.title');
    expect(error).toHaveBeenCalledWith(expect.stringContaining('formula.title'));
    await i18n.loadMessages('formula');
    expect(t('formula.title')).not.toBe('formula.title');
    expect(i18n.MESSAGE_PARTS).toEqual([
      'formula',
      'python',
      'export',
      'data',
      'landscape2d',
      'lesson',
      'shortcuts',
    ]);
  });

  it('the first page uses none of them: the app renders with only its own English', WHOLE_APP, async () => {
    browserLanguages(['en-US']);
    vi.resetModules();
    const { App } = await import('../../../src/components/app/App');
    const { PlaygroundProvider } = await import('../../../src/store/context');
    const { createPlaygroundStore } = await import('../../../src/store/playground');
    const error = vi.spyOn(console, 'error');
    render(
      <PlaygroundProvider store={createPlaygroundStore()}>
        <App />
      </PlaygroundProvider>,
    );
    const missing = () =>
      error.mock.calls.filter(([message]) => String(message).includes('has not been loaded'));
    expect(missing()).toEqual([]);
    // The data panel and the export menu bring their messages along (fresh modules: a slow import).
    const loading = { timeout: 20_000 };
    expect(await screen.findByRole('heading', { name: 'Data' }, loading)).toBeInTheDocument();
    expect(await screen.findByRole('group', { name: 'Export' }, loading)).toBeInTheDocument();
    await act(async () => {});
    expect(missing()).toEqual([]);
  });
});

describe('choosing a language that cannot be loaded', () => {
  it('keeps the page in English and says why in a notice', async () => {
    browserLanguages(['en-US']);
    vi.resetModules();
    vi.doMock('../../../src/i18n/zh-CN', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    try {
      const { HeaderTools } = await import('../../../src/components/classroom/HeaderTools');
      const { Notices } = await import('../../../src/components/app/Notices');
      const { PlaygroundProvider } = await import('../../../src/store/context');
      const { createPlaygroundStore } = await import('../../../src/store/playground');
      const i18n = await import('../../../src/i18n');
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      render(
        <PlaygroundProvider store={createPlaygroundStore()}>
          <HeaderTools />
          <Notices />
        </PlaygroundProvider>,
      );
      const select = screen.getByRole('combobox', { name: 'Language' });
      await act(async () => {
        select.focus();
        (select as HTMLSelectElement).value = 'zh-CN';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      expect(
        await screen.findByText(/Could not load the 简体中文 text \(offline\?\)\. Downhill stays in English/),
      ).toBeInTheDocument();
      expect(i18n.useLocaleStore.getState().locale).toBe('en');
      expect(select).toHaveValue('en');
    } finally {
      vi.doUnmock('../../../src/i18n/zh-CN');
    }
  });
});
