/**
 * Independent reference arithmetic for the tests: the lecture's formulas written out plainly, with no
 * code shared with src/core, so a test compares the core with the specification, not with itself.
 */

export type RefModel = 'w' | 'wb';

export interface RefSetup {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly model: RefModel;
  readonly w0: number;
  readonly b0: number;
  readonly lr: number;
  /** 'gd' prints the cost before its update; the others print the last batch's loss after its update. */
  readonly kind: 'gd' | 'sgd' | 'minibatch';
  /** The batches (data-set indices) of each epoch, in visiting order. */
  readonly batches: (epoch: number) => readonly (readonly number[])[];
}

export interface RefTrajectory {
  readonly w: number[];
  readonly b: number[];
  readonly printedLoss: number[];
  readonly cost: number[];
  /** The first epoch in which some value (gradient, parameter, loss, cost) is not finite. */
  readonly firstNonFinite: number | null;
}

/** The residual ŷ − y of sample i. */
function residual(setup: RefSetup, w: number, b: number, i: number): number {
  const x = setup.xs[i]!;
  const y = setup.ys[i]!;
  return setup.model === 'w' ? x * w - y : x * w + b - y;
}

/** The lecture's cost(): summed from 0 in data-set order, divided by n. */
export function refCost(setup: RefSetup, w: number, b: number): number {
  let sum = 0;
  for (let i = 0; i < setup.xs.length; i++) {
    const r = residual(setup, w, b, i);
    sum += r * r;
  }
  return sum / setup.xs.length;
}

/**
 * Runs `epochs` epochs the lecture's way. A batch of one sample (outside GD) uses that sample's gradient
 * as is (`grad = gradient(x, y)`); larger batches, and GD, sum from 0 (`grad = 0; grad += …`) and divide.
 */
export function refTrajectory(setup: RefSetup, epochs: number): RefTrajectory {
  const out: RefTrajectory = { w: [], b: [], printedLoss: [], cost: [], firstNonFinite: null };
  let firstNonFinite: number | null = null;
  let w = setup.w0;
  let b = setup.b0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    let finite = true;
    const costBefore = refCost(setup, w, b);
    let lastLoss = NaN;
    for (const batch of setup.batches(epoch)) {
      let gw: number;
      let gb: number;
      if (batch.length === 1 && setup.kind !== 'gd') {
        const i = batch[0]!;
        const r = residual(setup, w, b, i);
        gw = 2 * setup.xs[i]! * r;
        gb = setup.model === 'w' ? 0 : 2 * r;
      } else {
        gw = 0;
        gb = 0;
        for (const i of batch) {
          const r = residual(setup, w, b, i);
          gw += 2 * setup.xs[i]! * r;
          gb += setup.model === 'w' ? 0 : 2 * r;
        }
        gw /= batch.length;
        gb /= batch.length;
      }
      w = w - setup.lr * gw;
      if (setup.model === 'wb') b = b - setup.lr * gb;
      let loss = 0;
      for (const i of batch) {
        const r = residual(setup, w, b, i);
        loss += r * r;
      }
      loss /= batch.length;
      lastLoss = loss;
      finite &&= [gw, gb, w, b, loss].every(Number.isFinite);
    }
    const printed = setup.kind === 'gd' ? costBefore : lastLoss;
    const costAfter = refCost(setup, w, b);
    finite &&= Number.isFinite(printed) && Number.isFinite(costAfter);
    if (!finite && firstNonFinite === null) firstNonFinite = epoch;
    out.w.push(w);
    out.b.push(b);
    out.printedLoss.push(printed);
    out.cost.push(costAfter);
  }
  return { ...out, firstNonFinite };
}

/** The IEEE-754 bit pattern of a double, as an unsigned 64-bit integer. */
export function bitsOf(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0);
}

/** The double with the given bit pattern. */
export function fromBits(bits: bigint): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt.asUintN(64, bits));
  return view.getFloat64(0);
}

/** 16 hex digits of a double's bit pattern (how doubles travel to Python without any rounding). */
export function hexOf(x: number): string {
  return bitsOf(x).toString(16).padStart(16, '0');
}

/** The next double above x (x finite). */
export function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const bits = bitsOf(x);
  return fromBits(x > 0 ? bits + 1n : bits - 1n);
}

/** The next double below x (x finite). */
export function nextDown(x: number): number {
  return -nextUp(-x);
}

/** Units in the last place between two finite doubles of the same sign. */
export function ulpsApart(a: number, b: number): number {
  const key = (x: number): bigint => {
    const bits = bitsOf(x);
    return bits >> 63n ? -(bits & 0x7fffffffffffffffn) : bits;
  };
  const d = key(a) - key(b);
  return Number(d < 0n ? -d : d);
}

/** Exact comparison of two float arrays (NaN equals NaN, 0 differs from −0), naming the first difference. */
export function firstDifference(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
): { index: number; actual: number | undefined; expected: number | undefined } | null {
  const length = Math.max(actual.length, expected.length);
  for (let i = 0; i < length; i++) {
    if (!Object.is(actual[i], expected[i])) return { index: i, actual: actual[i], expected: expected[i] };
  }
  return null;
}
