/**
 * Differential test: pythonTranscript against the lecture's own Python (transcript.py with
 * "square": "mul"), line by line, over a few hundred seeded random settings and a handful of edge cases;
 * and scriptTranscript, what the app's "Python output" shows, against transcript.py squaring as the
 * lecture does but printing d*d's digits ('checked': it stops where `**2` raises OverflowError).
 * All the Python runs of each kind happen in one python3 process.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  OVERFLOW_ERROR_LINE,
  pythonTranscript,
  scriptTranscript,
  type TranscriptConfig,
} from '../../src/core';
import {
  memo,
  referenceScriptRuns,
  referenceTranscripts,
  shownOutput,
  expectSameLines,
  toReference,
} from './helpers/python';

const SEED = 20_251_125;
const RANDOM_RUNS = 240;

/** JSON has no −0 (JSON.stringify(-0) is "0"), so the data Python sees must not hold one either. */
const noNegativeZero = (v: number): number => (Object.is(v, -0) ? 0 : v);

const integerValue = fc.integer({ min: -20, max: 20 });
const decimalValue = fc
  .tuple(fc.integer({ min: -99_999, max: 99_999 }), fc.integer({ min: 1, max: 5 }))
  .map(([m, k]) => m / 10 ** k);
/** Uniform in [min, max]: ordinary fractional doubles with a full mantissa (fc.double favours corners). */
const uniform = (min: number, max: number): fc.Arbitrary<number> =>
  fc.integer({ min: 0, max: 2 ** 31 - 1 }).map((k) => min + ((max - min) * k) / (2 ** 31 - 1));
const fractionalDouble = fc.oneof(
  { weight: 3, arbitrary: uniform(-10, 10) },
  { weight: 1, arbitrary: fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true }) },
);
const wideValue = fc
  .tuple(uniform(1, 10), fc.integer({ min: -12, max: 12 }), fc.boolean())
  .map(([m, e, negative]) => (negative ? -1 : 1) * m * 10 ** e);
// Big enough that a few epochs square past the largest double: inf, then nan, printed on as Python does.
const hugeValue = fc.constantFrom(1e100, -3e120, 2.5e150, -7e160, 1e200);

const dataValue = fc
  .oneof(
    { weight: 4, arbitrary: integerValue },
    { weight: 4, arbitrary: decimalValue },
    { weight: 4, arbitrary: fractionalDouble },
    { weight: 2, arbitrary: wideValue },
    { weight: 1, arbitrary: hugeValue },
  )
  .map(noNegativeZero);

const dataset = fc
  .integer({ min: 1, max: 20 })
  .chain((n) =>
    fc.tuple(
      fc.array(dataValue, { minLength: n, maxLength: n }),
      fc.array(dataValue, { minLength: n, maxLength: n }),
    ),
  );

const learningRate = fc.oneof(
  { weight: 5, arbitrary: uniform(-6, 1).map((u) => 10 ** u) },
  { weight: 1, arbitrary: fc.constantFrom(1e-6, 0.001, 0.01, 0.05, 0.1, 0.2, 0.5, 1, 2.5) },
);

const epochs = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 30 }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 300 }) },
);

const predictX = fc
  .oneof(
    { weight: 3, arbitrary: fc.integer({ min: -10, max: 10 }) },
    { weight: 2, arbitrary: decimalValue },
    { weight: 1, arbitrary: fractionalDouble },
  )
  .map(noNegativeZero);

const transcriptConfig: fc.Arbitrary<TranscriptConfig> = fc
  .record({
    optimizer: fc.constantFrom<'gd' | 'sgd'>('gd', 'sgd'),
    data: dataset,
    w0: fc.oneof(integerValue, decimalValue, fractionalDouble, wideValue).map(noNegativeZero),
    lr: learningRate,
    epochs,
    predictX,
  })
  .map(({ data: [xs, ys], ...rest }) => ({ ...rest, xs, ys }));

const lecture: TranscriptConfig = {
  optimizer: 'gd',
  xs: [1, 2, 3],
  ys: [2, 4, 6],
  w0: 1,
  lr: 0.01,
  epochs: 100,
  predictX: 4,
};

/** Hand-picked corners, on top of the random ones. */
const EDGE_CASES: readonly TranscriptConfig[] = [
  lecture,
  { ...lecture, optimizer: 'sgd' },
  { ...lecture, epochs: 0 },
  { ...lecture, optimizer: 'sgd', epochs: 0, predictX: -2.5 },
  // The lecture diverging: |w| grows ×8.33 per epoch, the cost reaches inf, then everything is nan.
  { ...lecture, lr: 1, epochs: 300 },
  { ...lecture, optimizer: 'sgd', lr: 1, epochs: 300 },
  { ...lecture, optimizer: 'sgd', lr: 0.2, epochs: 300 },
  // One point; all-zero x (no curvature: w never moves); the optimum in one step (α = 3/28).
  { ...lecture, xs: [3], ys: [-1.5], epochs: 50 },
  { ...lecture, optimizer: 'sgd', xs: [0, 0], ys: [1, -1], epochs: 5 },
  { ...lecture, lr: 3 / 28, epochs: 3 },
  // Values that print in exponent form, and a zero residual whose gradient prints as -0.0.
  { ...lecture, optimizer: 'sgd', xs: [1e-5, 2e16, -3], ys: [1e-7, 1, 6], lr: 1e-6, epochs: 4 },
  { ...lecture, optimizer: 'sgd', xs: [-1, 2], ys: [-2, 4], w0: 2, epochs: 2 },
  { ...lecture, xs: [1e154, 2], ys: [1, 2], epochs: 3, predictX: 7 },
  { ...lecture, optimizer: 'sgd', xs: [1e-200, 1e-170], ys: [1e-190, 0], w0: 1e-150, lr: 1e-6, epochs: 3 },
];

const RANDOM_CONFIGS = fc.sample(transcriptConfig, { seed: SEED, numRuns: RANDOM_RUNS });
const CONFIGS = [...EDGE_CASES, ...RANDOM_CONFIGS];

const python = memo(() => referenceTranscripts(CONFIGS.map(toReference)));

const scripts = memo(() => referenceScriptRuns(CONFIGS.map(toReference), 'checked'));

/** Fails with the config and the first line where the two transcripts part. */
function expectSameTranscript(
  config: TranscriptConfig,
  expected: string,
  transcript: (config: TranscriptConfig) => string = pythonTranscript,
): void {
  expectSameLines(config, transcript(config), expected);
}

describe('pythonTranscript agrees with transcript.py ("square": "mul") line by line', () => {
  it('generates a varied set of settings', () => {
    expect(RANDOM_CONFIGS).toHaveLength(RANDOM_RUNS);
    const count = (predicate: (c: TranscriptConfig) => boolean): number =>
      RANDOM_CONFIGS.filter(predicate).length;
    // The mix the brief asks for is really there (the sample is seeded, so these counts are fixed).
    expect(count((c) => c.optimizer === 'gd')).toBeGreaterThan(80);
    expect(count((c) => c.optimizer === 'sgd')).toBeGreaterThan(80);
    expect(count((c) => c.epochs === 0)).toBeGreaterThan(5);
    expect(count((c) => c.epochs > 200)).toBeGreaterThan(10);
    expect(count((c) => c.xs.length === 1)).toBeGreaterThan(3);
    expect(count((c) => c.xs.length === 20)).toBeGreaterThan(3);
    expect(count((c) => c.xs.some((x) => x < 0))).toBeGreaterThan(100);
    expect(count((c) => c.xs.some((x) => !Number.isInteger(x)))).toBeGreaterThan(100);
    expect(count((c) => c.xs.every((x) => Number.isInteger(x)))).toBeGreaterThan(5);
    expect(count((c) => Number.isInteger(c.predictX))).toBeGreaterThan(50);
    expect(count((c) => !Number.isInteger(c.predictX))).toBeGreaterThan(50);
    expect(count((c) => c.lr < 1e-4)).toBeGreaterThan(20);
    // Some runs overflow (inf/nan in the transcript), most stay finite.
    const transcripts = python();
    const overflowing = RANDOM_CONFIGS.filter((_, i) =>
      /\b(inf|nan)\b/.test(transcripts[EDGE_CASES.length + i]!),
    );
    expect(overflowing.length).toBeGreaterThan(20);
    expect(overflowing.length).toBeLessThan(RANDOM_RUNS - 80);
  });

  it.each(EDGE_CASES.map((config, i) => [i, config] as const))('edge case %i', (i, config) => {
    expectSameTranscript(config, python()[i]!);
  });

  it.each(RANDOM_CONFIGS.map((config, i) => [i, config] as const))('random setting %i', (i, config) => {
    expectSameTranscript(config, python()[EDGE_CASES.length + i]!);
  });

  it('prints the diverging lecture run on through inf, as Python does', () => {
    // The expected lines are what transcript.py prints for this setting.
    const lines = pythonTranscript(EDGE_CASES[4]!).split('\n');
    expect(lines).toHaveLength(302);
    // w itself stays finite (×8.33 per epoch reaches only ~1e276); the cost overflows from epoch 167 on.
    expect(lines.findIndex((line) => /\binf\b/.test(line))).toBe(168);
    expect(lines[168]).toBe('epoch: 167 w= -4.983685913467921e+154 loss= inf');
    expect(lines[300]).toBe('epoch: 299 w= -1.7604600970608712e+276 loss= inf');
    expect(lines[301]).toBe('predict (after training) 4 -7.041840388243485e+276');
  });
});

describe('scriptTranscript agrees with transcript.py, stopping where `**2` raises', () => {
  it('some of the settings raise OverflowError, most do not', () => {
    const raised = scripts().filter((run) => run.error !== null);
    expect(raised.every((run) => run.error === OVERFLOW_ERROR_LINE)).toBe(true);
    expect(raised.length).toBeGreaterThan(20);
    expect(raised.length).toBeLessThan(CONFIGS.length - 80);
  });

  it.each(CONFIGS.map((config, i) => [i, config] as const))('setting %i', (i, config) => {
    expectSameTranscript(config, shownOutput(scripts()[i]!), scriptTranscript);
  });
});

describe('predict_x is printed as given', () => {
  it('−0 is a whole number, so it is the int 0 and forward(0) is computed as Python computes 0 * w', () => {
    // pythonTranscript prints −0 as the int `0` (pyLiteral), so it must also compute with Python's int 0:
    // 0 * 1.0 = 0.0 and 0 * -1.5 = -0.0. BUG: the core multiplies by −0 and prints `0 -0.0` / `0 0.0`,
    // a line Python can print for neither the int 0 nor the float -0.0 (that would read `-0.0 -0.0`).
    const configs: TranscriptConfig[] = [
      { ...lecture, epochs: 1, predictX: 0 },
      { ...lecture, epochs: 1, predictX: 0, w0: -1.5 },
    ];
    const [positive, negative] = referenceTranscripts(configs.map(toReference));
    expect(pythonTranscript({ ...configs[0]!, predictX: -0 })).toBe(positive);
    expect(pythonTranscript({ ...configs[1]!, predictX: -0 })).toBe(negative);
  });
});
