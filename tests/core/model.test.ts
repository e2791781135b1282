import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  batchGradient,
  batchLoss,
  cost,
  descend,
  LECTURE,
  meanOfPower,
  predict,
  sampleGradient,
  sampleLoss,
  type Dataset,
  type ModelKind,
  type Params,
} from '../../src/core';

const lecture = LECTURE.data;
const all = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('the lecture’s settings', () => {
  it('are gradient_descent.py’s: y = 2x at 1, 2, 3; w = 1.0; α = 0.01; 100 epochs; predict at 4', () => {
    expect(LECTURE.data).toEqual({ xs: [1, 2, 3], ys: [2, 4, 6] });
    expect([LECTURE.w0, LECTURE.b0, LECTURE.lr, LECTURE.epochs, LECTURE.predictX]).toEqual([
      1, 0, 0.01, 100, 4,
    ]);
  });

  it('meanOfPower gives mean(x) and mean(x²)', () => {
    expect(meanOfPower([1, 2, 3], 1)).toBe(2);
    expect(meanOfPower([1, 2, 3], 2)).toBe(14 / 3);
    expect(meanOfPower([-1.5, 0.5], 2)).toBe(1.25);
    expect(meanOfPower([-4], 1)).toBe(-4);
  });
});

describe('predict, loss, cost and gradient by hand', () => {
  it('predict: x·w, or x·w + b; model w ignores b', () => {
    expect(predict('w', { w: 2, b: 100 }, 3)).toBe(6);
    expect(predict('wb', { w: 2, b: 1 }, 3)).toBe(7);
    expect(predict('wb', { w: -0.5, b: 0.25 }, 4)).toBe(-1.75);
  });

  it('sampleLoss is the squared residual', () => {
    expect(sampleLoss('w', { w: 1, b: 0 }, 3, 6)).toBe(9);
    expect(sampleLoss('wb', { w: 2, b: 1 }, 3, 6)).toBe(1);
    expect(sampleLoss('w', { w: 2, b: 5 }, 3, 6)).toBe(0);
  });

  it('cost on the lecture’s data at w = 1 is the first loss gradient_descent.py prints', () => {
    expect(cost('w', { w: 1, b: 0 }, lecture)).toBe(4.666666666666667);
    // ((1+1−2)² + (2+1−4)² + (3+1−6)²)/3 = (0 + 1 + 4)/3
    expect(cost('wb', { w: 1, b: 1 }, lecture)).toBe(5 / 3);
  });

  it('sampleGradient: ∂ℓ/∂w = 2x(ŷ − y), ∂ℓ/∂b = 2(ŷ − y), and 0 for b under model w', () => {
    // The SGD script's first three gradients (stochastic_gradient_descent.out.txt, epoch 0).
    expect(sampleGradient('w', { w: 1, b: 0 }, 1, 2)).toEqual({ w: -2, b: 0 });
    expect(sampleGradient('w', { w: 1.02, b: 0 }, 2, 4)).toEqual({ w: -7.84, b: 0 });
    expect(sampleGradient('w', { w: 1.0984, b: 0 }, 3, 6)).toEqual({ w: -16.2288, b: 0 });
    expect(sampleGradient('wb', { w: 2, b: 1 }, 3, 6)).toEqual({ w: 6, b: 2 });
  });

  it('batchGradient over every index is the lecture’s GD gradient', () => {
    // gradient_descent.py, epoch 0: w goes from 1.0 to 1.0933333333333333 with α = 0.01.
    const g = batchGradient('w', { w: 1, b: 0 }, lecture, [0, 1, 2], true);
    expect(g.w).toBe(-28 / 3);
    expect(1 - 0.01 * g.w).toBe(1.0933333333333333);
    expect(batchGradient('wb', { w: 1, b: 1 }, lecture, [0, 1, 2], true)).toEqual({
      w: (2 * (1 * 0 + 2 * -1 + 3 * -2)) / 3,
      b: (2 * (0 - 1 - 2)) / 3,
    });
  });

  it('batchGradient and batchLoss over a subset average over that subset only', () => {
    expect(batchGradient('wb', { w: 1, b: 1 }, lecture, [1, 2], true)).toEqual({
      w: (-4 - 12) / 2,
      b: (-2 - 4) / 2,
    });
    expect(batchLoss('wb', { w: 1, b: 1 }, lecture, [1, 2])).toBe((1 + 4) / 2);
    expect(batchLoss('w', { w: 1, b: 0 }, lecture, [2])).toBe(9);
  });

  it('fromZero decides only the sign of a zero gradient, as Python’s `grad = 0; grad += g` does', () => {
    // x = −1, ŷ = y: the sample gradient is 2·(−1)·0 = −0.0; 0 + (−0.0) is +0.0.
    const data: Dataset = { xs: [-1], ys: [-2] };
    const at: Params = { w: 2, b: 0 };
    expect(Object.is(sampleGradient('w', at, -1, -2).w, -0)).toBe(true);
    expect(Object.is(batchGradient('w', at, data, [0], false).w, -0)).toBe(true);
    expect(Object.is(batchGradient('w', at, data, [0], true).w, 0)).toBe(true);
  });

  it('descend takes θ − α·∇ and leaves b alone under model w', () => {
    expect(descend('wb', { w: 1, b: 2 }, { w: 4, b: -8 }, 0.25)).toEqual({ w: 0, b: 4 });
    expect(descend('w', { w: 1, b: 2 }, { w: 4, b: -8 }, 0.25)).toEqual({ w: 0, b: 2 });
  });
});

// Central differences. The cost is quadratic in θ, so (f(θ+h) − f(θ−h)) / 2h has no truncation error:
// the only error is rounding, about n·ε·|f| / h, which the tolerance allows for.
const EPS = Number.EPSILON;
const moderate = fc.double({ min: -10, max: 10, noNaN: true });
const dataArb = fc
  .integer({ min: 1, max: 20 })
  .chain((n) =>
    fc.tuple(
      fc.array(moderate, { minLength: n, maxLength: n }),
      fc.array(moderate, { minLength: n, maxLength: n }),
    ),
  )
  .map(([xs, ys]): Dataset => ({ xs, ys }));
const paramsArb = fc.record({ w: moderate, b: moderate });
const modelArb = fc.constantFrom<ModelKind>('w', 'wb');

/** f'(θ) by a central difference in one coordinate, with the rounding-error bound of that estimate. */
function centralDifference(
  f: (p: Params) => number,
  at: Params,
  coordinate: 'w' | 'b',
  terms: number,
): { estimate: number; tolerance: number } {
  const h = 1e-3 * Math.max(1, Math.abs(at[coordinate]));
  const plus = { ...at, [coordinate]: at[coordinate] + h };
  const minus = { ...at, [coordinate]: at[coordinate] - h };
  const step = plus[coordinate] - minus[coordinate];
  const fPlus = f(plus);
  const fMinus = f(minus);
  return {
    estimate: (fPlus - fMinus) / step,
    tolerance: (8 * (terms + 2) * EPS * (Math.abs(fPlus) + Math.abs(fMinus))) / step,
  };
}

function expectNear(actual: number, expected: { estimate: number; tolerance: number }, what: string): void {
  const tolerance = expected.tolerance + 1e-9 * Math.abs(expected.estimate) + 1e-12;
  expect(
    Math.abs(actual - expected.estimate),
    `${what}: ${actual} vs ${expected.estimate}`,
  ).toBeLessThanOrEqual(tolerance);
}

describe('the analytic gradient matches finite differences (property)', () => {
  it('sampleGradient is ∇ sampleLoss', () => {
    fc.assert(
      fc.property(modelArb, paramsArb, moderate, moderate, (model, at, x, y) => {
        const g = sampleGradient(model, at, x, y);
        const f = (p: Params): number => sampleLoss(model, p, x, y);
        expectNear(g.w, centralDifference(f, at, 'w', 1), 'dℓ/dw');
        if (model === 'wb') expectNear(g.b, centralDifference(f, at, 'b', 1), 'dℓ/db');
        else expect(g.b).toBe(0);
      }),
      { seed: 31, numRuns: 1000 },
    );
  });

  it('batchGradient over all indices is ∇ cost', () => {
    fc.assert(
      fc.property(modelArb, paramsArb, dataArb, fc.boolean(), (model, at, data, fromZero) => {
        const n = data.xs.length;
        const g = batchGradient(model, at, data, all(n), fromZero);
        const f = (p: Params): number => cost(model, p, data);
        expectNear(g.w, centralDifference(f, at, 'w', n), 'dC/dw');
        if (model === 'wb') expectNear(g.b, centralDifference(f, at, 'b', n), 'dC/db');
        else expect(g.b).toBe(0);
      }),
      { seed: 32, numRuns: 1000 },
    );
  });

  it('batchLoss over all indices is the cost, and over one index the sample loss', () => {
    fc.assert(
      fc.property(modelArb, paramsArb, dataArb, (model, at, data) => {
        const n = data.xs.length;
        expect(batchLoss(model, at, data, all(n))).toBe(cost(model, at, data));
        const i = n - 1;
        expect(batchLoss(model, at, data, [i])).toBe(sampleLoss(model, at, data.xs[i]!, data.ys[i]!));
      }),
      { seed: 33, numRuns: 300 },
    );
  });

  it('the finite-difference check would catch a wrong gradient (a factor 2 off)', () => {
    const at: Params = { w: 0.5, b: -1 };
    const fd = centralDifference((p) => cost('wb', p, lecture), at, 'w', 3);
    const g = batchGradient('wb', at, lecture, [0, 1, 2], true).w;
    expect(Math.abs(g / 2 - fd.estimate)).toBeGreaterThan(
      fd.tolerance + 1e-9 * Math.abs(fd.estimate) + 1e-12,
    );
  });
});
