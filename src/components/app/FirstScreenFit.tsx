import { useRef } from 'react';
import { useFirstScreenFit } from '../../hooks/useFirstScreenFit';

/**
 * Fits the first screen (useFirstScreenFit) on the app's root, from between the bars and the runs:
 * React runs layout effects in tree order, and the charts measure their boxes in theirs. Fitted
 * from the app's own effect (after all of its children's), the first paint showed each chart drawn
 * for a box of its height before the fit, and redrew it a frame later.
 */
export function FirstScreenFit() {
  const probe = useRef<HTMLSpanElement>(null);
  useFirstScreenFit(probe);
  return <span ref={probe} hidden />;
}
