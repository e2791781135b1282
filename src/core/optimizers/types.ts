/**
 * What an optimizer is to Downhill: a registry entry (see registry.ts) with its batching, its
 * hyperparameters, and — for anything beyond θ ← θ − α·g — an element-wise update rule with a few
 * floats of state per parameter. Everything else (the clock, the trace, the pictures) is shared.
 */

/** The hyperparameters any optimizer may take; each is also its key in a link (`#opt=adam&beta1=0.8`). */
export type HyperKey = 'momentum' | 'beta1' | 'beta2' | 'eps' | 'alpha';

/** Hyperparameter values by key; an optimizer reads only its own. */
export type HyperValues = Readonly<Partial<Record<HyperKey, number>>>;

/** One hyperparameter: its default (torch.optim's, but momentum 0.9) and the values it accepts. */
export interface HyperParameter {
  readonly key: HyperKey;
  readonly defaultValue: number;
  /** Accepted: min ≤ v ≤ max, with the ends left out where marked exclusive. */
  readonly min: number;
  readonly max: number;
  readonly minExclusive?: boolean;
  readonly maxExclusive?: boolean;
}

/** How an epoch is cut into updates: all n samples at once, one sample at a time, or batches of B. */
export type Batching = 'full' | 'sample' | 'batch';

/**
 * An element-wise update rule: each parameter p (w, and b under y = w·x + b) with its gradient g
 * and its own `stateSize` floats of state, state[at … at + stateSize). `t` counts updates from 1.
 * The arithmetic is written in the order the downloadable Python script does it, so that the two
 * print the same digits; torch.optim agrees to about 1e-15 relative.
 */
export interface UpdateRule {
  readonly stateSize: number;
  /**
   * What each of a parameter's `stateSize` floats is, in order (a readout's keys): 'velocity',
   * 'squareAvg', 'sum', 'expAvg', 'expAvgSq', 'beta1Power', 'beta2Power'.
   */
  readonly stateNames: readonly string[];
  /**
   * How the readout writes each state float ('v', 'm'…), parallel to stateNames; null keeps one out
   * of sight (Adam's running products β₁ᵗ, β₂ᵗ). Its label is the catalog's `state.<name>`.
   */
  readonly stateSymbols: readonly (string | null)[];
  /** The state before the first update (one parameter's share); zeros when omitted. */
  readonly initialState?: (hyper: HyperValues) => readonly number[];
  /** The rule written out for the formula view, in symbols and with one update's numbers. */
  readonly formula: RuleFormula;
  /** p after one update; writes the new state in place. */
  readonly update: (
    p: number,
    g: number,
    lr: number,
    hyper: HyperValues,
    state: Float64Array,
    at: number,
    t: number,
  ) => number;
}

/** One update of one parameter p, with the numbers the formula view puts in the rule. */
export interface RuleStep {
  /** The parameter's name: 'w' or 'b'. */
  readonly p: string;
  readonly before: number;
  readonly after: number;
  readonly g: number;
  readonly lr: number;
  readonly hyper: HyperValues;
  /** The parameter's state before and after the update, by the rule's state names. */
  readonly stateBefore: Readonly<Record<string, number>>;
  readonly stateAfter: Readonly<Record<string, number>>;
  /** The update's number, from 1. */
  readonly t: number;
}

/** An update rule as the formula view writes it. */
export interface RuleFormula {
  /** The rule in symbols for parameter p, one assignment a line: ['v ← μ·v + g', 'w ← w − α·v']. */
  readonly lines: (p: string) => readonly string[];
  /** The same lines with one update's numbers in place (`fmt` writes a number). */
  readonly live: (step: RuleStep, fmt: (x: number) => string) => readonly string[];
}

/**
 * What the generated Python scripts (python.ts) need of an optimizer with an update rule: its
 * hyperparameters as variables, its per-parameter state as variables, and its update as a function
 * `p, state… = step(p, grad, state…)` written in the same order of operations as its UpdateRule.
 */
export interface PythonRule {
  /** The plain-Python script's file name; the PyTorch script's adds `_torch`. */
  readonly scriptName: string;
  /** What the script's first comment calls the optimizer. */
  readonly title: string;
  /** Assigned at the top of the script under their own keys (`momentum = 0.9`), in this order. */
  readonly hyperParameters: readonly HyperParameter[];
  /** Each parameter's state variables, `<name>_w` (and `<name>_b`), with their initial Python values. */
  readonly state: readonly { readonly name: string; readonly initial: string }[];
  /** Variables every parameter's step reads, set up once and advanced once per update (Adam's βᵗ). */
  readonly shared?: { readonly init: readonly string[]; readonly perUpdate: readonly string[] };
  /** `def <stepFunction>(p, grad, <state…>):` … `return p, <state…>`, the rule in Python. */
  readonly step: readonly string[];
  readonly stepFunction: string;
  /** The torch.optim constructor for a parameter list and a learning rate, both given as Python source. */
  readonly torchOptimizer: (params: string, lr: string, hyper: HyperValues) => string;
}

/** A hyperparameter's value in `hyper`, or its default. */
export function hyperValue(parameter: HyperParameter, hyper: HyperValues): number {
  return hyper[parameter.key] ?? parameter.defaultValue;
}
