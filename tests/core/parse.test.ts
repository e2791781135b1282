import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advance,
  downsampleMinMax,
  normalizeWidth,
  parseNumber,
  parseNumberList,
  startRun,
  traceColumn,
  validateSettings,
  type Settings,
} from '../../src/core';

const FC = { seed: 20261125, numRuns: 2000 };
/** String(x), except that −0 keeps its sign (String(-0) is '0'). */
const write = (x: number): string => (Object.is(x, -0) ? '-0' : String(x));

describe('parseNumber', () => {
  it.each([
    ['1.5', 1.5],
    ['-2', -2],
    ['+3', 3],
    ['1e-3', 0.001],
    ['1E3', 1000],
    ['.5', 0.5],
    ['5.', 5],
    ['  0.01  ', 0.01],
    ['１．５', 1.5],
    ['－２', -2],
    ['０．０１', 0.01],
    ['−0.3', -0.3],
    ['1e309', Infinity],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });

  it('keeps the sign of -0', () => {
    const parsed = parseNumber('-0');
    expect(parsed.ok && Object.is(parsed.value, -0)).toBe(true);
  });

  it.each(['', '   ', '\u3000'])('calls %j empty', (text) => {
    expect(parseNumber(text)).toEqual({ ok: false, reason: 'empty' });
  });

  it.each([
    'abc',
    '0x10',
    'Infinity',
    'NaN',
    '1,5',
    '1.2.3',
    '--1',
    '1e',
    'e5',
    '<script>',
    '1 2',
    '½',
    '١٢',
  ])('refuses %j', (text) => {
    expect(parseNumber(text)).toEqual({ ok: false, reason: 'not-a-number' });
  });

  it('never throws and returns a number exactly when it says ok, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const parsed = parseNumber(text);
        if (parsed.ok) expect(typeof parsed.value).toBe('number');
        expect(parsed.ok || parsed.reason === 'empty' || parsed.reason === 'not-a-number').toBe(true);
        if (parsed.ok) expect(Number.isNaN(parsed.value)).toBe(false);
      }),
      FC,
    );
  });

  it('reads back every double written the JavaScript way, and its full-width twin', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = write(x);
        const fullWidth = text.replace(/[0-9.eE+-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
        expect(parseNumber(text)).toEqual({ ok: true, value: x });
        expect(parseNumber(fullWidth)).toEqual({ ok: true, value: x });
      }),
      FC,
    );
  });
});

describe('normalizeWidth', () => {
  it('maps full-width ASCII, the ideographic space and minus signs to ASCII', () => {
    expect(normalizeWidth('１，２，３\u3000－４．５')).toBe('1,2,3 -4.5');
    expect(normalizeWidth('ａｂｃ')).toBe('abc');
  });
});

describe('parseNumberList', () => {
  it.each([
    ['1, 2, 3', [1, 2, 3]],
    ['1,2,3', [1, 2, 3]],
    ['１，２，３', [1, 2, 3]],
    ['1、2、3', [1, 2, 3]],
    ['1\t2\t3', [1, 2, 3]],
    ['1\n2\r\n3\n', [1, 2, 3]],
    ['1; 2; 3', [1, 2, 3]],
    ['  -1.5   2e3 ', [-1.5, 2000]],
    ['', []],
    [',,,', []],
  ])('reads %j', (text, values) => {
    expect(parseNumberList(text)).toEqual({ values, invalid: [] });
  });

  it('names each entry that is not a number, with its position', () => {
    expect(parseNumberList('1, abc, 3, <script>')).toEqual({
      values: [1, 3],
      invalid: [
        { index: 1, text: 'abc' },
        { index: 3, text: '<script>' },
      ],
    });
  });

  it('reads any list of doubles joined by any separator people use', () => {
    const separator = fc.constantFrom(',', ', ', '，', '、', '\t', '\n', ';', ' ');
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 30 }),
        separator,
        (xs, sep) => {
          expect(parseNumberList(xs.map(write).join(sep))).toEqual({ values: xs, invalid: [] });
        },
      ),
      { ...FC, numRuns: 500 },
    );
  });

  it('handles 10,000 pasted points', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `${i}\t${2 * i}`).join('\n');
    const { values, invalid } = parseNumberList(text);
    expect(values).toHaveLength(20_000);
    expect(invalid).toEqual([]);
  });
});

describe('hostile settings never reach the stepper and never draw NaN', () => {
  const hostileNumber = fc.oneof(
    fc.double(),
    fc.constantFrom(
      NaN,
      Infinity,
      -Infinity,
      Number.parseFloat('1e309'),
      -0,
      0,
      1e150,
      1e151,
      Number.MAX_VALUE,
      Number.MIN_VALUE,
    ),
    fc.integer({ min: -1e6, max: 1e6 }),
  );
  const settings = fc.record({
    xs: fc.array(hostileNumber, { maxLength: 12 }),
    ys: fc.array(hostileNumber, { maxLength: 12 }),
    model: fc.constantFrom('w', 'wb', 'mlp') as fc.Arbitrary<Settings['model']>,
    w0: hostileNumber,
    b0: hostileNumber,
    lr: hostileNumber,
    epochs: fc.oneof(fc.integer({ min: -5, max: 60 }), hostileNumber),
  });

  it('either reports a clear error or trains to a history that is finite up to any divergence', () => {
    fc.assert(
      fc.property(settings, (s) => {
        const errors = validateSettings(s);
        if (errors.length > 0) {
          for (const error of errors) expect(error.message.length).toBeGreaterThan(10);
          return;
        }
        for (const kind of ['gd', 'sgd'] as const) {
          const run = advance(
            startRun({
              data: { xs: s.xs, ys: s.ys },
              model: s.model,
              init: { w: s.w0, b: s.model === 'w' ? 0 : s.b0 },
              lr: s.lr,
              optimizer: { kind },
            }),
            Math.min(s.epochs, 60),
          );
          for (const column of ['w', 'b', 'printedLoss', 'cost'] as const) {
            expect(traceColumn(run.trace, column).every(Number.isFinite)).toBe(true);
          }
          const cost = traceColumn(run.trace, 'cost');
          for (const i of downsampleMinMax(cost, 20)) expect(Number.isFinite(cost[i]!)).toBe(true);
          expect(run.status === 'running' || run.divergedAtEpoch === run.epoch).toBe(true);
        }
      }),
      { ...FC, numRuns: 1500 },
    );
  });
});
