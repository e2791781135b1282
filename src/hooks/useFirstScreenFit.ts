import { useLayoutEffect } from 'react';
import { fitFirstScreen } from './firstScreenFit';

/**
 * Fits the picture to the first screen: sets --landscape-plot-height and --loss-plot-height on the
 * app's root element (the `.app` around `probe`) to what is left of the window's height under the
 * bars and the runs' headings, so that on a laptop, a projector or a phone the landscapes and the
 * loss chart end on the first screen whatever the language, the model or the length of the
 * regime's sentence. It measures only when a size changes (the window, the header, the top bar,
 * the workspace), never per frame.
 */
export function useFirstScreenFit(probe: { readonly current: Element | null }): void {
  useLayoutEffect(() => {
    const element = probe.current?.closest<HTMLElement>('.app');
    if (!element || typeof ResizeObserver === 'undefined') return;
    const fit = () => fitFirstScreen(element);
    const observer = new ResizeObserver(fit);
    for (const part of element.querySelectorAll('.app-header, .top-bar, .workspace')) observer.observe(part);
    window.addEventListener('resize', fit);
    fit();
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', fit);
    };
  }, [probe]);
}
