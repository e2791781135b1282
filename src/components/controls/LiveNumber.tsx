import { Fragment, useState, type CSSProperties } from 'react';
import { usePlaygroundSelector } from '../../store/context';
import { selectIsPlaying } from '../../store/selectors';
import './counter.css';

/**
 * A number that changes while the runs play (w, the cost, a slope, an optimizer's moment), printed
 * as given, in a box that is a layout root (see counter.css): a new number lays out this box alone,
 * not the page (a readout's float changing every frame laid out the whole document every frame).
 * The box is as wide as its text at rest; while the runs play it only grows, to the longest text it
 * has shown, so the words after it never jitter as the digits come and go. For ASCII text (pyFloat's,
 * an index) in a monospaced font (`.mono`, `.chart-mono`), where a character is 1ch wide: a symbol
 * such as '·' may come from a fallback font twice as wide, so a formula does not belong here.
 */
export function LiveNumber({ text }: { readonly text: string }) {
  const playing = usePlaygroundSelector(selectIsPlaying);
  const [widest, setWidest] = useState(text.length);
  const chars = playing ? Math.max(widest, text.length) : text.length;
  // Derived state, set during render (React renders this component again at once, nothing else).
  if (chars !== widest) setWidest(chars);
  return (
    <span className="live-number" style={{ '--live-chars': chars } as CSSProperties}>
      {text}
    </span>
  );
}

/** Marks a message's i-th live number; no message contains U+2063 (an invisible separator). */
const markOf = (i: number) => `\u2063${i}\u2063`;
const MARKED = /\u2063(\d+)\u2063/;

/**
 * A translated message with live numbers in it: `message` is asked for the message with a mark where
 * each of `numbers` goes, and each number is set in its own LiveNumber, the words around them kept
 * in whatever order the language puts them.
 */
export function LiveMessage<const Numbers extends readonly string[]>({
  message,
  numbers,
}: {
  readonly message: (marks: { readonly [K in keyof Numbers]: string }) => string;
  readonly numbers: Numbers;
}) {
  const marks = numbers.map((_, i) => markOf(i)) as unknown as { readonly [K in keyof Numbers]: string };
  // split with a capturing group: words, then a mark's index, then words, and so on.
  const parts = message(marks).split(MARKED);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 0 ? (
          <Fragment key={i}>{part}</Fragment>
        ) : (
          <LiveNumber key={i} text={numbers[Number(part)] ?? ''} />
        ),
      )}
    </>
  );
}
