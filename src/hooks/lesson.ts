import { useLayoutEffect } from 'react';
import { LESSON_SCENE_COUNT, lessonScene, type LessonScene } from '../core/lesson';
import { useLessonStore } from '../store/lesson';
import type { PlaygroundStore } from '../store/playground';
import { applyLinkFragment } from './useClassroom';

/**
 * The guided lesson's moves: entering a scene (its setup opened exactly as a link opens it, the clock
 * back to epoch 0, its action started when it starts at once), the next and previous scene (the
 * buttons, PageDown and PageUp), running a scene, and leaving. The lesson store says where the lesson
 * stands; the playground is only touched through its public actions.
 */

/** Enters scene `index` (clamped into the lesson): its setup, a fresh clock and question. */
export function enterScene(store: PlaygroundStore, index: number): void {
  const scene = lessonScene(index);
  const notices = applyLinkFragment(store, scene.setup);
  if (import.meta.env.DEV && notices.length > 0)
    console.error(`Downhill: the setup of the lesson's scene ${scene.id} was not used as written`, notices);
  const { actions } = store.getState();
  actions.reset();
  useLessonStore.getState().actions.entered(index);
  if (scene.autoplay) startScene(store, scene);
}

/** Starts what running `scene` means for the runs (the exhaustive search is its figure's own). */
function startScene(store: PlaygroundStore, scene: LessonScene): void {
  const { actions } = store.getState();
  switch (scene.action) {
    case 'play':
      actions.play();
      return;
    case 'step':
      actions.step();
      return;
    case 'stepSample':
      actions.stepSample();
      return;
    case 'search':
    case undefined:
      return;
  }
}

/** Runs the current scene: its run button. */
export function runScene(store: PlaygroundStore): void {
  startScene(store, lessonScene(useLessonStore.getState().scene));
}

/** The next scene (PageDown); past the last one nothing happens. Returns whether it moved. */
export function nextScene(store: PlaygroundStore): boolean {
  const { active, scene } = useLessonStore.getState();
  if (!active || scene + 1 >= LESSON_SCENE_COUNT) return false;
  enterScene(store, scene + 1);
  return true;
}

/** The previous scene (PageUp); before the first one nothing happens. Returns whether it moved. */
export function previousScene(store: PlaygroundStore): boolean {
  const { active, scene } = useLessonStore.getState();
  if (!active || scene <= 0) return false;
  enterScene(store, scene - 1);
  return true;
}

/** Opens the lesson at the scene it was left on (the first, the first time), with that scene's setup. */
export function startLesson(store: PlaygroundStore): void {
  enterScene(store, useLessonStore.getState().scene);
}

/** Leaves the lesson (its "Try it yourself"): the setup stays as it is now. */
export function leaveLesson(): void {
  useLessonStore.getState().actions.leave();
}

/**
 * The lesson's wiring, mounted once (LessonSlot): applies a scene a link asked for (`lesson=k`, read
 * with the rest of the link), before the first paint; and reveals a scene's prediction once the runs
 * have been played to their end.
 */
export function useLesson(store: PlaygroundStore): void {
  useLayoutEffect(() => {
    const applyRequested = () => {
      const { pendingSetup, scene } = useLessonStore.getState();
      if (pendingSetup) enterScene(store, scene);
    };
    applyRequested();
    const unsubscribers = [
      useLessonStore.subscribe((state, previous) => {
        if (state.pendingSetup && !previous.pendingSetup) applyRequested();
      }),
      store.subscribe((state, previous) => {
        if (state.playback !== 'finished' || previous.playback === 'finished') return;
        const lesson = useLessonStore.getState();
        if (lesson.active && !lesson.revealed && lessonScene(lesson.scene).question) lesson.actions.reveal();
      }),
    ];
    return () => {
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [store]);
}
