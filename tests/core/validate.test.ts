import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  errorsFor,
  LIMITS,
  validateSettings,
  type Settings,
  type ValidationCode,
  type ValidationError,
} from '../../src/core';
import { nextUp } from './helpers/reference';

const good: Settings = { xs: [1, 2, 3], ys: [2, 4, 6], model: 'w', w0: 1, b0: 0, lr: 0.01, epochs: 100 };

/** A value of the wrong type, smuggled past the type checker as a caller from JSON or a form could. */
const bad = <T>(value: unknown): T => value as T;

type Expected = { field: string; code: ValidationCode; index?: number; limit?: number };
const summary = (errors: readonly ValidationError[]): Expected[] =>
  errors.map(({ field, code, index, limit }) => ({
    field,
    code,
    ...(index === undefined ? {} : { index }),
    ...(limit === undefined ? {} : { limit }),
  }));

const filled = (n: number, v = 1): number[] => Array.from({ length: n }, () => v);

/** [what, settings, the exact errors]. */
const MALFORMED: readonly (readonly [string, Settings, readonly Expected[]])[] = [
  [
    'no x values',
    { ...good, xs: [] },
    [
      { field: 'xs', code: 'empty' },
      { field: 'ys', code: 'length-mismatch' },
    ],
  ],
  [
    'no points at all',
    { ...good, xs: [], ys: [] },
    [
      { field: 'xs', code: 'empty' },
      { field: 'ys', code: 'empty' },
    ],
  ],
  ['xs not a list', { ...good, xs: bad('1,2,3') }, [{ field: 'xs', code: 'empty' }]],
  ['ys missing', { ...good, ys: bad(undefined) }, [{ field: 'ys', code: 'empty' }]],
  ['fewer y values', { ...good, ys: [2, 4] }, [{ field: 'ys', code: 'length-mismatch' }]],
  ['more y values', { ...good, ys: [2, 4, 6, 8] }, [{ field: 'ys', code: 'length-mismatch' }]],
  ['x is NaN', { ...good, xs: [1, NaN, 3] }, [{ field: 'xs', code: 'not-a-number', index: 1 }]],
  ['y is Infinity', { ...good, ys: [2, 4, Infinity] }, [{ field: 'ys', code: 'not-finite', index: 2 }]],
  ['y is -Infinity', { ...good, ys: [-Infinity, 4, 6] }, [{ field: 'ys', code: 'not-finite', index: 0 }]],
  [
    'x is 1e309 (overflows to Infinity)',
    { ...good, xs: [1, 2, Number('1e309')] },
    [{ field: 'xs', code: 'not-finite', index: 2 }],
  ],
  [
    'x beyond the magnitude limit',
    { ...good, xs: [nextUp(LIMITS.maxMagnitude), 2, -1e151] },
    [
      { field: 'xs', code: 'too-large', index: 0, limit: LIMITS.maxMagnitude },
      { field: 'xs', code: 'too-large', index: 2, limit: LIMITS.maxMagnitude },
    ],
  ],
  ['x is a string', { ...good, xs: bad([1, '2', 3]) }, [{ field: 'xs', code: 'not-a-number', index: 1 }]],
  ['y is null', { ...good, ys: bad([null, 4, 6]) }, [{ field: 'ys', code: 'not-a-number', index: 0 }]],
  [
    'y is undefined',
    { ...good, ys: bad([2, undefined, 6]) },
    [{ field: 'ys', code: 'not-a-number', index: 1 }],
  ],
  ['x is an object', { ...good, xs: bad([{}, 2, 3]) }, [{ field: 'xs', code: 'not-a-number', index: 0 }]],
  ['x is a boolean', { ...good, xs: bad([1, 2, true]) }, [{ field: 'xs', code: 'not-a-number', index: 2 }]],
  ['x is a bigint', { ...good, xs: bad([1n, 2, 3]) }, [{ field: 'xs', code: 'not-a-number', index: 0 }]],
  [
    'too many points',
    { ...good, xs: filled(LIMITS.maxPoints + 1), ys: filled(LIMITS.maxPoints + 1) },
    [
      { field: 'xs', code: 'too-many-points', limit: LIMITS.maxPoints },
      { field: 'ys', code: 'too-many-points', limit: LIMITS.maxPoints },
    ],
  ],
  ['unknown model', { ...good, model: bad('wx') }, [{ field: 'model', code: 'unknown-model' }]],
  ['no model', { ...good, model: bad(undefined) }, [{ field: 'model', code: 'unknown-model' }]],
  ['w0 NaN', { ...good, w0: NaN }, [{ field: 'w0', code: 'not-a-number' }]],
  ['w0 a string', { ...good, w0: bad('1') }, [{ field: 'w0', code: 'not-a-number' }]],
  ['b0 Infinity', { ...good, b0: Infinity }, [{ field: 'b0', code: 'not-finite' }]],
  ['b0 too large', { ...good, b0: -2e150 }, [{ field: 'b0', code: 'too-large', limit: LIMITS.maxMagnitude }]],
  ['lr 0', { ...good, lr: 0 }, [{ field: 'lr', code: 'not-positive' }]],
  ['lr -0', { ...good, lr: -0 }, [{ field: 'lr', code: 'not-positive' }]],
  ['lr negative', { ...good, lr: -0.01 }, [{ field: 'lr', code: 'not-positive' }]],
  ['lr NaN', { ...good, lr: NaN }, [{ field: 'lr', code: 'not-a-number' }]],
  ['lr Infinity', { ...good, lr: Infinity }, [{ field: 'lr', code: 'not-finite' }]],
  ['lr missing', { ...good, lr: bad(undefined) }, [{ field: 'lr', code: 'not-a-number' }]],
  ['epochs negative', { ...good, epochs: -1 }, [{ field: 'epochs', code: 'out-of-range', limit: 0 }]],
  ['epochs fractional', { ...good, epochs: 2.5 }, [{ field: 'epochs', code: 'not-integer' }]],
  [
    'epochs over the limit',
    { ...good, epochs: LIMITS.maxEpochs + 1 },
    [{ field: 'epochs', code: 'out-of-range', limit: LIMITS.maxEpochs }],
  ],
  ['epochs NaN', { ...good, epochs: NaN }, [{ field: 'epochs', code: 'not-a-number' }]],
  ['epochs Infinity', { ...good, epochs: Infinity }, [{ field: 'epochs', code: 'not-finite' }]],
  ['batch size 0', { ...good, batchSize: 0 }, [{ field: 'batchSize', code: 'out-of-range', limit: 1 }]],
  ['batch size above n', { ...good, batchSize: 4 }, [{ field: 'batchSize', code: 'out-of-range', limit: 3 }]],
  ['batch size fractional', { ...good, batchSize: 1.5 }, [{ field: 'batchSize', code: 'not-integer' }]],
  ['batch size NaN', { ...good, batchSize: NaN }, [{ field: 'batchSize', code: 'not-a-number' }]],
  ['seed negative', { ...good, seed: -1 }, [{ field: 'seed', code: 'out-of-range', limit: 0 }]],
  ['seed 2^32', { ...good, seed: 2 ** 32 }, [{ field: 'seed', code: 'out-of-range', limit: 2 ** 32 - 1 }]],
  ['seed fractional', { ...good, seed: 0.5 }, [{ field: 'seed', code: 'not-integer' }]],
  [
    'everything at once, reported in field order',
    {
      xs: [1, NaN],
      ys: [2],
      model: bad('linear'),
      w0: Infinity,
      b0: bad(null),
      lr: -1,
      epochs: 0.5,
      batchSize: 3,
      seed: -2,
    },
    [
      { field: 'xs', code: 'not-a-number', index: 1 },
      { field: 'ys', code: 'length-mismatch' },
      { field: 'model', code: 'unknown-model' },
      { field: 'w0', code: 'not-finite' },
      { field: 'b0', code: 'not-a-number' },
      { field: 'lr', code: 'not-positive' },
      { field: 'epochs', code: 'not-integer' },
      { field: 'batchSize', code: 'out-of-range', limit: 2 },
      { field: 'seed', code: 'out-of-range', limit: 0 },
    ],
  ],
];

describe('validateSettings rejects malformed settings with the right field and code', () => {
  it.each(MALFORMED)('%s', (_, settings, expected) => {
    const errors = validateSettings(settings);
    expect(summary(errors)).toEqual(expected);
    for (const error of errors) expect(error.message).toMatch(/\S/);
  });

  it('words its messages for people', () => {
    const messages = (s: Settings) => validateSettings(s).map((e) => e.message);
    expect(messages({ ...good, lr: 0 })).toEqual(['Learning rate must be greater than 0.']);
    expect(messages({ ...good, xs: [1, NaN, 3] })).toEqual(['x values: point 2 must be a number.']);
    expect(messages({ ...good, epochs: LIMITS.maxEpochs + 1 })).toEqual([
      'Epochs must be between 0 and 1,000,000.',
    ]);
    expect(messages({ ...good, ys: [1] })).toEqual([
      'There are 3 x values but 1 y values; every point needs both.',
    ]);
  });

  it('a hole in a sparse list is a missing number, not a valid point', () => {
    // BUG: checkData walks the list with forEach, which skips holes, so [1, <hole>, 3] passes as valid
    // and training then computes with `undefined` (every cost is NaN).
    const xs = [1, 2, 3];
    delete xs[1];
    expect(summary(validateSettings({ ...good, xs }))).toEqual([
      { field: 'xs', code: 'not-a-number', index: 1 },
    ]);
    const ys: number[] = [2, 4];
    ys.length = 3; // [2, 4, <hole>]
    expect(summary(validateSettings({ ...good, ys }))).toEqual([
      { field: 'ys', code: 'not-a-number', index: 2 },
    ]);
  });
});

describe('validateSettings accepts well-formed settings', () => {
  it('at the edges of every range', () => {
    const edges: Settings[] = [
      good,
      { ...good, xs: [0], ys: [-0] },
      { ...good, xs: [LIMITS.maxMagnitude, -LIMITS.maxMagnitude], ys: [0, 0] },
      { ...good, xs: filled(LIMITS.maxPoints), ys: filled(LIMITS.maxPoints, 2) },
      { ...good, model: 'wb', w0: -LIMITS.maxMagnitude, b0: LIMITS.maxMagnitude },
      { ...good, lr: Number.MIN_VALUE },
      { ...good, lr: LIMITS.maxMagnitude },
      { ...good, epochs: 0 },
      { ...good, epochs: LIMITS.maxEpochs },
      { ...good, batchSize: 1, seed: 0 },
      { ...good, batchSize: 3, seed: 2 ** 32 - 1, optimizer: 'minibatch' },
    ];
    for (const settings of edges) expect(validateSettings(settings)).toEqual([]);
  });

  it('every randomly generated well-formed setting (property)', () => {
    fc.assert(
      fc.property(wellFormed, (settings) => {
        expect(validateSettings(settings)).toEqual([]);
      }),
      {
        seed: 51,
        numRuns: 500,
      },
    );
  });
});

const finite = fc.double({ min: -LIMITS.maxMagnitude, max: LIMITS.maxMagnitude, noNaN: true });
const wellFormed: fc.Arbitrary<Settings> = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc.record(
    {
      xs: fc.array(finite, { minLength: n, maxLength: n }),
      ys: fc.array(finite, { minLength: n, maxLength: n }),
      model: fc.constantFrom<Settings['model']>('w', 'wb'),
      w0: finite,
      b0: finite,
      lr: fc.double({ min: Number.MIN_VALUE, max: LIMITS.maxMagnitude, noNaN: true }),
      epochs: fc.integer({ min: 0, max: LIMITS.maxEpochs }),
      optimizer: fc.constantFrom('gd', 'sgd', 'minibatch' as const),
      batchSize: fc.integer({ min: 1, max: n }),
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    },
    { requiredKeys: ['xs', 'ys', 'model', 'w0', 'b0', 'lr', 'epochs'] },
  ),
);

/** One corruption of a well-formed setting and the single error it must produce. */
type Corruption = { apply: (s: Settings) => Settings; expected: (s: Settings) => Expected[] };

const badNumber = fc.constantFrom<[unknown, ValidationCode]>(
  [NaN, 'not-a-number'],
  [Infinity, 'not-finite'],
  [-Infinity, 'not-finite'],
  [Number('1e309'), 'not-finite'],
  [Number('-1e309'), 'not-finite'],
  [2e150, 'too-large'],
  [-1e200, 'too-large'],
  ['1', 'not-a-number'],
  [null, 'not-a-number'],
  [undefined, 'not-a-number'],
  [[1], 'not-a-number'],
);
/** The bound a too-large value reports. */
const magnitudeLimit = (code: ValidationCode) => (code === 'too-large' ? { limit: LIMITS.maxMagnitude } : {});

const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  // One bad data value.
  fc
    .tuple(fc.constantFrom<'xs' | 'ys'>('xs', 'ys'), fc.nat(), badNumber)
    .map(([field, at, [value, code]]): Corruption => ({
      apply: (s) => {
        const list = [...s[field]];
        list[at % list.length] = bad(value);
        return { ...s, [field]: list };
      },
      expected: (s) => [
        {
          field,
          code,
          index: at % s[field].length,
          ...magnitudeLimit(code),
        },
      ],
    })),
  // Mismatched lengths.
  fc.integer({ min: 1, max: 3 }).map((extra): Corruption => ({
    apply: (s) => ({ ...s, ys: [...s.ys, ...filled(extra)] }),
    expected: () => [{ field: 'ys', code: 'length-mismatch' }],
  })),
  // A bad scalar.
  fc
    .tuple(fc.constantFrom<'w0' | 'b0' | 'lr' | 'epochs'>('w0', 'b0', 'lr', 'epochs'), badNumber)
    .map(([field, [value, code]]): Corruption => ({
      apply: (s) => ({ ...s, [field]: bad(value) }),
      expected: () => [{ field, code, ...magnitudeLimit(code) }],
    })),
  // A learning rate that is not positive.
  fc.double({ min: -LIMITS.maxMagnitude, max: 0, noNaN: true }).map((lr): Corruption => ({
    apply: (s) => ({ ...s, lr }),
    expected: () => [{ field: 'lr', code: 'not-positive' }],
  })),
  // Epochs that are negative, fractional or over the limit.
  fc
    .oneof(
      fc
        .integer({ min: -1_000_000, max: -1 })
        .map((e): [number, ValidationCode, number | undefined] => [e, 'out-of-range', 0]),
      fc
        .integer({ min: 0, max: 1_000_000 })
        .map((e): [number, ValidationCode, number | undefined] => [e + 0.5, 'not-integer', undefined]),
      fc
        .integer({ min: LIMITS.maxEpochs + 1, max: 1e12 })
        .map((e): [number, ValidationCode, number | undefined] => [e, 'out-of-range', LIMITS.maxEpochs]),
    )
    .map(([epochs, code, limit]): Corruption => ({
      apply: (s) => ({ ...s, epochs }),
      expected: () => [{ field: 'epochs', code, ...(limit === undefined ? {} : { limit }) }],
    })),
  // A batch size out of 1…n.
  fc.integer({ min: -5, max: 5 }).map((k): Corruption => ({
    apply: (s) => ({ ...s, batchSize: k <= 0 ? k : s.xs.length + k }),
    expected: (s) => [{ field: 'batchSize', code: 'out-of-range', limit: k <= 0 ? 1 : s.xs.length }],
  })),
  // An unknown model.
  fc.constantFrom('', 'W', 'wb ', 'b', 'linear', null, 1).map((model): Corruption => ({
    apply: (s) => ({ ...s, model: bad(model) }),
    expected: () => [{ field: 'model', code: 'unknown-model' }],
  })),
  // Too many points.
  fc.integer({ min: 1, max: 50 }).map((extra): Corruption => ({
    apply: (s) => ({
      ...s,
      xs: filled(LIMITS.maxPoints + extra),
      ys: filled(LIMITS.maxPoints + extra),
      batchSize: undefined,
    }),
    expected: () => [
      { field: 'xs', code: 'too-many-points', limit: LIMITS.maxPoints },
      { field: 'ys', code: 'too-many-points', limit: LIMITS.maxPoints },
    ],
  })),
);

describe('validateSettings rejects every corrupted setting (property)', () => {
  it('with exactly the error of the corruption', () => {
    fc.assert(
      fc.property(wellFormed, corruption, (settings, { apply, expected }) => {
        const corrupted = apply(settings);
        expect(summary(validateSettings(corrupted))).toEqual(expected(settings));
      }),
      { seed: 52, numRuns: 600 },
    );
  });
});

describe('bounds and errorsFor', () => {
  it('a caller may tighten the epoch range', () => {
    expect(summary(validateSettings({ ...good, epochs: 10_001 }, { maxEpochs: 10_000 }))).toEqual([
      { field: 'epochs', code: 'out-of-range', limit: 10_000 },
    ]);
    expect(summary(validateSettings({ ...good, epochs: 0 }, { minEpochs: 1 }))).toEqual([
      { field: 'epochs', code: 'out-of-range', limit: 1 },
    ]);
    expect(validateSettings({ ...good, epochs: 10_000 }, { minEpochs: 1, maxEpochs: 10_000 })).toEqual([]);
    // …but never widen it past the global limits.
    expect(summary(validateSettings({ ...good, epochs: LIMITS.maxEpochs + 1 }, { maxEpochs: 1e9 }))).toEqual([
      { field: 'epochs', code: 'out-of-range', limit: LIMITS.maxEpochs },
    ]);
    expect(summary(validateSettings({ ...good, epochs: -1 }, { minEpochs: -5 }))).toEqual([
      { field: 'epochs', code: 'out-of-range', limit: 0 },
    ]);
  });

  it('errorsFor picks one field’s errors, in order', () => {
    const errors = validateSettings({ ...good, xs: [NaN, Infinity, 3], lr: 0 });
    expect(summary(errorsFor(errors, 'xs'))).toEqual([
      { field: 'xs', code: 'not-a-number', index: 0 },
      { field: 'xs', code: 'not-finite', index: 1 },
    ]);
    expect(summary(errorsFor(errors, 'lr'))).toEqual([{ field: 'lr', code: 'not-positive' }]);
    expect(errorsFor(errors, 'seed')).toEqual([]);
  });
});
