import { describe, expect, it } from 'vitest';
import {
  MAX_PATH_NUMBERS,
  numberPath,
  PATH_NUMBER_FONT_PX,
  type PathDot,
  type PathNumber,
} from '../../../src/components/charts/pathMarks';
import type { PixelBox as Box } from '../../../src/components/charts/toolkit';

const BOUNDS: Box = { left: 0, top: 0, right: 400, bottom: 200 };
const R = 4;

/** The box a number covers, as numberPath estimates it. */
function boxOf(number: PathNumber): Box {
  const width = number.text.length * PATH_NUMBER_FONT_PX * 0.6 + 2;
  const height = PATH_NUMBER_FONT_PX + 2;
  return {
    left: number.x - width / 2,
    top: number.y - height / 2,
    right: number.x + width / 2,
    bottom: number.y + height / 2,
  };
}

const overlap = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('numberPath', () => {
  it('numbers a zig-zag of well separated dots in epoch order, beside each dot', () => {
    // A run bouncing across the middle with growing steps, as at α = 0.25.
    const dots: PathDot[] = Array.from({ length: 8 }, (_, k) => ({
      x: 200 + (k % 2 === 0 ? -1 : 1) * 20 * (k + 1),
      y: 180 - 20 * k,
      epoch: k,
    }));
    const numbers = numberPath(dots, { bounds: BOUNDS, dotRadius: R });
    expect(numbers.map((n) => n.text)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
    for (const number of numbers) {
      const dot = dots[number.epoch]!;
      // Beside its own dot: outside it, within a few px of its edge.
      const distance = Math.hypot(number.x - dot.x, number.y - dot.y);
      expect(distance).toBeGreaterThan(R);
      expect(distance).toBeLessThan(R + 20);
    }
  });

  it('keeps numbers inside the plot, off every dot and off each other', () => {
    // A spiral settling into a cluster: many dots, some crowded.
    const dots: PathDot[] = Array.from({ length: 60 }, (_, k) => ({
      x: 200 + 150 * Math.exp(-k / 12) * Math.cos(k),
      y: 100 + 80 * Math.exp(-k / 12) * Math.sin(k),
      epoch: k,
    }));
    const numbers = numberPath(dots, { bounds: BOUNDS, dotRadius: R });
    expect(numbers.length).toBeGreaterThanOrEqual(10);
    expect(numbers.length).toBeLessThanOrEqual(MAX_PATH_NUMBERS);
    // The first ones are numbered first.
    expect(numbers.slice(0, 10).map((n) => n.epoch)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const boxes = numbers.map(boxOf);
    boxes.forEach((box, i) => {
      expect(box.left).toBeGreaterThanOrEqual(BOUNDS.left);
      expect(box.right).toBeLessThanOrEqual(BOUNDS.right);
      expect(box.top).toBeGreaterThanOrEqual(BOUNDS.top);
      expect(box.bottom).toBeLessThanOrEqual(BOUNDS.bottom);
      for (const dot of dots) {
        expect(overlap(box, { left: dot.x - R, top: dot.y - R, right: dot.x + R, bottom: dot.y + R })).toBe(
          false,
        );
      }
      boxes.slice(i + 1).forEach((other) => expect(overlap(box, other)).toBe(false));
    });
  });

  it('does not number a dot that sits on an earlier one (its number would name both)', () => {
    const dots: PathDot[] = [
      { x: 100, y: 100, epoch: 0 },
      { x: 200, y: 100, epoch: 1 },
      { x: 101, y: 100.5, epoch: 2 },
      { x: 300, y: 100, epoch: 3 },
    ];
    expect(numberPath(dots, { bounds: BOUNDS, dotRadius: R }).map((n) => n.epoch)).toEqual([0, 1, 3]);
  });

  it('steers clear of obstacles and numbers a dot under the ball outside the ball', () => {
    const ball: Box = { left: 193, top: 93, right: 207, bottom: 107 };
    const dots: PathDot[] = [
      { x: 100, y: 100, epoch: 0 },
      { x: 200, y: 100, epoch: 1, radius: 7 },
    ];
    const numbers = numberPath(dots, { bounds: BOUNDS, dotRadius: R, obstacles: [ball] });
    expect(numbers.map((n) => n.epoch)).toEqual([0, 1]);
    for (const number of numbers) expect(overlap(boxOf(number), ball)).toBe(false);
  });

  it('gives up on a dot with no free spot, and skips dots that are not finite', () => {
    // The only dot in a box too small for its number.
    const tight: Box = { left: 95, top: 95, right: 105, bottom: 105 };
    expect(numberPath([{ x: 100, y: 100, epoch: 0 }], { bounds: tight, dotRadius: R })).toEqual([]);
    expect(numberPath([{ x: NaN, y: 100, epoch: 0 }], { bounds: BOUNDS, dotRadius: R })).toEqual([]);
  });
});
