import { describe, expect, it } from 'vitest';
import { advance, cost, startRun, type RunState, type TrainingSetup } from '../../src/core';
import { createPlaygroundStore, displayedParams } from '../../src/store/playground';
import {
  latestSample,
  runHealth,
  runOf,
  runReadout,
  selectCursorOf,
  selectPendingOf,
  selectRegime,
  selectRun,
  selectSgdCanStepSample,
  selectShownParams,
  selectShownRunIds,
  selectThird,
} from '../../src/store/selectors';
import { fresh } from './helpers';

const LECTURE_SETUP: TrainingSetup = {
  data: { xs: [1, 2, 3], ys: [2, 4, 6] },
  model: 'w',
  init: { w: 1, b: 0 },
  lr: 0.01,
  optimizer: { kind: 'gd' },
};

/** cost at w = 1 on the lecture data: (1 + 4 + 9)/3 = 14/3. */
const INITIAL_COST = 4.666666666666667;

/** A run whose recorded per-epoch costs are exactly `costs` (w, b and the printed loss are filler). */
function runWithCosts(
  costs: readonly number[],
  lr: number,
  status: RunState['status'] = 'running',
): RunState {
  const column = () => Float64Array.from(costs);
  return {
    setup: { ...LECTURE_SETUP, lr },
    epoch: costs.length,
    params: { w: 1, b: 0 },
    status,
    divergedAtEpoch: status === 'diverged' ? costs.length : null,
    trace: {
      length: costs.length,
      buffers: {
        w: column(),
        b: column(),
        printedLoss: column(),
        cost: column(),
        firstPrintedLoss: NaN,
        printedLossOf: null,
        fixedB: 0,
        used: costs.length,
      },
    },
  };
}

describe('runHealth', () => {
  it('the initial cost the first epoch is compared with is 14/3', () => {
    expect(cost('w', { w: 1, b: 0 }, LECTURE_SETUP.data)).toBe(INITIAL_COST);
  });

  it('is converging before the first epoch, however large the learning rate', () => {
    expect(runHealth(startRun({ ...LECTURE_SETUP, lr: 0.9 }), 0.2)).toBe('converging');
  });

  it('compares the first epoch’s cost with the initial cost', () => {
    expect(runHealth(runWithCosts([INITIAL_COST + 1e-9], 0.3), 0.2)).toBe('diverging');
    expect(runHealth(runWithCosts([INITIAL_COST - 1e-9], 0.3), 0.2)).toBe('converging');
    // Equal is not growth.
    expect(runHealth(runWithCosts([INITIAL_COST], 0.3), 0.2)).toBe('converging');
  });

  it('from the second epoch on compares the last two epochs, not the start', () => {
    // Above the start but falling: converging.
    expect(runHealth(runWithCosts([50, 10], 0.3), 0.2)).toBe('converging');
    // Below the start but rising: diverging.
    expect(runHealth(runWithCosts([1, 2], 0.3), 0.2)).toBe('diverging');
    expect(runHealth(runWithCosts([1, 2, 2], 0.3), 0.2)).toBe('converging');
  });

  it('never says diverging at or below the limit, even with a growing cost', () => {
    const growing = runWithCosts([1, 2, 4], 0.3);
    expect(runHealth(growing, 0.3)).toBe('converging');
    expect(runHealth(growing, 0.31)).toBe('converging');
    expect(runHealth(growing, Infinity)).toBe('converging');
    // Within rounding of the limit counts as at it (GD there oscillates, neither grows nor shrinks).
    expect(runHealth(growing, 0.29999999999999993)).toBe('converging');
    expect(runHealth(growing, 0.3 / (1 + 1e-6))).toBe('diverging');
  });

  it('a real run just past GD’s limit 3/14 grows and is diverging', () => {
    const run = advance(startRun({ ...LECTURE_SETUP, lr: 0.22 }), 5);
    expect(runHealth(run, 3 / 14)).toBe('diverging');
    // The same run judged against a limit it is under.
    expect(runHealth(run, 0.22)).toBe('converging');
  });

  it('past the limit but sitting on the optimum is converging (the cost stays 0)', () => {
    const run = advance(startRun({ ...LECTURE_SETUP, init: { w: 2, b: 0 }, lr: 0.5 }), 10);
    expect(run.params.w).toBe(2);
    expect(runHealth(run, 3 / 14)).toBe('converging');
  });

  it('diverged wins over everything', () => {
    expect(runHealth(runWithCosts([1, 0.5], 0.01, 'diverged'), Infinity)).toBe('diverged');
    expect(runHealth(runWithCosts([], 0.01, 'diverged'), 1)).toBe('diverged');
  });

  it('an SGD run is judged by its own recorded cost', () => {
    const sgd = { ...LECTURE_SETUP, optimizer: { kind: 'sgd' as const } };
    // lr 0.21: under GD's limit 3/14 but past SGD's ≈ 0.204.
    const run = advance(startRun({ ...sgd, lr: 0.21 }), 3);
    expect(runHealth(run, 0.20401793840035704)).toBe('diverging');
    expect(runHealth(run, 3 / 14)).toBe('converging');
  });
});

describe('runReadout', () => {
  it('before the first epoch: no printed loss, the initial cost and prediction', () => {
    const s = fresh().getState();
    for (const id of ['gd', 'sgd'] as const) {
      expect(runReadout(s, id)).toEqual({
        epoch: 0,
        updates: 0,
        params: { w: 1, b: 0 },
        printedLoss: null,
        cost: INITIAL_COST,
        predictBefore: 4,
        predictNow: 4,
        health: 'converging',
        divergedAtEpoch: null,
        divergedInEpoch: null,
        limit: s.limits[id],
      });
    }
  });

  it('after one epoch: each run’s lecture loss, and the cost at the new w', () => {
    const store = fresh();
    store.getState().actions.step();
    const s = store.getState();
    const gd = runReadout(s, 'gd');
    const sgd = runReadout(s, 'sgd');
    // GD prints the cost before its update; SGD the last sample's loss after it.
    expect(gd.printedLoss).toBe(4.666666666666667);
    expect(sgd.printedLoss).toBe(4.919240100095999);
    expect(gd.params.w).toBe(1.0933333333333333);
    expect(sgd.params.w).toBe(1.260688);
    expect(gd.cost).toBe(cost('w', { w: 1.0933333333333333, b: 0 }, LECTURE_SETUP.data));
    expect(gd.cost).toBeCloseTo(((2 - 1.0933333333333333) ** 2 * 14) / 3, 14);
    expect(gd.predictNow).toBe(4 * 1.0933333333333333);
    expect(sgd.predictNow).toBe(4 * 1.260688);
    expect(gd.updates).toBe(1);
    expect(sgd.updates).toBe(3);
    expect(gd.predictBefore).toBe(4);
  });

  it('mid-epoch: SGD shows the sample step, its updates count it, GD is unaffected', () => {
    const store = fresh();
    store.getState().actions.step();
    store.getState().actions.stepSample();
    store.getState().actions.stepSample();
    const s = store.getState();
    const sgd = runReadout(s, 'sgd');
    const gd = runReadout(s, 'gd');
    const shown = s.pendingUpdates[1]!.after;
    expect(sgd.epoch).toBe(1);
    expect(sgd.updates).toBe(5);
    expect(sgd.params).toEqual(shown);
    expect(sgd.params).toEqual(displayedParams(s, 'sgd'));
    expect(sgd.params.w).not.toBe(s.runs.sgd.params.w);
    expect(sgd.cost).toBe(cost('w', shown, LECTURE_SETUP.data));
    expect(sgd.predictNow).toBe(4 * shown.w);
    // The printed loss is still that of the last completed epoch.
    expect(sgd.printedLoss).toBe(4.919240100095999);
    expect(gd.updates).toBe(1);
    expect(gd.params.w).toBe(1.0933333333333333);
  });

  it('uses the predictX setting, and b under the w·x + b model', () => {
    const store = fresh({ model: 'wb', w0: 0.5, b0: 3, predictX: 10 });
    const s = store.getState();
    const gd = runReadout(s, 'gd');
    expect(gd.predictBefore).toBe(8);
    expect(gd.predictNow).toBe(8);
    expect(gd.params).toEqual({ w: 0.5, b: 3 });
    // (0.5 + 3 − 2)² + (1 + 3 − 4)² + (1.5 + 3 − 6)² = 2.25 + 0 + 2.25, over 3.
    expect(gd.cost).toBe(1.5);

    s.actions.updateSettings({ predictX: -2 });
    expect(runReadout(store.getState(), 'sgd').predictBefore).toBe(2);
  });

  it('the model w·x ignores b0 in every prediction', () => {
    const s = fresh({ b0: 7 }).getState();
    expect(runReadout(s, 'gd').params).toEqual({ w: 1, b: 0 });
    expect(runReadout(s, 'gd').predictBefore).toBe(4);
  });

  it('counts SGD updates per data point on larger data', () => {
    const store = fresh({ xs: [1, 2, 3, 4, 5], ys: [2, 4, 6, 8, 10] });
    store.getState().actions.step();
    store.getState().actions.step();
    store.getState().actions.stepSample();
    const s = store.getState();
    expect(runReadout(s, 'gd').updates).toBe(2);
    expect(runReadout(s, 'sgd').updates).toBe(11);
  });

  it('a diverged run: its own epoch, divergedAtEpoch (0-based) and divergedInEpoch (1-based), finite numbers', () => {
    const store = fresh({ lr: 1 });
    store.getState().actions.runToEnd();
    const s = store.getState();
    const sgd = runReadout(s, 'sgd');
    expect(sgd.health).toBe('diverged');
    // 73 epochs done, the 74th overflowed: the lecture would print it as `progress: 73`.
    expect(sgd.divergedAtEpoch).toBe(73);
    expect(sgd.divergedInEpoch).toBe(74);
    expect(sgd.epoch).toBe(73);
    expect(sgd.updates).toBe(219);
    expect(Number.isFinite(sgd.cost)).toBe(true);
    expect(Number.isFinite(sgd.printedLoss!)).toBe(true);
    expect(Number.isFinite(sgd.predictNow)).toBe(true);
    expect(sgd.predictNow).toBe(4 * s.runs.sgd.params.w);
    // GD has not overflowed within 100 epochs at lr 1, but grows: diverging.
    const gd = runReadout(s, 'gd');
    expect(gd.health).toBe('diverging');
    expect(gd.epoch).toBe(100);
    expect(gd.divergedAtEpoch).toBeNull();
    expect(gd.divergedInEpoch).toBeNull();
  });

  it('reports each run’s own stability limit', () => {
    const s = fresh().getState();
    expect(runReadout(s, 'gd').limit).toBeCloseTo(3 / 14, 15);
    expect(runReadout(s, 'sgd').limit).toBeCloseTo(0.20401793840035704, 12);
  });
});

describe('selectSgdCanStepSample', () => {
  it('is false once finished or once SGD diverged', () => {
    const store = fresh({ lr: 1, epochs: 200 });
    expect(selectSgdCanStepSample(store.getState())).toBe(true);
    for (let i = 0; i < 74; i++) store.getState().actions.step();
    expect(store.getState().runs.sgd.status).toBe('diverged');
    expect(store.getState().playback).toBe('paused');
    expect(selectSgdCanStepSample(store.getState())).toBe(false);

    const lecture = fresh();
    lecture.getState().actions.runToEnd();
    expect(selectSgdCanStepSample(lecture.getState())).toBe(false);
  });
});

describe('runHealth at the stability limit itself', () => {
  it('calls GD at exactly α = 2/λ converging: it oscillates forever, and rounding must not read as growth', () => {
    const store = createPlaygroundStore();
    const limit = store.getState().limits.gd!;
    expect(limit).toBe(3 / 14);
    store.getState().actions.updateSettings({ lr: limit });
    for (let i = 0; i < 20; i++) store.getState().actions.step();
    expect(runHealth(store.getState().runs.gd, limit)).toBe('converging');
    store.getState().actions.updateSettings({ lr: limit * 1.01 });
    expect(runHealth(store.getState().runs.gd, limit)).toBe('diverging');
  });
});

describe('selectRegime', () => {
  it('says what the lecture’s α = 0.01 does: GD ×(1 − 0.01·28/3), SGD ×0.98·0.92·0.82, both smooth', () => {
    const s = fresh().getState();
    expect(selectRegime('gd')(s)).toEqual({ kind: 'smooth', factor: 0.9066666666666667 });
    expect(selectRegime('sgd')(s)).toEqual({ kind: 'smooth', factor: 0.7393120000000001 });
    // Mini-batch, B = 2: batches [x₁, x₂], [x₃] → (1 − 5α)(1 − 18α).
    expect(selectRegime('minibatch')(s).factor).toBeCloseTo(0.95 * 0.82, 15);
  });

  it('follows the learning rate: at α = 0.5 GD diverges while SGD lands on w* in one epoch', () => {
    const store = fresh();
    store.getState().actions.updateSettings({ lr: 0.5 });
    const s = store.getState();
    expect(selectRegime('gd')(s)).toEqual({ kind: 'diverges', factor: -3.666666666666666 });
    expect(selectRegime('sgd')(s)).toEqual({ kind: 'one-step', factor: 0 });
    store.getState().actions.updateSettings({ lr: 0.2 });
    expect(selectRegime('gd')(store.getState())).toEqual({
      kind: 'oscillating',
      factor: -0.8666666666666665,
    });
  });

  it('is one selector per run, returning the same object while playing, stepping and changing the speed', () => {
    const store = fresh();
    expect(selectRegime('gd')).toBe(selectRegime('gd'));
    const before = { gd: selectRegime('gd')(store.getState()), sgd: selectRegime('sgd')(store.getState()) };
    const { actions } = store.getState();
    actions.play();
    actions.tick(100);
    actions.tick(100);
    actions.step();
    actions.stepSample();
    actions.updateSettings({ speed: 100, epochs: 300 });
    expect(store.getState().epoch).toBeGreaterThan(0);
    expect(selectRegime('gd')(store.getState())).toBe(before.gd);
    expect(selectRegime('sgd')(store.getState())).toBe(before.sgd);
  });

  it('GD ignores the order settings; SGD ignores the seed while unshuffled', () => {
    const store = fresh();
    const gd = selectRegime('gd')(store.getState());
    const sgd = selectRegime('sgd')(store.getState());
    store.getState().actions.updateSettings({ seed: 7 });
    expect(selectRegime('sgd')(store.getState())).toBe(sgd);
    store.getState().actions.updateSettings({ shuffle: true, batchSize: 1 });
    expect(selectRegime('gd')(store.getState())).toBe(gd);
  });

  it('mini-batch follows the batch size and the shuffled order of epoch 0', () => {
    const store = fresh({ lr: 0.05 });
    const inOrder = selectRegime('minibatch')(store.getState());
    expect(inOrder.factor).toBeCloseTo((1 - 5 * 0.05) * (1 - 18 * 0.05), 15);
    // Seed 5 visits x₃, x₁, x₂: batches [x₃, x₁], [x₂] → (1 − 10α)(1 − 8α).
    store.getState().actions.updateSettings({ shuffle: true, seed: 5 });
    expect(selectRegime('minibatch')(store.getState()).factor).toBeCloseTo(
      (1 - 10 * 0.05) * (1 - 8 * 0.05),
      15,
    );
    // B = 3 is GD: one factor 1 − α·28/3.
    store.getState().actions.updateSettings({ batchSize: 3 });
    expect(selectRegime('minibatch')(store.getState()).factor).toBeCloseTo(1 - (0.05 * 28) / 3, 15);
  });

  it('follows the model and the data’s x values', () => {
    const store = fresh({ lr: 0.1 });
    store.getState().actions.updateSettings({ xs: [1, 2, 4], ys: [2, 4, 8] });
    // 1 − 0.1·2·(1 + 4 + 16)/3 = −0.4.
    expect(selectRegime('gd')(store.getState()).factor).toBeCloseTo(-0.4, 14);
    store.getState().actions.updateSettings({ xs: [2], ys: [3], model: 'wb' });
    // One point under y = w·x + b: the flat direction is left out, 1 − 0.1·2·(4 + 1) = 0.
    expect(selectRegime('gd')(store.getState()).kind).toBe('one-step');
  });
});

describe('the shown runs and the third run', () => {
  it('selectThird and selectShownRunIds follow the third run: none by default, then mini-batch', () => {
    const store = fresh();
    expect(selectThird(store.getState())).toBeNull();
    expect(selectShownRunIds(store.getState())).toEqual(['gd', 'sgd']);
    store.getState().actions.updateSettings({ third: 'minibatch' });
    expect(selectThird(store.getState())).toBe('minibatch');
    expect(selectShownRunIds(store.getState())).toEqual(['gd', 'sgd', 'minibatch']);
  });

  // React's useSyncExternalStore re-renders forever on a selector that returns a new array each call.
  it('selectShownRunIds returns the same array while the third run stays', () => {
    const store = fresh();
    expect(selectShownRunIds(store.getState())).toBe(selectShownRunIds(store.getState()));
    store.getState().actions.updateSettings({ third: 'minibatch' });
    const shown = selectShownRunIds(store.getState());
    expect(selectShownRunIds(store.getState())).toBe(shown);
    store.getState().actions.step();
    store.getState().actions.updateSettings({ lr: 0.02 });
    expect(selectShownRunIds(store.getState())).toBe(shown);
  });

  it('selectRun is one selector per run, giving the store’s run', () => {
    const store = fresh({ third: 'minibatch' });
    expect(selectRun('sgd')).toBe(selectRun('sgd'));
    const s = store.getState();
    expect(selectRun('gd')(s)).toBe(s.runs.gd);
    expect(selectRun('sgd')(s)).toBe(s.runs.sgd);
    expect(selectRun('minibatch')(s)).toBe(s.runs.minibatch);
    expect(runOf(s, 'minibatch')).toBe(s.runs.minibatch);
  });

  it('the sample cursor and the replayed updates are SGD’s alone', () => {
    const store = fresh({ third: 'minibatch' });
    store.getState().actions.step();
    store.getState().actions.stepSample();
    const s = store.getState();
    expect(selectCursorOf('sgd')(s)).toBe(1);
    expect(selectCursorOf('gd')(s)).toBe(0);
    expect(selectCursorOf('minibatch')(s)).toBe(0);
    expect(selectPendingOf('sgd')(s)).toBe(s.pendingUpdates);
    expect(selectPendingOf('gd')(s)).toEqual([]);
    expect(selectPendingOf('minibatch')(s)).toEqual([]);
    expect(selectShownParams('sgd')(s)).toEqual(s.pendingUpdates[0]!.after);
    expect(selectShownParams('minibatch')(s)).toEqual(s.runs.minibatch!.params);
    // SGD's first update of epoch 2 used sample 0 (data-set order); the other runs have none.
    expect(latestSample(s, 'sgd')).toBe(0);
    expect(latestSample(s, 'minibatch')).toBeNull();
  });
});
