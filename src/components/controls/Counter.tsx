import type { CSSProperties } from 'react';
import './counter.css';

/**
 * A count that changes every frame while the runs play (the clock's epoch, a run's epochs and
 * updates), in a box exactly as wide as its digits. The box is a layout root (see counter.css): a new
 * number lays out this box alone, not the page; only a new digit (at 10, 100, 1,000 …) lays out the
 * line around it.
 */
export function Counter({ value }: { readonly value: number }) {
  const text = String(value);
  return (
    <span className="counter" style={{ '--counter-digits': text.length } as CSSProperties}>
      {text}
    </span>
  );
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
