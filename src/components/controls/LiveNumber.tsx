import { Fragment, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { pyFloat } from '../../core';
import { usePlaygroundSelector, usePlaygroundStoreApi } from '../../store/context';
import type { PlaygroundState } from '../../store/playground';
import { selectIsPlaying, selectIsTextFrame } from '../../store/selectors';
import { writeText } from './Counter';
import './counter.css';

/**
 * A float as wide as Python prints one in this app's runs: 17 significant digits, a sign and an
 * exponent ("-1.0806170773018190e-14"). The reserves of a landscape's foot and of a run's readout
 * lines (LayoutIsland) write their numbers so.
 */
export const WIDEST_FLOAT = '-0.0000000000000000e-00';

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

/** A LiveNumber's box at its widest (WIDEST_FLOAT), empty: for a LayoutIsland's reserve. */
export function LiveNumberReserve() {
  return <span className="live-number" style={{ '--live-chars': WIDEST_FLOAT.length } as CSSProperties} />;
}

/**
 * A LiveNumber that reads its number from the store by itself (`select`, which should keep its
 * identity; undefined shows nothing) and writes it as Python prints it (pyFloat) into its box at
 * every store update that changes it (every other frame while the runs play: the readout cadence),
 * with no React render: for a number that changes every frame while nothing else around it does (an
 * optimizer's moments once its run has settled into small steps). Same box, same widths as LiveNumber.
 */
export function StoreLiveNumber({
  select,
}: {
  readonly select: (state: PlaygroundState) => number | undefined;
}) {
  const store = usePlaygroundStoreApi();
  const box = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    let shown: string | null = null;
    let value: number | undefined = NaN;
    let playing = false;
    let widest = 0;
    const show = (state: PlaygroundState) => {
      if (!selectIsTextFrame(state)) return;
      const next = select(state);
      const nowPlaying = state.playback === 'playing';
      if (Object.is(next, value) && shown !== null && nowPlaying === playing) return;
      value = next;
      const text = next === undefined ? '' : pyFloat(next);
      if (text !== shown) writeText(element, text);
      shown = text;
      playing = nowPlaying;
      widest = playing ? Math.max(widest, text.length) : text.length;
      const chars = String(widest);
      if (element.style.getPropertyValue('--live-chars') !== chars)
        element.style.setProperty('--live-chars', chars);
    };
    show(store.getState());
    return store.subscribe(show);
  }, [store, select]);
  return <span ref={box} className="live-number" />;
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
