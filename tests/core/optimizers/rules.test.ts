/**
 * The update rules and the training loop that runs them: each rule against torch's algorithm written
 * out independently (helpers.ts), bit for bit; the state a run carries, records and replays; the
 * hyperparameters' defaults and ranges; divergence.
 */
import { describe, expect, it } from 'vitest';
import {
  adagradHyperParameters,
  adagradRule,
  adamHyperParameters,
  adamRule,
  advance,
  epochBatches,
  epochRecord,
  epochUpdates,
  momentumHyperParameters,
  momentumPython,
  momentumRule,
  namedOptimizerState,
  nesterovHyperParameters,
  nesterovRule,
  optimizerStateOf,
  rmspropHyperParameters,
  rmspropRule,
  scriptSetup,
  startRun,
  stateAfterEpoch,
  stateBeforeEpoch,
  traceColumn,
  type HyperParameter,
  type OptimizerSpec,
  type RunState,
  type ScriptConfig,
  type TrainingSetup,
  type UpdateRule,
} from '../../../src/core';
import { refCost } from '../helpers/reference';
import { DEFAULT_HYPER, refParameter, RULE_NAMES, type RuleName } from './helpers';

const RULES: Readonly<Record<RuleName, UpdateRule>> = {
  momentum: momentumRule,
  nesterov: nesterovRule,
  rmsprop: rmspropRule,
  adagrad: adagradRule,
  adam: adamRule,
};

const NOISY = { xs: [0.5, 1.2, 1.9, 2.6, 3.3, 4], ys: [0.61, 1.37, 2.95, 4.12, 5.02, 6.55] };

const setupOf = (
  name: RuleName,
  extra: Partial<OptimizerSpec> = {},
  over: Partial<TrainingSetup> = {},
): TrainingSetup => ({
  data: NOISY,
  model: 'wb',
  init: { w: -1, b: 0.5 },
  lr: name === 'momentum' || name === 'nesterov' ? 0.01 : 0.05,
  optimizer: { kind: 'gd', rule: RULES[name], hyper: DEFAULT_HYPER[name], ...extra },
  ...over,
});

/** The reference run: the loop of the lecture, each parameter updated by torch's algorithm. */
function referenceRun(setup: TrainingSetup, epochs: number) {
  const { data, model, lr, optimizer } = setup;
  const name = (Object.keys(RULES) as RuleName[]).find((key) => RULES[key] === optimizer.rule)!;
  const w = refParameter(name, setup.init.w, lr, { ...optimizer.hyper });
  const b = refParameter(name, setup.init.b, lr, { ...optimizer.hyper });
  const ref = { xs: data.xs, ys: data.ys, model, w0: 0, b0: 0, lr, kind: optimizer.kind, batches: () => [] };
  const out = { w: [] as number[], b: [] as number[], cost: [] as number[] };
  const n = data.xs.length;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const batch of epochBatches(optimizer, n, epoch)) {
      let gw = 0;
      let gb = 0;
      if (batch.length === 1 && optimizer.kind !== 'gd') {
        const i = batch[0]!;
        const r = (model === 'w' ? data.xs[i]! * w.p : data.xs[i]! * w.p + b.p) - data.ys[i]!;
        gw = 2 * data.xs[i]! * r;
        gb = 2 * r;
      } else {
        for (const i of batch) {
          const r = (model === 'w' ? data.xs[i]! * w.p : data.xs[i]! * w.p + b.p) - data.ys[i]!;
          gw += 2 * data.xs[i]! * r;
          gb += 2 * r;
        }
        gw /= batch.length;
        gb /= batch.length;
      }
      w.step(gw);
      if (model === 'wb') b.step(gb);
    }
    out.w.push(w.p);
    out.b.push(model === 'wb' ? b.p : setup.init.b);
    out.cost.push(refCost(ref, w.p, b.p));
  }
  return out;
}

const columns = (run: RunState) => ({
  w: Array.from(traceColumn(run.trace, 'w')),
  b: Array.from(traceColumn(run.trace, 'b')),
  cost: Array.from(traceColumn(run.trace, 'cost')),
});

const SPECS: readonly Partial<OptimizerSpec>[] = [
  { kind: 'gd' },
  { kind: 'sgd' },
  { kind: 'sgd', shuffle: true, seed: 3 },
  { kind: 'minibatch', batchSize: 4 },
  { kind: 'minibatch', batchSize: 2, shuffle: true, seed: 9 },
];

describe('each rule is torch.optim’s algorithm, to the last bit', () => {
  for (const name of RULE_NAMES) {
    for (const spec of SPECS) {
      for (const model of ['w', 'wb'] as const) {
        it(`${name}, ${spec.kind}${spec.shuffle ? ' shuffled' : ''}, y = ${model === 'w' ? 'w·x' : 'w·x + b'}`, () => {
          const setup = setupOf(name, spec, { model, init: { w: -1, b: model === 'w' ? 0 : 0.5 } });
          const run = advance(startRun(setup), 60);
          expect(run.status).toBe('running');
          expect(columns(run)).toEqual(referenceRun(setup, 60));
        });
      }
    }
  }

  it('with other hyperparameters, including the ends of their ranges', () => {
    const cases: [RuleName, Record<string, number>][] = [
      ['momentum', { momentum: 0 }],
      ['momentum', { momentum: 0.999 }],
      ['nesterov', { momentum: 0.5 }],
      ['rmsprop', { alpha: 0, eps: 1 }],
      ['rmsprop', { alpha: 0.5, eps: 1e-3 }],
      ['adagrad', { eps: 1 }],
      ['adam', { beta1: 0, beta2: 0, eps: 1e-12 }],
      ['adam', { beta1: 0.5, beta2: 0.9999, eps: 0.1 }],
    ];
    for (const [name, hyper] of cases) {
      const setup = setupOf(name, { hyper });
      expect(columns(advance(startRun(setup), 40)), `${name} ${JSON.stringify(hyper)}`).toEqual(
        referenceRun(setup, 40),
      );
    }
  });

  it('momentum 0 is plain gradient descent; missing hyperparameters take the defaults', () => {
    const plain = advance(startRun({ ...setupOf('momentum'), optimizer: { kind: 'gd' } }), 50);
    const zero = advance(startRun(setupOf('momentum', { hyper: { momentum: 0 } })), 50);
    expect(columns(zero)).toEqual(columns(plain));
    for (const name of RULE_NAMES) {
      const none = advance(startRun(setupOf(name, { hyper: {} })), 30);
      const defaults = advance(startRun(setupOf(name)), 30);
      expect(columns(none), name).toEqual(columns(defaults));
    }
  });
});

describe('the hyperparameters', () => {
  const byKey = (list: readonly HyperParameter[]) => Object.fromEntries(list.map((p) => [p.key, p]));

  it('default to torch’s, but momentum 0.9', () => {
    const defaults = (list: readonly HyperParameter[]) =>
      Object.fromEntries(list.map((p) => [p.key, p.defaultValue]));
    expect(defaults(momentumHyperParameters)).toEqual({ momentum: 0.9 });
    expect(defaults(nesterovHyperParameters)).toEqual({ momentum: 0.9 });
    expect(defaults(rmspropHyperParameters)).toEqual({ alpha: 0.99, eps: 1e-8 });
    expect(defaults(adagradHyperParameters)).toEqual({ eps: 1e-10 });
    expect(defaults(adamHyperParameters)).toEqual({ beta1: 0.9, beta2: 0.999, eps: 1e-8 });
  });

  it('accept 0 ≤ μ, β₁, β₂, α < 1 and 0 < ε ≤ 1', () => {
    const fraction = { min: 0, max: 1, maxExclusive: true };
    const eps = { min: 0, max: 1, minExclusive: true };
    expect(byKey(momentumHyperParameters).momentum).toMatchObject(fraction);
    expect(byKey(nesterovHyperParameters).momentum).toMatchObject(fraction);
    expect(byKey(rmspropHyperParameters).alpha).toMatchObject(fraction);
    expect(byKey(adamHyperParameters).beta1).toMatchObject(fraction);
    expect(byKey(adamHyperParameters).beta2).toMatchObject(fraction);
    for (const list of [rmspropHyperParameters, adagradHyperParameters, adamHyperParameters]) {
      expect(byKey(list).eps).toMatchObject(eps);
    }
  });
});

describe('the state a run carries', () => {
  it('starts as torch’s (zeros; Adam’s running powers at 1) and is named per parameter', () => {
    const adam = startRun(setupOf('adam'));
    expect(Array.from(adam.optimizerState!)).toEqual([0, 0, 1, 1, 0, 0, 1, 1]);
    expect(optimizerStateOf(adam)).toEqual({
      w: { expAvg: 0, expAvgSq: 0, beta1Power: 1, beta2Power: 1 },
      b: { expAvg: 0, expAvgSq: 0, beta1Power: 1, beta2Power: 1 },
    });
    const momentum = startRun(setupOf('momentum', {}, { model: 'w' }));
    expect(optimizerStateOf(momentum)).toEqual({ w: { velocity: 0 }, b: null });
    const plain = startRun({ ...setupOf('momentum'), optimizer: { kind: 'gd' } });
    expect(plain.optimizerState).toBeUndefined();
    expect(optimizerStateOf(plain)).toBeNull();
    expect(stateBeforeEpoch(plain, 0)).toBeNull();
  });

  it('is torch’s state after every epoch: momentum’s velocity, Adam’s moments and βᵗ', () => {
    const run = advance(startRun(setupOf('adam', {}, { model: 'w' })), 25);
    const ref = refParameter('adam', -1, run.setup.lr, {});
    let beta1Power = 1;
    let beta2Power = 1;
    let m = 0;
    let v = 0;
    for (let epoch = 0; epoch < 25; epoch++) {
      let sw = 0;
      for (let i = 0; i < NOISY.xs.length; i++)
        sw += 2 * NOISY.xs[i]! * (NOISY.xs[i]! * ref.p - NOISY.ys[i]!);
      const g = sw / NOISY.xs.length;
      m = m * 0.9 + (1 - 0.9) * g;
      v = v * 0.999 + (1 - 0.999) * g * g;
      beta1Power *= 0.9;
      beta2Power *= 0.999;
      ref.step(g);
      expect(optimizerStateOf(run, epoch + 1)).toEqual({
        w: { expAvg: m, expAvgSq: v, beta1Power, beta2Power },
        b: null,
      });
    }
    expect(optimizerStateOf(run)).toEqual(optimizerStateOf(run, 25));
    expect(optimizerStateOf(run, 99)).toEqual(optimizerStateOf(run, 25));
    const momentum = advance(startRun(setupOf('momentum')), 3);
    // The velocity starts at the first gradient: after one epoch of GD, v = g₁.
    const first = epochUpdates(momentum, 0)[0]!;
    expect(optimizerStateOf(momentum, 1)).toEqual({
      w: { velocity: first.gradient.w },
      b: { velocity: first.gradient.b },
    });
  });

  it('is the same advanced in one go or in pieces, and on branches that share a history', () => {
    for (const name of RULE_NAMES) {
      const setup = setupOf(name, { kind: 'minibatch', batchSize: 4, shuffle: true, seed: 5 });
      const whole = advance(startRun(setup), 90);
      let pieces = startRun(setup);
      for (const count of [1, 2, 7, 30, 50]) pieces = advance(pieces, count);
      expect(columns(pieces), name).toEqual(columns(whole));
      expect(Array.from(pieces.optimizerState!), name).toEqual(Array.from(whole.optimizerState!));
      const trunk = advance(startRun(setup), 40);
      const a = advance(trunk, 50);
      const b = advance(trunk, 10);
      expect(Array.from(trunk.optimizerState!)).toEqual(Array.from(stateAfterEpoch(whole.trace, 39)!));
      expect(Array.from(stateAfterEpoch(b.trace, 49)!)).toEqual(
        Array.from(stateAfterEpoch(whole.trace, 49)!),
      );
      expect(Array.from(stateAfterEpoch(a.trace, 89)!)).toEqual(Array.from(whole.optimizerState!));
      expect(columns(a)).toEqual(columns(whole));
    }
  });

  it('replays any epoch update by update, bit for bit, with the state around each update', () => {
    for (const name of RULE_NAMES) {
      for (const spec of SPECS) {
        const run = advance(startRun(setupOf(name, spec)), 12);
        for (let epoch = 0; epoch <= 12; epoch++) {
          const updates = epochUpdates(run, epoch);
          const start = stateBeforeEpoch(run, epoch)!;
          expect(Array.from(updates[0]!.state!.before)).toEqual(Array.from(start));
          for (let k = 1; k < updates.length; k++) {
            expect(updates[k]!.before).toEqual(updates[k - 1]!.after);
            expect(updates[k]!.state!.before).toEqual(updates[k - 1]!.state!.after);
            expect(updates[k]!.state!.t).toBe(updates[k - 1]!.state!.t + 1);
          }
          expect(updates[0]!.state!.t).toBe(epoch * updates.length + 1);
          expect(namedOptimizerState(RULES[name], 'wb', updates[0]!.state!.before)).toEqual(
            optimizerStateOf(run, epoch),
          );
          if (epoch < 12) {
            const record = epochRecord(run.trace, epoch)!;
            expect(updates.at(-1)!.after).toEqual({ w: record.w, b: record.b });
            expect(Array.from(updates.at(-1)!.state!.after)).toEqual(
              Array.from(stateAfterEpoch(run.trace, epoch)!),
            );
          }
        }
      }
    }
  });

  it('leaves a run without a rule as it was: no state, the lecture’s own loops', () => {
    const gd = advance(startRun({ ...setupOf('adam', {}, { model: 'w' }), optimizer: { kind: 'gd' } }), 20);
    expect('optimizerState' in gd).toBe(false);
    expect('state' in gd.trace.buffers).toBe(false);
    expect(epochUpdates(gd, 3)[0]).not.toHaveProperty('state');
  });
});

describe('divergence', () => {
  it('halts at the first epoch with a value that is not finite, the state before it kept', () => {
    const setup = setupOf('momentum', {}, { data: { xs: [1, 2, 3], ys: [2, 4, 6] }, lr: 100, model: 'w' });
    const run = advance(startRun(setup), 200);
    expect(run.status).toBe('diverged');
    expect(run.divergedAtEpoch).toBe(51);
    expect(run.epoch).toBe(51);
    expect(Array.from(run.optimizerState!)).toEqual(Array.from(stateAfterEpoch(run.trace, 50)!));
    for (const column of ['w', 'cost', 'printedLoss'] as const) {
      expect(traceColumn(run.trace, column).every(Number.isFinite)).toBe(true);
    }
    expect(advance(run, 10)).toBe(run);
    const carried = advance({ ...run, setup: { ...setup, haltOnDivergence: false }, status: 'running' }, 5);
    expect(carried.epoch).toBe(56);
  });

  it('counts a state that stops being finite, though w stays finite', () => {
    const huge = { xs: [1e100, -2e100], ys: [3e100, 1e100] };
    for (const name of ['rmsprop', 'adagrad', 'adam'] as const) {
      const setup = setupOf(name, {}, { data: huge, lr: 0.01 });
      const run = advance(startRun(setup), 5);
      expect(run.divergedAtEpoch, name).toBe(0);
      expect(run.params).toEqual(setup.init);
      expect(Array.from(run.optimizerState!)).toEqual(Array.from(stateBeforeEpoch(run, 0)!));
      const carried = advance({ ...run, setup: { ...setup, haltOnDivergence: false } }, 3);
      expect(Number.isFinite(carried.params.w), name).toBe(true);
      expect(
        carried.optimizerState!.some((v) => v === Infinity),
        name,
      ).toBe(true);
    }
  });

  it('scriptSetup maps a config onto the app’s setup', () => {
    const config: ScriptConfig = {
      optimizer: 'adam',
      model: 'w',
      xs: [1],
      ys: [2],
      w0: 3,
      b0: 4,
      lr: 0.1,
      epochs: 5,
      predictX: 4,
      batching: 'batch',
      batchSize: 2,
      shuffle: true,
      seed: 8,
      hyper: { beta1: 0.5 },
    };
    expect(scriptSetup(config)).toEqual({
      data: { xs: [1], ys: [2] },
      model: 'w',
      init: { w: 3, b: 0 },
      lr: 0.1,
      optimizer: {
        kind: 'minibatch',
        batchSize: 2,
        shuffle: true,
        seed: 8,
        rule: adamRule,
        hyper: { beta1: 0.5 },
      },
    });
    expect(scriptSetup({ ...config, optimizer: 'gd', batching: 'full' }).optimizer).toEqual({ kind: 'gd' });
    expect(() => scriptSetup({ ...config, optimizer: 'lion' })).toThrow(/lion/);
    const lion = { rule: momentumRule, python: momentumPython };
    expect(scriptSetup({ ...config, optimizer: 'lion', rule: lion }).optimizer.rule).toBe(momentumRule);
  });
});
