import { useEffect } from 'react';
import { LEARNING_RATE_LADDER, nearestIndex } from '../store/ladders';
import type { PlaygroundStore } from '../store/playground';

/** True when a key press belongs to the focused element itself (typing, a slider, a button). */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  // A focused button already answers Space and Enter; toggling here too would toggle twice.
  return (tag === 'BUTTON' || target.getAttribute('role') === 'button') && (key === ' ' || key === 'Enter');
}

/**
 * The lecture-hall keys: Space play/pause, → one epoch, Shift+→ one sample, E run to end, R reset,
 * ↑/↓ the learning rate one notch. Never while typing in a field or with Ctrl/Alt/⌘ held.
 */
export function useKeyboardShortcuts(store: PlaygroundStore): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (ownsKey(event.target, event.key)) return;
      const { actions, settings } = store.getState();
      const notch = (direction: 1 | -1) => {
        const index = nearestIndex(LEARNING_RATE_LADDER, settings.lr);
        const next =
          LEARNING_RATE_LADDER[Math.min(LEARNING_RATE_LADDER.length - 1, Math.max(0, index + direction))];
        if (next !== undefined) actions.updateSettings({ lr: next });
      };
      const handlers: Record<string, (() => void) | undefined> = {
        ' ': actions.togglePlay,
        ArrowRight: event.shiftKey ? actions.stepSample : actions.step,
        e: actions.runToEnd,
        E: actions.runToEnd,
        r: actions.reset,
        R: actions.reset,
        ArrowUp: () => notch(1),
        ArrowDown: () => notch(-1),
      };
      const handler = handlers[event.key];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
