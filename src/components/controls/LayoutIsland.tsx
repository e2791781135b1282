import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import './counter.css';

/**
 * A block whose words change while the runs play (a run's details, a legend that names the latest
 * sample or the runs' lines) but whose size seldom does: once its content has been measured, the
 * block keeps that height with size and layout containment, so a changed text lays out the block
 * alone, not the page (see counter.css). When the content's own height changes (a number that now
 * wraps), a ResizeObserver gives the block the new height in the same frame, before it is painted.
 * The outer box is the flex or grid item (those cannot be layout roots); the block sits inside it.
 *
 * `reserve` is the content as it may become while the runs play (the widest numbers, every line
 * that may appear), laid out unseen in the same grid cell (counter.css): from the first layout the
 * block is as high as the higher of the two, so the first frames of a run, when the numbers grow,
 * do not move what lies around it.
 * Without ResizeObserver (jsdom) the block is never contained, and the reserve not laid out.
 */
export function LayoutIsland({
  children,
  reserve,
}: {
  readonly children: ReactNode;
  readonly reserve?: ReactNode;
}) {
  const island = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const reserved = useRef<HTMLDivElement>(null);
  const [measured] = useState(() => typeof ResizeObserver !== 'undefined');
  const withReserve = measured && reserve !== undefined;
  useLayoutEffect(() => {
    const box = island.current;
    const inner = content.current;
    if (!box || !inner || !measured) return;
    const heights = new Map<Element, number>();
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const height = entry.borderBoxSize?.[0]?.blockSize;
        if (height !== undefined) heights.set(entry.target, height);
      }
      const height = heights.get(inner);
      if (height === undefined) return;
      const reserveHeight = reserved.current ? (heights.get(reserved.current) ?? 0) : 0;
      box.style.setProperty('--island-height', `${Math.max(height, reserveHeight)}px`);
      box.dataset.sealed = '';
    });
    observer.observe(inner);
    if (withReserve && reserved.current) observer.observe(reserved.current);
    return () => observer.disconnect();
  }, [measured, withReserve]);
  return (
    <div className="layout-island-slot">
      <div ref={island} className="layout-island">
        <div ref={content} className="layout-island-content">
          {children}
        </div>
        {withReserve && (
          <div ref={reserved} className="layout-island-reserve" aria-hidden="true">
            {reserve}
          </div>
        )}
      </div>
    </div>
  );
}
