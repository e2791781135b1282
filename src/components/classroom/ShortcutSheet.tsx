import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { SHORTCUTS } from '../../hooks/keyboard';
import { useT, type MessageKey } from '../../i18n';
import { selectShortcutsOpen, useClassroomStore } from '../../store/classroom';

/** The sheet's rows: every shortcut the keyboard module answers that does something to tell. */
const ROWS = SHORTCUTS.filter((shortcut) => shortcut.help !== undefined);

/** The keyboard-shortcut sheet: a modal dialog, opened with ? or its button, closed with Escape. */
export function ShortcutSheet() {
  const open = useClassroomStore(selectShortcutsOpen);
  if (!open || typeof document === 'undefined') return null;
  return createPortal(<SheetDialog />, document.body);
}

const close = () => useClassroomStore.getState().actions.setShortcutsOpen(false);

/**
 * A native modal <dialog>: the browser keeps Tab inside it, makes the page behind inert, closes it
 * on Escape (its cancel event) and gives the focus back where it was. Where showModal is missing
 * (jsdom), it opens as a plain dialog and its Close button and Escape still close it.
 */
function SheetDialog() {
  const t = useT();
  const titleId = useId();
  const introId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const node = dialog.current;
    if (!node) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (typeof node.showModal === 'function') node.showModal();
    else node.setAttribute('open', '');
    closeButton.current?.focus();
    // Escape: the browser's cancel event, or the key itself where there is no modal dialog.
    const onCancel = (event: Event) => {
      event.preventDefault();
      close();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      close();
    };
    node.addEventListener('cancel', onCancel);
    node.addEventListener('keydown', onKeyDown);
    return () => {
      node.removeEventListener('cancel', onCancel);
      node.removeEventListener('keydown', onKeyDown);
      if (node.open && typeof node.close === 'function') node.close();
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, []);

  const keyLabel = (key: string) => (key.startsWith('classroom.') ? t(key as MessageKey) : key);
  return (
    <dialog
      ref={dialog}
      className="shortcut-sheet"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={introId}
      onMouseDown={(event) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (event.target === event.currentTarget) close();
      }}
    >
      <div className="shortcut-content">
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
            {ROWS.map(({ label, help }) => (
              <tr key={help}>
                <th scope="row">
                  {label.map((key, index) => (
                    <span key={key}>
                      {index > 0 && (
                        <span className="shortcut-joiner">{label[0] === 'Shift' ? ' + ' : ' / '}</span>
                      )}
                      <kbd>{keyLabel(key)}</kbd>
                    </span>
                  ))}
                </th>
                <td>{t(help!)}</td>
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
    </dialog>
  );
}
