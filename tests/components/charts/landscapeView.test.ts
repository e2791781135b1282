import { describe, expect, it } from 'vitest';
import { landscapeView } from '../../../src/components/charts/landscapeView';
import { fresh } from '../../store/helpers';

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
