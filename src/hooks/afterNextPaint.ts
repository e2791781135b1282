/**
 * Work that must not delay what the user just did: it runs once the next frame has been painted
 * (a task posted from a requestAnimationFrame callback runs after that frame's rendering), or after
 * FALLBACK_MS when no frame comes (a hidden tab paints none). Returns a function that cancels it.
 */
const FALLBACK_MS = 250;

export function afterNextPaint(callback: () => void): () => void {
  let done = false;
  let task: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    if (done) return;
    done = true;
    cancel();
    callback();
  };
  const fallback = setTimeout(run, FALLBACK_MS);
  const frame =
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => {
          task = setTimeout(run, 0);
        })
      : null;
  function cancel() {
    done = true;
    clearTimeout(fallback);
    if (task !== null) clearTimeout(task);
    if (frame !== null) cancelAnimationFrame(frame);
  }
  return cancel;
}
