import { describe, expect, it } from 'vitest';
import {
  advance,
  epochContraction,
  epochOrder,
  formatRegimeFactor,
  gdOneStepRate,
  gdStabilityLimit,
  learningRateRegime,
  LECTURE,
  regimeOfFactor,
  startRun,
  traceColumn,
  type Dataset,
  type OptimizerSpec,
} from '../../src/core';

const lecture = LECTURE.data;
const GD: OptimizerSpec = { kind: 'gd' };
const SGD: OptimizerSpec = { kind: 'sgd' };

/** w after `epochs` epochs of `optimizer` at `lr` from the lecture's w = 1. */
function trainW(optimizer: OptimizerSpec, lr: number, epochs: number, data: Dataset = lecture): number {
  const run = advance(startRun({ data, model: 'w', init: { w: 1, b: 0 }, lr, optimizer }), epochs);
  return run.params.w;
}

describe('learningRateRegime: GD on y = w·x, f = 1 − α·2·mean(x²) = 1 − α·28/3 on the lecture’s data', () => {
  it.each([
    [0.05, 'smooth', 0.5333333333333334],
    [0.15, 'oscillating', -0.3999999999999997],
    [0.2, 'oscillating', -0.8666666666666665],
    [0.25, 'diverges', -1.333333333333333],
  ] as const)('α = %s: %s, f = %s', (lr, kind, factor) => {
    const regime = learningRateRegime('w', lecture, GD, lr);
    expect(regime).toEqual({ kind, factor });
    expect(regime.factor).toBeCloseTo(1 - (lr * 28) / 3, 14);
  });

  it('α = 1/(2·mean x²) = 0.10714285714285714 lands on w* in one step (f is 2.2e-16, within the tolerance)', () => {
    expect(gdOneStepRate('w', lecture)).toBe(0.10714285714285714);
    const regime = learningRateRegime('w', lecture, GD, 0.10714285714285714);
    expect(regime).toEqual({ kind: 'one-step', factor: 2.220446049250313e-16 });
    expect(Math.abs(trainW(GD, 0.10714285714285714, 1) - 2)).toBeLessThan(1e-15);
  });

  it('at the stability limit 2/λ = 3/14 neither converges nor diverges: f = −1 within the tolerance', () => {
    const regime = learningRateRegime('w', lecture, GD, gdStabilityLimit('w', lecture));
    expect(regime.kind).toBe('stalls');
    expect(regime.factor).toBe(-0.9999999999999996);
  });

  it('the factor is what a GD epoch really multiplies the distance to w* = 2 by', () => {
    for (const lr of [0.05, 0.15, 0.2, 0.25]) {
      const { factor } = learningRateRegime('w', lecture, GD, lr);
      expect((trainW(GD, lr, 3) - 2) / (trainW(GD, lr, 2) - 2)).toBeCloseTo(factor, 10);
    }
  });

  it('no curvature (every x = 0): w never moves, f = 1', () => {
    expect(learningRateRegime('w', { xs: [0, 0], ys: [1, 2] }, GD, 0.3)).toEqual({
      kind: 'stalls',
      factor: 1,
    });
  });
});

describe('learningRateRegime: SGD and mini-batch, the product of per-batch factors in visiting order', () => {
  it('SGD’s factor is Π(1 − α·2·xᵢ²) in the lecture’s order: 0.98 × 0.92 × 0.82 at α = 0.01', () => {
    const regime = learningRateRegime('w', lecture, SGD, 0.01);
    expect(regime).toEqual({ kind: 'smooth', factor: (1 - 0.02) * (1 - 0.08) * (1 - 0.18) });
    expect(regime.factor).toBe(0.7393120000000001);
  });

  it('α = 0.5: sample 1’s factor is 0, so SGD lands on w = 2 in one epoch and stays, while GD diverges', () => {
    expect(learningRateRegime('w', lecture, SGD, 0.5)).toEqual({ kind: 'one-step', factor: 0 });
    expect(trainW(SGD, 0.5, 1)).toBe(2);
    expect(trainW(SGD, 0.5, 100)).toBe(2);

    const gd = learningRateRegime('w', lecture, GD, 0.5);
    expect(gd).toEqual({ kind: 'diverges', factor: -3.666666666666666 });
    const gdRun = advance(
      startRun({ data: lecture, model: 'w', init: { w: 1, b: 0 }, lr: 0.5, optimizer: GD }),
      5,
    );
    const costs = traceColumn(gdRun.trace, 'cost');
    // The distance to w* grows 3.67-fold each epoch, so the cost grows (3.67)²-fold.
    expect(costs[4]! / costs[3]!).toBeCloseTo(gd.factor ** 2, 8);
  });

  it('SGD past its own limit diverges with a positive factor: (1 − 0.5)(1 − 2)(1 − 4.5) at α = 0.25', () => {
    expect(learningRateRegime('w', lecture, SGD, 0.25)).toEqual({ kind: 'diverges', factor: 1.75 });
  });

  it('mini-batch multiplies one factor per batch: B = 2 gives [x₁, x₂], [x₃] → (1 − 5α)(1 − 18α)', () => {
    const minibatch: OptimizerSpec = { kind: 'minibatch', batchSize: 2 };
    const regime = learningRateRegime('w', lecture, minibatch, 0.05);
    expect(regime.kind).toBe('smooth');
    expect(regime.factor).toBeCloseTo((1 - 5 * 0.05) * (1 - 18 * 0.05), 15);
  });

  it('with shuffle on, the batches are epoch 0’s seeded order', () => {
    // Seed 5 visits the samples as 2, 0, 1: batches [x₃, x₁], [x₂] → (1 − 10α)(1 − 8α).
    const shuffled: OptimizerSpec = { kind: 'minibatch', batchSize: 2, shuffle: true, seed: 5 };
    expect(epochOrder(shuffled, 3, 0)).toEqual([2, 0, 1]);
    const regime = learningRateRegime('w', lecture, shuffled, 0.05);
    expect(regime.factor).toBeCloseTo((1 - 10 * 0.05) * (1 - 8 * 0.05), 15);
    expect(regime.factor).not.toBeCloseTo(
      learningRateRegime('w', lecture, { kind: 'minibatch', batchSize: 2 }, 0.05).factor,
      3,
    );
  });

  it('its size is epochContraction, the ρ the stability limits are found with', () => {
    for (const optimizer of [GD, SGD, { kind: 'minibatch', batchSize: 2 } as const]) {
      for (const lr of [0.01, 0.1, 0.3]) {
        const { factor } = learningRateRegime('w', lecture, optimizer, lr);
        expect(Math.abs(factor)).toBe(epochContraction('w', lecture, optimizer, lr));
      }
    }
  });

  it('a product beyond a double reads as diverging without bound, never NaN', () => {
    const many: Dataset = {
      xs: Array.from({ length: 400 }, () => 3),
      ys: Array.from({ length: 400 }, () => 6),
    };
    const regime = learningRateRegime('w', many, SGD, 1);
    // Each of the 400 factors is 1 − 18 = −17: |f| = 17⁴⁰⁰, far past 1.8e308.
    expect(regime).toEqual({ kind: 'diverges', factor: Infinity });
  });
});

/**
 * Per-batch steps I − α·(2/|B|)·Σ_B [[x², x], [x, 1]], multiplied in the order given, written out
 * independently of stability.ts; the eigenvalues of the product.
 */
function manualEigen(xs: readonly number[], batches: readonly (readonly number[])[], lr: number) {
  let [a, b, c, d] = [1, 0, 0, 1];
  for (const batch of batches) {
    const k = (2 * lr) / batch.length;
    const sxx = batch.reduce((sum, i) => sum + xs[i]! * xs[i]!, 0);
    const sx = batch.reduce((sum, i) => sum + xs[i]!, 0);
    const [sa, sb, sc, sd] = [1 - k * sxx, -k * sx, -k * sx, 1 - k * batch.length];
    [a, b, c, d] = [sa * a + sb * c, sa * b + sb * d, sc * a + sd * c, sc * b + sd * d];
  }
  const half = (a + d) / 2;
  const disc = half * half - (a * d - b * c);
  if (disc < 0) return { complex: true, size: Math.sqrt(a * d - b * c) };
  const roots = [half + Math.sqrt(disc), half - Math.sqrt(disc)];
  return { complex: false, size: Math.abs(roots[0]!) >= Math.abs(roots[1]!) ? roots[0]! : roots[1]! };
}

const singles = (order: readonly number[]) => order.map((i) => [i]);

describe('learningRateRegime: y = w·x + b, the eigenvalues of the epoch’s 2×2 map', () => {
  it('GD: the dominant eigenvalue of I − α·H, H = 2·[[14/3, 2], [2, 1]]: λ = 1 − α·(17 ± √265)/3', () => {
    const small = (17 - Math.sqrt(265)) / 3;
    const large = (17 + Math.sqrt(265)) / 3;
    // α = 0.1: 1 − 0.1·small ≈ 0.976 dominates 1 − 0.1·large ≈ 0.0030: smooth.
    const smooth = learningRateRegime('wb', lecture, GD, 0.1);
    expect(smooth.kind).toBe('smooth');
    expect(smooth.factor).toBeCloseTo(1 - 0.1 * small, 13);
    // α = 0.2: 1 − 0.2·large ≈ −1.219 dominates: diverges, overshooting.
    const diverging = learningRateRegime('wb', lecture, GD, 0.2);
    expect(diverging.kind).toBe('diverges');
    expect(diverging.factor).toBeCloseTo(1 - 0.2 * large, 13);
  });

  it('GD oscillates where the steep direction’s negative eigenvalue dominates: α(λ₁ + λ₂) > 2 > αλ₁', () => {
    // λ₁ + λ₂ = tr H = 2·(14/3 + 1) = 34/3: the window is 6/34 = 0.176… < α < 0.180…
    const regime = learningRateRegime('wb', lecture, GD, 0.178);
    expect(regime.kind).toBe('oscillating');
    expect(regime.factor).toBeCloseTo(1 - (0.178 * (17 + Math.sqrt(265))) / 3, 13);
  });

  it('SGD: the dominant eigenvalue of the product of its steps in the lecture’s order', () => {
    for (const lr of [0.01, 0.05, 0.1, 0.15, 0.2]) {
      const expected = manualEigen(lecture.xs, singles([0, 1, 2]), lr);
      expect(expected.complex).toBe(false);
      expect(learningRateRegime('wb', lecture, SGD, lr).factor).toBeCloseTo(expected.size, 12);
    }
    expect(learningRateRegime('wb', lecture, SGD, 0.1).kind).toBe('smooth');
    expect(learningRateRegime('wb', lecture, SGD, 0.2).kind).toBe('diverges');
  });

  it('mini-batch B = 2 has a complex pair from α ≈ 0.17: ρ < 1 oscillates (spirals in), ρ > 1 diverges', () => {
    const minibatch: OptimizerSpec = { kind: 'minibatch', batchSize: 2 };
    const batches = [[0, 1], [2]];
    const inward = manualEigen(lecture.xs, batches, 0.17);
    expect(inward.complex).toBe(true);
    const spiralIn = learningRateRegime('wb', lecture, minibatch, 0.17);
    expect(spiralIn.kind).toBe('oscillating');
    expect(spiralIn.factor).toBeCloseTo(inward.size, 12);
    expect(spiralIn.factor).toBeCloseTo(0.6218038275855176, 12);

    const outward = manualEigen(lecture.xs, batches, 0.2);
    expect(outward.complex).toBe(true);
    const spiralOut = learningRateRegime('wb', lecture, minibatch, 0.2);
    expect(spiralOut.kind).toBe('diverges');
    expect(spiralOut.factor).toBeCloseTo(outward.size, 12);
  });

  it('shuffled SGD multiplies the steps in epoch 0’s seeded order', () => {
    // With 4 samples, seed 7 visits 0, 1, 3, 2: neither a rotation of 0, 1, 2, 3 nor of its reverse,
    // the orders whose products share their eigenvalues (the steps are symmetric).
    const four: Dataset = { xs: [1, 2, 3, 4], ys: [2, 4, 6, 8] };
    const shuffled: OptimizerSpec = { kind: 'sgd', shuffle: true, seed: 7 };
    const order = epochOrder(shuffled, 4, 0);
    expect(order).toEqual([0, 1, 3, 2]);
    const regime = learningRateRegime('wb', four, shuffled, 0.05);
    expect(regime.factor).toBeCloseTo(manualEigen(four.xs, singles(order), 0.05).size, 12);
    const inOrder = learningRateRegime('wb', four, SGD, 0.05);
    expect(inOrder.factor).toBeCloseTo(manualEigen(four.xs, singles([0, 1, 2, 3]), 0.05).size, 12);
    expect(Math.abs(regime.factor - inOrder.factor)).toBeGreaterThan(1e-3);
  });

  it('all x equal: the flat direction (eigenvalue 1) is left out; the other one, 1 − α·2·(x² + 1), decides', () => {
    const single: Dataset = { xs: [2], ys: [3] };
    // H = 2·[[4, 2], [2, 1]], eigenvalues 10 and 0: A = I − α·H has 1 − 10α and 1.
    expect(learningRateRegime('wb', single, GD, 0.05)).toMatchObject({ kind: 'smooth' });
    expect(learningRateRegime('wb', single, GD, 0.05).factor).toBeCloseTo(0.5, 14);
    expect(learningRateRegime('wb', single, GD, 0.1).kind).toBe('one-step');
    expect(learningRateRegime('wb', single, GD, 0.15).factor).toBeCloseTo(-0.5, 14);
    expect(learningRateRegime('wb', single, GD, 0.3).kind).toBe('diverges');
  });
});

describe('regimeOfFactor', () => {
  it('sorts factors into the five regimes, with a 1e-9 tolerance at 0 and ±1', () => {
    expect(regimeOfFactor(0.5)).toBe('smooth');
    expect(regimeOfFactor(-0.5)).toBe('oscillating');
    expect(regimeOfFactor(0.5, true)).toBe('oscillating');
    expect(regimeOfFactor(1e-10)).toBe('one-step');
    expect(regimeOfFactor(-1e-10)).toBe('one-step');
    expect(regimeOfFactor(2e-9)).toBe('smooth');
    expect(regimeOfFactor(1 + 1e-10)).toBe('stalls');
    expect(regimeOfFactor(-1)).toBe('stalls');
    expect(regimeOfFactor(1 + 2e-9)).toBe('diverges');
    expect(regimeOfFactor(-1.5)).toBe('diverges');
    expect(regimeOfFactor(Infinity)).toBe('diverges');
    expect(regimeOfFactor(-Infinity)).toBe('diverges');
  });
});

describe('formatRegimeFactor', () => {
  it('writes 2 significant digits with a real minus sign', () => {
    expect(formatRegimeFactor(-0.8666666666666665)).toBe('−0.87');
    expect(formatRegimeFactor(0.5333333333333334)).toBe('0.53');
    expect(formatRegimeFactor(-3.666666666666666)).toBe('−3.7');
    expect(formatRegimeFactor(0.05399999999999999)).toBe('0.054');
    expect(formatRegimeFactor(-0.3999999999999997)).toBe('−0.4');
  });

  it('keeps whole digits below 10⁴ and switches to e-notation outside 0.001…10⁴', () => {
    expect(formatRegimeFactor(-119)).toBe('−119');
    expect(formatRegimeFactor(1234.5)).toBe('1235');
    expect(formatRegimeFactor(1.5e6)).toBe('1.5e+6');
    expect(formatRegimeFactor(-2.5e-5)).toBe('−2.5e-5');
  });

  it('never rounds a factor that is not 0 or ±1 onto them', () => {
    expect(formatRegimeFactor(0.996)).toBe('0.996');
    expect(formatRegimeFactor(1.004)).toBe('1.004');
    expect(formatRegimeFactor(-0.99999)).toBe('−0.99999');
    expect(formatRegimeFactor(1 - 2e-9)).toBe('0.999999998');
  });

  it('writes 0 and ±1 within the tolerance as they are, and never NaN or Infinity', () => {
    expect(formatRegimeFactor(2.220446049250313e-16)).toBe('0');
    expect(formatRegimeFactor(-0)).toBe('0');
    expect(formatRegimeFactor(-0.9999999999999996)).toBe('−1');
    expect(formatRegimeFactor(1)).toBe('1');
    expect(formatRegimeFactor(Infinity)).toBe('∞');
    expect(formatRegimeFactor(-Infinity)).toBe('−∞');
    expect(formatRegimeFactor(NaN)).toBe('—');
  });
});
