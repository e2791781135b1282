// jsdom and user-event leave out a range input's keyboard behaviour (the browser's default action
// for the arrow keys, Home and End). This listener performs it as browsers do: after the page's
// own handlers (bubble phase on window; skipped if one of them called preventDefault) it moves the
// value one step, or to an end, through the native setter, and fires `input` and `change`. It then
// prevents the default so that user-event skips its own text-caret handling of these keys, which
// does not apply to a range input (and throws in jsdom for Home and End).
export function emulateRangeKeyboard(): () => void {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || target.type !== 'range' || event.defaultPrevented) return;
    const min = Number(target.min || 0);
    const max = Number(target.max || 100);
    const step = Number(target.step || 1);
    const current = Number(target.value);
    const moves: Record<string, number> = {
      ArrowRight: current + step,
      ArrowUp: current + step,
      ArrowLeft: current - step,
      ArrowDown: current - step,
      Home: min,
      End: max,
    };
    const wanted = moves[event.key];
    if (wanted === undefined) return;
    event.preventDefault();
    const next = Math.min(max, Math.max(min, wanted));
    if (next === current) return;
    setValue.call(target, String(next));
    target.dispatchEvent(new Event('input', { bubbles: true }));
    target.dispatchEvent(new Event('change', { bubbles: true }));
  };
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}
