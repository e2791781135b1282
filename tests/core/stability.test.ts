import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advance,
  cost,
  costCurvature,
  epochContraction,
  gdOneStepRate,
  gdStabilityLimit,
  LECTURE,
  stabilityLimit,
  startRun,
  traceColumn,
  type Dataset,
  type ModelKind,
  type OptimizerSpec,
  type Params,
  type TrainingSetup,
} from '../../src/core';
import { ulpsApart } from './helpers/reference';

const lecture = LECTURE.data;

describe('gradient descent’s closed forms on the lecture’s data', () => {
  it('gdStabilityLimit(w) = 1/mean(x²) = 3/14', () => {
    expect(ulpsApart(gdStabilityLimit('w', lecture), 3 / 14)).toBeLessThanOrEqual(2);
  });

  it('gdStabilityLimit(wb) = 2/λmax with λmax = (17 + √265)/3, the top eigenvalue of 2·[[14/3, 2], [2, 1]]', () => {
    const limit = 6 / (17 + Math.sqrt(265));
    expect(Math.abs(gdStabilityLimit('wb', lecture) / limit - 1)).toBeLessThan(1e-14);
    expect(Math.abs(costCurvature('wb', lecture) / ((17 + Math.sqrt(265)) / 3) - 1)).toBeLessThan(1e-14);
  });

  it('gdOneStepRate(w) = 3/28, and GD at that rate on y = 2x lands on w = 2 after one epoch', () => {
    const rate = gdOneStepRate('w', lecture);
    expect(ulpsApart(rate, 3 / 28)).toBeLessThanOrEqual(2);
    for (const w0 of [1, -3.5, 0, 17.25]) {
      const run = advance(
        startRun({ data: lecture, model: 'w', init: { w: w0, b: 0 }, lr: rate, optimizer: { kind: 'gd' } }),
        1,
      );
      expect(Math.abs(run.params.w - 2)).toBeLessThan(1e-12);
    }
  });

  it('costCurvature(w) = 2·mean(x²)', () => {
    expect(costCurvature('w', lecture)).toBe(2 * (14 / 3));
    expect(costCurvature('w', { xs: [-2, 0.5], ys: [0, 0] })).toBe(4.25);
  });

  it('costCurvature(wb) is the top eigenvalue of the Hessian 2·[[mean x², mean x], [mean x, 1]] (property)', () => {
    const value = fc.integer({ min: -5000, max: 5000 }).map((k) => k / 1000);
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 20 }), (xs) => {
        const n = xs.length;
        const m1 = xs.reduce((s, x) => s + x, 0) / n;
        const m2 = xs.reduce((s, x) => s + x * x, 0) / n;
        const [a, b, d] = [2 * m2, 2 * m1, 2];
        // Power iteration from (1, 1): a different route to the same eigenvalue.
        let v = [1, 0.5];
        let lambda = 0;
        for (let i = 0; i < 500; i++) {
          const next = [a * v[0]! + b * v[1]!, b * v[0]! + d * v[1]!];
          const norm = Math.hypot(next[0]!, next[1]!);
          lambda = norm / Math.hypot(v[0]!, v[1]!);
          v = [next[0]! / norm, next[1]! / norm];
        }
        const curvature = costCurvature('wb', { xs, ys: xs });
        expect(Math.abs(curvature / lambda - 1)).toBeLessThan(1e-6);
        // And it is an eigenvalue: det(H − λI) = 0 (relative to the scale of the terms).
        const residual = (a - curvature) * (d - curvature) - b * b;
        expect(Math.abs(residual)).toBeLessThan(1e-9 * (curvature * curvature + b * b));
      }),
      { seed: 61, numRuns: 300 },
    );
  });

  it('no curvature under y = w·x when every x is 0: every rate is stable', () => {
    const flat: Dataset = { xs: [0, 0, 0], ys: [1, 2, 3] };
    expect(gdStabilityLimit('w', flat)).toBe(Infinity);
    expect(gdOneStepRate('w', flat)).toBe(Infinity);
    for (const kind of ['gd', 'sgd', 'minibatch'] as const) {
      expect(stabilityLimit('w', flat, { kind, batchSize: 2 })).toBe(Infinity);
      expect(epochContraction('w', flat, { kind, batchSize: 2 }, 123)).toBe(1);
    }
    // …but b still has curvature 2 under y = w·x + b: GD's limit is α = 1.
    expect(gdStabilityLimit('wb', flat)).toBe(1);
  });
});

describe('epochContraction', () => {
  it('for SGD under y = w·x is Π|1 − 2αxᵢ²|', () => {
    for (const lr of [0.01, 0.1, 0.2, 0.3]) {
      const expected = Math.abs((1 - 2 * lr) * (1 - 8 * lr) * (1 - 18 * lr));
      expect(Math.abs(epochContraction('w', lecture, { kind: 'sgd' }, lr) - expected)).toBeLessThan(1e-15);
    }
  });

  it('for GD under y = w·x is |1 − 2α·mean(x²)|', () => {
    for (const lr of [0.01, 0.1, 0.2, 0.3]) {
      const expected = Math.abs(1 - 2 * lr * (14 / 3));
      expect(Math.abs(epochContraction('w', lecture, { kind: 'gd' }, lr) - expected)).toBeLessThan(1e-15);
    }
  });

  it('the SGD limit under y = w·x is the first root of Π|1 − 2αxᵢ²| = 1 (found here by a fine scan)', () => {
    const f = (lr: number): number => Math.abs((1 - 2 * lr) * (1 - 8 * lr) * (1 - 18 * lr));
    let lo = 0;
    let hi: number;
    for (let lr = 1e-4; ; lr += 1e-4) {
      if (f(lr) >= 1) {
        hi = lr;
        break;
      }
      lo = lr;
    }
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (f(mid) >= 1) hi = mid;
      else lo = mid;
    }
    expect(Math.abs(stabilityLimit('w', lecture, { kind: 'sgd' }) / hi - 1)).toBeLessThan(1e-9);
  });

  it('minibatch with B = n has GD’s limit', () => {
    const data: Dataset = { xs: [-1.5, 0.5, 2, 3.5], ys: [1, 0.2, -0.7, 2.1] };
    for (const model of ['w', 'wb'] as const) {
      const gd = gdStabilityLimit(model, data);
      expect(stabilityLimit(model, data, { kind: 'gd' })).toBe(gd);
      expect(
        Math.abs(stabilityLimit(model, data, { kind: 'minibatch', batchSize: 4 }) / gd - 1),
      ).toBeLessThan(1e-9);
    }
    const one: Dataset = { xs: [2.5], ys: [1] };
    expect(Math.abs(stabilityLimit('w', one, { kind: 'sgd' }) / gdStabilityLimit('w', one) - 1)).toBeLessThan(
      1e-9,
    );
  });

  it('a flat direction (y = w·x + b on one point, or on equal x) does not make every rate unstable', () => {
    // SGD on a single point IS gradient descent, so its limit is GD's, 2/λmax = 2/14.5 here; with equal x
    // every per-sample Hessian is the same rank-1 matrix and the limit is again 2/λmax (= 0.2 below).
    // The cost has a flat direction there, so ρ(A(α)) = 1 for every α: neither growth nor decay.
    // BUG: stabilityLimit treats ρ = 1 as unstable (`rho(lr) >= 1`), finds it already at its first
    // scan point and returns ≈ 1.3e-5 (one point) and ≈ 2.1e-5 (equal x), although runs at α = 0.1
    // and α = 0.15 converge.
    const one: Dataset = { xs: [2.5], ys: [1] };
    const equal: Dataset = { xs: [2, 2, 2], ys: [1, 2, 3] };
    expect(gdStabilityLimit('wb', one)).toBe(2 / 14.5);
    expect(gdStabilityLimit('wb', equal)).toBe(0.2);
    const converges = (data: Dataset, optimizer: OptimizerSpec, lr: number): boolean =>
      advance(startRun({ data, model: 'wb', init: { w: 0, b: 0 }, lr, optimizer }), 2000).status ===
        'running' && !grows(data, 'wb', optimizer, lr, 300);
    expect(converges(one, { kind: 'sgd' }, 0.1)).toBe(true);
    expect(converges(equal, { kind: 'sgd' }, 0.15)).toBe(true);
    expect(converges(equal, { kind: 'minibatch', batchSize: 2 }, 0.15)).toBe(true);
    expect(Math.abs(stabilityLimit('wb', one, { kind: 'sgd' }) / (2 / 14.5) - 1)).toBeLessThan(1e-9);
    expect(Math.abs(stabilityLimit('wb', equal, { kind: 'sgd' }) / 0.2 - 1)).toBeLessThan(1e-9);
    expect(Math.abs(stabilityLimit('wb', equal, { kind: 'minibatch', batchSize: 2 }) / 0.2 - 1)).toBeLessThan(
      1e-9,
    );
  });
});

// The empirical check: the epoch map is affine, θ' = A(α)θ + c, so the difference of two runs from
// different starts evolves by A(α) alone. It shrinks when α is below the limit and grows above it.
function grows(data: Dataset, model: ModelKind, optimizer: OptimizerSpec, lr: number, half: number): boolean {
  const setup = (init: Params): TrainingSetup => ({
    data,
    model,
    init,
    lr,
    optimizer,
    haltOnDivergence: false,
  });
  const offset = { w: 1, b: model === 'wb' ? 0.75 : 0 };
  let a = startRun(setup({ w: 0.25, b: -0.5 }));
  let b = startRun(setup({ w: 0.25 + offset.w, b: -0.5 + offset.b }));
  const distance = (): number => Math.hypot(a.params.w - b.params.w, a.params.b - b.params.b);
  a = advance(a, half);
  b = advance(b, half);
  const middle = distance();
  if (middle < 1e-9) return false; // converged to the rounding level: certainly stable
  a = advance(a, half);
  b = advance(b, half);
  const end = distance();
  return !(end <= middle); // NaN (overflow) counts as growth
}

/** The first α at which runs stop converging: a scan upward from a clearly stable α, then bisection. */
function empiricalLimit(data: Dataset, model: ModelKind, optimizer: OptimizerSpec): number {
  const perSample = Math.max(...data.xs.map((x) => x * x + (model === 'wb' ? 1 : 0)));
  let lo = 0.1 / perSample;
  expect(grows(data, model, optimizer, lo, 300), 'the scan starts at a stable rate').toBe(false);
  let hi = lo;
  for (let i = 0; i < 200 && !grows(data, model, optimizer, hi, 300); i++) {
    lo = hi;
    hi *= 1.06;
  }
  expect(hi).toBeGreaterThan(lo);
  for (let i = 0; i < 9; i++) {
    const mid = Math.sqrt(lo * hi);
    if (grows(data, model, optimizer, mid, 1500)) hi = mid;
    else lo = mid;
  }
  return Math.sqrt(lo * hi);
}

const DATA_SETS: Record<string, Dataset> = {
  lecture,
  'mixed signs, noisy': { xs: [-1.5, 0.5, 2, 3.5, -0.25], ys: [1, 0.2, -0.7, 2.1, 0.4] },
  'one large x': { xs: [0.5, 1, 4, 0.75], ys: [1.2, 1.9, 8.3, 1.4] },
};
const OPTIMIZERS: Record<string, OptimizerSpec> = {
  gd: { kind: 'gd' },
  sgd: { kind: 'sgd' },
  'minibatch B=2': { kind: 'minibatch', batchSize: 2 },
};
const CASES = Object.entries(DATA_SETS).flatMap(([dataName, data]) =>
  Object.entries(OPTIMIZERS).flatMap(([optName, optimizer]) =>
    (['w', 'wb'] as const).map(
      (model) => [`${optName}, model ${model}, ${dataName}`, data, model, optimizer] as const,
    ),
  ),
);

describe('stabilityLimit agrees with running the optimizer', () => {
  it.each(CASES)('%s', (_, data, model, optimizer) => {
    const limit = stabilityLimit(model, data, optimizer);
    expect(Number.isFinite(limit) && limit > 0).toBe(true);
    const empirical = empiricalLimit(data, model, optimizer);
    // The brief asks for 1%; the two agree to better than 0.01%, so hold them to 0.2%.
    expect(Math.abs(empirical / limit - 1), `empirical ${empirical} vs stabilityLimit ${limit}`).toBeLessThan(
      0.002,
    );
    expect(epochContraction(model, data, optimizer, limit * 0.99)).toBeLessThan(1);
    expect(epochContraction(model, data, optimizer, limit * 1.01)).toBeGreaterThan(1);
  });

  it('and for gd it is gdStabilityLimit', () => {
    for (const data of Object.values(DATA_SETS)) {
      for (const model of ['w', 'wb'] as const) {
        expect(stabilityLimit(model, data, { kind: 'gd' })).toBe(gdStabilityLimit(model, data));
      }
    }
  });

  it('a shuffled epoch has the limit of its own order', () => {
    const data = DATA_SETS['one large x']!;
    const spec: OptimizerSpec = { kind: 'sgd', shuffle: true, seed: 3 };
    for (const epoch of [0, 1, 2]) {
      const limit = stabilityLimit('wb', data, spec, epoch);
      expect(epochContraction('wb', data, spec, limit * 0.99, epoch)).toBeLessThan(1);
      expect(epochContraction('wb', data, spec, limit * 1.01, epoch)).toBeGreaterThan(1);
    }
  });
});

describe('below gdStabilityLimit, GD’s cost never increases (property)', () => {
  const value = fc.integer({ min: -5000, max: 5000 }).map((k) => k / 1000);
  const dataArb = fc
    .integer({ min: 1, max: 20 })
    .chain((n) =>
      fc.tuple(
        fc.array(value, { minLength: n, maxLength: n }),
        fc.array(value, { minLength: n, maxLength: n }),
      ),
    )
    .map(([xs, ys]): Dataset => ({ xs, ys }))
    .filter((d) => d.xs.some((x) => x !== 0));

  it('epoch to epoch, in the cost column and the printed loss', () => {
    fc.assert(
      fc.property(
        dataArb,
        fc.constantFrom<ModelKind>('w', 'wb'),
        fc.record({ w: value, b: value }),
        fc.integer({ min: 1, max: 999 }),
        (data, model, init, permille) => {
          const lr = (gdStabilityLimit(model, data) * permille) / 1000;
          const run = advance(startRun({ data, model, init, lr, optimizer: { kind: 'gd' } }), 300);
          expect(run.status).toBe('running');
          const costs = traceColumn(run.trace, 'cost');
          const printed = traceColumn(run.trace, 'printedLoss');
          // GD prints the cost before its step: the printed losses are the costs, one epoch behind.
          expect(printed[0]).toBe(cost(model, init, data));
          const problems: string[] = [];
          for (let k = 1; k < costs.length; k++) {
            if (!Object.is(printed[k], costs[k - 1])) problems.push(`printed loss ${k} is not cost ${k - 1}`);
          }
          let previous = printed[0]!;
          for (let k = 0; k < costs.length && previous >= 1e-20; k++) {
            const current = costs[k]!;
            if (!(current <= previous * (1 + 1e-12)))
              problems.push(`epoch ${k}: cost ${current} after ${previous}`);
            previous = current;
          }
          expect(problems).toEqual([]);
        },
      ),
      { seed: 62, numRuns: 300 },
    );
  });

  it('and just above the limit it does increase', () => {
    fc.assert(
      fc.property(
        dataArb,
        fc.constantFrom<ModelKind>('w', 'wb'),
        fc.integer({ min: 1020, max: 1500 }),
        (data, model, permille) => {
          const lr = (gdStabilityLimit(model, data) * permille) / 1000;
          const init = { w: 3.5, b: -2.5 };
          const run = advance(startRun({ data, model, init, lr, optimizer: { kind: 'gd' } }), 600);
          const costs = traceColumn(run.trace, 'cost');
          expect(run.status === 'diverged' || costs.at(-1)! > cost(model, init, data)).toBe(true);
        },
      ),
      { seed: 63, numRuns: 100 },
    );
  });
});

describe('stability limits of large data sets', () => {
  it('stay finite and right when the epoch product would overflow a double', () => {
    // A spreadsheet paste of x = 0…9999: factors 1 − 2αx² from 1 down to about −10⁴ near the limit.
    const xs = Array.from({ length: 10_000 }, (_, i) => i);
    const data = { xs, ys: xs.map((x) => 2 * x) };
    const sgd = stabilityLimit('w', data, { kind: 'sgd' });
    expect(Number.isFinite(sgd)).toBe(true);
    // Just below the limit one epoch contracts, just above it expands (the product spans ~10⁴ factors).
    expect(epochContraction('w', data, { kind: 'sgd' }, sgd * 0.99)).toBeLessThan(1);
    expect(epochContraction('w', data, { kind: 'sgd' }, sgd * 1.01)).toBeGreaterThan(1);
    expect(Number.isNaN(epochContraction('wb', data, { kind: 'sgd' }, sgd))).toBe(false);
  });
});
