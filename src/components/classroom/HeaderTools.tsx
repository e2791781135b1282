import { useEffect, useId, useRef, useState } from 'react';
import { setPresentation, writeShareUrl } from '../../hooks/useClassroom';
import { loadLocale, type Locale, LOCALES, selectLocale, useLocaleStore, useT } from '../../i18n';
import {
  selectClassroomActions,
  selectPresenting,
  selectShortcutsOpen,
  selectTheme,
  THEME_CHOICES,
  useClassroomStore,
  type ThemeChoice,
} from '../../store/classroom';
import { usePlaygroundStoreApi } from '../../store/context';
import { lazyComponent, usePreloadWhenIdle } from '../app/lazyPanel';
import { LessonButton } from '../lesson/LessonButton';
import { useNotices } from '../../store/notices';
import { UrlNotice } from '../app/UrlNotice';
import './classroom.css';

// The shortcut sheet is only needed on ?: it loads after the first paint, when the page is idle.
const ShortcutSheet = lazyComponent(() => import('./ShortcutSheet').then((m) => m.ShortcutSheet), {
  name: 'ShortcutSheet',
  placeholder: null,
  messages: ['shortcuts'],
});
const ON_IDLE = [ShortcutSheet];

/** How long "Link copied" stays on screen. */
const COPY_STATUS_MS = 4000;

const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);
const isTheme = (value: string): value is ThemeChoice => (THEME_CHOICES as readonly string[]).includes(value);

/**
 * The classroom tools in the header: language, theme, presentation mode, a link to these settings,
 * and the keyboard-shortcut sheet; also the notice about ignored link parameters.
 */
export function HeaderTools() {
  const t = useT();
  const store = usePlaygroundStoreApi();
  const locale = useLocaleStore(selectLocale);
  const theme = useClassroomStore(selectTheme);
  const presenting = useClassroomStore(selectPresenting);
  const shortcutsOpen = useClassroomStore(selectShortcutsOpen);
  const actions = useClassroomStore(selectClassroomActions);
  const languageId = useId();
  const themeId = useId();
  const [copyStatus, setCopyStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copyTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  usePreloadWhenIdle(ON_IDLE);

  useEffect(
    () => () => {
      if (copyTimer.current !== null) clearTimeout(copyTimer.current);
    },
    [],
  );

  const showCopyStatus = (status: 'copied' | 'failed') => {
    setCopyStatus(status);
    if (copyTimer.current !== null) clearTimeout(copyTimer.current);
    copyTimer.current = setTimeout(() => setCopyStatus('idle'), COPY_STATUS_MS);
  };

  const copyLink = async () => {
    // The address bar may be a throttled write behind: bring it up to date first.
    const href = writeShareUrl(store);
    try {
      if (typeof navigator === 'undefined' || typeof navigator.clipboard?.writeText !== 'function') {
        throw new Error('No clipboard');
      }
      await navigator.clipboard.writeText(href);
      showCopyStatus('copied');
    } catch {
      showCopyStatus('failed');
    }
  };

  return (
    <>
      <div className="header-tools" role="group" aria-label={t('classroom.tools')}>
        <div className="tool tool-secondary">
          <label htmlFor={languageId}>{t('classroom.language')}</label>
          <select
            id={languageId}
            value={locale}
            // Fetch the other catalog as soon as someone reaches for the menu: the switch is then immediate.
            onFocus={() => {
              for (const option of LOCALES) loadLocale(option).catch(() => {});
            }}
            onChange={(event) => {
              const next = event.currentTarget.value;
              if (!isLocale(next)) return;
              useLocaleStore.getState().setLocale(next);
              // Offline before the service worker had the catalog: say why the page stays in English.
              loadLocale(next).catch(() =>
                useNotices.getState().push({
                  id: 'language-failed',
                  message: 'app.languageFailed',
                  params: { language: t(`classroom.language.${next}`) },
                }),
              );
            }}
          >
            {LOCALES.map((option) => (
              <option key={option} value={option} lang={option}>
                {t(`classroom.language.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="tool">
          <label htmlFor={themeId}>{t('classroom.theme')}</label>
          <select
            id={themeId}
            value={theme}
            onChange={(event) => {
              const next = event.currentTarget.value;
              if (isTheme(next)) actions.setTheme(next);
            }}
          >
            {THEME_CHOICES.map((option) => (
              <option key={option} value={option}>
                {t(`classroom.theme.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <LessonButton />
        <button
          type="button"
          className="button tool-present"
          aria-pressed={presenting}
          aria-keyshortcuts="F"
          title={t('classroom.presentHint')}
          onClick={() => setPresentation(!presenting)}
        >
          <svg className="tool-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path
              d="M3 4h18v12H3z M12 16v4 M8 20h8"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinejoin="round"
            />
          </svg>
          {t('classroom.present')}
        </button>
        <button
          type="button"
          className="button tool-secondary"
          title={t('classroom.copyLinkHint')}
          onClick={() => void copyLink()}
        >
          {t('classroom.copyLink')}
        </button>
        <button
          type="button"
          className="button tool-shortcuts"
          aria-haspopup="dialog"
          aria-keyshortcuts="?"
          onClick={() => actions.setShortcutsOpen(true)}
        >
          {t('classroom.shortcuts')}
        </button>
        <span className={`copy-status${copyStatus === 'failed' ? ' copy-status-failed' : ''}`} role="status">
          {copyStatus === 'copied'
            ? t('classroom.linkCopied')
            : copyStatus === 'failed'
              ? t('classroom.copyFailed')
              : ''}
        </span>
      </div>
      <UrlNotice />
      {shortcutsOpen && <ShortcutSheet />}
    </>
  );
}
