import { beforeEach, describe, expect, it } from 'vitest';
import { LECTURE, parseUrlState, validateSettings } from '../../../src/core';
import { LESSON_SCENE_COUNT, LESSON_SCENES, sceneSetup } from '../../../src/core/lesson';
import {
  enterScene,
  leaveLesson,
  nextScene,
  previousScene,
  runScene,
  startLesson,
} from '../../../src/hooks/lesson';
import { applyLinkFragment, URL_BOUNDS } from '../../../src/hooks/useClassroom';
import { useLessonStore } from '../../../src/store/lesson';
import { createPlaygroundStore, EPOCHS_RANGE, type PlaygroundStore } from '../../../src/store/playground';

beforeEach(() => {
  useLessonStore.setState({
    active: false,
    scene: 0,
    entry: 0,
    pendingSetup: false,
    choice: null,
    revealed: false,
  });
});

/** A playground far from every scene: other data, model, rate, length and speed, mid-run. */
function busyStore(): PlaygroundStore {
  const store = createPlaygroundStore();
  const { actions } = store.getState();
  expect(
    actions.updateSettings({
      xs: [1, 2, 3, 4],
      ys: [3, 1, 4, 1],
      model: 'wb',
      lr: 0.003,
      epochs: 7,
      speed: 300,
    }),
  ).toBe(true);
  actions.runToEnd();
  return store;
}

describe('each scene’s setup', () => {
  it('passes the link reader and the playground’s validator whole: nothing is refused', () => {
    for (const scene of LESSON_SCENES) {
      expect(parseUrlState('', scene.setup, URL_BOUNDS).rejected, scene.id).toEqual([]);
      const store = busyStore();
      expect(applyLinkFragment(store, scene.setup), scene.id).toEqual([]);
      const { settings, fieldErrors } = store.getState();
      expect(fieldErrors, scene.id).toEqual({});
      expect(
        validateSettings(settings, { minEpochs: EPOCHS_RANGE.min, maxEpochs: EPOCHS_RANGE.max }),
        scene.id,
      ).toEqual([]);
    }
  });

  it('opens exactly the scene’s setup over whatever was there, the clock at epoch 0', () => {
    for (const [index, scene] of LESSON_SCENES.entries()) {
      const store = busyStore();
      enterScene(store, index);
      const state = store.getState();
      const setup = sceneSetup(scene);
      const linked = parseUrlState('', scene.setup, URL_BOUNDS).settings;
      expect(state.settings, scene.id).toMatchObject({
        lr: setup.lr,
        w0: setup.w0,
        epochs: setup.epochs,
        xs: setup.data.xs,
        ys: setup.data.ys,
        speed: linked.speed,
        // What the setup leaves out is the default, never what was there before.
        model: 'w',
        b0: LECTURE.b0,
        shuffle: linked.shuffle ?? false,
      });
      expect(state.epoch, scene.id).toBe(0);
      expect(state.playback, scene.id).toBe(scene.autoplay && scene.action === 'play' ? 'playing' : 'idle');
      expect(useLessonStore.getState(), scene.id).toMatchObject({ active: true, scene: index });
    }
  });
});

describe('moving through the lesson', () => {
  it('next and previous go one scene at a time and stop at either end', () => {
    const store = createPlaygroundStore();
    expect(nextScene(store)).toBe(false);
    startLesson(store);
    expect(useLessonStore.getState().scene).toBe(0);
    expect(previousScene(store)).toBe(false);
    for (let i = 1; i < LESSON_SCENE_COUNT; i++) {
      expect(nextScene(store)).toBe(true);
      expect(useLessonStore.getState().scene).toBe(i);
    }
    const entries = useLessonStore.getState().entry;
    expect(nextScene(store)).toBe(false);
    expect(useLessonStore.getState()).toMatchObject({ scene: LESSON_SCENE_COUNT - 1, entry: entries });
    expect(previousScene(store)).toBe(true);
    expect(useLessonStore.getState().scene).toBe(LESSON_SCENE_COUNT - 2);
  });

  it('leaving keeps the setup; coming back restores the scene’s', () => {
    const store = createPlaygroundStore();
    const rate3 = LESSON_SCENES.findIndex((scene) => scene.id === 'rate3');
    enterScene(store, rate3);
    expect(store.getState().settings.lr).toBe(0.25);
    store.getState().actions.updateSettings({ lr: 0.05, epochs: 40 });
    store.getState().actions.step();
    leaveLesson();
    expect(useLessonStore.getState().active).toBe(false);
    expect(store.getState().settings).toMatchObject({ lr: 0.05, epochs: 40 });
    expect(store.getState().epoch).toBe(1);
    startLesson(store);
    expect(useLessonStore.getState()).toMatchObject({ active: true, scene: rate3 });
    expect(store.getState().settings).toMatchObject({ lr: 0.25, epochs: 20 });
    expect(store.getState().epoch).toBe(0);
  });

  it('running a scene takes its step, its sample, or plays', () => {
    const store = createPlaygroundStore();
    const at = (id: string) => LESSON_SCENES.findIndex((scene) => scene.id === id);
    enterScene(store, at('step'));
    runScene(store);
    expect(store.getState().epoch).toBe(1);
    expect(store.getState().runs.gd.params.w).toBe(1.0933333333333333);
    enterScene(store, at('sgd'));
    runScene(store);
    expect(store.getState()).toMatchObject({ epoch: 0, sampleCursor: 1 });
    enterScene(store, at('rate2'));
    expect(store.getState().playback).toBe('idle');
    runScene(store);
    expect(store.getState().playback).toBe('playing');
  });

  it('a new entry into a scene starts its question afresh', () => {
    const store = createPlaygroundStore();
    enterScene(store, 5);
    useLessonStore.getState().actions.choose('diverges');
    useLessonStore.getState().actions.reveal();
    enterScene(store, 5);
    expect(useLessonStore.getState()).toMatchObject({ choice: null, revealed: false });
  });
});
