import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pyFloat, pyInt, pyLiteral, pyPrint } from '../../src/core';
import { memo, runPythonJson } from './helpers/python';
import { fromBits, hexOf, nextDown, nextUp } from './helpers/reference';

/** [value, what Python 3 prints for repr(value)]: the right-hand sides were produced by python3 itself. */
const PYTHON_REPRS: readonly (readonly [number, string])[] = [
  [4.0, '4.0'],
  [1e-5, '1e-05'],
  [0.0001, '0.0001'],
  [1e16, '1e+16'],
  [1234567890123456.0, '1234567890123456.0'],
  [1.2e16, '1.2e+16'],
  [2.131797981222471e-8, '2.131797981222471e-08'],
  [-0.0, '-0.0'],
  [0.0, '0.0'],
  [Infinity, 'inf'],
  [-Infinity, '-inf'],
  [NaN, 'nan'],
  [5e-324, '5e-324'],
  [-5e-324, '-5e-324'],
  [1.7976931348623157e308, '1.7976931348623157e+308'],
  [2.2250738585072014e-308, '2.2250738585072014e-308'],
  [0.1, '0.1'],
  [100.0, '100.0'],
  [123456789.123, '123456789.123'],
  [0.1 + 0.2, '0.30000000000000004'],
  [1 / 3, '0.3333333333333333'],
  [-7.84, '-7.84'],
  [-16.2288, '-16.2288'],
  [4.919240100095999, '4.919240100095999'],
  [9999999999999998.0, '9999999999999998.0'],
  [1e15, '1000000000000000.0'],
  [1e21, '1e+21'],
  [1e22, '1e+22'],
  [1e100, '1e+100'],
  [2 ** 63, '9.223372036854776e+18'],
  [Number('123456789012345678'), '1.2345678901234568e+17'],
  [0.00012345, '0.00012345'],
  [1.5e-5, '1.5e-05'],
  [-1.5e-7, '-1.5e-07'],
  [5e-5, '5e-05'],
  [0.5, '0.5'],
  [1e-4 * 1.0000000000000002, '0.00010000000000000003'],
  [0.00009999999999999999, '9.999999999999999e-05'],
  [12345.678, '12345.678'],
  [-0.001, '-0.001'],
  [7.999777758621207, '7.999777758621207'],
  [1e-310, '1e-310'],
  [3e300, '3e+300'],
  [1.0, '1.0'],
  [-2.0, '-2.0'],
  [10.0, '10.0'],
  [150.0, '150.0'],
];

describe('pyFloat prints a float as Python’s repr does', () => {
  it.each(PYTHON_REPRS.map(([x, repr]) => [repr, x] as const))('%s', (repr, x) => {
    expect(pyFloat(x)).toBe(repr);
  });
});

// Doubles that travel to Python as exact bit patterns; Python answers with repr() of each.
const REPR_DRIVER = `
import json, struct, sys
hexes = json.load(sys.stdin)
sys.stdout.write(json.dumps([repr(struct.unpack('>d', bytes.fromhex(h))[0]) for h in hexes]))
`;

const SEED = 7_041_964;
const u32 = fc.integer({ min: 0, max: 0xffffffff });
/** Any 64-bit pattern: every exponent equally likely, subnormals, infinities and NaNs included. */
const anyBits = fc.tuple(u32, u32).map(([hi, lo]) => fromBits((BigInt(hi) << 32n) | BigInt(lo)));
/** m·10^k: short decimals, where the positional/exponent switch and padding are decided. */
const decimalLike = fc
  .tuple(fc.integer({ min: -999_999_999, max: 999_999_999 }), fc.integer({ min: -30, max: 30 }))
  .map(([m, k]) => m * 10 ** k);
/** The doubles right around the layout boundaries 1e-4 and 1e16 (and their powers-of-ten cousins). */
const boundaries = [1e-5, 1e-4, 1e-3, 1, 1e15, 1e16, 1e17, 2 ** 53, 2 ** 52, 1e-300, 1e300];
const nearBoundaries = boundaries.flatMap((b) => {
  const around = [b];
  let up = b;
  let down = b;
  for (let i = 0; i < 5; i++) {
    up = nextUp(up);
    down = nextDown(down);
    around.push(up, down);
  }
  return around.flatMap((x) => [x, -x]);
});

const SAMPLES: readonly number[] = [
  ...fc.sample(anyBits, { seed: SEED, numRuns: 4000 }),
  ...fc.sample(fc.double(), { seed: SEED + 1, numRuns: 1500 }),
  ...fc.sample(decimalLike, { seed: SEED + 2, numRuns: 2500 }),
  ...nearBoundaries,
];

const pythonReprs = memo(() => {
  const reprs = runPythonJson<string[]>(REPR_DRIVER, [], SAMPLES.map(hexOf));
  if (reprs.length !== SAMPLES.length) throw new Error(`Python returned ${reprs.length} reprs`);
  return reprs;
});

describe('pyFloat against python3 itself', () => {
  it(`agrees with repr() on ${SAMPLES.length} doubles (random bit patterns, decimals, boundaries)`, () => {
    const reprs = pythonReprs();
    const mismatches = SAMPLES.flatMap((x, i) =>
      pyFloat(x) === reprs[i] ? [] : [`${hexOf(x)}: python ${reprs[i]}, pyFloat ${pyFloat(x)}`],
    );
    expect(mismatches).toEqual([]);
    // The sample really reaches both layouts and the special values.
    expect(reprs.filter((r) => /e[+-]\d\d/.test(r)).length).toBeGreaterThan(3000);
    expect(reprs.filter((r) => /^-?\d+\.\d+$/.test(r)).length).toBeGreaterThan(1000);
    expect(reprs).toContain('nan');
    expect(reprs).toContain('inf');
    expect(reprs).toContain('-0.0');
  });

  it('round-trips: parsing pyFloat(x) gives x back', () => {
    for (const x of SAMPLES) {
      if (Number.isNaN(x)) continue;
      const text = pyFloat(x).replace(/^(-?)inf$/, '$1Infinity');
      expect(Object.is(Number(text), x), `${hexOf(x)} → ${text}`).toBe(true);
    }
  });
});

describe('pyInt and pyLiteral', () => {
  it('pyInt prints whole numbers as Python ints, exactly at any size', () => {
    expect(pyInt(0)).toBe('0');
    expect(pyInt(-0)).toBe('0');
    expect(pyInt(4)).toBe('4');
    expect(pyInt(-42)).toBe('-42');
    expect(pyInt(2 ** 53)).toBe('9007199254740992');
    expect(pyInt(1e21)).toBe('1000000000000000000000');
    expect(pyInt(-(2 ** 70))).toBe('-1180591620717411303424');
  });

  it('pyLiteral prints whole numbers as ints and the rest as floats', () => {
    expect(pyLiteral(4)).toBe('4');
    expect(pyLiteral(-3)).toBe('-3');
    expect(pyLiteral(0)).toBe('0');
    expect(pyLiteral(2.5)).toBe('2.5');
    expect(pyLiteral(-0.25)).toBe('-0.25');
    expect(pyLiteral(1e-5)).toBe('1e-05');
    expect(pyLiteral(NaN)).toBe('nan');
    expect(pyLiteral(-Infinity)).toBe('-inf');
  });
});

describe('pyPrint joins its arguments as print() does', () => {
  it('text as is, numbers as floats, {int} as ints, single spaces between', () => {
    expect(pyPrint('epoch:', { int: 3 }, 'w=', 1.5, 'loss=', 1e-5)).toBe('epoch: 3 w= 1.5 loss= 1e-05');
    expect(pyPrint('progress:', { int: 0 }, 'w=', 1.260688, 'loss=', 4.919240100095999)).toBe(
      'progress: 0 w= 1.260688 loss= 4.919240100095999',
    );
    expect(pyPrint('\tgrad:', 1, 2, -2)).toBe('\tgrad: 1.0 2.0 -2.0');
    expect(pyPrint('predict (before training)', '4', 4)).toBe('predict (before training) 4 4.0');
  });

  it('keeps empty strings as empty fields and prints nothing for no arguments', () => {
    expect(pyPrint()).toBe('');
    expect(pyPrint('a', '', 'b')).toBe('a  b');
    expect(pyPrint(-0, NaN, Infinity)).toBe('-0.0 nan inf');
  });
});
