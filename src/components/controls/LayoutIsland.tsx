import { useLayoutEffect, useRef, type ReactNode } from 'react';
import './counter.css';

/**
 * A block whose words change while the runs play (a run's details, a legend that names the latest
 * sample or the runs' lines) but whose size seldom does: once its content has been measured, the
 * block keeps that height with size and layout containment, so a changed text lays out the block
 * alone, not the page (see counter.css). When the content's own height changes (a number that now
 * wraps), a ResizeObserver gives the block the new height in the same frame, before it is painted.
 * The outer box is the flex or grid item (those cannot be layout roots); the block sits inside it.
 * Without ResizeObserver (jsdom) the block is never contained.
 */
export function LayoutIsland({ children }: { readonly children: ReactNode }) {
  const island = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const box = island.current;
    const inner = content.current;
    if (!box || !inner || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const height = entry?.borderBoxSize?.[0]?.blockSize;
      if (height === undefined) return;
      box.style.setProperty('--island-height', `${height}px`);
      box.dataset.sealed = '';
    });
    observer.observe(inner);
    return () => observer.disconnect();
  }, []);
  return (
    <div className="layout-island-slot">
      <div ref={island} className="layout-island">
        <div ref={content} className="layout-island-content">
          {children}
        </div>
      </div>
    </div>
  );
}
