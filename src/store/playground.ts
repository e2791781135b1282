/**
 * The playground store: settings, the GD and SGD runs on one shared clock, and playback.
 * Actions sit beside the state; components subscribe through the named selectors in selectors.ts.
 */
import { create } from 'zustand';
import {
  advance,
  cost,
  traceColumn,
  epochUpdates,
  LECTURE,
  stabilityLimit,
  startRun,
  validateSettings,
  type OptimizerSpec,
  type Params,
  type RunState,
  type SampleUpdate,
  type SettingField,
  type Settings,
  type TrainingSetup,
  type ValidationError,
} from '../core';

/** The three runs on the shared clock: the lecture's two, and mini-batch between them. */
export type RunId = 'gd' | 'sgd' | 'minibatch';
export const RUN_IDS: readonly RunId[] = ['gd', 'sgd', 'minibatch'];
/** The runs the lecture has a script for. */
export type LectureRunId = 'gd' | 'sgd';

export type Playback = 'idle' | 'playing' | 'paused' | 'finished';

/** Everything the person can set. `epochs` is how long the runs go; `speed` is epochs per second. */
export interface PlaygroundSettings extends Settings {
  readonly speed: number;
  readonly predictX: number;
  /** Samples per update of the mini-batch run (1…n). */
  readonly batchSize: number;
  /** Visit the samples in a fresh seeded order each epoch (SGD and mini-batch); off is the lecture's order. */
  readonly shuffle: boolean;
  /** Seeds the shuffles and the noise of generated data sets. */
  readonly seed: number;
  /** Whether the mini-batch run is shown (it is always computed, on the same clock). */
  readonly showMinibatch: boolean;
}

export const SPEED_RANGE = { min: 1, max: 1000 } as const;
export const EPOCHS_RANGE = { min: 1, max: 100_000 } as const;

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
  batchSize: 2,
  shuffle: false,
  seed: 1,
  showMinibatch: false,
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
  /** Loss curves kept on the chart as faded ghosts, to compare learning rates. */
  readonly pins: readonly Pin[];
  /** Stability limits of the current data and model, per run. */
  readonly limits: Readonly<Record<RunId, number>>;

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

/** Settings that change what the runs compute (the rest only change how they are shown). */
const TRAINING_KEYS = ['xs', 'ys', 'model', 'w0', 'b0', 'lr', 'batchSize', 'shuffle', 'seed'] as const;
/** Settings the stability limits depend on. */
const LIMIT_KEYS = ['xs', 'ys', 'model', 'batchSize', 'shuffle', 'seed'] as const;

/** A frame never owes more than this much time: a stalled tab resumes without a jump. */
export const MAX_FRAME_MS = 100;

/** The optimizer of each run: GD always full-batch in order; SGD and mini-batch may shuffle. */
export function optimizerFor(id: RunId, settings: PlaygroundSettings): OptimizerSpec {
  if (id === 'gd') return { kind: 'gd' };
  const order = { shuffle: settings.shuffle, seed: settings.seed };
  return id === 'sgd'
    ? { kind: 'sgd', ...order }
    : { kind: 'minibatch', batchSize: settings.batchSize, ...order };
}

function setupFor(id: RunId, settings: PlaygroundSettings): TrainingSetup {
  return {
    data: { xs: settings.xs, ys: settings.ys },
    model: settings.model,
    init: { w: settings.w0, b: settings.model === 'w' ? 0 : settings.b0 },
    lr: settings.lr,
    optimizer: optimizerFor(id, settings),
  };
}

function runsAt(settings: PlaygroundSettings, epoch: number): Record<RunId, RunState> {
  return {
    gd: advance(startRun(setupFor('gd', settings)), epoch),
    sgd: advance(startRun(setupFor('sgd', settings)), epoch),
    minibatch: advance(startRun(setupFor('minibatch', settings)), epoch),
  };
}

/** Each run's stability limit for the current data, model and (epoch 0) order. */
function limitsFor(settings: PlaygroundSettings): Record<RunId, number> {
  const data = { xs: settings.xs, ys: settings.ys };
  const limit = (id: RunId) => stabilityLimit(settings.model, data, optimizerFor(id, settings));
  return { gd: limit('gd'), sgd: limit('sgd'), minibatch: limit('minibatch') };
}

/** The runs on screen: GD and SGD always, mini-batch when it is switched on. */
export function shownRunIds(showMinibatch: boolean): readonly RunId[] {
  return showMinibatch ? RUN_IDS : LECTURE_RUN_IDS;
}

const LECTURE_RUN_IDS: readonly RunId[] = ['gd', 'sgd'];

/** The state after moving every run `count` whole epochs on (never past the end). */
function advanceClock(state: PlaygroundState, count: number): Partial<PlaygroundState> {
  const target = Math.min(state.settings.epochs, state.epoch + count);
  const step = target - state.epoch;
  const runs = {
    gd: advance(state.runs.gd, step),
    sgd: advance(state.runs.sgd, step),
    minibatch: advance(state.runs.minibatch, step),
  };
  const shown = shownRunIds(state.settings.showMinibatch);
  const halted = shown.every((id) => runs[id].status === 'diverged');
  const done = target >= state.settings.epochs || halted;
  // Once every run on screen has stopped, the clock stops with the one that went furthest.
  const epoch = halted ? Math.max(...shown.map((id) => runs[id].epoch)) : target;
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
    limits: limitsFor(initial),
    pins: [],

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
      pinRun: (id) => {
        const state = get();
        const run = state.runs[id];
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
        const merged: PlaygroundSettings = { ...state.settings, ...patch };
        const proposed: PlaygroundSettings = {
          ...merged,
          speed: clampSpeed(merged.speed),
          // New data with fewer points than the batch size: the batch shrinks with it (B = n is GD).
          batchSize:
            patch.batchSize === undefined && Array.isArray(merged.xs) && merged.xs.length > 0
              ? Math.min(merged.batchSize, merged.xs.length)
              : merged.batchSize,
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
        const trainingChanged = TRAINING_KEYS.some((key) => proposed[key] !== state.settings[key]);
        const epoch = Math.min(Math.max(state.epoch, state.reached), proposed.epochs);
        const recompute = trainingChanged || epoch !== state.epoch;
        const runs = recompute ? runsAt(proposed, epoch) : state.runs;
        const limitsChanged = LIMIT_KEYS.some((key) => proposed[key] !== state.settings[key]);
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
          limits: limitsChanged ? limitsFor(proposed) : state.limits,
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
      restoreClock: (epoch, sampleCursor) => {
        const state = get();
        const target = Number.isInteger(epoch) ? Math.min(Math.max(0, epoch), state.settings.epochs) : 0;
        // From epoch 0 through advanceClock, so that a run that halted on the way stops the clock
        // exactly where playing would have.
        const start = { ...state, runs: runsAt(state.settings, 0), epoch: 0, reached: 0 };
        const next = advanceClock({ ...start, playback: 'idle', clockDebt: 0 }, target);
        const runs = next.runs ?? start.runs;
        const at = next.epoch ?? 0;
        const midEpoch =
          Number.isInteger(sampleCursor) &&
          sampleCursor > 0 &&
          next.playback !== 'finished' &&
          runs.sgd.status !== 'diverged';
        const updates = midEpoch ? epochUpdates(runs.sgd, at) : [];
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
