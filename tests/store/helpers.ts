/** The lecture's printed numbers and small store helpers, shared by the playground store's tests. */
import { traceColumn, type RunState } from '../../src/core';
import {
  createPlaygroundStore,
  DEFAULT_SETTINGS,
  type PlaygroundSettings,
  type PlaygroundState,
  type PlaygroundStore,
} from '../../src/store/playground';
import { lectureOutputLines, type LectureScript } from '../core/helpers/fixtures';

// ---------------------------------------------------------------------------------------------
// The lecture's printed numbers, parsed from the reference transcripts (never retyped).

export interface PrintedEpoch {
  readonly epoch: number;
  readonly w: number;
  readonly loss: number;
}

export function printedEpochs(name: LectureScript, label: 'epoch:' | 'progress:'): PrintedEpoch[] {
  const pattern = new RegExp(`^${label} (\\d+) w= (\\S+) loss= (\\S+)$`);
  return lectureOutputLines(name).flatMap((line) => {
    const match = pattern.exec(line);
    return match ? [{ epoch: Number(match[1]), w: Number(match[2]), loss: Number(match[3]) }] : [];
  });
}

export function printedPrediction(name: LectureScript, when: 'before' | 'after'): number {
  const line = lectureOutputLines(name).find((l) => l.startsWith(`predict (${when} training) 4 `));
  if (line === undefined) throw new Error(`no predict (${when}) line in ${name}`);
  return Number(line.split(' ').at(-1));
}

export const GD_PRINTED = printedEpochs('gradient_descent', 'epoch:');
export const SGD_PRINTED = printedEpochs('stochastic_gradient_descent', 'progress:');
export const lastOf = <T>(items: readonly T[]): T => {
  const last = items.at(-1);
  if (last === undefined) throw new Error('empty');
  return last;
};

// ---------------------------------------------------------------------------------------------
// Helpers.

/**
 * The lesson's noisy scene (GD beside SGD on six noisy points, SGD shuffled) at 1,000 epochs/s:
 * SGD never settles, so its ball moves on every frame.
 */
export const NOISY_SCENE = {
  xs: [1, 2, 3, 4, 5, 6],
  ys: [2.7, 4.61, 5.74, 7.87, 10.53, 11.45],
  lr: 0.025,
  shuffle: true,
  seed: 1,
  speed: 1000,
  epochs: 100_000,
} as const satisfies Partial<PlaygroundSettings>;

export const fresh = (patch: Partial<PlaygroundSettings> = {}): PlaygroundStore =>
  createPlaygroundStore({ ...DEFAULT_SETTINGS, ...patch });

export const steps = (store: PlaygroundStore, count: number): void => {
  for (let i = 0; i < count; i++) store.getState().actions.step();
};

/** store.epoch, runs.gd.epoch and runs.sgd.epoch, which must always agree while no run halted. */
export const clocks = (s: PlaygroundState): [number, number, number] => [
  s.epoch,
  s.runs.gd.epoch,
  s.runs.sgd.epoch,
];

/** Everything a run has recorded, as plain arrays (for deep comparison of two runs). */
export const snapshot = (run: RunState) => ({
  epoch: run.epoch,
  params: run.params,
  status: run.status,
  divergedAtEpoch: run.divergedAtEpoch,
  w: Array.from(traceColumn(run.trace, 'w')),
  b: Array.from(traceColumn(run.trace, 'b')),
  printedLoss: Array.from(traceColumn(run.trace, 'printedLoss')),
  cost: Array.from(traceColumn(run.trace, 'cost')),
});
