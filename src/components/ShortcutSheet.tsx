import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useT, type MessageKey } from '../i18n';
import { selectShortcutsOpen, useClassroomStore } from '../store/classroom';

/** The keys, as shown, with what they do. `keys` are symbols, or a message key for a named key. */
const SHORTCUTS: readonly { readonly keys: readonly (string | MessageKey)[]; readonly action: MessageKey }[] =
  [
    { keys: ['classroom.key.space'], action: 'classroom.shortcut.play' },
    { keys: ['→'], action: 'classroom.shortcut.step' },
    { keys: ['Shift', '→'], action: 'classroom.shortcut.stepSample' },
    { keys: ['E'], action: 'classroom.shortcut.runToEnd' },
    { keys: ['R'], action: 'classroom.shortcut.reset' },
    { keys: ['↑', '↓'], action: 'classroom.shortcut.lr' },
    { keys: ['F'], action: 'classroom.shortcut.present' },
    { keys: ['?'], action: 'classroom.shortcut.sheet' },
    { keys: ['classroom.key.escape'], action: 'classroom.shortcut.close' },
  ];

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** The keyboard-shortcut sheet: a modal dialog, opened with ? or its button, closed with Escape. */
export function ShortcutSheet() {
  const open = useClassroomStore(selectShortcutsOpen);
  if (!open || typeof document === 'undefined') return null;
  return createPortal(<SheetDialog />, document.body);
}

function SheetDialog() {
  const t = useT();
  const titleId = useId();
  const introId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const close = () => useClassroomStore.getState().actions.setShortcutsOpen(false);

  // Focus moves in on opening and goes back where it was on closing.
  useEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeButton.current?.focus();
    return () => {
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, []);

  // The page's own shortcuts stay off while the sheet is open: its keys stop here. Escape closes;
  // Tab and Shift+Tab cycle inside the dialog.
  useEffect(() => {
    const node = dialog.current;
    if (!node) return;
    const onKeyDown = (event: KeyboardEvent) => {
      event.stopPropagation();
      if (event.key === 'Escape') {
        event.preventDefault();
        useClassroomStore.getState().actions.setShortcutsOpen(false);
        return;
      }
      if (event.key !== 'Tab') return;
      const focusable = [...node.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (!first || !last) {
        event.preventDefault();
        return;
      }
      const active = document.activeElement;
      if (event.shiftKey && (active === first || !node.contains(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !node.contains(active))) {
        event.preventDefault();
        first.focus();
      }
    };
    node.addEventListener('keydown', onKeyDown);
    return () => node.removeEventListener('keydown', onKeyDown);
  }, []);

  const keyLabel = (key: string) => (key.startsWith('classroom.') ? t(key as MessageKey) : key);
  return (
    <div
      className="shortcut-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) close();
      }}
    >
      <div
        ref={dialog}
        className="shortcut-sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={introId}
      >
        <h2 id={titleId}>{t('classroom.shortcuts')}</h2>
        <p id={introId} className="shortcut-intro">
          {t('classroom.shortcutsIntro')}
        </p>
        <table className="shortcut-table">
          <thead className="visually-hidden">
            <tr>
              <th scope="col">{t('classroom.shortcutsKey')}</th>
              <th scope="col">{t('classroom.shortcutsAction')}</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map(({ keys, action }) => (
              <tr key={action}>
                <th scope="row">
                  {keys.map((key, index) => (
                    <span key={key}>
                      {index > 0 && (
                        <span className="shortcut-joiner">{keys[0] === 'Shift' ? ' + ' : ' / '}</span>
                      )}
                      <kbd>{keyLabel(key)}</kbd>
                    </span>
                  ))}
                </th>
                <td>{t(action)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="shortcut-actions">
          <button ref={closeButton} type="button" className="button" onClick={close}>
            {t('classroom.shortcutsClose')}
          </button>
        </div>
      </div>
    </div>
  );
}
