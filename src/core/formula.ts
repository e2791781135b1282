/**
 * The numbers behind the formula view: the last parameter update a run took, a compact number format
 * for typeset formulas, and the formulas as plain text (what a screen reader says for the MathML).
 *
 * Formulas use the lecture's names: GD differentiates `cost` (the mean over all n samples), SGD the
 * per-sample `loss`.
 */
import type { ModelKind, Params } from './model';
import { epochUpdates, type RunState, type SampleUpdate } from './optimizer';

/** The one sample of a single-sample (SGD) update: its data-set index and (xᵢ, yᵢ). */
export interface FormulaSample {
  readonly index: number;
  readonly x: number;
  readonly y: number;
}

/** One update θ_after = θ_before − α·∇, with where it sits in the run. */
export interface FormulaUpdate {
  /** The epoch the update belongs to, 0-based as the lecture prints it (the app's epoch + 1). */
  readonly epoch: number;
  /** Position of the update within its epoch (0-based). */
  readonly step: number;
  readonly before: Params;
  /** The gradient used, evaluated at `before`. */
  readonly gradient: Params;
  readonly after: Params;
  /** The data-set indices of the update's batch (all n for GD). */
  readonly indices: readonly number[];
  /** The sample of a per-sample update (SGD); absent for GD and multi-sample batches. */
  readonly sample?: FormulaSample;
  /** With an update rule: the update's number t and the rule's state around it. */
  readonly state?: SampleUpdate['state'];
}

function toFormulaUpdate(run: RunState, epoch: number, update: SampleUpdate): FormulaUpdate {
  const { data, optimizer } = run.setup;
  const base = {
    epoch,
    step: update.step,
    before: update.before,
    gradient: update.gradient,
    after: update.after,
    indices: update.indices,
    ...(update.state ? { state: update.state } : {}),
  };
  const index = update.indices[0];
  if (optimizer.kind === 'gd' || update.indices.length !== 1 || index === undefined) return base;
  return { ...base, sample: { index, x: data.xs[index]!, y: data.ys[index]! } };
}

// The last update of a run's last completed epoch depends on the run object alone (runs are
// immutable), so replaying that epoch once per run is enough, however often the view re-renders.
const lastOfEpochCache = new WeakMap<RunState, FormulaUpdate | null>();

/**
 * The latest update a run has taken: mid-epoch (SGD stepped sample by sample) the cursor's last one,
 * pendingUpdates[sampleCursor − 1]; otherwise the last update of the last completed epoch, replayed
 * with epochUpdates(run, epoch − 1). Null before the first update. Pass the run's own cursor and
 * pending updates (0 and [] for a run that is not stepped by sample).
 */
export function lastUpdate(
  run: RunState,
  sampleCursor: number,
  pendingUpdates: readonly SampleUpdate[],
): FormulaUpdate | null {
  if (sampleCursor > 0) {
    const pending = pendingUpdates[sampleCursor - 1];
    if (pending) return toFormulaUpdate(run, run.epoch, pending);
  }
  if (run.epoch === 0) return null;
  const cached = lastOfEpochCache.get(run);
  if (cached !== undefined) return cached;
  const updates = epochUpdates(run, run.epoch - 1);
  const last = updates[updates.length - 1];
  const result = last ? toFormulaUpdate(run, run.epoch - 1, last) : null;
  lastOfEpochCache.set(run, result);
  return result;
}

/**
 * A number as a formula shows it, in parts: sign, digits, and a power of ten for tiny or huge values
 * (|x| < 10⁻³ or |x| ≥ 10⁶): x = ±mantissa × 10^exponent. `finite` is false for ±∞ and NaN, whose
 * mantissa is '∞' or '—' (a formula never shows "NaN" or "Infinity").
 */
export interface FormulaNumber {
  readonly negative: boolean;
  readonly mantissa: string;
  readonly exponent: number | null;
  readonly finite: boolean;
}

const SMALL = 1e-3;
const LARGE = 1e6;

/**
 * Splits x for a formula: values exact to `digits` decimals as Python prints them (1 → '1.0',
 * 0.01 → '0.01', 1.02 → '1.02'); any other value rounded to exactly `digits` decimals
 * (1.17795… → '1.1780'), so a rounded number always shows all its decimals. Outside
 * 10⁻³ ≤ |x| < 10⁶ the same rule applies to the mantissa of x = m × 10^e.
 */
export function formulaNumberParts(x: number, digits = 4): FormulaNumber {
  if (Number.isNaN(x)) return { negative: false, mantissa: '—', exponent: null, finite: false };
  if (!Number.isFinite(x)) return { negative: x < 0, mantissa: '∞', exponent: null, finite: false };
  const places = Math.max(0, Math.min(20, Math.floor(digits)));
  const negative = x < 0;
  const a = Math.abs(x);
  if (a === 0) return { negative: false, mantissa: '0.0', exponent: null, finite: true };
  if (a < SMALL || a >= LARGE) {
    const [shortMantissa = '', exponentText = '0'] = a.toExponential().split('e');
    const fraction = shortMantissa.split('.')[1] ?? '';
    const [mantissa = '', roundedExponent = '0'] = (
      fraction.length <= places ? `${shortMantissa}e${exponentText}` : a.toExponential(places)
    ).split('e');
    return { negative, mantissa, exponent: Number(roundedExponent), finite: true };
  }
  const rounded = a.toFixed(places);
  if (Number(rounded) !== a) return { negative, mantissa: rounded, exponent: null, finite: true };
  // Exact: the shortest digits, with a '.0' on whole numbers as Python prints floats.
  const shortest = String(a);
  return {
    negative,
    mantissa: shortest.includes('.') ? shortest : `${shortest}.0`,
    exponent: null,
    finite: true,
  };
}

/**
 * x for a formula: formulaNumberParts as one string with a real minus sign (U+2212) and e-notation
 * for the power of ten: '1.0933', '−9.3333', '1.0', '1.1780', '1.2e-5', '−2.5e+7', '∞', '—'.
 */
export function formatFormulaNumber(x: number, digits = 4): string {
  const { negative, mantissa, exponent } = formulaNumberParts(x, digits);
  const power = exponent === null ? '' : `e${exponent < 0 ? '-' : '+'}${Math.abs(exponent)}`;
  return `${negative ? '−' : ''}${mantissa}${power}`;
}

/** A number substituted after an operator: negative values in parentheses, '(−9.3333)'. */
export function formulaOperand(x: number, digits = 4): string {
  const text = formatFormulaNumber(x, digits);
  return text.startsWith('−') ? `(${text})` : text;
}

/** Which parameter a formula line is about. */
export type FormulaParam = 'w' | 'b';

/**
 * What a formula differentiates: 'cost', the mean over all n samples (GD); 'loss' of one sample
 * (SGD); 'batch', the mean loss over a batch of m samples (mini-batch).
 */
export type FormulaObjective = 'cost' | 'loss' | 'batch';

/** The objective a run's updates differentiate: cost for GD, loss for SGD, batch otherwise. */
export function formulaObjective(run: RunState): FormulaObjective {
  const { kind } = run.setup.optimizer;
  return kind === 'gd' ? 'cost' : kind === 'sgd' ? 'loss' : 'batch';
}

const objectiveName = (objective: FormulaObjective) => (objective === 'cost' ? 'cost' : 'loss');

/** The update rule as text: 'w ← w − α · ∂cost/∂w' (θ ← θ − α·∂f/∂θ). */
export function ruleText(objective: FormulaObjective, param: FormulaParam = 'w'): string {
  return `${param} ← ${param} − α · ∂${objectiveName(objective)}/∂${param}`;
}

/** The residual ŷᵢ − yᵢ written out: 'xᵢ · w − yᵢ' or 'xᵢ · w + b − yᵢ', with values when given. */
function residualText(model: ModelKind, x: string, y: string, params?: Params): string {
  const w = params ? formulaOperand(params.w) : 'w';
  if (model === 'w') return `${x} · ${w} − ${y}`;
  const b = params ? formatFormulaNumber(Math.abs(params.b)) : 'b';
  const plus = params && params.b < 0 ? '−' : '+';
  return `${x} · ${w} ${plus} ${b} − ${y}`;
}

/**
 * The gradient formula as text, generic: GD '∂cost/∂w = (2/n) Σᵢ xᵢ · (xᵢ · w − yᵢ)' (the mean of
 * ∂ℓᵢ/∂w = 2·xᵢ·(xᵢ·w − yᵢ) over all n samples); SGD '∂loss/∂w = 2 · xᵢ · (xᵢ · w − yᵢ)'.
 * For b the leading xᵢ is dropped: ∂ℓᵢ/∂b = 2·(xᵢ·w + b − yᵢ).
 */
export function gradientText(
  objective: FormulaObjective,
  model: ModelKind,
  param: FormulaParam = 'w',
): string {
  const name = `∂${objectiveName(objective)}/∂${param}`;
  const residual = residualText(model, 'xᵢ', 'yᵢ');
  const factor = param === 'w' ? 'xᵢ · ' : '';
  if (objective === 'loss') return `${name} = 2 · ${factor}(${residual})`;
  const count = objective === 'cost' ? 'n' : 'm';
  return `${name} = (2/${count}) Σᵢ ${factor}(${residual})`;
}

/**
 * The gradient of one update with its numbers substituted, as text: GD
 * '∂cost/∂w = (2/3) Σᵢ xᵢ · (xᵢ · 1.0 − yᵢ) = −9.3333' (θ_before in, n = number of samples);
 * SGD '∂loss/∂w = 2 × 1.0 × (1.0 × 1.0 − 2.0) = −2.0' (the sample's xᵢ, yᵢ in too).
 */
export function gradientValueText(
  objective: FormulaObjective,
  model: ModelKind,
  update: FormulaUpdate,
  param: FormulaParam = 'w',
): string {
  const name = `∂${objectiveName(objective)}/∂${param}`;
  const value = formatFormulaNumber(update.gradient[param]);
  const { sample } = update;
  if (objective === 'loss' && sample) {
    const x = formulaOperand(sample.x);
    const residual = residualText(model, x, formulaOperand(sample.y), update.before).replaceAll(' · ', ' × ');
    const factor = param === 'w' ? `${x} × ` : '';
    return `${name} = 2 × ${factor}(${residual}) = ${value}`;
  }
  const residual = residualText(model, 'xᵢ', 'yᵢ', update.before);
  const factor = param === 'w' ? 'xᵢ · ' : '';
  return `${name} = (2/${update.indices.length}) Σᵢ ${factor}(${residual}) = ${value}`;
}

/** One update with its numbers, as text: 'w = 1.0933 − 0.01 × (−8.4622) = 1.1780'. */
export function updateText(update: FormulaUpdate, lr: number, param: FormulaParam = 'w'): string {
  const before = formatFormulaNumber(update.before[param]);
  const rate = formulaOperand(lr);
  const gradient = formulaOperand(update.gradient[param]);
  return `${param} = ${before} − ${rate} × ${gradient} = ${formatFormulaNumber(update.after[param])}`;
}
