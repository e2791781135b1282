/**
 * The playground store: settings, the GD and SGD runs on one shared clock, and playback.
 * Actions sit beside the state; components subscribe through the named selectors in selectors.ts.
 */
import { create } from 'zustand';
import {
  cost,
  epochUpdates,
  traceColumn,
  hyperErrors,
  isOptimizerId,
  validateSettings,
  type HyperKey,
  type OptimizerId,
  type Params,
  type SampleUpdate,
  type SettingField,
  type ValidationError,
} from '../core';
import { advanceRuns, limitsFor, runList, runsAt, sampleSteppedId, type Limits, type Runs } from './runs';
import {
  clampSpeed,
  DEFAULT_SETTINGS,
  EPOCHS_RANGE,
  FIELD_KEYS,
  LIMIT_KEYS,
  TRAINING_KEYS,
  type PlaygroundSettings,
} from './settings';

export * from './settings';
export { optimizerFor, shownRunIds, type Limits, type Runs } from './runs';
/** A run's id: its optimizer's registry id. */
export type RunId = OptimizerId;
/** The runs the lecture has a script for. */
export type LectureRunId = 'gd' | 'sgd';

export type Playback = 'idle' | 'playing' | 'paused' | 'finished';

export interface PlaygroundState {
  readonly settings: PlaygroundSettings;
  /**
   * Problems of the last rejected change, per field it touched; the runs keep the last valid settings
   * meanwhile, and a valid change to a field clears its problems.
   */
  readonly fieldErrors: Readonly<Partial<Record<SettingField, readonly ValidationError[]>>>;
  readonly runs: Runs;
  /** The shared clock: epochs completed by both runs (a halted run stops short of it). */
  readonly epoch: number;
  /**
   * The furthest the clock has been since the last reset: shortening the run and lengthening it
   * again (typing 5 on the way to 500 epochs) comes back to it instead of losing the work.
   */
  readonly reached: number;
  /** A settings change ended a playing run (typing 5 on the way to 500): lengthening it plays on. */
  readonly interruptedPlay: boolean;
  /** Updates the per-sample run (SGD) already took inside the epoch in progress (0 between epochs). */
  readonly sampleCursor: number;
  /** The updates of the epoch in progress, replayed once when the cursor enters it. */
  readonly pendingUpdates: readonly SampleUpdate[];
  readonly playback: Playback;
  /**
   * Fractional epochs owed by the clock (speed × elapsed time not yet spent). No component reads it:
   * a tick that only adds to it writes it in place, without notifying subscribers.
   */
  readonly clockDebt: number;
  /**
   * Fast frames in a row, up to this update, in which the playing clock moved: 1 on the first after
   * Play, after a frame that owed no whole epoch, or after a slow one (FAST_FRAME_MS). The readout
   * cadence reads it (selectors.ts).
   */
  readonly movingFrames: number;
  /**
   * Whether this update is the lead frame of a fast play: the first moving frame after Play, itself
   * fast, at a speed that moves the clock on every frame of 60 Hz (LEAD_FRAME_SPEED). It draws the
   * runs' pictures only; the loss chart's lines and the numbers follow on the next two frames (the
   * readout cadence, selectors.ts).
   */
  readonly leadFrame: boolean;
  /** Loss curves kept on the chart as faded ghosts, to compare learning rates. */
  readonly pins: readonly Pin[];
  /** Stability limits of the current data and model, per shown run (null: no fixed limit). */
  readonly limits: Limits;

  readonly actions: PlaygroundActions;
}

/** A pinned loss curve: cost after k epochs for k = 0…n, frozen when it was pinned. */
export interface Pin {
  readonly id: string;
  readonly run: RunId;
  readonly lr: number;
  readonly batchSize: number;
  readonly costs: Float64Array;
}

/** At most this many pins: beyond it the oldest goes, so the chart stays readable. */
export const MAX_PINS = 6;

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
  /** Keeps a run's loss curve so far on the chart, labelled with its optimizer and learning rate. */
  readonly pinRun: (id: RunId) => void;
  readonly clearPins: () => void;
  /** Applies a change when the resulting settings are valid; returns whether it was applied. */
  readonly updateSettings: (patch: Partial<PlaygroundSettings>) => boolean;
  /**
   * Puts the clock back where a reload found it, paused: the runs recomputed to `epoch` (at most the
   * run's length) and SGD `sampleCursor` updates into the next epoch (0 when that epoch has fewer).
   */
  readonly restoreClock: (epoch: number, sampleCursor: number) => void;
}

let pinCounter = 0;

/** A frame never owes more than this much time: a stalled tab resumes without a jump. */
export const MAX_FRAME_MS = 100;

/**
 * Frames closer than this (over 20 a second) come fast enough to share their work: the readout
 * cadence (selectors.ts) writes the numbers on every other one, at least 10 times a second. Slower
 * frames each write them. A frame dropped now and then (33 ms) keeps the cadence: the frame after
 * it must not do both shares of the work, or one slow frame would make the next one slow too.
 */
export const FAST_FRAME_MS = 50;

/**
 * From this speed (epochs/s) the clock moves on every frame at 60 Hz, so a play's first moving
 * frame is followed by others: it can leave the lines and the numbers to them (`leadFrame`). On a
 * school laptop that first frame, which runs every chart's drawing code for the first time, took
 * 50–70 ms when it drew everything at once.
 */
export const LEAD_FRAME_SPEED = 60;

/** The state after moving every run `count` whole epochs on (never past the end). */
function advanceClock(state: PlaygroundState, count: number): Partial<PlaygroundState> {
  const target = Math.min(state.settings.epochs, state.epoch + count);
  const step = target - state.epoch;
  const runs = advanceRuns(state.runs, step);
  const shown = runList(runs);
  const halted = shown.every((run) => run.status === 'diverged');
  const done = target >= state.settings.epochs || halted;
  // Once every run on screen has stopped, the clock stops with the one that went furthest.
  const epoch = halted ? Math.max(...shown.map((run) => run.epoch)) : target;
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

export const createPlaygroundStore = (initial: PlaygroundSettings = DEFAULT_SETTINGS) => {
  // Whether the last frame's tick moved the clock: bookkeeping of the ticks, not of the state.
  let movedLastFrame = false;
  return create<PlaygroundState>()((set, get) => ({
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
    movingFrames: 0,
    leadFrame: false,
    limits: limitsFor(initial),
    pins: [],

    actions: {
      play: () => {
        const state = get();
        if (state.playback === 'playing') return;
        movedLastFrame = false;
        // Play at the end starts over, as a media player does.
        if (state.playback === 'finished') {
          set({
            ...advanceClock({ ...state, epoch: 0, reached: 0, runs: runsAt(state.settings, 0) }, 0),
            playback: 'playing',
            clockDebt: 0,
            movingFrames: 0,
            leadFrame: false,
          });
          return;
        }
        set({ playback: 'playing', clockDebt: 0, movingFrames: 0, leadFrame: false });
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
        const stepped = sampleSteppedRun(state.runs);
        if (state.playback === 'finished' || !stepped || stepped.status === 'diverged') return;
        const updates = state.sampleCursor === 0 ? epochUpdates(stepped, state.epoch) : state.pendingUpdates;
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
          // Bookkeeping nothing draws: a frame that only adds to the debt (five in six at 10
          // epochs/s) is written in place, so it wakes no subscriber and renders nothing.
          (state as { clockDebt: number }).clockDebt = owed;
          movedLastFrame = false;
          return;
        }
        const next = advanceClock(state, whole);
        const fastFrame = elapsedMs < FAST_FRAME_MS;
        const movingFrames = movedLastFrame && fastFrame ? state.movingFrames + 1 : 1;
        const leadFrame = state.movingFrames === 0 && fastFrame && state.settings.speed >= LEAD_FRAME_SPEED;
        movedLastFrame = next.playback === 'playing';
        set({
          ...next,
          clockDebt: next.playback === 'finished' ? 0 : owed - whole,
          movingFrames,
          leadFrame,
        });
      },
      pinRun: (id) => {
        const state = get();
        const run = state.runs[id];
        if (!run) return;
        const { model, init, data } = run.setup;
        const recorded = traceColumn(run.trace, 'cost');
        const costs = new Float64Array(recorded.length + 1);
        costs[0] = cost(model, init, data);
        costs.set(recorded, 1);
        pinCounter += 1;
        const pin: Pin = {
          id: `pin-${pinCounter}`,
          run: id,
          lr: state.settings.lr,
          batchSize: state.settings.batchSize,
          costs,
        };
        set({ pins: [...state.pins, pin].slice(-MAX_PINS) });
      },
      clearPins: () => set({ pins: [] }),
      updateSettings: (patch) => {
        const state = get();
        const proposed = proposedSettings(state.settings, patch);
        const errors = [
          ...validateSettings(proposed, { minEpochs: EPOCHS_RANGE.min, maxEpochs: EPOCHS_RANGE.max }),
          ...hyperProblems(patch),
        ];
        const fieldErrors = fieldErrorsAfter(state.fieldErrors, patch, errors);
        if (errors.length > 0) {
          set({ fieldErrors });
          return false;
        }
        set({ settings: proposed, fieldErrors, ...clockAfter(state, proposed) });
        return true;
      },
      restoreClock: (epoch, sampleCursor) => {
        const state = get();
        const target = Number.isInteger(epoch) ? Math.min(Math.max(0, epoch), state.settings.epochs) : 0;
        // From epoch 0 through advanceClock, so that a run that halted on the way stops the clock
        // exactly where playing would have.
        const start = { ...state, runs: runsAt(state.settings, 0), epoch: 0, reached: 0 };
        const next = advanceClock({ ...start, playback: 'idle', clockDebt: 0 }, target);
        const runs = next.runs ?? start.runs;
        const at = next.epoch ?? 0;
        const stepped = sampleSteppedRun(runs);
        const midEpoch =
          Number.isInteger(sampleCursor) &&
          sampleCursor > 0 &&
          next.playback !== 'finished' &&
          stepped !== null &&
          stepped.status !== 'diverged';
        const updates = midEpoch && stepped ? epochUpdates(stepped, at) : [];
        const cursor = midEpoch && sampleCursor < updates.length ? sampleCursor : 0;
        set({
          ...next,
          sampleCursor: cursor,
          pendingUpdates: cursor > 0 ? updates : [],
          playback: next.playback === 'finished' ? 'finished' : at > 0 || cursor > 0 ? 'paused' : 'idle',
        });
      },
    },
  }));
};

export type PlaygroundStore = ReturnType<typeof createPlaygroundStore>;

/** The app's store. Tests make their own with createPlaygroundStore. */
export const usePlayground = createPlaygroundStore();

/** The per-sample run (SGD), whose updates the sample cursor walks through; null when none is shown. */
export function sampleSteppedRun(runs: Runs) {
  const id = sampleSteppedId(runs);
  return id === null ? null : (runs[id] ?? null);
}

/** Whether run `id` is the one the sample cursor moves. */
export const isSampleStepped = (state: PlaygroundState, id: RunId): boolean =>
  sampleSteppedId(state.runs) === id;

/** The parameters a run shows: mid-epoch, the per-sample run's after the cursor's last update. */
export function displayedParams(state: PlaygroundState, id: RunId): Params {
  if (state.sampleCursor > 0 && isSampleStepped(state, id)) {
    const update = state.pendingUpdates[state.sampleCursor - 1];
    if (update) return update.after;
  }
  return (state.runs[id] ?? state.runs.gd).params;
}

// ---------------------------------------------------------------------------------------------
// updateSettings, step by step.

/** The change merged into the settings, speed clamped, and the batch no larger than new data. */
function proposedSettings(
  current: PlaygroundSettings,
  patch: Partial<PlaygroundSettings>,
): PlaygroundSettings {
  const merged: PlaygroundSettings = { ...current, ...patch };
  const shrinkBatch = patch.batchSize === undefined && Array.isArray(merged.xs) && merged.xs.length > 0;
  return {
    ...merged,
    speed: clampSpeed(merged.speed),
    // New data with fewer points than the batch size: the batch shrinks with it (B = n is GD).
    batchSize: shrinkBatch ? Math.min(merged.batchSize, merged.xs.length) : merged.batchSize,
  };
}

type FieldErrors = PlaygroundState['fieldErrors'];

/** The problems with the hyperparameters a change sets (each optimizer's against its own intervals). */
function hyperProblems(patch: Partial<PlaygroundSettings>): ValidationError[] {
  return Object.entries(patch.hyper ?? {}).flatMap(([id, values]) =>
    isOptimizerId(id) && values ? hyperErrors(id, values) : [],
  );
}

/**
 * The problems per field after a change: the fields it touched lose their old ones and, when the
 * change is refused, get the new ones (a problem between fields, x and y of different lengths,
 * belongs to whichever was edited).
 */
function fieldErrorsAfter(
  before: FieldErrors,
  patch: Partial<PlaygroundSettings>,
  errors: readonly ValidationError[],
): FieldErrors {
  const touched: SettingField[] = [
    ...Object.keys(patch).filter((key): key is Exclude<SettingField, HyperKey> => key in FIELD_KEYS),
    ...Object.values(patch.hyper ?? {}).flatMap((values) => Object.keys(values ?? {}) as HyperKey[]),
  ];
  const fieldErrors: Partial<Record<SettingField, readonly ValidationError[]>> = { ...before };
  for (const field of touched) delete fieldErrors[field];
  if (errors.length === 0) return fieldErrors;
  for (const field of touched) {
    const own = errors.filter((error) => error.field === field);
    fieldErrors[field] = own.length > 0 ? own : errors;
  }
  return fieldErrors;
}

/**
 * Where the clock and the runs stand under accepted new settings: at the furthest epoch reached that
 * the new length allows, recomputed when what they compute changed; a play that a shortened run
 * ended resumes once it is long enough again.
 */
function clockAfter(state: PlaygroundState, proposed: PlaygroundSettings): Partial<PlaygroundState> {
  const changed = (key: keyof PlaygroundSettings) => proposed[key] !== state.settings[key];
  const epoch = Math.min(Math.max(state.epoch, state.reached), proposed.epochs);
  const recompute = TRAINING_KEYS.some(changed) || epoch !== state.epoch;
  const finished = epoch >= proposed.epochs;
  const interruptedPlay = finished && (state.playback === 'playing' || state.interruptedPlay);
  const resume = !finished && state.playback === 'finished' && state.interruptedPlay;
  const keepCursor = !(recompute || finished);
  return {
    runs: recompute ? runsAt(proposed, epoch) : state.runs,
    epoch,
    sampleCursor: keepCursor ? state.sampleCursor : 0,
    pendingUpdates: keepCursor ? state.pendingUpdates : [],
    limits: LIMIT_KEYS.some(changed) ? limitsFor(proposed) : state.limits,
    playback: finished
      ? 'finished'
      : resume
        ? 'playing'
        : state.playback === 'finished'
          ? 'paused'
          : state.playback,
    interruptedPlay,
  };
}
