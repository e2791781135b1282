/**
 * The lesson store: whether the guided lesson is on, which scene it shows, and the class's answer to
 * the scene's question. Nothing here is saved (the scene lives in the link, a prediction only on the
 * page). Applying a scene's setup to the playground is src/hooks/lesson.ts's work; this store only
 * holds where the lesson stands.
 */
import { create } from 'zustand';
import { LESSON_SCENE_COUNT, lessonScene, type LessonOutcome, type LessonScene } from '../core/lesson';
import type { PlaygroundState } from './playground';

export interface LessonState {
  readonly active: boolean;
  /** The scene shown, 0-based; kept when the lesson is left, so that coming back returns to it. */
  readonly scene: number;
  /** Counts the times a scene's setup was applied: the views and the figure start over each time. */
  readonly entry: number;
  /** A link asked for the scene's setup; the lesson hook applies it (useLesson). */
  readonly pendingSetup: boolean;
  /** The class's prediction for the scene's question, until the scene is entered again. */
  readonly choice: LessonOutcome | null;
  /** Whether the scene's question has been answered by running it. */
  readonly revealed: boolean;
  readonly actions: LessonActions;
}

export interface LessonActions {
  /** Shows scene `index` with its setup just applied (by the lesson hook): a fresh question. */
  readonly entered: (index: number) => void;
  /** Shows scene `index` over the setup the page already has (a reload, a link with its own setup). */
  readonly show: (index: number) => void;
  /** Shows scene `index` and asks for its setup (a link of `lesson=k`); useLesson applies it. */
  readonly request: (index: number) => void;
  /** Leaves the lesson, keeping the setup and the scene to come back to. */
  readonly leave: () => void;
  readonly choose: (choice: LessonOutcome) => void;
  readonly reveal: () => void;
}

const clampScene = (index: number): number =>
  Number.isInteger(index) ? Math.min(Math.max(0, index), LESSON_SCENE_COUNT - 1) : 0;

export const createLessonStore = () =>
  create<LessonState>()((set) => ({
    active: false,
    scene: 0,
    entry: 0,
    pendingSetup: false,
    choice: null,
    revealed: false,
    actions: {
      entered: (index) =>
        set((state) => ({
          active: true,
          scene: clampScene(index),
          entry: state.entry + 1,
          pendingSetup: false,
          choice: null,
          revealed: false,
        })),
      show: (index) =>
        set((state) => {
          const scene = clampScene(index);
          const same = state.active && state.scene === scene;
          return {
            active: true,
            scene,
            pendingSetup: false,
            choice: same ? state.choice : null,
            revealed: same && state.revealed,
          };
        }),
      request: (index) => set({ active: true, scene: clampScene(index), pendingSetup: true }),
      leave: () => set({ active: false, pendingSetup: false }),
      choose: (choice) => set({ choice }),
      reveal: () => set({ revealed: true }),
    },
  }));

export type LessonStore = ReturnType<typeof createLessonStore>;

/** The app's lesson store (one page, one lesson; tests reset it with setState). */
export const useLessonStore = createLessonStore();

export const selectLessonActive = (s: LessonState) => s.active;
export const selectLessonSceneIndex = (s: LessonState) => s.scene;
export const selectLessonScene = (s: LessonState): LessonScene => lessonScene(s.scene);
export const selectLessonEntry = (s: LessonState) => s.entry;
export const selectLessonChoice = (s: LessonState) => s.choice;
export const selectLessonRevealed = (s: LessonState) => s.revealed;
export const selectLessonActions = (s: LessonState) => s.actions;
/** The 1-based scene a link carries while the lesson is on. */
export const selectLessonLinkScene = (s: LessonState): number | undefined =>
  s.active ? s.scene + 1 : undefined;

// What the lesson reads of the playground: the settings a scene's figures and question are about,
// and whether the runs have been played to their end (that reveals a prediction).
export const selectLessonSettings = (s: PlaygroundState) => s.settings;
export const selectLessonPlayback = (s: PlaygroundState) => s.playback;
