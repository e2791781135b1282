/**
 * The playground store: settings, the GD and SGD runs on one shared clock, and playback.
 * Actions sit beside the state; components subscribe through the named selectors in selectors.ts.
 */
import { create } from 'zustand';
import {
  advance,
  epochUpdates,
  LECTURE,
  stabilityLimit,
  startRun,
  validateSettings,
  type ModelKind,
  type Params,
  type RunState,
  type SampleUpdate,
  type SettingField,
  type Settings,
  type TrainingSetup,
  type ValidationError,
} from '../core';

export type RunId = 'gd' | 'sgd';
export const RUN_IDS: readonly RunId[] = ['gd', 'sgd'];

export type Playback = 'idle' | 'playing' | 'paused' | 'finished';

/** Everything the person can set. `epochs` is how long the runs go; `speed` is epochs per second. */
export interface PlaygroundSettings extends Settings {
  readonly speed: number;
  readonly predictX: number;
}

export const SPEED_RANGE = { min: 1, max: 1000 } as const;
export const LR_RANGE = { min: 1e-4, max: 1 } as const;
export const EPOCHS_RANGE = { min: 1, max: 10_000 } as const;

export const DEFAULT_SETTINGS: PlaygroundSettings = {
  xs: LECTURE.data.xs,
  ys: LECTURE.data.ys,
  model: 'w',
  w0: LECTURE.w0,
  b0: LECTURE.b0,
  lr: LECTURE.lr,
  epochs: LECTURE.epochs,
  speed: 10,
  predictX: LECTURE.predictX,
};

export interface PlaygroundState {
  readonly settings: PlaygroundSettings;
  /**
   * Problems of the last rejected change, per field it touched; the runs keep the last valid settings
   * meanwhile, and a valid change to a field clears its problems.
   */
  readonly fieldErrors: Readonly<Partial<Record<SettingField, readonly ValidationError[]>>>;
  readonly runs: Readonly<Record<RunId, RunState>>;
  /** The shared clock: epochs completed by both runs (a halted run stops short of it). */
  readonly epoch: number;
  /**
   * The furthest the clock has been since the last reset: shortening the run and lengthening it
   * again (typing 5 on the way to 500 epochs) comes back to it instead of losing the work.
   */
  readonly reached: number;
  /** A settings change ended a playing run (typing 5 on the way to 500): lengthening it plays on. */
  readonly interruptedPlay: boolean;
  /** SGD updates already taken inside the epoch in progress (0 between epochs). */
  readonly sampleCursor: number;
  /** The updates of the epoch in progress, replayed once when the cursor enters it. */
  readonly pendingUpdates: readonly SampleUpdate[];
  readonly playback: Playback;
  /** Fractional epochs owed by the clock (speed × elapsed time not yet spent). */
  readonly clockDebt: number;
  /** Stability limits of the current data and model, per run. */
  readonly limits: Readonly<Record<RunId, number>>;

  readonly actions: PlaygroundActions;
}

export interface PlaygroundActions {
  readonly play: () => void;
  readonly pause: () => void;
  readonly togglePlay: () => void;
  readonly step: () => void;
  readonly stepSample: () => void;
  readonly runToEnd: () => void;
  readonly reset: () => void;
  /** Advances the clock by `elapsedMs` of playing time; the animation loop calls it once per frame. */
  readonly tick: (elapsedMs: number) => void;
  /** Applies a change when the resulting settings are valid; returns whether it was applied. */
  readonly updateSettings: (patch: Partial<PlaygroundSettings>) => boolean;
}

const FIELD_KEYS: Record<SettingField, true> = {
  xs: true,
  ys: true,
  model: true,
  w0: true,
  b0: true,
  lr: true,
  epochs: true,
  batchSize: true,
  seed: true,
};

/** Speed is a slider position: out-of-range or non-numeric values land on the nearest end. */
export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return SPEED_RANGE.min;
  return Math.min(SPEED_RANGE.max, Math.max(SPEED_RANGE.min, speed));
}

/** A frame never owes more than this much time: a stalled tab resumes without a jump. */
export const MAX_FRAME_MS = 100;

function setupFor(id: RunId, settings: Settings): TrainingSetup {
  return {
    data: { xs: settings.xs, ys: settings.ys },
    model: settings.model,
    init: { w: settings.w0, b: settings.model === 'w' ? 0 : settings.b0 },
    lr: settings.lr,
    optimizer: { kind: id },
  };
}

function runsAt(settings: Settings, epoch: number): Record<RunId, RunState> {
  return {
    gd: advance(startRun(setupFor('gd', settings)), epoch),
    sgd: advance(startRun(setupFor('sgd', settings)), epoch),
  };
}

function limitsFor(model: ModelKind, settings: Settings): Record<RunId, number> {
  const data = { xs: settings.xs, ys: settings.ys };
  return {
    gd: stabilityLimit(model, data, { kind: 'gd' }),
    sgd: stabilityLimit(model, data, { kind: 'sgd' }),
  };
}

const allHalted = (runs: Record<RunId, RunState>): boolean =>
  RUN_IDS.every((id) => runs[id].status === 'diverged');

/** The state after moving both runs `count` whole epochs on (never past the end). */
function advanceClock(state: PlaygroundState, count: number): Partial<PlaygroundState> {
  const target = Math.min(state.settings.epochs, state.epoch + count);
  const runs = {
    gd: advance(state.runs.gd, target - state.epoch),
    sgd: advance(state.runs.sgd, target - state.epoch),
  };
  const halted = allHalted(runs);
  const done = target >= state.settings.epochs || halted;
  // Once both runs have stopped, the clock stops with the one that went furthest.
  const epoch = halted ? Math.max(runs.gd.epoch, runs.sgd.epoch) : target;
  return {
    runs,
    epoch,
    reached: Math.max(state.reached, epoch),
    interruptedPlay: false,
    sampleCursor: 0,
    pendingUpdates: [],
    playback: done ? 'finished' : state.playback === 'idle' ? 'paused' : state.playback,
    clockDebt: done ? 0 : state.clockDebt,
  };
}

export const createPlaygroundStore = (initial: PlaygroundSettings = DEFAULT_SETTINGS) =>
  create<PlaygroundState>()((set, get) => ({
    settings: initial,
    fieldErrors: {},
    runs: runsAt(initial, 0),
    epoch: 0,
    reached: 0,
    interruptedPlay: false,
    sampleCursor: 0,
    pendingUpdates: [],
    playback: 'idle',
    clockDebt: 0,
    limits: limitsFor(initial.model, initial),

    actions: {
      play: () => {
        const state = get();
        if (state.playback === 'playing') return;
        // Play at the end starts over, as a media player does.
        if (state.playback === 'finished') {
          set({
            ...advanceClock({ ...state, epoch: 0, reached: 0, runs: runsAt(state.settings, 0) }, 0),
            playback: 'playing',
            clockDebt: 0,
          });
          return;
        }
        set({ playback: 'playing', clockDebt: 0 });
      },
      pause: () => {
        if (get().playback === 'playing') set({ playback: 'paused', clockDebt: 0 });
      },
      togglePlay: () => (get().playback === 'playing' ? get().actions.pause() : get().actions.play()),
      step: () => {
        const state = get();
        if (state.playback === 'finished') return;
        const next = advanceClock(state, 1);
        set({ ...next, playback: next.playback === 'finished' ? 'finished' : 'paused' });
      },
      stepSample: () => {
        const state = get();
        if (state.playback === 'finished' || state.runs.sgd.status === 'diverged') return;
        const updates =
          state.sampleCursor === 0 ? epochUpdates(state.runs.sgd, state.epoch) : state.pendingUpdates;
        const cursor = state.sampleCursor + 1;
        if (cursor >= updates.length) {
          const next = advanceClock(state, 1);
          set({ ...next, playback: next.playback === 'finished' ? 'finished' : 'paused' });
          return;
        }
        set({ sampleCursor: cursor, pendingUpdates: updates, playback: 'paused' });
      },
      runToEnd: () => {
        const state = get();
        set(advanceClock({ ...state, playback: 'finished' }, state.settings.epochs));
      },
      reset: () => {
        const { settings } = get();
        set({
          runs: runsAt(settings, 0),
          epoch: 0,
          reached: 0,
          interruptedPlay: false,
          sampleCursor: 0,
          pendingUpdates: [],
          playback: 'idle',
          clockDebt: 0,
        });
      },
      tick: (elapsedMs) => {
        const state = get();
        if (state.playback !== 'playing') return;
        const owed =
          state.clockDebt + (Math.min(Math.max(0, elapsedMs), MAX_FRAME_MS) / 1000) * state.settings.speed;
        const whole = Math.floor(owed);
        if (whole === 0) {
          set({ clockDebt: owed });
          return;
        }
        const next = advanceClock(state, whole);
        set({ ...next, clockDebt: next.playback === 'finished' ? 0 : owed - whole });
      },
      updateSettings: (patch) => {
        const state = get();
        const proposed: PlaygroundSettings = {
          ...state.settings,
          ...patch,
          speed: clampSpeed(patch.speed ?? state.settings.speed),
        };
        const touched = Object.keys(patch).filter((key): key is SettingField => key in FIELD_KEYS);
        const errors = validateSettings(proposed, {
          minEpochs: EPOCHS_RANGE.min,
          maxEpochs: EPOCHS_RANGE.max,
        });
        const fieldErrors = { ...state.fieldErrors };
        for (const field of touched) delete fieldErrors[field];
        if (errors.length > 0) {
          for (const field of touched) {
            const own = errors.filter((error) => error.field === field);
            // A problem between fields (x and y of different lengths) belongs to whichever was edited.
            fieldErrors[field] = own.length > 0 ? own : errors;
          }
          set({ fieldErrors });
          return false;
        }
        const trainingChanged = (['xs', 'ys', 'model', 'w0', 'b0', 'lr'] as const).some(
          (key) => proposed[key] !== state.settings[key],
        );
        const epoch = Math.min(Math.max(state.epoch, state.reached), proposed.epochs);
        const recompute = trainingChanged || epoch !== state.epoch;
        const runs = recompute ? runsAt(proposed, epoch) : state.runs;
        const dataChanged =
          proposed.xs !== state.settings.xs ||
          proposed.ys !== state.settings.ys ||
          proposed.model !== state.settings.model;
        const finished = epoch >= proposed.epochs;
        const interruptedPlay = finished && (state.playback === 'playing' || state.interruptedPlay);
        const resume = !finished && state.playback === 'finished' && state.interruptedPlay;
        set({
          settings: proposed,
          fieldErrors,
          runs,
          epoch,
          sampleCursor: recompute || finished ? 0 : state.sampleCursor,
          pendingUpdates: recompute || finished ? [] : state.pendingUpdates,
          limits: dataChanged ? limitsFor(proposed.model, proposed) : state.limits,
          playback: finished
            ? 'finished'
            : resume
              ? 'playing'
              : state.playback === 'finished'
                ? 'paused'
                : state.playback,
          interruptedPlay,
        });
        return true;
      },
    },
  }));

export type PlaygroundStore = ReturnType<typeof createPlaygroundStore>;

/** The app's store. Tests make their own with createPlaygroundStore. */
export const usePlayground = createPlaygroundStore();

/** The parameters SGD shows mid-epoch: after the cursor's last update, else the run's own. */
export function displayedParams(state: PlaygroundState, id: RunId): Params {
  if (id === 'sgd' && state.sampleCursor > 0) {
    const update = state.pendingUpdates[state.sampleCursor - 1];
    if (update) return update.after;
  }
  return state.runs[id].params;
}
