import { createElement, Fragment, useId, useMemo, type ReactNode } from 'react';
import {
  formatFormulaNumber,
  formulaNumberParts,
  formulaObjective,
  gradientText,
  gradientValueText,
  lastUpdate,
  ruleText,
  updateText,
  type FormulaObjective,
  type FormulaParam,
  type FormulaUpdate,
  type ModelKind,
  namedOptimizerState,
  type HyperValues,
  type RunState,
} from '../../core';
import { useT, type Translate } from '../../i18n';
import { usePlaygroundSelector } from '../../store/context';
import type { RunId } from '../../store/playground';
import { selectCursorOf, selectPendingOf, selectRun } from '../../store/selectors';
import './formula.css';

// ── Native MathML (Chromium renders MathML Core; no KaTeX) ──────────────────────────────────────
// React creates these in the MathML namespace inside <math>. Built with createElement because the
// React typings have no MathML elements.

type MathTag =
  'math' | 'mrow' | 'mi' | 'mn' | 'mo' | 'mtext' | 'mfrac' | 'msub' | 'msup' | 'munderover' | 'mspace';

const m = (tag: MathTag, props: Record<string, string> | null, ...children: ReactNode[]) =>
  createElement(tag, props, ...children);
const mrow = (...children: ReactNode[]) => m('mrow', null, ...children);
const mi = (text: string) => m('mi', null, text);
const mn = (text: string) => m('mn', null, text);
const mo = (text: string, props: Record<string, string> | null = null) => m('mo', props, text);
const msub = (base: ReactNode, sub: ReactNode) => m('msub', null, base, sub);
const mfrac = (top: ReactNode, bottom: ReactNode) => m('mfrac', null, top, bottom);
const gap = () => m('mspace', { width: '1em' });

/** xᵢ, yᵢ, or with a concrete index x₁. */
const indexed = (name: string, index: string = 'i') =>
  msub(mi(name), /^\d+$/.test(index) ? mn(index) : mi(index));

/** ∂cost/∂w as a fraction. */
const partial = (objective: FormulaObjective, param: FormulaParam) =>
  mfrac(mrow(mi('∂'), mi(objective === 'cost' ? 'cost' : 'loss')), mrow(mi('∂'), mi(param)));

/**
 * A number as formatFormulaNumber writes it, typeset: a real minus, 10 to a power for tiny or huge
 * values, and parentheses around a negative operand.
 */
function num(x: number, operand = false): ReactNode {
  const parts = formulaNumberParts(x);
  const magnitude = !parts.finite
    ? parts.mantissa === '∞'
      ? mi('∞')
      : m('mtext', null, parts.mantissa)
    : parts.exponent === null
      ? mn(parts.mantissa)
      : mrow(
          mn(parts.mantissa),
          mo('×'),
          m(
            'msup',
            null,
            mn('10'),
            parts.exponent < 0 ? mrow(mo('−'), mn(String(-parts.exponent))) : mn(String(parts.exponent)),
          ),
        );
  if (!parts.negative) return magnitude;
  const signed = mrow(mo('−'), magnitude);
  return operand ? mrow(mo('('), signed, mo(')')) : signed;
}

/** The residual ŷᵢ − yᵢ: xᵢ·w − yᵢ (model 'w') or xᵢ·w + b − yᵢ, with symbols or numbers. */
function residual(
  model: ModelKind,
  x: ReactNode,
  y: ReactNode,
  params: { w: number; b: number } | null,
  times: string,
): ReactNode {
  const w = params ? num(params.w, true) : mi('w');
  if (model === 'w') return mrow(x, mo(times), w, mo('−'), y);
  const b = params ? num(Math.abs(params.b)) : mi('b');
  return mrow(x, mo(times), w, mo(params && params.b < 0 ? '−' : '+'), b, mo('−'), y);
}

const paren = (inner: ReactNode) => mrow(mo('('), inner, mo(')'));

/** (2/n) Σᵢ₌₁ⁿ or (2/3) Σᵢ₌₁³. */
function meanOfSum(count: ReactNode): ReactNode {
  return mrow(mfrac(mn('2'), count), m('munderover', null, mo('∑'), mrow(mi('i'), mo('='), mn('1')), count));
}

interface MathProps {
  readonly label: string;
  readonly children: ReactNode;
}

/** One displayed formula; its aria-label says it as plain text. */
function MathBlock({ label, children }: MathProps) {
  return m('math', { display: 'block', 'aria-label': label, className: 'formula-math' }, children);
}

// ── The view ───────────────────────────────────────────────────────────────────────────────────

/** Unicode subscript digits for the plain-text index: x₁. */
const subscript = (n: number) => String(n).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]!);

/**
 * The update rule w ← w − α·∂cost/∂w and the gradient formula, with the numbers of the last update
 * the run took substituted: GD, its last epoch's single update; SGD, its latest per-sample update
 * (mid-epoch too) and the sample (xᵢ, yᵢ) it used. Typeset in native MathML; updated every step.
 */
export function FormulaView({ id }: { id: RunId }) {
  const t = useT();
  const titleId = useId();
  const run = usePlaygroundSelector(selectRun(id));
  // Only the per-sample run is stepped sample by sample; the others never re-render for its cursor.
  const cursor = usePlaygroundSelector(selectCursorOf(id));
  const pending = usePlaygroundSelector(selectPendingOf(id));
  const update = useMemo(() => lastUpdate(run, cursor, pending), [run, cursor, pending]);

  const { model, lr, data } = run.setup;
  const { rule } = run.setup.optimizer;
  const n = data.xs.length;
  const objective = formulaObjective(run);
  const params: readonly FormulaParam[] = model === 'w' ? ['w'] : ['w', 'b'];
  const overflowed =
    update !== null &&
    params.some((p) => !Number.isFinite(update.after[p]) || !Number.isFinite(update.gradient[p]));

  return (
    <figure className={`formula formula-${id}`} aria-labelledby={titleId}>
      <figcaption className="formula-caption">
        <h3 className="formula-title" id={titleId}>
          {t('formula.title')}
        </h3>
        <p className="formula-where">
          {update === null ? t('formula.none') : where(t, update, objective, n)}
        </p>
      </figcaption>
      <dl className="formula-lines">
        {rule && <RuleFormulaLines run={run} params={params} update={update} />}
        <div className="formula-line" hidden={rule !== undefined}>
          <dt>{t('formula.rule')}</dt>
          <dd>
            {params.map((p) => (
              <MathBlock key={p} label={`${ruleText(objective, p)}, α = ${formatFormulaNumber(lr)}`}>
                {mi(p)}
                {mo('←')}
                {mi(p)}
                {mo('−')}
                {mi('α')}
                {mo('·')}
                {partial(objective, p)}
                {mo(',')}
                {gap()}
                {mi('α')}
                {mo('=')}
                {num(lr)}
              </MathBlock>
            ))}
          </dd>
        </div>
        {update?.sample && (
          <div className="formula-line">
            <dt>{t('formula.sample')}</dt>
            <dd>
              <SampleMath update={update} />
            </dd>
          </div>
        )}
        <div className="formula-line">
          <dt>{t('formula.gradient')}</dt>
          <dd>
            {params.map((p) => (
              <GradientMath key={p} objective={objective} model={model} param={p} update={update} />
            ))}
          </dd>
        </div>
        {update !== null && !rule && (
          <div className="formula-line">
            <dt>{t('formula.update')}</dt>
            <dd>
              {params.map((p) => (
                <MathBlock key={p} label={updateText(update, lr, p)}>
                  {mi(p)}
                  {mo('=')}
                  {num(update.before[p])}
                  {mo('−')}
                  {num(lr, true)}
                  {mo('×')}
                  {num(update.gradient[p], true)}
                  {mo('=')}
                  {num(update.after[p])}
                </MathBlock>
              ))}
            </dd>
          </div>
        )}
      </dl>
      {overflowed && <p className="formula-note">{t('formula.overflow')}</p>}
      {!overflowed && run.status === 'diverged' && cursor === 0 && (
        // divergedAtEpoch counts from 0, as the lecture does; the app's k-th epoch is one more.
        <p className="formula-note">
          {t('formula.diverged', { epoch: (run.divergedAtEpoch ?? run.epoch) + 1 })}
        </p>
      )}
    </figure>
  );
}

/**
 * Where the update sits, counted as the app counts epochs (the k-th, 1-based) with the lecture's own
 * printed count beside it in code: GD's epoch (`epoch: k − 1`), SGD's epoch (`progress: k − 1`) and
 * sample i of n, mini-batch's epoch and update (no lecture script prints it).
 */
function where(t: Translate, update: FormulaUpdate, objective: FormulaObjective, n: number): ReactNode {
  const epoch = update.epoch + 1;
  if (objective === 'cost')
    return withLectureLine(t('formula.at.gd', { epoch, n }), `epoch: ${update.epoch}`);
  if (objective === 'loss')
    return withLectureLine(
      t('formula.at.sgd', { epoch, sample: update.step + 1, n }),
      `progress: ${update.epoch}`,
    );
  const step = update.step + 1;
  if (update.indices.length === 1) return t('formula.at.batchOfOne', { epoch, step });
  return t('formula.at.batch', { epoch, step, m: update.indices.length });
}

/**
 * A message with the lecture's printed line in code style at its `{line}` placeholder, which the
 * translation leaves in place because it is not given as a parameter.
 */
function withLectureLine(text: string, line: string): ReactNode {
  const [before, ...after] = text.split('{line}');
  if (after.length === 0) return text;
  return (
    <>
      {before}
      <code className="formula-lecture-line">{line}</code>
      {after.join(line)}
    </>
  );
}

/** (xᵢ, yᵢ) = (1.0, 2.0) with the sample's 1-based index. */
function SampleMath({ update }: { update: FormulaUpdate }) {
  const sample = update.sample!;
  const i = String(sample.index + 1);
  const label = `(x${subscript(sample.index + 1)}, y${subscript(sample.index + 1)}) = (${formatFormulaNumber(sample.x)}, ${formatFormulaNumber(sample.y)})`;
  return (
    <MathBlock label={label}>
      {paren(mrow(indexed('x', i), mo(','), indexed('y', i)))}
      {mo('=')}
      {paren(mrow(num(sample.x), mo(','), num(sample.y)))}
    </MathBlock>
  );
}

interface GradientMathProps {
  readonly objective: FormulaObjective;
  readonly model: ModelKind;
  readonly param: FormulaParam;
  readonly update: FormulaUpdate | null;
}

/**
 * The gradient, generic then with the numbers: GD ∂cost/∂w = (2/n) Σ xᵢ·(xᵢ·w − yᵢ), then
 * = (2/3) Σ xᵢ·(xᵢ·1.0933 − yᵢ) = −8.4622; SGD ∂loss/∂w = 2·xᵢ·(xᵢ·w − yᵢ), then
 * = 2 × 1.0 × (1.0 × 1.0 − 2.0) = −2.0.
 */
function GradientMath({ objective, model, param, update }: GradientMathProps) {
  const perSample = objective === 'loss';
  // ∂/∂w has the leading xᵢ of the chain rule; ∂/∂b does not.
  const factor = (x: ReactNode, times: string) =>
    param === 'w' ? createElement(Fragment, null, x, mo(times)) : null;
  const generic = (
    <MathBlock label={gradientText(objective, model, param)}>
      {partial(objective, param)}
      {mo('=')}
      {perSample ? mrow(mn('2'), mo('·')) : meanOfSum(mi(objective === 'cost' ? 'n' : 'm'))}
      {factor(indexed('x'), '·')}
      {paren(residual(model, indexed('x'), indexed('y'), null, '·'))}
    </MathBlock>
  );
  if (update === null) return generic;
  const { sample } = update;
  const substituted =
    perSample && sample ? (
      <MathBlock label={gradientValueText(objective, model, update, param)}>
        {mo('=')}
        {mn('2')}
        {mo('×')}
        {factor(num(sample.x, true), '×')}
        {paren(residual(model, num(sample.x, true), num(sample.y, true), update.before, '×'))}
        {mo('=')}
        {num(update.gradient[param])}
      </MathBlock>
    ) : (
      <MathBlock label={gradientValueText(objective, model, update, param)}>
        {mo('=')}
        {meanOfSum(mn(String(update.indices.length)))}
        {factor(indexed('x'), '·')}
        {paren(residual(model, indexed('x'), indexed('y'), update.before, '·'))}
        {mo('=')}
        {num(update.gradient[param])}
      </MathBlock>
    );
  return (
    <>
      {generic}
      {substituted}
    </>
  );
}

/**
 * An optimizer with an update rule (momentum, Adam…): its rule in symbols with its hyperparameters,
 * and the last update with its numbers, state included (velocity, moments), per parameter.
 */
function RuleFormulaLines({
  run,
  params,
  update,
}: {
  run: RunState;
  params: readonly FormulaParam[];
  update: FormulaUpdate | null;
}) {
  const t = useT();
  const { rule, hyper = {} } = run.setup.optimizer;
  if (!rule) return null;
  const settings = [`α = ${formatFormulaNumber(run.setup.lr)}`, ...hyperText(hyper)].join(', ');
  const state = update?.state;
  const before = state ? namedOptimizerState(rule, run.setup.model, state.before) : null;
  const after = state ? namedOptimizerState(rule, run.setup.model, state.after) : null;
  return (
    <>
      <div className="formula-line">
        <dt>{t('formula.rule')}</dt>
        <dd>
          {params.map((p) => (
            <p key={p} className="formula-rule-text">
              {rule.formula.lines(p).join('; ')}
            </p>
          ))}
          <p className="formula-rule-text">{settings}</p>
        </dd>
      </div>
      {update && before && after && state && (
        <div className="formula-line">
          <dt>{t('formula.update')}</dt>
          <dd>
            {params.map((p) =>
              rule.formula
                .live(
                  {
                    p,
                    before: update.before[p],
                    after: update.after[p],
                    g: update.gradient[p],
                    lr: run.setup.lr,
                    hyper,
                    stateBefore: before[p] ?? {},
                    stateAfter: after[p] ?? {},
                    t: state.t,
                  },
                  (x) => formatFormulaNumber(x),
                )
                .map((line, i) => (
                  <p key={`${p}-${i}`} className="formula-rule-text formula-live">
                    {line}
                  </p>
                )),
            )}
          </dd>
        </div>
      )}
    </>
  );
}

/** Hyperparameters as the formula writes them: μ = 0.9, β₁ = 0.9 … */
function hyperText(hyper: HyperValues): string[] {
  const symbols: Readonly<Record<string, string>> = {
    momentum: 'μ',
    beta1: 'β₁',
    beta2: 'β₂',
    eps: 'ε',
    alpha: 'ρ',
  };
  return Object.entries(hyper).map(
    ([key, value]) => `${symbols[key] ?? key} = ${formatFormulaNumber(value ?? NaN)}`,
  );
}
