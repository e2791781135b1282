import { describe, expect, it } from 'vitest';
import {
  addPoint,
  clipLine,
  contentBounds,
  dataView,
  LIMITS,
  matchingPreset,
  movePoint,
  nextPoint,
  nextSeed,
  nudgePoint,
  parsePastedData,
  parseRows,
  presetData,
  removePoint,
  roundTo2,
  sameData,
  viewFits,
} from '../../src/core';

const lecture = { xs: [1, 2, 3], ys: [2, 4, 6] } as const;

describe('roundTo2', () => {
  it('rounds to 2 decimals without float noise, and never gives -0', () => {
    expect(roundTo2(4 + 0.1)).toBe(4.1);
    expect(roundTo2(0.1 + 0.2)).toBe(0.3);
    expect(roundTo2(2.345678)).toBe(2.35);
    expect(roundTo2(-1.234)).toBe(-1.23);
    expect(Object.is(roundTo2(-0.001), 0)).toBe(true);
  });

  it('leaves huge and non-finite values alone instead of overflowing', () => {
    expect(roundTo2(1e300)).toBe(1e300);
    expect(roundTo2(-1e20)).toBe(-1e20);
    expect(roundTo2(Infinity)).toBe(Infinity);
    expect(roundTo2(NaN)).toBeNaN();
  });
});

describe('editing points', () => {
  it('adds a point at the end, up to the limit', () => {
    expect(addPoint(lecture, { x: 4, y: 7.5 })).toEqual({ xs: [1, 2, 3, 4], ys: [2, 4, 6, 7.5] });
    expect(addPoint(lecture, { x: 4, y: 7.5 }, 3)).toBeNull();
    const full = {
      xs: new Array<number>(LIMITS.maxPoints).fill(1),
      ys: new Array<number>(LIMITS.maxPoints).fill(2),
    };
    expect(addPoint(full, { x: 0, y: 0 })).toBeNull();
    // The input is never mutated.
    expect(lecture).toEqual({ xs: [1, 2, 3], ys: [2, 4, 6] });
  });

  it('moves one point, leaving the others and the input as they were', () => {
    const moved = movePoint(lecture, 1, { x: 2.5, y: 3.25 });
    expect(moved).toEqual({ xs: [1, 2.5, 3], ys: [2, 3.25, 6] });
    expect(lecture.ys).toEqual([2, 4, 6]);
    expect(movePoint(lecture, 3, { x: 0, y: 0 })).toBe(lecture);
    expect(movePoint(lecture, -1, { x: 0, y: 0 })).toBe(lecture);
    expect(movePoint(lecture, 0.5, { x: 0, y: 0 })).toBe(lecture);
  });

  it('nudges by a step and rounds the result to 2 decimals', () => {
    expect(nudgePoint(lecture, 1, 0, 0.1)).toEqual({ xs: [1, 2, 3], ys: [2, 4.1, 6] });
    expect(nudgePoint(lecture, 0, -0.1, 0)).toEqual({ xs: [0.9, 2, 3], ys: [2, 4, 6] });
    expect(nudgePoint(lecture, 2, 1, -1)).toEqual({ xs: [1, 2, 4], ys: [2, 4, 5] });
    // Ten steps of 0.1 land on 5, not 4.999999999999999.
    let data: { xs: readonly number[]; ys: readonly number[] } = lecture;
    for (let i = 0; i < 10; i++) data = nudgePoint(data, 1, 0, 0.1);
    expect(data.ys[1]).toBe(5);
  });

  it('removes a point but never the last one', () => {
    expect(removePoint(lecture, 0)).toEqual({ xs: [2, 3], ys: [4, 6] });
    expect(removePoint(lecture, 2)).toEqual({ xs: [1, 2], ys: [2, 4] });
    expect(removePoint({ xs: [1], ys: [2] }, 0)).toBeNull();
    expect(removePoint(lecture, 5)).toBeNull();
  });

  it('proposes the next point one average gap on, on the least-squares line', () => {
    expect(nextPoint(lecture, 'w')).toEqual({ x: 4, y: 8 });
    expect(nextPoint({ xs: [5], ys: [3] }, 'w')).toEqual({ x: 6, y: 3.6 });
    // y = 0.5x + 8 exactly: the 'wb' fit extends it.
    expect(nextPoint({ xs: [8, 10, 12], ys: [12, 13, 14] }, 'wb')).toEqual({ x: 14, y: 15 });
    // Unordered x: the gap is the mean spacing of the range, beyond the largest x.
    expect(nextPoint({ xs: [3, 1, 2], ys: [6, 2, 4] }, 'w')).toEqual({ x: 4, y: 8 });
  });
});

describe('parseRows (the table)', () => {
  it('reads typed cells, full-width digits and signs included', () => {
    const parsed = parseRows([
      { x: '1', y: '2' },
      { x: '２．５', y: '－３' },
      { x: ' 1e-2 ', y: '4.' },
    ]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.xs).toEqual([1, 2.5, 0.01]);
    expect(parsed.ys).toEqual([2, -3, 4]);
  });

  it('names every cell that is empty or not a number', () => {
    const parsed = parseRows([
      { x: '1', y: '' },
      { x: 'abc', y: '4' },
      { x: '1,5', y: '0x10' },
    ]);
    expect(parsed.problems).toEqual([
      { row: 0, column: 'y', reason: 'empty' },
      { row: 1, column: 'x', reason: 'not-a-number' },
      { row: 2, column: 'x', reason: 'not-a-number' },
      { row: 2, column: 'y', reason: 'not-a-number' },
    ]);
    expect(parsed.xs[0]).toBe(1);
    expect(parsed.xs[1]).toBeNaN();
  });
});

describe('parsePastedData', () => {
  it('reads two spreadsheet columns: tab-separated cells, a row a line', () => {
    expect(parsePastedData('1\t2\n2\t4\n3\t7')).toEqual({
      layout: 'rows',
      xs: [1, 2, 3],
      ys: [2, 4, 7],
      problems: [],
    });
    // Windows line ends, a trailing newline, blank lines and a header row.
    expect(parsePastedData('x\ty\r\n1\t2\r\n\r\n2\t4.5\r\n')).toEqual({
      layout: 'rows',
      xs: [1, 2],
      ys: [2, 4.5],
      problems: [],
    });
  });

  it('reads rows separated by commas, the Chinese comma, spaces and full-width digits', () => {
    expect(parsePastedData('1, 2\n2,4\n3 6')).toMatchObject({ xs: [1, 2, 3], ys: [2, 4, 6], problems: [] });
    expect(parsePastedData('１，２\n２，４\n３、６')).toMatchObject({
      layout: 'rows',
      xs: [1, 2, 3],
      ys: [2, 4, 6],
      problems: [],
    });
    expect(parsePastedData('１．５\t－２')).toMatchObject({ xs: [1.5], ys: [-2], problems: [] });
  });

  it('reads labelled x and y lists, on two lines or one', () => {
    const expected = { layout: 'columns', xs: [1, 2, 3], ys: [2, 4, 6], problems: [] };
    expect(parsePastedData('x: 1, 2, 3\ny: 2, 4, 6')).toEqual(expected);
    expect(parsePastedData('x: 1, 2, 3 / y: 2, 4, 6')).toEqual(expected);
    expect(parsePastedData('ｘ：１，２，３\nｙ：２，４，６')).toEqual(expected);
    // The lecture's own lines, copied from its script.
    expect(parsePastedData('x_data = [1.0, 2.0, 3.0]\ny_data = [2.0, 4.0, 6.0]')).toEqual(expected);
    expect(parsePastedData('X = [1.0, 2.0, 3.0]\nY = [2.0, 4.0, 6.0]')).toEqual(expected);
    expect(parsePastedData('x: 1，2，3\ny: 2\t4\t6\n')).toEqual(expected);
  });

  it('reads two unlabelled lines of several numbers as x values, then y values', () => {
    expect(parsePastedData('1 2 3\n2 4 6')).toEqual({
      layout: 'columns',
      xs: [1, 2, 3],
      ys: [2, 4, 6],
      problems: [],
    });
    expect(parsePastedData('5\n7')).toMatchObject({ layout: 'columns', xs: [5], ys: [7], problems: [] });
  });

  it('names each bad cell by line and column', () => {
    expect(parsePastedData('1\t2\n2\tabc\n3\t6').problems).toEqual([
      { kind: 'not-a-number', line: 2, column: 'y', point: 1, text: 'abc' },
    ]);
    expect(parsePastedData('x: 1, two, 3\ny: 2, 4, 6').problems).toEqual([
      { kind: 'not-a-number', line: 1, column: 'x', point: 1, text: 'two' },
    ]);
  });

  it('names rows without exactly two cells, and lists of different lengths', () => {
    expect(parsePastedData('1\t2\n3\n4\t5\t6').problems).toEqual([
      { kind: 'cell-count', line: 2, count: 1 },
      { kind: 'cell-count', line: 3, count: 3 },
    ]);
    expect(parsePastedData('x: 1, 2, 3\ny: 2, 4').problems).toEqual([
      { kind: 'length-mismatch', xCount: 3, yCount: 2 },
    ]);
    expect(parsePastedData('x: 1, 2, 3').problems).toEqual([{ kind: 'missing-column', column: 'y' }]);
  });

  it('reads nothing from blank text, without a problem', () => {
    expect(parsePastedData('')).toEqual({ layout: 'empty', xs: [], ys: [], problems: [] });
    expect(parsePastedData(' \n\t\u3000')).toEqual({ layout: 'empty', xs: [], ys: [], problems: [] });
  });
});

describe('presets', () => {
  it('recognises the data of a preset at a seed', () => {
    expect(matchingPreset(lecture, 1)).toBe('lecture');
    expect(matchingPreset(presetData('noisy', 7), 7)).toBe('noisy');
    expect(matchingPreset(presetData('noisy', 7), 8)).toBeNull();
    expect(matchingPreset(presetData('outlier', 3), 99)).toBe('outlier');
    expect(matchingPreset({ xs: [1, 2, 3], ys: [2, 4, 7] }, 1)).toBeNull();
  });

  it('compares data point by point', () => {
    expect(sameData(lecture, { xs: [1, 2, 3], ys: [2, 4, 6] })).toBe(true);
    expect(sameData(lecture, { xs: [1, 2], ys: [2, 4] })).toBe(false);
    expect(sameData(lecture, { xs: [1, 2, 3], ys: [2, 4, 6.01] })).toBe(false);
  });

  it('steps the seed within the 32-bit range', () => {
    expect(nextSeed(1)).toBe(2);
    expect(nextSeed(2 ** 32 - 1)).toBe(0);
    expect(nextSeed(-3)).toBe(0);
  });
});

describe('the plot view', () => {
  it('holds the points, and the origin for y = w·x', () => {
    expect(contentBounds(lecture, 'w')).toEqual({ x0: 0, x1: 3, y0: 0, y1: 6 });
    expect(contentBounds({ xs: [8, 12], ys: [12, 14] }, 'w')).toEqual({ x0: 0, x1: 12, y0: 0, y1: 14 });
    expect(contentBounds({ xs: [8, 12], ys: [12, 14] }, 'wb')).toEqual({ x0: 8, x1: 12, y0: 12, y1: 14 });
    expect(contentBounds({ xs: [], ys: [] }, 'wb')).toBeNull();
  });

  it('pads the content by a tenth of its span on every side', () => {
    const view = dataView(lecture, 'w');
    expect(view.x0).toBeCloseTo(-0.3, 12);
    expect(view.x1).toBeCloseTo(3.3, 12);
    expect(view.y0).toBeCloseTo(-0.6, 12);
    expect(view.y1).toBeCloseTo(6.6, 12);
  });

  it('opens a unit around a single value so there is room to drag', () => {
    expect(dataView({ xs: [2], ys: [5] }, 'wb')).toEqual({ x0: 1, x1: 3, y0: 3.75, y1: 6.25 });
    expect(dataView({ xs: [0], ys: [0] }, 'w')).toEqual({ x0: -1, x1: 1, y0: -1, y1: 1 });
  });

  it('keeps a shown view while the content stays well inside and fills it', () => {
    const view = dataView(lecture, 'w');
    expect(viewFits(view, contentBounds({ xs: [1, 2, 3], ys: [2, 4.5, 6] }, 'w')!)).toBe(true);
    // A point past the edge, or data shrunk to a corner, call for a new view.
    expect(viewFits(view, contentBounds({ xs: [1, 2, 3], ys: [2, 4, 6.6] }, 'w')!)).toBe(false);
    expect(viewFits(dataView({ xs: [100], ys: [100] }, 'w'), contentBounds(lecture, 'w')!)).toBe(false);
  });

  it('clips the fitted line to the view', () => {
    const view = { x0: 0, x1: 4, y0: 0, y1: 4 };
    expect(clipLine('w', { w: 0.5, b: 0 }, view)).toEqual([
      { x: 0, y: 0 },
      { x: 4, y: 2 },
    ]);
    // y = 2x leaves through the top at x = 2.
    expect(clipLine('w', { w: 2, b: 0 }, view)).toEqual([
      { x: 0, y: 0 },
      { x: 2, y: 4 },
    ]);
    expect(clipLine('wb', { w: -1, b: 3 }, view)).toEqual([
      { x: 0, y: 3 },
      { x: 3, y: 0 },
    ]);
    // The model y = w·x ignores b.
    expect(clipLine('w', { w: 1, b: 100 }, view)).toEqual([
      { x: 0, y: 0 },
      { x: 4, y: 4 },
    ]);
    expect(clipLine('wb', { w: 0, b: 9 }, view)).toBeNull();
    expect(clipLine('w', { w: NaN, b: 0 }, view)).toBeNull();
    expect(clipLine('w', { w: Infinity, b: 0 }, view)).toBeNull();
    expect(clipLine('w', { w: 1e308, b: 0 }, { x0: -10, x1: 10, y0: -1, y1: 1 })).toBeNull();
  });
});
