import { describe, expect, it } from 'vitest';
import {
  addPoint,
  LIMITS,
  matchingPreset,
  movePoint,
  nextPoint,
  nextSeed,
  nudgePoint,
  alignData,
  draftDiffers,
  parseRows,
  presetData,
  rebaseDraft,
  removePoint,
  roundTo2,
  sameData,
  tableRows,
  type Dataset,
  type DraftRow,
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

describe('the table while it is edited', () => {
  const rows = (data: Dataset, edits: Record<number, Partial<DraftRow>> = {}) =>
    tableRows(data).map((row, i) => ({ ...row, ...edits[i] }));

  it('shows each point as a row standing for it', () => {
    expect(tableRows(lecture)).toEqual([
      { x: '1.0', y: '2.0', origin: 0 },
      { x: '2.0', y: '4.0', origin: 1 },
      { x: '3.0', y: '6.0', origin: 2 },
    ]);
    expect(draftDiffers(tableRows(lecture), lecture)).toBe(false);
    // Another spelling of the same number is no edit; text that is not the number is.
    expect(draftDiffers(rows(lecture, { 1: { x: '２' } }), lecture)).toBe(false);
    expect(draftDiffers(rows(lecture, { 1: { x: '4,7' } }), lecture)).toBe(true);
    expect(draftDiffers(tableRows(lecture).slice(1), lecture)).toBe(true);
  });

  it('lines up the points after one point is moved, added or removed, and nothing else', () => {
    const before = { xs: [1, 2, 3], ys: [2, 4, 6] };
    expect(alignData(before, { xs: [1, 2.5, 3], ys: [2, 4, 6] })).toEqual([0, 1, 2]);
    expect(alignData(before, { xs: [1, 2, 3, 4], ys: [2, 4, 6, 8] })).toEqual([0, 1, 2]);
    expect(alignData(before, { xs: [1, 3], ys: [2, 6] })).toEqual([0, null, 1]);
    expect(alignData(before, { xs: [2, 3], ys: [4, 6] })).toEqual([null, 0, 1]);
    expect(alignData(before, { xs: [1, 2], ys: [2, 4] })).toEqual([0, 1, null]);
    // Two points changed, two removed, or a whole new data set: nothing lines up.
    expect(alignData(before, { xs: [1, 5, 7], ys: [2, 4, 6] })).toBeNull();
    expect(alignData(before, { xs: [1], ys: [2] })).toBeNull();
    expect(alignData(before, presetData('noisy', 1))).toBeNull();
  });

  it('keeps a typed cell in its row when a point is added elsewhere', () => {
    const typed = rows(lecture, { 1: { x: '4,7' } });
    const after = { xs: [1, 2, 3, 4], ys: [2, 4, 6, 8] };
    expect(rebaseDraft(typed, lecture, after)).toEqual({
      rows: [
        { x: '1.0', y: '2.0', origin: 0 },
        { x: '4,7', y: '4.0', origin: 1 },
        { x: '3.0', y: '6.0', origin: 2 },
        { x: '4.0', y: '8.0', origin: 3 },
      ],
      dropped: [],
      replaced: false,
    });
  });

  it('moves a typed cell up with its row when a point before it is removed, and takes a moved point', () => {
    const typed = rows(lecture, { 2: { y: 'abc' } });
    expect(rebaseDraft(typed, lecture, { xs: [2, 3], ys: [4, 6] }).rows).toEqual([
      { x: '2.0', y: '4.0', origin: 0 },
      { x: '3.0', y: 'abc', origin: 1 },
    ]);
    expect(rebaseDraft(typed, lecture, { xs: [1, 2, 3], ys: [2.5, 4, 6] }).rows).toEqual([
      { x: '1.0', y: '2.5', origin: 0 },
      { x: '2.0', y: '4.0', origin: 1 },
      { x: '3.0', y: 'abc', origin: 2 },
    ]);
  });

  it('keeps rows added and removed in the table; a point added elsewhere goes before the new rows', () => {
    const typed: DraftRow[] = [...rows(lecture, { 0: { y: '' } }).slice(1), { x: '9', y: '9', origin: null }];
    const rebased = rebaseDraft(typed, lecture, { xs: [1, 2, 3, 4], ys: [2, 4, 6, 8] });
    // Row 1 stays removed, the point added in the plot comes in, the table's own row stays last.
    expect(rebased.rows).toEqual([
      { x: '2.0', y: '4.0', origin: 1 },
      { x: '3.0', y: '6.0', origin: 2 },
      { x: '4.0', y: '8.0', origin: 3 },
      { x: '9', y: '9', origin: null },
    ]);
    expect(rebased.dropped).toEqual([]);
  });

  it('drops, and names, typed cells whose point was removed or whose data were replaced', () => {
    const typed = rows(lecture, { 1: { x: '4,7' } });
    expect(rebaseDraft(typed, lecture, { xs: [1, 3], ys: [2, 6] })).toEqual({
      rows: null,
      dropped: [{ row: 1, column: 'x', text: '4,7' }],
      replaced: false,
    });
    const preset = presetData('outlier', 1);
    expect(rebaseDraft(typed, lecture, preset)).toEqual({
      rows: null,
      dropped: [{ row: 1, column: 'x', text: '4,7' }],
      replaced: true,
    });
  });

  it('has nothing of its own left when the rows say what the new data say', () => {
    expect(rebaseDraft(tableRows(lecture), lecture, { xs: [1, 2], ys: [2, 4] })).toEqual({
      rows: null,
      dropped: [],
      replaced: false,
    });
    // The typed value is the value the point was moved to elsewhere.
    const typed = rows(lecture, { 0: { y: '2.5' } });
    expect(rebaseDraft(typed, lecture, { xs: [1, 2, 3], ys: [2.5, 4, 6] }).rows).toBeNull();
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
