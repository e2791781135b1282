import { describe, expect, it } from 'vitest';
import {
  createPlaygroundStore,
  DEFAULT_SETTINGS,
  displayedParams,
  type PlaygroundSettings,
  type PlaygroundState,
} from '../../src/store/playground';

const SETTINGS: PlaygroundSettings = {
  ...DEFAULT_SETTINGS,
  epochs: 1000,
  shuffle: true,
  seed: 7,
  third: 'minibatch',
};

/** What a person sees of the clock and the runs (the mini-batch run only while it is shown). */
const view = (state: PlaygroundState) => ({
  epoch: state.epoch,
  sampleCursor: state.sampleCursor,
  playback: state.playback,
  gd: state.runs.gd.params,
  sgd: displayedParams(state, 'sgd'),
  minibatch: state.runs.minibatch?.params,
  status: [state.runs.gd.status, state.runs.sgd.status, state.runs.minibatch?.status],
});

/** A store that played to `epoch`, then stepped `samples` SGD samples into the next one. */
function played(settings: PlaygroundSettings, epoch: number, samples = 0) {
  const store = createPlaygroundStore(settings);
  const { actions } = store.getState();
  actions.play();
  while (store.getState().epoch < epoch && store.getState().playback === 'playing') actions.tick(100);
  actions.pause();
  for (let i = 0; i < samples; i++) actions.stepSample();
  return store;
}

describe('restoreClock', () => {
  it('puts the clock back at an epoch and an SGD sample, paused, with the same runs', () => {
    const before = played(SETTINGS, 91, 2);
    expect(before.getState().sampleCursor).toBe(2);
    const after = createPlaygroundStore(SETTINGS);
    after.getState().actions.restoreClock(before.getState().epoch, 2);
    expect(view(after.getState()).minibatch).toBeDefined();
    expect(view(after.getState())).toEqual({ ...view(before.getState()), playback: 'paused' });
    // And it goes on as the original would: the next sample finishes the epoch.
    before.getState().actions.stepSample();
    after.getState().actions.stepSample();
    expect(view(after.getState())).toEqual(view(before.getState()));
  });

  it('stops at the end of the run, finished, and starts idle at 0', () => {
    const store = createPlaygroundStore({ ...SETTINGS, epochs: 50 });
    store.getState().actions.restoreClock(80, 1);
    expect(store.getState()).toMatchObject({ epoch: 50, sampleCursor: 0, playback: 'finished' });
    store.getState().actions.restoreClock(0, 0);
    expect(store.getState()).toMatchObject({ epoch: 0, sampleCursor: 0, playback: 'idle' });
  });

  it('drops a cursor past the epoch’s samples, or a nonsensical clock', () => {
    const store = createPlaygroundStore(SETTINGS);
    store.getState().actions.restoreClock(10, 3);
    expect(store.getState()).toMatchObject({ epoch: 10, sampleCursor: 0, pendingUpdates: [] });
    store.getState().actions.restoreClock(Number.NaN, -2);
    expect(store.getState()).toMatchObject({ epoch: 0, sampleCursor: 0, playback: 'idle' });
  });

  it('stops where playing stopped when every run on screen diverged on the way', () => {
    const settings = { ...DEFAULT_SETTINGS, lr: 1, epochs: 500 };
    const ran = createPlaygroundStore(settings);
    ran.getState().actions.runToEnd();
    const restored = createPlaygroundStore(settings);
    restored.getState().actions.restoreClock(500, 0);
    expect(view(restored.getState())).toEqual(view(ran.getState()));
    expect(restored.getState().epoch).toBeLessThan(500);
  });
});
