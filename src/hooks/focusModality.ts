/**
 * How the focused control got its focus: by a pointer (a mouse click, a tap) or by the keyboard (Tab,
 * Shift+Tab). A control clicked with the mouse does not keep the lecture's keys (→ after clicking the
 * learning-rate slider steps an epoch); one reached with Tab keeps the keys ARIA gives it, so
 * keyboard-only users lose nothing. The last pointer press or Tab before the focus moved decides.
 */
export type FocusModality = 'pointer' | 'keyboard';

let modality: FocusModality = 'pointer';

/** What brought the focus where it is now (pointer until the first Tab). */
export function focusModality(): FocusModality {
  return modality;
}

/** Sets the modality, for tests and for code that moves the focus itself. */
export function setFocusModality(next: FocusModality): void {
  modality = next;
}

/**
 * Listens (in the capture phase, before any control) for pointer presses and Tab; returns the
 * function that stops listening. Installed once by the keyboard hook.
 */
export function trackFocusModality(target: Document = document): () => void {
  const onPointerDown = () => {
    modality = 'pointer';
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Tab') modality = 'keyboard';
  };
  target.addEventListener('pointerdown', onPointerDown, true);
  target.addEventListener('mousedown', onPointerDown, true);
  target.addEventListener('keydown', onKeyDown, true);
  return () => {
    target.removeEventListener('pointerdown', onPointerDown, true);
    target.removeEventListener('mousedown', onPointerDown, true);
    target.removeEventListener('keydown', onKeyDown, true);
  };
}
