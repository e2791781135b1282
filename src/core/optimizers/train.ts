/**
 * The general training loop: every optimizer, batching, order and model. advance() sends the
 * lecture's own two runs to the faster loops of kernels.ts, which compute the same floats.
 */
import type { Params } from '../model';
import type { OptimizerSpec, RunStatus, SampleUpdate, TrainingSetup } from '../optimizer';
import { epochSeed, mulberry32, permutation } from '../random';
import { type Buffers, writeEpoch, writeState } from '../trace';

/** Where a stretch of epochs left the run (its optimizer state is the array `train` was given). */
export interface Stretch {
  readonly params: Params;
  readonly epoch: number;
  readonly status: RunStatus;
  readonly divergedAtEpoch: number | null;
}

/** The data as the loops read it: one Float64Array per column, and the unshuffled order 0…n−1. */
export interface Samples {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly order: readonly number[];
}

/** What `train` records: the trace's buffers (advance), or every update of one epoch (epochUpdates). */
export interface Sink {
  readonly buffers: Buffers | null;
  readonly onUpdate?: (update: SampleUpdate) => void;
}

/** The optimizer state at θ's start, updated in place: `stateSize` floats for w, then as many for b. */
export type WorkingState = Float64Array | null;

const allFinite = (values: Float64Array): boolean => {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) return false;
  return true;
};

/**
 * Epochs `from`…`from + epochs − 1` from θ, in batches of `size` samples: for each batch B the mean
 * gradient g = (1/|B|)·Σ_{i∈B} ∇ℓᵢ(θ), with ∇ℓᵢ = (2·xᵢ·rᵢ, 2·rᵢ), rᵢ = ŷᵢ − yᵢ, then θ ← θ − α·g, or
 * with an update rule (spec.rule) each parameter p ← rule.update(p, g, α, …) with its own slice of
 * `state`; t, the update's number from 1, is epoch·⌈n/size⌉ + its position in the epoch + 1. The
 * printed loss follows the lecture: GD prints cost(θ) before its update; SGD (and mini-batch) the last
 * batch's loss after its update. Every epoch also records cost(θ) after it, and the state. An epoch
 * that produces a non-finite value (the state's included) marks the run diverged; a halting run stops
 * before recording it, with θ and the state as they were before it.
 *
 * Every float in the order model.ts computes it (its functions are the specification; the tests hold
 * this loop to them). θ lives in two number locals, so an epoch allocates nothing but a shuffled
 * order; GD takes cost(θ) after epoch k and the gradient of epoch k + 1 (both at the same θ, each
 * summed from 0 in data-set order) in one pass over the data.
 */
export function train(
  setup: TrainingSetup,
  samples: Samples,
  size: number,
  start: Params,
  state: WorkingState,
  from: number,
  epochs: number,
  running: { readonly status: RunStatus; readonly divergedAtEpoch: number | null },
  sink: Sink,
): Stretch {
  const { model, lr, optimizer } = setup;
  const { xs, ys, order: unshuffled } = samples;
  const halts = setup.haltOnDivergence ?? true;
  const n = xs.length;
  const isW = model === 'w';
  const isGd = optimizer.kind === 'gd';
  const shuffled = !isGd && optimizer.shuffle === true;
  const seed = optimizer.seed ?? 0;
  const { buffers, onUpdate } = sink;
  const { rule, hyper, stride, updatesPerEpoch } = ruleOf(optimizer, state, n, size);
  const saved = state && halts ? new Float64Array(state.length) : null;

  let w = start.w;
  let b = start.b;
  let { status, divergedAtEpoch } = running;
  // GD: the mean gradient at θ and cost(θ), the loss it prints, from one pass over the data.
  let gdGw = 0;
  let gdGb = 0;
  let sc = 0;
  if (isGd) {
    let sw = 0;
    let sb = 0;
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      const r = (isW ? x * w : x * w + b) - ys[i]!;
      sw += 2 * x * r;
      if (!isW) sb += 2 * r;
      sc += r * r;
    }
    gdGw = sw / n;
    gdGb = sb / n;
  }
  let costBefore = sc / n;

  let epoch = from;
  const target = from + epochs;
  while (epoch < target) {
    const order = shuffled ? permutation(n, mulberry32(epochSeed(seed, epoch))) : unshuffled;
    let finite = true;
    let printedLoss = isGd ? costBefore : NaN;
    const wBefore = w;
    const bBefore = b;
    if (saved) saved.set(state!);
    let before: Params | null = onUpdate ? { w, b } : null;
    for (let first = 0, step = 0; first < n; first += size, step++) {
      const end = Math.min(first + size, n);
      const count = end - first;
      let gw: number;
      let gb: number;
      if (isGd) {
        gw = gdGw;
        gb = gdGb;
      } else if (count === 1) {
        // One sample's gradient as is (the lecture's `grad = gradient(x, y)`), not summed from 0.
        const i = order[first]!;
        const x = xs[i]!;
        const r = (isW ? x * w : x * w + b) - ys[i]!;
        gw = 2 * x * r;
        gb = isW ? 0 : 2 * r;
      } else {
        gw = 0;
        gb = 0;
        for (let k = first; k < end; k++) {
          const i = order[k]!;
          const x = xs[i]!;
          const r = (isW ? x * w : x * w + b) - ys[i]!;
          gw += 2 * x * r;
          if (!isW) gb += 2 * r;
        }
        gw /= count;
        gb /= count;
      }
      const stateBefore = onUpdate && state ? state.slice() : null;
      if (rule === null) {
        w = w - lr * gw;
        if (!isW) b = b - lr * gb;
      } else {
        const t = epoch * updatesPerEpoch + step + 1;
        w = rule.update(w, gw, lr, hyper, state!, 0, t);
        if (!isW) b = rule.update(b, gb, lr, hyper, state!, stride, t);
        if (!allFinite(state!)) finite = false;
      }
      // The batch's mean loss after the step. GD's is the cost after the epoch (the same sum in the
      // same order), taken below; it is only computed here for a replay.
      let lossAfter = NaN;
      if (!isGd || onUpdate) {
        if (count === 1) {
          const i = order[first]!;
          const d = (isW ? xs[i]! * w : xs[i]! * w + b) - ys[i]!;
          lossAfter = d * d;
        } else {
          let sum = 0;
          for (let k = first; k < end; k++) {
            const i = order[k]!;
            const d = (isW ? xs[i]! * w : xs[i]! * w + b) - ys[i]!;
            sum += d * d;
          }
          lossAfter = sum / count;
        }
        if (!isGd) printedLoss = lossAfter;
        if (!Number.isFinite(lossAfter)) finite = false;
      }
      if (!(Number.isFinite(gw) && Number.isFinite(gb) && Number.isFinite(w) && Number.isFinite(b)))
        finite = false;
      if (onUpdate) {
        const after = { w, b };
        const update: SampleUpdate = {
          step,
          indices: order.slice(first, end),
          gradient: { w: gw, b: gb },
          before: before!,
          after,
          lossAfter,
        };
        onUpdate(
          stateBefore
            ? {
                ...update,
                state: { t: epoch * updatesPerEpoch + step + 1, before: stateBefore, after: state!.slice() },
              }
            : update,
        );
        before = after;
      }
    }
    // cost(θ) after the epoch, summed from 0 in data-set order; GD's next gradient in the same pass.
    sc = 0;
    if (isGd) {
      let sw = 0;
      let sb = 0;
      for (let i = 0; i < n; i++) {
        const x = xs[i]!;
        const r = (isW ? x * w : x * w + b) - ys[i]!;
        sw += 2 * x * r;
        if (!isW) sb += 2 * r;
        sc += r * r;
      }
      gdGw = sw / n;
      gdGb = sb / n;
    } else {
      for (let i = 0; i < n; i++) {
        const d = (isW ? xs[i]! * w : xs[i]! * w + b) - ys[i]!;
        sc += d * d;
      }
    }
    const costAfter = sc / n;
    if (!(Number.isFinite(printedLoss) && Number.isFinite(costAfter))) finite = false;
    if (!finite && status === 'running') {
      status = 'diverged';
      divergedAtEpoch = epoch;
      if (halts) {
        w = wBefore;
        b = bBefore;
        if (saved) state!.set(saved);
        break;
      }
    }
    if (buffers) {
      if (state && buffers.state) writeState(buffers, epoch, state);
      writeEpoch(buffers, epoch, w, b, printedLoss, costAfter);
    }
    costBefore = costAfter;
    epoch++;
  }
  return { params: { w, b }, epoch, status, divergedAtEpoch };
}

/** The update rule `train` applies, if any, with what it reads: state stride and updates per epoch. */
function ruleOf(optimizer: OptimizerSpec, state: WorkingState, n: number, size: number) {
  const rule = optimizer.rule && state ? optimizer.rule : null;
  return {
    rule,
    hyper: optimizer.hyper ?? {},
    stride: rule ? rule.stateSize : 0,
    updatesPerEpoch: Math.ceil(n / size),
  };
}
