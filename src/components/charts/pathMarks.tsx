/**
 * Numbers beside a path's dots (0 at the start, then the epoch of each), placed by a pure function
 * so both landscapes share one rule: a run that jumps across w* reads as a numbered zig-zag, and a
 * run that settles into a cluster of dots is numbered only where the numbers can be told apart.
 */
import { CHART_THEME } from './chartData';
import type { PixelBox } from './toolkit';
import { TextProbe, useSvgTextPx } from './plotLayer';

/** A dot of the path in pixels, with the epoch it marks (0: the start). */
export interface PathDot {
  readonly x: number;
  readonly y: number;
  readonly epoch: number;
  /** This dot's radius when it is drawn larger than the others (under the ball, say). */
  readonly radius?: number;
}

/** A number to draw: its text centred at (x, y) (SVG text-anchor middle, dominant-baseline central). */
export interface PathNumber {
  readonly x: number;
  readonly y: number;
  readonly epoch: number;
  readonly text: string;
}

export interface PathNumberOptions {
  /** The numbers stay inside this box (the plot area). */
  readonly bounds: PixelBox;
  /** Radius of the path's dots. */
  readonly dotRadius: number;
  /** Other marks a number must not cover (the ball, say). */
  readonly obstacles?: readonly PixelBox[];
  /** Font size of the numbers in px. Default PATH_NUMBER_FONT_PX. */
  readonly fontPx?: number;
  /** At most this many numbers. Default MAX_PATH_NUMBERS. */
  readonly max?: number;
}

/** The numbers' font size (the CSS class .chart-path-number sets the same). */
export const PATH_NUMBER_FONT_PX = 11;
/**
 * At most this many numbers: the first ~10 epochs and, where a diverging run's bounces leave room,
 * some of the later ones; a handful of <text> elements, never one per dot.
 */
export const MAX_PATH_NUMBERS = 16;

/** Digits are about 0.6 em wide in the UI fonts; a px of slack each side for the halo. */
const textBox = (text: string, fontPx: number) => ({
  width: text.length * fontPx * 0.6 + 2,
  height: fontPx + 2,
});

const overlaps = (a: PixelBox, b: PixelBox): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const inside = (a: PixelBox, bounds: PixelBox): boolean =>
  a.left >= bounds.left && a.right <= bounds.right && a.top >= bounds.top && a.bottom <= bounds.bottom;

/**
 * Numbers for a path's dots, greedily in epoch order: each dot gets its epoch beside it (above,
 * below, right, left, then the diagonals: the first of these spots that is inside `bounds` and
 * covers no dot, no earlier number and no obstacle), unless it sits on an earlier dot (its number
 * would name both) or no spot is free. Stops at `max` numbers.
 */
export function numberPath(dots: readonly PathDot[], options: PathNumberOptions): PathNumber[] {
  const { bounds, dotRadius: r } = options;
  const fontPx = options.fontPx ?? PATH_NUMBER_FONT_PX;
  const max = options.max ?? MAX_PATH_NUMBERS;
  const taken: PixelBox[] = [...(options.obstacles ?? [])];
  const dotBoxes = dots.map((d) => {
    const radius = d.radius ?? r;
    return { left: d.x - radius, top: d.y - radius, right: d.x + radius, bottom: d.y + radius };
  });
  const numbers: PathNumber[] = [];
  const gap = 2;
  for (let i = 0; i < dots.length && numbers.length < max; i++) {
    const dot = dots[i]!;
    if (!Number.isFinite(dot.x) || !Number.isFinite(dot.y)) continue;
    let hidden = false;
    for (let j = 0; j < i && !hidden; j++) {
      const dx = dots[j]!.x - dot.x;
      const dy = dots[j]!.y - dot.y;
      hidden = dx * dx + dy * dy < r * r;
    }
    if (hidden) continue;
    const text = String(dot.epoch);
    const { width, height } = textBox(text, fontPx);
    const radius = dot.radius ?? r;
    const dx = radius + gap + width / 2;
    const dy = radius + gap + height / 2;
    const spots: readonly (readonly [number, number])[] = [
      [0, -dy],
      [0, dy],
      [dx, 0],
      [-dx, 0],
      [dx * 0.8, -dy * 0.8],
      [-dx * 0.8, -dy * 0.8],
      [dx * 0.8, dy * 0.8],
      [-dx * 0.8, dy * 0.8],
    ];
    for (const [ox, oy] of spots) {
      const x = dot.x + ox;
      const y = dot.y + oy;
      const box = { left: x - width / 2, top: y - height / 2, right: x + width / 2, bottom: y + height / 2 };
      if (!inside(box, bounds)) continue;
      if (taken.some((other) => overlaps(box, other))) continue;
      if (dotBoxes.some((other) => overlaps(box, other))) continue;
      taken.push(box);
      numbers.push({ x, y, epoch: dot.epoch, text });
      break;
    }
  }
  return numbers;
}

/** The numbers' font size as the page draws it (see useSvgTextPx), and the ref for PathNumbers' probe. */
export const usePathNumberFont = () => useSvgTextPx(PATH_NUMBER_FONT_PX);

/**
 * The numbers as a few SVG <text> elements in the chart's text colour, each on a halo of the
 * surface colour so that it reads over lines and contours (contrast as the axis labels). The
 * colours are attributes, not CSS, so an exported SVG keeps them. A hidden probe of the same class
 * lets usePathNumberFont read the size the page gives them.
 */
export function PathNumbers({
  numbers,
  className,
  probe,
}: {
  readonly numbers: readonly PathNumber[];
  readonly className: string;
  readonly probe?: (element: SVGTextElement | null) => void;
}) {
  return (
    <>
      {probe && (
        <TextProbe
          className="chart-path-number chart-path-number-probe"
          fontSize={PATH_NUMBER_FONT_PX}
          probe={probe}
        />
      )}
      <g className={className} data-numbers={numbers.map((n) => n.text).join(' ')}>
        {numbers.map((number) => (
          <text
            key={number.epoch}
            className="chart-path-number"
            x={number.x}
            y={number.y}
            textAnchor="middle"
            dominantBaseline="central"
            fontSize={PATH_NUMBER_FONT_PX}
            fill={CHART_THEME.text}
            stroke="var(--surface, #ffffff)"
            strokeWidth={3}
            strokeLinejoin="round"
            paintOrder="stroke"
          >
            {number.text}
          </text>
        ))}
      </g>
    </>
  );
}
