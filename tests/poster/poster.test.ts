import { afterEach, describe, expect, it } from 'vitest';
import {
  pageAtStart,
  posterFits,
  posterShown,
  POSTER_ATTRIBUTE,
  POSTER_TEMPLATE_ID,
  showPoster,
  type PageAtStart,
} from '../../src/poster/poster';
import { STORAGE_KEY, TAB_STORAGE_KEY } from '../../src/store/persist';

const FIRST_VISIT: PageAtStart = { search: '', hash: '', remembered: false, languages: ['en-US', 'en'] };

describe('posterFits', () => {
  it('fits a first visit in English, with or without an empty ? or #', () => {
    expect(posterFits(FIRST_VISIT)).toBe(true);
    expect(posterFits({ ...FIRST_VISIT, search: '?', hash: '#' })).toBe(true);
    expect(posterFits({ ...FIRST_VISIT, languages: ['fr-FR', 'en'] })).toBe(true);
    expect(posterFits({ ...FIRST_VISIT, languages: ['de'] })).toBe(true); // the app falls back to English
  });

  it('leaves a link’s setup, language, theme or presentation to the app', () => {
    for (const hash of ['#lr=0.25', '#opt=adam', '#present=1', '#theme=dark', '#lesson=3'])
      expect(posterFits({ ...FIRST_VISIT, hash }), hash).toBe(false);
    expect(posterFits({ ...FIRST_VISIT, search: '?lang=zh-CN' })).toBe(false);
    expect(posterFits({ ...FIRST_VISIT, search: '?utm=x' })).toBe(false);
  });

  it('leaves a remembered setup and a Chinese browser to the app', () => {
    expect(posterFits({ ...FIRST_VISIT, remembered: true })).toBe(false);
    expect(posterFits({ ...FIRST_VISIT, languages: ['zh-CN', 'en'] })).toBe(false);
    expect(posterFits({ ...FIRST_VISIT, languages: ['fr', 'zh-TW', 'en'] })).toBe(false);
  });
});

describe('pageAtStart', () => {
  afterEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  const page = (storage: Partial<Pick<Window, 'localStorage' | 'sessionStorage'>> = {}) =>
    pageAtStart({
      location: { search: '?a', hash: '#b' },
      navigator: { languages: ['zh-CN'], language: 'zh-CN' },
      localStorage,
      sessionStorage,
      ...storage,
    } as unknown as Window);

  it('reads the link, the languages and either record of this browser', () => {
    expect(page()).toEqual({ search: '?a', hash: '#b', remembered: false, languages: ['zh-CN'] });
    localStorage.setItem(STORAGE_KEY, '{}');
    expect(page().remembered).toBe(true);
    localStorage.clear();
    sessionStorage.setItem(TAB_STORAGE_KEY, '{}');
    expect(page().remembered).toBe(true);
  });

  it('counts storage that cannot be read as remembered', () => {
    const blocked = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    } as unknown as Storage;
    expect(page({ localStorage: blocked }).remembered).toBe(true);
  });

  it('takes navigator.language when the list is empty', () => {
    const opened = pageAtStart({
      location: { search: '', hash: '' },
      navigator: { languages: [], language: 'en-GB' },
      localStorage,
      sessionStorage,
    } as unknown as Window);
    expect(opened.languages).toEqual(['en-GB']);
  });
});

describe('showPoster', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  /** The built page's body: an empty #root and the poster's template. */
  function builtPage(): HTMLElement {
    document.body.innerHTML =
      '<div id="root"></div>' +
      `<template id="${POSTER_TEMPLATE_ID}"><div class="app" ${POSTER_ATTRIBUTE} inert aria-hidden="true">` +
      '<div class="run"><div class="chart-plot-box">picture</div></div></div></template>';
    return document.getElementById('root')!;
  }

  it('moves the poster into #root when it fits, and drops the template', () => {
    const root = builtPage();
    expect(posterShown(document)).toBe(false);
    expect(showPoster(document, FIRST_VISIT)).toBe(true);
    expect(root.textContent).toBe('picture');
    expect(posterShown(document)).toBe(true);
    expect(document.getElementById(POSTER_TEMPLATE_ID)).toBeNull();
  });

  it('fits the poster’s plots to this window as the app would, over the captured values', () => {
    const root = builtPage();
    showPoster(document, FIRST_VISIT);
    const app = root.firstElementChild as HTMLElement;
    // jsdom lays nothing out: every box starts at 0, so the window's height decides (768 − 56 − 12).
    expect(app.style.getPropertyValue('--landscape-plot-height')).toBe(`${window.innerHeight - 68}px`);
    expect(app.style.getPropertyPriority('--landscape-plot-height')).toBe('important');
  });

  it('leaves #root empty when it does not fit, and drops the template all the same', () => {
    const root = builtPage();
    expect(showPoster(document, { ...FIRST_VISIT, hash: '#lr=0.25' })).toBe(false);
    expect(root.childNodes).toHaveLength(0);
    expect(document.getElementById(POSTER_TEMPLATE_ID)).toBeNull();
    expect(posterShown(document)).toBe(false);
  });

  it('never covers what #root already holds, and does nothing without a template', () => {
    const root = builtPage();
    root.textContent = 'the app';
    expect(showPoster(document, FIRST_VISIT)).toBe(false);
    expect(root.textContent).toBe('the app');
    expect(showPoster(document, FIRST_VISIT)).toBe(false);
  });
});
