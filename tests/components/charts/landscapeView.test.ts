import { describe, expect, it } from 'vitest';
import { heldLandscapeView, landscapeView } from '../../../src/components/charts/landscapeView';
import { fresh, NOISY_SCENE } from '../../store/helpers';

describe('landscapeView', () => {
  it('is the same object while nothing the landscape shows changes, and a new one when it does', () => {
    const store = fresh({ epochs: 100_000, speed: 1000 });
    const { actions } = store.getState();
    const start = landscapeView(store.getState(), 'gd');
    expect(landscapeView(store.getState(), 'gd')).toBe(start);
    actions.step();
    // w moved: a new view, its ball where the run stands.
    const moved = landscapeView(store.getState(), 'gd');
    expect(moved).not.toBe(start);
    expect(moved.params.w).toBe(store.getState().runs.gd!.params.w);
    actions.play();
    for (let k = 0; k < 30; k++) actions.tick(100);
    const settled = landscapeView(store.getState(), 'gd');
    expect(settled.params.w).toBeCloseTo(2, 14);
    // The epoch counts on, the picture stands still: the view is the one already drawn.
    for (let k = 0; k < 10; k++) {
      actions.tick(16);
      expect(landscapeView(store.getState(), 'gd')).toBe(settled);
    }
    expect(settled.run.epoch).toBeLessThan(store.getState().epoch);
    // A new learning rate: a new run, a new view.
    actions.updateSettings({ lr: 0.02 });
    expect(landscapeView(store.getState(), 'gd')).not.toBe(settled);
  });
});

describe('heldLandscapeView', () => {
  it('while the runs play fast, keeps the view rendered until what React draws of it changes', () => {
    const store = fresh(NOISY_SCENE);
    const { actions } = store.getState();
    actions.restoreClock(20_000, 0);
    // At rest: every new view (here, after one step) is rendered.
    const atRest = heldLandscapeView(store.getState(), 'sgd').view;
    actions.step();
    const stepped = heldLandscapeView(store.getState(), 'sgd').view;
    expect(stepped).not.toBe(atRest);
    expect(stepped).toBe(landscapeView(store.getState(), 'sgd'));
    actions.play();
    for (let k = 0; k < 3; k++) actions.tick(16);
    const held = heldLandscapeView(store.getState(), 'sgd').view;
    let kept = 0;
    for (let k = 0; k < 30; k++) {
      actions.tick(16);
      const view = landscapeView(store.getState(), 'sgd');
      // SGD on noisy data moves on every frame: a new view each time …
      expect(view.params.w).not.toBe(held.params.w);
      // … while the one rendered stays (its range, samples and numbered dots are the same).
      if (heldLandscapeView(store.getState(), 'sgd').view === held) kept += 1;
    }
    expect(kept).toBeGreaterThanOrEqual(27);
    // Paused: the view of now.
    actions.pause();
    expect(heldLandscapeView(store.getState(), 'sgd').view).toBe(landscapeView(store.getState(), 'sgd'));
  });
});
