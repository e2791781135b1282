import type { CSSProperties } from 'react';
import { useStoreWriter } from '../../hooks/useStoreWriter';
import type { PlaygroundState } from '../../store/playground';
import './counter.css';

/** How many digits `value` prints with (the counters print plain integers). */
const digitsOf = (value: number): number => String(Math.trunc(Math.abs(value))).length;

/** A counter box's room for the digits of the count it will reach (see counter.css). */
const reserveFor = (upTo: number) => ({ '--counter-reserve': digitsOf(upTo) }) as CSSProperties;

/** Shows `text` in `box`, a box that holds one text node written by a store subscription. */
export function writeText(box: HTMLElement, text: string): void {
  // The text node's data, not textContent: a new node would need its style and layout object again.
  if (box.firstChild instanceof Text) box.firstChild.data = text;
  else box.textContent = text;
}

/** The box's number and its digits (the box is as wide as these or as the reserve, see counter.css). */
function writeCount(box: HTMLSpanElement, value: number): void {
  const text = String(value);
  writeText(box, text);
  const digits = String(text.length);
  if (box.style.getPropertyValue('--counter-digits') !== digits)
    box.style.setProperty('--counter-digits', digits);
}

/** A Counter's box at its widest (the digits of `upTo`), empty: for a LayoutIsland's reserve. */
export function CounterReserve({ upTo }: { readonly upTo: number }) {
  return <span className="counter" style={reserveFor(upTo)} />;
}

/**
 * A count that changes every frame while the runs play (the clock's epoch, a run's epochs and
 * updates), read from the store by `select` and written into its box by itself (useStoreWriter): a
 * frame that only counts renders nothing in React. The box holds from the start the digits of the
 * count it will reach (`upTo`), right-aligned, so the words around it never move and no line wraps
 * anew at 1,000 or 10,000 epochs (which moved the picture mid-run); and it is a layout root (see
 * counter.css): a new number lays out this box alone, not the page.
 */
export function Counter({
  select,
  upTo,
}: {
  readonly select: (state: PlaygroundState) => number;
  readonly upTo: number;
}) {
  const ref = useStoreWriter(select, writeCount);
  return <span ref={ref} className="counter" style={reserveFor(upTo)} />;
}

/**
 * The words before and after a counter in a translated message: `message` is asked for the message
 * with a mark where the number goes, and the text is cut there, so that the number can sit in its own
 * box while the words keep whatever order the language puts them in.
 */
export function splitAtPlaceholder(message: (marked: string) => string): readonly [string, string] {
  // An invisible separator: no message contains it.
  const mark = '\u2063';
  const [before = '', after = ''] = message(mark).split(mark);
  return [before, after];
}
