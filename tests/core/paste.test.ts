import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlock, pasteData, readBlock, readPaste, type PasteReading } from '../../src/core';

/** The data of each reading (null where columns must be chosen or there are problems). */
const datas = (text: string) => readPaste(text).map((reading) => pasteData(reading));
/** The one reading of a text that has exactly one. */
function only(text: string): PasteReading {
  const readings = readPaste(text);
  expect(readings).toHaveLength(1);
  return readings[0]!;
}
const layout = (reading: PasteReading) =>
  `${reading.how.separator}/${reading.how.commas}/${reading.how.orientation}`;

describe('readPaste: what works as before', () => {
  it('reads two spreadsheet columns, CRLF, a trailing newline and blank lines included', () => {
    expect(pasteData(only('1\t2\n2\t4\n3\t7'))).toEqual({ xs: [1, 2, 3], ys: [2, 4, 7] });
    expect(pasteData(only('1\t2\r\n2\t4\r\n\r\n3\t7\r\n'))).toEqual({ xs: [1, 2, 3], ys: [2, 4, 7] });
    expect(pasteData(only('1\t2\n2\t4\n3\t7\n\n'))).toEqual({ xs: [1, 2, 3], ys: [2, 4, 7] });
  });

  it('reads rows of commas, the Chinese commas, spaces, semicolons and full-width digits', () => {
    const expected = { xs: [1, 2, 3], ys: [2, 4, 6] };
    expect(pasteData(only('1, 2\n2, 4\n3, 6'))).toEqual(expected);
    expect(pasteData(only('1 2\n2 4\n3 6'))).toEqual(expected);
    expect(pasteData(only('1;2\n2;4\n3;6'))).toEqual(expected);
    expect(pasteData(only('１，２\n２，４\n３、６'))).toEqual(expected);
    expect(pasteData(only('１．５\t－２\n２\t３\n３\t４'))).toEqual({ xs: [1.5, 2, 3], ys: [-2, 3, 4] });
  });

  it('reads labelled x and y lists, on two lines or one, the lecture’s own lines too', () => {
    const expected = { xs: [1, 2, 3], ys: [2, 4, 6] };
    for (const text of [
      'x: 1, 2, 3\ny: 2, 4, 6',
      'x: 1, 2, 3 / y: 2, 4, 6',
      'ｘ：１，２，３\nｙ：２，４，６',
      'x_data = [1.0, 2.0, 3.0]\ny_data = [2.0, 4.0, 6.0]',
      'X = [1.0, 2.0, 3.0]\nY = [2.0, 4.0, 6.0]',
      'x: 1，2，3\ny: 2\t4\t6\n',
      'x = [1, 2, 3,];\ny = [2, 4, 6];',
    ]) {
      const reading = only(text);
      expect(pasteData(reading), text).toEqual(expected);
      expect(reading.names).toBe('labels');
    }
    // y first: still x from the x line.
    expect(pasteData(only('y: 2, 4, 6\nx: 1, 2, 3'))).toEqual(expected);
  });

  it('reads nothing from blank text', () => {
    expect(readPaste('')).toEqual([]);
    expect(readPaste(' \n\t\u3000\r\n')).toEqual([]);
  });
});

describe('readPaste: decimal commas', () => {
  it('reads spreadsheet decimal commas as decimals, never as separators', () => {
    // The paste: two rows, so it can be points or an x line and a y line — but never 1, 5, 3, 0.
    const readings = readPaste('1,5\t3,0\n2,5\t5,0');
    expect(readings.map(layout)).toEqual(['tab/decimal/rows', 'tab/decimal/lines']);
    expect(readings.map((reading) => pasteData(reading))).toEqual([
      { xs: [1.5, 2.5], ys: [3, 5] },
      { xs: [1.5, 3], ys: [2.5, 5] },
    ]);
    expect(readings[0]!.sample).toEqual({ text: '1,5', value: 1.5 });
    // Three rows can only be points.
    expect(pasteData(only('1,5\t3,0\n2,5\t5,0\n3,5\t7,25'))).toEqual({
      xs: [1.5, 2.5, 3.5],
      ys: [3, 5, 7.25],
    });
  });

  it('asks when a comma may be a decimal comma or group thousands', () => {
    const readings = readPaste('1,000\t2\n3\t4\n5\t6');
    expect(readings.map(layout)).toEqual(['tab/decimal/rows', 'tab/thousands/rows']);
    expect(readings.map((reading) => pasteData(reading)?.xs)).toEqual([
      [1, 3, 5],
      [1000, 3, 5],
    ]);
    // A comma with other than three digits after it can only be decimal; 1,000,000 only thousands.
    expect(pasteData(only('1,25\t2\n1,000\t4\n5\t6'))?.xs).toEqual([1.25, 1, 5]);
    expect(pasteData(only('1,000,000\t2\n3\t4\n5\t6'))?.xs).toEqual([1e6, 3, 5]);
  });

  it('tells commas between numbers from decimal commas by the spaces around them', () => {
    expect(layout(only('1,5 3,0\n2,5 5,0\n3,5 7,0'))).toBe('space/decimal/rows');
    expect(pasteData(only('1,5 3,0\n2,5 5,0\n3,5 7,0'))).toEqual({ xs: [1.5, 2.5, 3.5], ys: [3, 5, 7] });
    expect(layout(only('1, 5\n3, 0\n2, 5'))).toBe('comma/none/rows');
    // Without spaces, `1,2` per line: a single column of decimals is no data set, so commas separate.
    expect(pasteData(only('1,2\n3,4\n5,6'))).toEqual({ xs: [1, 3, 5], ys: [2, 4, 6] });
    expect(pasteData(only('1,5;3\n2;4,25\n3;6'))).toEqual({ xs: [1.5, 2, 3], ys: [3, 4.25, 6] });
  });

  it('asks between commas in labelled lists that may separate or be decimal', () => {
    const readings = readPaste('x: 1,5 2,5\ny: 3,0 5,0');
    expect(readings.map((reading) => pasteData(reading))).toEqual([{ xs: [1.5, 2.5], ys: [3, 5] }]);
    expect(datas('x: 1,000\ny: 2')).toEqual([
      { xs: [1], ys: [2] },
      { xs: [1000], ys: [2] },
    ]);
  });
});

describe('readPaste: header rows, and one, two or more columns', () => {
  it('recognises a header row and shows it as one, in the order it names x and y', () => {
    const reading = only('x\ty\r\n1\t2\r\n2\t4.5\r\n');
    expect(reading.names).toBe('header');
    expect(reading.columns.map((column) => column.name)).toEqual(['x', 'y']);
    expect(pasteData(reading)).toEqual({ xs: [1, 2], ys: [2, 4.5] });
    expect(pasteData(only('y\tx\n1\t2\n3\t4'))).toEqual({ xs: [2, 4], ys: [1, 3] });
    // A header with decimal commas below it; a header in other words.
    expect(pasteData(only('Stunden;Punkte\n1,5;3\n2,5;5'))).toEqual({ xs: [1.5, 2.5], ys: [3, 5] });
  });

  it('has three or more columns chosen, never read sideways', () => {
    const reading = only('a\tb\tc\n1\t2\t3\n4\t5\t6');
    expect(reading.how.orientation).toBe('rows');
    expect(reading.columns.map((column) => [column.name, column.from.n, column.values])).toEqual([
      ['a', 1, [1, 4]],
      ['b', 2, [2, 5]],
      ['c', 3, [3, 6]],
    ]);
    expect([reading.x, reading.y]).toEqual([null, null]);
    expect(pasteData(reading)).toBeNull();
    expect(pasteData(reading, 0, 2)).toEqual({ xs: [1, 4], ys: [3, 6] });
    expect(pasteData(reading, 1, 1)).toBeNull();
    // A header naming x and y picks them out; without a header, three rows of three: choose.
    const named = only('n\ty\tx\n1\t2\t3\n2\t4\t5');
    expect([named.x, named.y]).toEqual([2, 1]);
    expect(only('1\t2\t3\n4\t5\t6\n7\t8\t9').x).toBeNull();
  });

  it('asks whether two lines of numbers are two points (rows) or an x line and a y line', () => {
    const readings = readPaste('1 2 3\n2 4 6');
    expect(readings.map(layout)).toEqual(['space/none/rows', 'space/none/lines']);
    expect(readings[0]!.columns).toHaveLength(3);
    expect(pasteData(readings[1]!)).toEqual({ xs: [1, 2, 3], ys: [2, 4, 6] });
    // Symmetric text reads the same both ways: nothing to ask.
    expect(datas('1 2\n2 4')).toEqual([{ xs: [1, 2], ys: [2, 4] }]);
  });

  it('reads lines labelled by their first cell', () => {
    const reading = only('x\t1\t2\t3\ny\t2\t4\t6');
    expect(reading.names).toBe('labels');
    expect(pasteData(reading)).toEqual({ xs: [1, 2, 3], ys: [2, 4, 6] });
  });

  it('refuses a single column: one number a line is never a point', () => {
    expect(only('1\n2').problems).toEqual([{ kind: 'one-column' }]);
    expect(pasteData(only('1\n2'))).toBeNull();
    expect(only('x\n1\n2\n3').problems).toEqual([{ kind: 'one-column' }]);
  });
});

describe('readPaste: problems, named by line and column', () => {
  it('calls an empty cell an error, never merging the cells around it', () => {
    expect(only('1\t\t2').problems).toEqual([{ kind: 'empty-cell', line: 1, column: 2 }]);
    expect(only('1\t2\n2\t\n3\t6').problems).toEqual([{ kind: 'empty-cell', line: 2, column: 2 }]);
    expect(only('1;;2\n3;4;5').problems).toEqual([{ kind: 'empty-cell', line: 1, column: 2 }]);
    expect(only('x: 1,, 3\ny: 2, 4, 6').problems).toEqual([{ kind: 'empty-cell', line: 1, column: 2 }]);
  });

  it('names each cell that is not a number', () => {
    expect(only('1\t2\n2\tabc\n3\t6').problems).toEqual([
      { kind: 'not-a-number', line: 2, column: 2, text: 'abc' },
    ]);
    expect(only('x: 1, two, 3\ny: 2, 4, 6').problems).toEqual([
      { kind: 'not-a-number', line: 1, column: 2, text: 'two' },
    ]);
  });

  it('names lines with another count of cells, and lists of different lengths', () => {
    expect(only('1\t2\n3\n4\t5\t6').problems).toEqual([
      { kind: 'cell-count', line: 2, count: 1, first: 1, expected: 2 },
      { kind: 'cell-count', line: 3, count: 3, first: 1, expected: 2 },
    ]);
    expect(only('x: 1, 2, 3\ny: 2, 4').problems).toEqual([{ kind: 'length-mismatch', xCount: 3, yCount: 2 }]);
    expect(only('x: 1, 2, 3').problems).toEqual([{ kind: 'missing-column', column: 'y' }]);
  });
});

/** String(x), except that −0 keeps its sign. */
const write = (x: number): string => (Object.is(x, -0) ? '-0' : String(x));
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

describe('readPaste: what was written is what is read', () => {
  it('reads any spreadsheet of three or more points back exactly, and only that way', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(finite, finite), { minLength: 3, maxLength: 12 }),
        fc.boolean(),
        (points, header) => {
          const lines = points.map(([x, y]) => `${write(x)}\t${write(y)}`);
          const text = (header ? ['x\ty', ...lines] : lines).join('\r\n') + '\r\n';
          expect(datas(text)).toEqual([{ xs: points.map(([x]) => x), ys: points.map(([, y]) => y) }]);
        },
      ),
      { seed: 20261125, numRuns: 300 },
    );
  });

  it('always offers the decimal-comma reading of numbers written with decimal commas', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(finite, finite), { minLength: 3, maxLength: 8 }), (points) => {
        const comma = (x: number) => write(x).replace('.', ',');
        const text = points.map(([x, y]) => `${comma(x)}\t${comma(y)}`).join('\n');
        expect(datas(text)).toContainEqual({ xs: points.map(([x]) => x), ys: points.map(([, y]) => y) });
      }),
      { seed: 20261125, numRuns: 300 },
    );
  });
});

describe('readBlock (a block pasted into a table cell)', () => {
  it('tells a block from one value', () => {
    expect(isBlock('1\t2')).toBe(true);
    expect(isBlock('1\n2')).toBe(true);
    expect(isBlock('１，２')).toBe(true);
    expect(isBlock('2.5')).toBe(false);
    expect(isBlock('2.5\r\n')).toBe(false);
    expect(isBlock('1,5')).toBe(false);
  });

  it('gives the cells row by row, decimal commas as decimals, a header row left out', () => {
    expect(readBlock('1,5\t3\n2,5\t4\n')).toEqual({
      kind: 'block',
      rows: [
        ['1.5', '3'],
        ['2.5', '4'],
      ],
      header: null,
    });
    expect(readBlock('x\ty\r\n1\t2\r\n')).toEqual({ kind: 'block', rows: [['1', '2']], header: ['x', 'y'] });
    // A column of x values; an empty cell stays empty, for the table to mark.
    expect(readBlock('1\n2\n3')).toEqual({ kind: 'block', rows: [['1'], ['2'], ['3']], header: null });
    expect(readBlock('1\t\n2\t4')).toEqual({
      kind: 'block',
      rows: [
        ['1', ''],
        ['2', '4'],
      ],
      header: null,
    });
  });

  it('refuses a block whose commas can be read two ways, or whose lines differ in length', () => {
    expect(readBlock('1,000\t2\n3\t4')).toEqual({ kind: 'ambiguous' });
    expect(readBlock('1,2\n3,4')).toEqual({ kind: 'ambiguous' });
    expect(readBlock('1\t2\n3')).toEqual({
      kind: 'ragged',
      problem: { kind: 'cell-count', line: 2, count: 1, first: 1, expected: 2 },
    });
  });
});
