import { describe, expect, it } from 'vitest';
import { advance, OPTIMIZER_IDS, presetData, stabilityLimit, startRun, traceColumn } from '../../src/core';
import { MAX_PINS, shownRunIds } from '../../src/store/playground';
import { runReadout } from '../../src/store/selectors';
import { fresh } from './helpers';

describe('the mini-batch run', () => {
  it('runs on the same clock as GD and SGD, with ⌈n/B⌉ updates per epoch', () => {
    const store = fresh({ ...presetData('noisy', 3), batchSize: 4, third: 'minibatch' });
    for (let i = 0; i < 5; i++) store.getState().actions.step();
    const s = store.getState();
    expect([s.runs.gd.epoch, s.runs.sgd.epoch, s.runs.minibatch?.epoch]).toEqual([5, 5, 5]);
    expect(runReadout(s, 'minibatch').updates).toBe(10);
    expect(runReadout(s, 'sgd').updates).toBe(30);
  });

  it('with B = n is GD and with B = 1 is SGD, to the last bit', () => {
    const data = presetData('noisy', 5);
    const asGd = fresh({ ...data, batchSize: data.xs.length, third: 'minibatch' });
    asGd.getState().actions.runToEnd();
    expect(traceColumn(asGd.getState().runs.minibatch!.trace, 'w')).toEqual(
      traceColumn(asGd.getState().runs.gd.trace, 'w'),
    );
    const asSgd = fresh({ ...data, batchSize: 1, third: 'minibatch' });
    asSgd.getState().actions.runToEnd();
    expect(traceColumn(asSgd.getState().runs.minibatch!.trace, 'w')).toEqual(
      traceColumn(asSgd.getState().runs.sgd.trace, 'w'),
    );
  });

  it('shrinks the batch with the data so B never exceeds n', () => {
    const store = fresh({ ...presetData('noisy50', 1), batchSize: 20 });
    expect(store.getState().actions.updateSettings(presetData('lecture'))).toBe(true);
    expect(store.getState().settings.batchSize).toBe(3);
  });

  it('refuses a batch size past n with a field error, keeping the last valid one', () => {
    const store = fresh();
    expect(store.getState().actions.updateSettings({ batchSize: 4 })).toBe(false);
    expect(store.getState().settings.batchSize).toBe(2);
    expect(store.getState().fieldErrors.batchSize?.[0]?.code).toBe('out-of-range');
  });

  it('is shown only when asked, and the clock then waits for it too', () => {
    expect(shownRunIds(null)).toEqual(['gd', 'sgd']);
    expect(shownRunIds('minibatch')).toEqual(['gd', 'sgd', 'minibatch']);
    // lr 0.25: GD and SGD (limits ≈ 0.214, 0.204) overflow; B = 2 mini-batch (limit ≈ 0.256) converges.
    const hidden = fresh({ lr: 0.25, epochs: 5000 });
    hidden.getState().actions.runToEnd();
    expect(hidden.getState().epoch).toBeLessThan(5000);
    // A hidden run is not computed at all.
    expect(hidden.getState().runs.minibatch).toBeUndefined();
    const shown = fresh({ lr: 0.25, epochs: 5000, third: 'minibatch' });
    shown.getState().actions.runToEnd();
    expect(shown.getState().epoch).toBe(5000);
    expect(shown.getState().runs.minibatch?.status).toBe('running');
  });
});

describe('the third run', () => {
  it('is computed from θ₀ to the clock when chosen, and dropped when set back to none', () => {
    const store = fresh({ ...presetData('noisy', 3), batchSize: 4 });
    for (let i = 0; i < 7; i++) store.getState().actions.step();
    expect(Object.keys(store.getState().runs)).toEqual(['gd', 'sgd']);
    expect(store.getState().actions.updateSettings({ third: 'minibatch' })).toBe(true);
    const s = store.getState();
    expect(s.epoch).toBe(7);
    expect(Object.keys(s.runs)).toEqual(['gd', 'sgd', 'minibatch']);
    const reference = fresh({ ...presetData('noisy', 3), batchSize: 4, third: 'minibatch' });
    for (let i = 0; i < 7; i++) reference.getState().actions.step();
    expect(s.runs.minibatch?.params).toEqual(reference.getState().runs.minibatch?.params);
    expect(s.runs.gd.params).toEqual(reference.getState().runs.gd.params);
    expect(store.getState().actions.updateSettings({ third: null })).toBe(true);
    expect(Object.keys(store.getState().runs)).toEqual(['gd', 'sgd']);
    expect(store.getState().epoch).toBe(7);
  });

  it('has a stability limit for every optimizer, shown or not', () => {
    const { limits } = fresh().getState();
    expect(Object.keys(limits)).toEqual([...OPTIMIZER_IDS]);
    expect(OPTIMIZER_IDS).toEqual(expect.arrayContaining(['gd', 'sgd', 'minibatch']));
    expect(limits.minibatch).toBe(
      stabilityLimit('w', { xs: [1, 2, 3], ys: [2, 4, 6] }, { kind: 'minibatch', batchSize: 2 }),
    );
  });
});

describe('shuffling', () => {
  it('is off by default: SGD keeps the lecture order and its numbers', () => {
    const store = fresh();
    store.getState().actions.runToEnd();
    expect(store.getState().runs.sgd.params.w).toBe(1.9999999999999236);
  });

  it('changes SGD and mini-batch but never GD, reproducibly for a seed', () => {
    const data = presetData('noisy', 2);
    const run = (seed: number) => {
      const store = fresh({ ...data, shuffle: true, seed, epochs: 20, third: 'minibatch' });
      store.getState().actions.runToEnd();
      return store.getState().runs;
    };
    const plain = fresh({ ...data, epochs: 20 });
    plain.getState().actions.runToEnd();
    const a = run(7);
    const b = run(7);
    const c = run(8);
    expect(a.gd.params).toEqual(plain.getState().runs.gd.params);
    expect(a.sgd.params).toEqual(b.sgd.params);
    expect(a.sgd.params).not.toEqual(plain.getState().runs.sgd.params);
    expect(a.sgd.params).not.toEqual(c.sgd.params);
    expect(a.minibatch!.params).not.toEqual(c.minibatch!.params);
  });
});

describe('limits', () => {
  it('follow the model, the data and the batch size', () => {
    const store = fresh();
    const { limits } = store.getState();
    expect(limits.gd).toBe(3 / 14);
    store.getState().actions.updateSettings({ model: 'wb' });
    const data = { xs: [1, 2, 3], ys: [2, 4, 6] };
    expect(store.getState().limits.gd).toBe(stabilityLimit('wb', data, { kind: 'gd' }));
    expect(store.getState().limits.minibatch).toBe(
      stabilityLimit('wb', data, { kind: 'minibatch', batchSize: 2 }),
    );
  });
});

describe('the bias model', () => {
  it('trains b from b0 and reaches the least-squares line on data far from the origin', () => {
    const data = presetData('offset', 1);
    const store = fresh({ ...data, model: 'wb', b0: 0, w0: 0, lr: 0.003, epochs: 10_000 });
    store.getState().actions.runToEnd();
    const reference = advance(
      startRun({ data, model: 'wb', init: { w: 0, b: 0 }, lr: 0.003, optimizer: { kind: 'gd' } }),
      10_000,
    );
    expect(store.getState().runs.gd.params).toEqual(reference.params);
    expect(store.getState().runs.gd.params.b).toBeGreaterThan(1);
  });
});

describe('pins', () => {
  it('freeze a run’s loss curve with its learning rate, and survive a new learning rate', () => {
    const store = fresh();
    for (let i = 0; i < 10; i++) store.getState().actions.step();
    store.getState().actions.pinRun('gd');
    const pin = store.getState().pins[0]!;
    expect(pin.run).toBe('gd');
    expect(pin.lr).toBe(0.01);
    expect(pin.costs).toHaveLength(11);
    expect(pin.costs[0]).toBe(14 / 3);
    expect(pin.costs[10]).toBe(traceColumn(store.getState().runs.gd.trace, 'cost')[9]);
    store.getState().actions.updateSettings({ lr: 0.05 });
    expect(store.getState().pins).toEqual([pin]);
  });

  it('keep at most MAX_PINS, dropping the oldest, and clear', () => {
    const store = fresh();
    for (let i = 0; i < MAX_PINS + 2; i++) store.getState().actions.pinRun('sgd');
    const ids = store.getState().pins.map((pin) => pin.id);
    expect(ids).toHaveLength(MAX_PINS);
    expect(new Set(ids).size).toBe(MAX_PINS);
    store.getState().actions.clearPins();
    expect(store.getState().pins).toEqual([]);
  });
});
