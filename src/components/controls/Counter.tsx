import { useStoreWriter } from '../../hooks/useStoreWriter';
import type { PlaygroundState } from '../../store/playground';
import './counter.css';

/** The box's number and width (in digits). */
function writeCount(box: HTMLSpanElement, value: number): void {
  const text = String(value);
  // The text node's data, not textContent: a new node would need its style and layout object again.
  if (box.firstChild instanceof Text) box.firstChild.data = text;
  else box.textContent = text;
  const digits = String(text.length);
  if (box.style.getPropertyValue('--counter-digits') !== digits)
    box.style.setProperty('--counter-digits', digits);
}

/**
 * A count that changes every frame while the runs play (the clock's epoch, a run's epochs and
 * updates), read from the store by `select` and written into its box by itself (useStoreWriter): a
 * frame that only counts renders nothing in React. The box is exactly as wide as the digits and is a
 * layout root (see counter.css): a new number lays out this box alone, not the page; only a new
 * digit (at 10, 100, 1,000 …) lays out the line around it.
 */
export function Counter({ select }: { readonly select: (state: PlaygroundState) => number }) {
  return <span ref={useStoreWriter(select, writeCount)} className="counter" />;
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
