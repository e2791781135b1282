/** The measured size of a chart's frame, so a hand-drawn SVG can fill its container. */
import { useEffect, useState } from 'react';

/** An element's content size in whole px; null until measured (and where ResizeObserver is missing). */
export interface MeasuredSize {
  readonly width: number | null;
  readonly height: number | null;
}

const UNMEASURED: MeasuredSize = { width: null, height: null };

/**
 * The content box of the element given to the returned callback ref, floored to whole px (so the SVG
 * never overflows it), kept current by a ResizeObserver while `active`. A side measured as 0 (the
 * element hidden, say) keeps its last size.
 */
export function useMeasuredSize(
  active = true,
): readonly [MeasuredSize, (element: HTMLElement | null) => void] {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [size, setSize] = useState(UNMEASURED);
  useEffect(() => {
    if (!active || !element || typeof ResizeObserver === 'undefined') return;
    // The observer reports the first size as soon as it starts observing.
    const observer = new ResizeObserver((entries) => {
      const rect = entries[0]?.contentRect;
      if (!rect) return;
      const measured = (value: number, old: number | null) => (value >= 1 ? Math.floor(value) : old);
      setSize((old) => {
        const width = measured(rect.width, old.width);
        const height = measured(rect.height, old.height);
        return old.width === width && old.height === height ? old : { width, height };
      });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [active, element]);
  return [size, setElement] as const;
}
