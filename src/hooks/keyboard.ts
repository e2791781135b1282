import { useEffect } from 'react';
import type { MessageKey } from '../i18n';
import { useClassroomStore } from '../store/classroom';
import { useLessonStore } from '../store/lesson';
import type { PlaygroundStore } from '../store/playground';
import { LEARNING_RATE_LADDER, nearestIndex } from '../store/ladders';
import { focusModality, trackFocusModality } from './focusModality';
import { nextScene, previousScene } from './lesson';
import { setPresentation } from './useClassroom';

/**
 * Every keyboard shortcut of the app, in one table, and the one listener that answers them: the only
 * `keydown` listener on the document. The rule, as the shortcut sheet says it: the keys work
 * whatever has focus, except in a text field; a control reached with Tab keeps the keys ARIA gives it
 * (see `keptByControl`); a control clicked or tapped keeps none, so after clicking the learning-rate
 * slider → steps an epoch and Space plays. A presenter's clicker sends PageDown/PageUp (or →/←).
 */
export interface Shortcut {
  /** KeyboardEvent.key values that trigger it. */
  readonly keys: readonly string[];
  /** true: only with Shift held; false: only without; absent: either. */
  readonly shift?: boolean;
  /** What the sheet shows for the keys: symbols, or a message key for a named key. */
  readonly label: readonly (string | MessageKey)[];
  /** What the sheet says it does; absent for keys that only keep the page from scrolling. */
  readonly help?: MessageKey;
  /** Does it; returns false when it had nothing to do, leaving the key to the browser. */
  readonly run: (store: PlaygroundStore, key: string) => void | false;
  /** Whether it takes the key whatever has focus, even from a text field (a clicker in a lesson). */
  readonly overridesFocus?: () => boolean;
}

const inLesson = () => useLessonStore.getState().active;

/** One notch up or down the learning-rate ladder (the slider's own steps). */
function nudgeLearningRate(store: PlaygroundStore, direction: 1 | -1): void {
  const { actions, settings } = store.getState();
  const index = nearestIndex(LEARNING_RATE_LADDER, settings.lr);
  const next =
    LEARNING_RATE_LADDER[Math.min(LEARNING_RATE_LADDER.length - 1, Math.max(0, index + direction))];
  if (next !== undefined) actions.updateSettings({ lr: next });
}

/** What Escape dismisses first, most recent last: a hover readout, before presentation mode. */
const dismissers: (() => void)[] = [];

/**
 * Lets a transient part (the loss chart's hover readout) be dismissed with Escape while `active`,
 * through the one keyboard listener (WCAG 1.4.13). `dismiss` should be stable (useCallback).
 */
export function useDismissOnEscape(active: boolean, dismiss: () => void): void {
  useEffect(() => {
    if (!active) return;
    dismissers.push(dismiss);
    return () => {
      const index = dismissers.lastIndexOf(dismiss);
      if (index >= 0) dismissers.splice(index, 1);
    };
  }, [active, dismiss]);
}

export const SHORTCUTS: readonly Shortcut[] = [
  {
    keys: [' '],
    label: ['classroom.key.space'],
    help: 'classroom.shortcut.play',
    run: (store) => store.getState().actions.togglePlay(),
  },
  {
    keys: ['ArrowRight'],
    shift: false,
    label: ['→'],
    help: 'classroom.shortcut.step',
    run: (store) => store.getState().actions.step(),
  },
  {
    keys: ['ArrowRight'],
    shift: true,
    label: ['Shift', '→'],
    help: 'classroom.shortcut.stepSample',
    run: (store) => store.getState().actions.stepSample(),
  },
  // A presenter's clicker: in a lesson the next and previous scene (past either end, nothing, and
  // the page does not scroll); otherwise PageDown steps and PageUp only keeps the page still.
  {
    keys: ['PageDown'],
    label: ['classroom.key.pageDown'],
    help: 'classroom.shortcut.clicker',
    overridesFocus: inLesson,
    run: (store) => {
      if (inLesson()) nextScene(store);
      else store.getState().actions.step();
    },
  },
  {
    keys: ['PageUp'],
    label: ['classroom.key.pageUp'],
    help: 'classroom.shortcut.clickerBack',
    overridesFocus: inLesson,
    run: (store) => {
      if (inLesson()) previousScene(store);
    },
  },
  {
    keys: ['e', 'E'],
    label: ['E'],
    help: 'classroom.shortcut.runToEnd',
    run: (store) => store.getState().actions.runToEnd(),
  },
  {
    keys: ['r', 'R'],
    label: ['R'],
    help: 'classroom.shortcut.reset',
    run: (store) => store.getState().actions.reset(),
  },
  {
    keys: ['ArrowUp', 'ArrowDown'],
    label: ['↑', '↓'],
    help: 'classroom.shortcut.lr',
    run: (store, key) => nudgeLearningRate(store, key === 'ArrowUp' ? 1 : -1),
  },
  { keys: ['f', 'F'], label: ['F'], help: 'classroom.shortcut.present', run: () => setPresentation() },
  {
    keys: ['?'],
    label: ['?'],
    help: 'classroom.shortcut.sheet',
    run: () => useClassroomStore.getState().actions.setShortcutsOpen(true),
  },
  {
    keys: ['Escape'],
    label: ['classroom.key.escape'],
    help: 'classroom.shortcut.leave',
    run: () => {
      const dismiss = dismissers[dismissers.length - 1];
      if (dismiss) return dismiss();
      if (!useClassroomStore.getState().presenting) return false;
      setPresentation(false);
    },
  },
];

/** The shortcut a key press asks for, if any. */
export function shortcutFor(key: string, shiftKey: boolean): Shortcut | undefined {
  return SHORTCUTS.find(
    (shortcut) =>
      shortcut.keys.includes(key) && (shortcut.shift === undefined || shortcut.shift === shiftKey),
  );
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', '']);

/** A field that takes text: every key is its own. */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

const ARROWS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];

/** The keys WAI-ARIA gives a control of this kind, which it keeps when reached with the keyboard. */
function ariaKeys(element: Element): readonly string[] {
  const role = element.getAttribute('role');
  if (element instanceof HTMLInputElement) {
    if (element.type === 'range') return [...ARROWS, 'Home', 'End'];
    if (element.type === 'radio') return ARROWS;
    if (element.type === 'checkbox') return [' '];
  }
  if (role === 'slider') return [...ARROWS, 'Home', 'End'];
  if (role === 'tab' || role === 'radio') return [...ARROWS, 'Home', 'End'];
  if (role === 'checkbox' || role === 'switch') return [' '];
  // A part that declares its keys (a data point: arrows and Delete; the loss chart: ← →).
  const declared = element.closest('[data-keys]')?.getAttribute('data-keys');
  if (declared) return declared.split(' ');
  if (element.tagName === 'BUTTON' || element.tagName === 'A' || role === 'button') return ['Enter'];
  return [];
}

/**
 * Whether the focused element keeps this key from the shortcuts: a text field keeps every key; a
 * control reached with the keyboard keeps its ARIA keys; a control clicked or tapped keeps none.
 */
export function keptByControl(target: EventTarget | null, key: string): boolean {
  if (isTextField(target)) return true;
  if (!(target instanceof Element) || focusModality() !== 'keyboard') return false;
  return ariaKeys(target).includes(key);
}

/**
 * Installs the app's one keyboard listener (and the focus-modality tracking it needs). Keys with
 * Ctrl, Alt or ⌘ are the browser's; an event something already cancelled (defaultPrevented) is left.
 */
export function useKeyboard(store: PlaygroundStore): void {
  useEffect(() => {
    const stopTracking = trackFocusModality();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey)
        return;
      if (useClassroomStore.getState().shortcutsOpen) return;
      const shortcut = shortcutFor(event.key, event.shiftKey);
      if (!shortcut) return;
      if (!shortcut.overridesFocus?.() && keptByControl(event.target, event.key)) return;
      if (shortcut.run(store, event.key) === false) return;
      event.preventDefault();
    };
    // In the capture phase, before any control: a clicked control (a chart, a tab) must not take the
    // key first; which keys a control keeps is keptByControl's to say, not the order of listeners.
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      stopTracking();
    };
  }, [store]);
}
