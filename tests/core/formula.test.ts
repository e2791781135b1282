import { describe, expect, it } from 'vitest';
import {
  advance,
  epochUpdates,
  formatFormulaNumber,
  formulaNumberParts,
  formulaObjective,
  formulaOperand,
  gradientText,
  gradientValueText,
  lastUpdate,
  LECTURE,
  ruleText,
  startRun,
  updateText,
  type OptimizerKind,
  type RunState,
  type TrainingSetup,
} from '../../src/core';

const lecture = (kind: OptimizerKind, lr: number = LECTURE.lr): TrainingSetup => ({
  data: LECTURE.data,
  model: 'w',
  init: { w: LECTURE.w0, b: 0 },
  lr,
  optimizer: { kind },
});

const runAfter = (kind: OptimizerKind, epochs: number, lr?: number): RunState =>
  advance(startRun(lecture(kind, lr)), epochs);

describe('formatFormulaNumber', () => {
  it.each([
    [1.0933333333333333, '1.0933'],
    [-9.333333333333334, '−9.3333'],
    [1.1779555555555554, '1.1780'],
    [-8.462222222222222, '−8.4622'],
    [1, '1.0'],
    [-2, '−2.0'],
    [1.02, '1.02'],
    [0.01, '0.01'],
    [2, '2.0'],
    [0, '0.0'],
    [-0, '0.0'],
    [0.001, '0.001'],
    [123456.789, '123456.789'],
    [1.2e-5, '1.2e-5'],
    [1e-5, '1e-5'],
    [-1.23456789e-5, '−1.2346e-5'],
    [2.5e7, '2.5e+7'],
    [1e300, '1e+300'],
    [Infinity, '∞'],
    [-Infinity, '−∞'],
    [NaN, '—'],
  ])('%s → %s', (x, expected) => {
    expect(formatFormulaNumber(x)).toBe(expected);
  });

  it('takes the number of decimals', () => {
    expect(formatFormulaNumber(1.0933333333333333, 2)).toBe('1.09');
    expect(formatFormulaNumber(Math.PI, 6)).toBe('3.141593');
    expect(formatFormulaNumber(1.5, 0)).toBe('2');
  });

  it('never prints NaN, Infinity or a JavaScript minus', () => {
    for (const x of [NaN, Infinity, -Infinity, -1e-9, -3.5, -1e12, Number.MIN_VALUE, -Number.MAX_VALUE]) {
      const text = formatFormulaNumber(x);
      expect(text).not.toMatch(/NaN|Infinity|^-/);
    }
  });

  it('gives the parts for typesetting', () => {
    expect(formulaNumberParts(-1.2e-5)).toEqual({
      negative: true,
      mantissa: '1.2',
      exponent: -5,
      finite: true,
    });
    expect(formulaNumberParts(1.0933333333333333)).toEqual({
      negative: false,
      mantissa: '1.0933',
      exponent: null,
      finite: true,
    });
    expect(formulaNumberParts(Infinity).finite).toBe(false);
  });

  it('parenthesises negative operands only', () => {
    expect(formulaOperand(-9.333333333333334)).toBe('(−9.3333)');
    expect(formulaOperand(0.01)).toBe('0.01');
  });
});

describe('lastUpdate', () => {
  it('is null before any update', () => {
    expect(lastUpdate(startRun(lecture('gd')), 0, [])).toBeNull();
    expect(lastUpdate(startRun(lecture('sgd')), 0, [])).toBeNull();
  });

  it("gives GD's update of the last completed epoch (the lecture's first two epochs)", () => {
    const first = lastUpdate(runAfter('gd', 1), 0, [])!;
    expect(first.epoch).toBe(0);
    expect(first.before.w).toBe(1);
    // The mean of 2·x·(x·w − y) at w = 1: (−2 − 8 − 18)/3 = −28/3.
    expect(first.gradient.w).toBeCloseTo(-28 / 3, 14);
    // What the lecture prints: epoch: 0 w= 1.0933333333333333.
    expect(first.after.w).toBe(1.0933333333333333);
    expect(first.indices).toEqual([0, 1, 2]);
    expect(first.sample).toBeUndefined();

    const second = lastUpdate(runAfter('gd', 2), 0, [])!;
    expect(second.epoch).toBe(1);
    expect(second.before.w).toBe(1.0933333333333333);
    expect(second.after.w).toBe(1.1779555555555554);
    expect(updateText(first, LECTURE.lr)).toBe('w = 1.0 − 0.01 × (−9.3333) = 1.0933');
    expect(updateText(second, LECTURE.lr)).toBe('w = 1.0933 − 0.01 × (−8.4622) = 1.1780');
  });

  it("gives SGD's pending update mid-epoch, with its sample", () => {
    const run = runAfter('sgd', 0);
    const pending = epochUpdates(run, 0);
    const first = lastUpdate(run, 1, pending)!;
    expect(first).toMatchObject({ epoch: 0, step: 0, sample: { index: 0, x: 1, y: 2 } });
    expect(first.gradient.w).toBe(-2);
    expect(first.after.w).toBe(1.02);
    const second = lastUpdate(run, 2, pending)!;
    expect(second.sample).toEqual({ index: 1, x: 2, y: 4 });
    // The lecture prints grad: 2.0 4.0 -7.84 for the second sample of epoch 0.
    expect(second.gradient.w).toBe(-7.84);
    expect(second.before.w).toBe(first.after.w);
  });

  it("gives SGD's last update of the last completed epoch between epochs", () => {
    const run = runAfter('sgd', 1);
    const update = lastUpdate(run, 0, [])!;
    expect(update).toMatchObject({ epoch: 0, step: 2, sample: { index: 2, x: 3, y: 6 } });
    // The lecture: grad: 3.0 6.0 -16.2288, then progress: 0 w= 1.260688.
    expect(update.gradient.w).toBe(-16.2288);
    expect(update.after.w).toBe(1.260688);
    expect(update.after.w).toBe(run.params.w);
  });

  it('is memoized on the run object', () => {
    const run = runAfter('sgd', 3);
    expect(lastUpdate(run, 0, [])).toBe(lastUpdate(run, 0, []));
  });

  it('ignores a cursor without a pending update', () => {
    const run = runAfter('gd', 1);
    expect(lastUpdate(run, 2, [])).toEqual(lastUpdate(run, 0, []));
  });

  it("gives a halted run's last finite update", () => {
    const run = runAfter('gd', 1000, 1);
    expect(run.status).toBe('diverged');
    const update = lastUpdate(run, 0, [])!;
    expect(update.epoch).toBe(run.epoch - 1);
    expect(Number.isFinite(update.after.w)).toBe(true);
    expect(update.after.w).toBe(run.params.w);
  });
});

describe('formula text', () => {
  it('names what each optimizer differentiates', () => {
    expect(formulaObjective(runAfter('gd', 0))).toBe('cost');
    expect(formulaObjective(runAfter('sgd', 0))).toBe('loss');
    expect(ruleText('cost')).toBe('w ← w − α · ∂cost/∂w');
    expect(ruleText('loss')).toBe('w ← w − α · ∂loss/∂w');
    expect(ruleText('cost', 'b')).toBe('b ← b − α · ∂cost/∂b');
  });

  it('writes the generic gradients', () => {
    expect(gradientText('cost', 'w')).toBe('∂cost/∂w = (2/n) Σᵢ xᵢ · (xᵢ · w − yᵢ)');
    expect(gradientText('loss', 'w')).toBe('∂loss/∂w = 2 · xᵢ · (xᵢ · w − yᵢ)');
    expect(gradientText('cost', 'wb', 'b')).toBe('∂cost/∂b = (2/n) Σᵢ (xᵢ · w + b − yᵢ)');
  });

  it('substitutes the numbers of the update', () => {
    const gd = lastUpdate(runAfter('gd', 2), 0, [])!;
    expect(gradientValueText('cost', 'w', gd)).toBe('∂cost/∂w = (2/3) Σᵢ xᵢ · (xᵢ · 1.0933 − yᵢ) = −8.4622');
    const sgdRun = runAfter('sgd', 0);
    const sgd = lastUpdate(sgdRun, 1, epochUpdates(sgdRun, 0))!;
    expect(gradientValueText('loss', 'w', sgd)).toBe('∂loss/∂w = 2 × 1.0 × (1.0 × 1.0 − 2.0) = −2.0');
    expect(updateText(sgd, LECTURE.lr)).toBe('w = 1.0 − 0.01 × (−2.0) = 1.02');
  });

  it('writes b and negative values in the model with a bias', () => {
    const run = advance(startRun({ ...lecture('sgd'), model: 'wb', init: { w: -0.5, b: -1 } }), 0);
    const update = lastUpdate(run, 1, epochUpdates(run, 0))!;
    // ŷ − y = 1·(−0.5) + (−1) − 2 = −3.5; ∂ℓ/∂w = 2·1·(−3.5) = −7, ∂ℓ/∂b = 2·(−3.5) = −7.
    expect(gradientValueText('loss', 'wb', update)).toBe(
      '∂loss/∂w = 2 × 1.0 × (1.0 × (−0.5) − 1.0 − 2.0) = −7.0',
    );
    expect(gradientValueText('loss', 'wb', update, 'b')).toBe(
      '∂loss/∂b = 2 × (1.0 × (−0.5) − 1.0 − 2.0) = −7.0',
    );
    // −1 − 0.01·(−7) is −0.9299999999999999 in floats: not exact, so it shows all four decimals.
    expect(updateText(update, LECTURE.lr, 'b')).toBe('b = −1.0 − 0.01 × (−7.0) = −0.9300');
  });
});
