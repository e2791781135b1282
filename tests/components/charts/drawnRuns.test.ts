import { describe, expect, it, vi } from 'vitest';
import { DrawnRuns } from '../../../src/components/charts/drawnRuns';
import { selectIsLineFrame } from '../../../src/store/selectors';
import { fresh } from '../../store/helpers';

/** A 400 px wide plot of 100,000 epochs (half a pixel: 125 epochs), costs 50 px a unit. */
const scales = { x: (epoch: number) => 40 + epoch * 0.004, y: (value: number) => 300 - value * 50 };
const drawnWith = { scales, toAxis: (cost: number) => cost };

/** A store whose runs have settled (3,000 epochs at the lecture's rate), playing at 1,000 epochs/s. */
function settled() {
  const store = fresh({ epochs: 100_000, speed: 1000 });
  store.getState().actions.play();
  for (let k = 0; k < 30; k++) store.getState().actions.tick(100);
  expect(store.getState().epoch).toBe(3000);
  return store;
}

describe('DrawnRuns', () => {
  it('keeps the runs it gave while no line end moves half a pixel, then gives the store’s', () => {
    const store = settled();
    const drawn = new DrawnRuns();
    drawn.report(drawnWith);
    const first = store.getState().runs;
    expect(drawn.select(store.getState())).toBe(first);
    // 16 epochs a frame: 0.064 px.
    for (let k = 0; k < 7; k++) {
      store.getState().actions.tick(16);
      expect(store.getState().runs).not.toBe(first);
      expect(drawn.select(store.getState())).toBe(first);
    }
    // 3,125 epochs: the ends have crossed into the next half pixel.
    store.getState().actions.tick(100);
    store.getState().actions.tick(100);
    expect(drawn.select(store.getState())).toBe(store.getState().runs);
  });

  it('moves a line’s end on the frames that move lines: one in two while fast frames move the clock', () => {
    const store = settled();
    const drawn = new DrawnRuns();
    // Ten times the pixels an epoch: 16 epochs a frame move a line's end 0.64 px.
    drawn.report({ ...drawnWith, scales: { ...scales, x: (epoch: number) => 40 + epoch * 0.04 } });
    drawn.select(store.getState());
    const moved: boolean[] = [];
    for (let k = 0; k < 8; k++) {
      const before = drawn.select(store.getState());
      store.getState().actions.tick(16);
      const now = drawn.select(store.getState());
      moved.push(now !== before);
      expect(now === store.getState().runs || now === before).toBe(true);
      expect(now !== before).toBe(selectIsLineFrame(store.getState()));
    }
    // After the slow frames that settled the runs, the next fast one moves lines, then every other one.
    expect(moved).toEqual([true, false, true, false, true, false, true, false]);
    // Paused, the chart catches up at once.
    store.getState().actions.tick(16);
    store.getState().actions.pause();
    expect(drawn.select(store.getState())).toBe(store.getState().runs);
  });

  it('gives the store’s runs at once when the lines have not drawn yet, or a run changed', () => {
    const store = settled();
    const drawn = new DrawnRuns();
    drawn.select(store.getState());
    store.getState().actions.tick(16);
    // Not drawn yet: every new epoch is new runs.
    expect(drawn.select(store.getState())).toBe(store.getState().runs);
    drawn.report(drawnWith);
    const kept = drawn.select(store.getState());
    store.getState().actions.updateSettings({ lr: 0.02 });
    expect(drawn.select(store.getState())).not.toBe(kept);
    expect(drawn.select(store.getState())).toBe(store.getState().runs);
  });

  it('renders again with the store’s runs when the scales change under runs it kept', () => {
    const store = settled();
    const drawn = new DrawnRuns();
    const refresh = vi.fn();
    drawn.onStale(refresh);
    drawn.report(drawnWith);
    const kept = drawn.select(store.getState());
    store.getState().actions.tick(16);
    expect(drawn.select(store.getState())).toBe(kept);
    // The same scales again: nothing to do.
    drawn.report(drawnWith);
    expect(refresh).not.toHaveBeenCalled();
    // New scales (ten times the pixels an epoch): the kept runs may be behind by more than half a pixel.
    drawn.report({ ...drawnWith, scales: { ...scales, x: (epoch: number) => epoch * 0.04 } });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(drawn.select(store.getState())).toBe(store.getState().runs);
  });
});
