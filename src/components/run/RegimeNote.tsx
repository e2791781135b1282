import { formatRegimeFactor, optimizerEntry, pyFloat, type LearningRateRegime } from '../../core';
import { useT, type MessageKey } from '../../i18n';
import { usePlaygroundSelector } from '../../store/context';
import type { RunId } from '../../store/playground';
import { selectLearningRate, selectModel, selectRegime } from '../../store/selectors';
import './regime.css';

export type RegimeNoteVariant = 'short' | 'verdict' | 'why';

interface RegimeNoteProps {
  readonly id: RunId;
  /**
   * 'short': one line for beside the learning-rate slider; 'verdict': the words and the factor, at
   * the top of the run's panel; 'why': the sentence that explains them, under the run's picture (the
   * first screen keeps its height for the landscape).
   */
  readonly variant: RegimeNoteVariant;
}

/** The words for a regime; GD takes one step per epoch, the others several. */
function wordsKey({ kind }: LearningRateRegime, perStep: boolean): MessageKey {
  switch (kind) {
    case 'smooth':
      return 'regime.smooth';
    case 'oscillating':
      return 'regime.oscillating';
    case 'one-step':
      return perStep ? 'regime.oneStep' : 'regime.oneEpoch';
    case 'diverges':
      return 'regime.diverges';
    case 'stalls':
      return 'regime.stalls';
    case 'adaptive':
      return 'regime.adaptive';
  }
}

/** Why the regime is what it is; a negative factor means each epoch ends on the other side of w*. */
function whyKey({ kind, factor }: LearningRateRegime, perStep: boolean): MessageKey {
  const unit = perStep ? 'step' : 'epoch';
  switch (kind) {
    case 'smooth':
      return `regime.why.smooth.${unit}`;
    case 'oscillating':
      return `regime.why.oscillating.${unit}`;
    case 'one-step':
      return perStep ? 'regime.why.oneStep' : 'regime.why.oneEpoch';
    case 'diverges':
      return factor < 0 ? `regime.why.overshootGrows.${unit}` : 'regime.why.driftsAway';
    case 'stalls':
      return factor < 0 ? `regime.why.bounces.${unit}` : 'regime.why.standsStill';
    case 'adaptive':
      return 'regime.why.adaptive';
  }
}

/**
 * What the current learning rate will do to run `id`, before Play: "converges smoothly", "overshoots
 * and oscillates, but converges", "lands on w* in one step", "diverges", with the factor each epoch
 * multiplies the distance to w* by (learningRateRegime), and one sentence why.
 * Classes: `regime regime-<variant> regime-<kind>` (kind: smooth, oscillating, one-step, diverges,
 * stalls); the verdict's parts are `regime-words` and `regime-factor`.
 */
export function RegimeNote({ id, variant }: RegimeNoteProps) {
  const t = useT();
  const regime = usePlaygroundSelector(selectRegime(id));
  const lr = usePlaygroundSelector(selectLearningRate);
  const model = usePlaygroundSelector(selectModel);
  // A full-batch run's factor is per step (one step an epoch); the others' per epoch of steps.
  const perStep = optimizerEntry(id).batching === 'full';
  const target = model === 'wb' ? '(w*, b*)' : 'w*';
  const run = t(`run.${id}.short`);
  const words = t(wordsKey(regime, perStep), { target });
  // An infinite factor is said in words: a note never shows "Infinity" (and the factor is never NaN).
  const bounded = Number.isFinite(regime.factor);
  const adaptive = regime.kind === 'adaptive';
  const factor = formatRegimeFactor(regime.factor);
  const className = `regime regime-${variant} regime-${regime.kind}`;

  if (variant === 'short') {
    return (
      <p className={className}>
        {adaptive
          ? t('regime.shortAdaptive', { run, words })
          : bounded
            ? t('regime.short', { run, words, factor })
            : t('regime.shortUnbounded', { run, words })}
      </p>
    );
  }
  if (variant === 'why') return <p className={className}>{t(whyKey(regime, perStep), { target })}</p>;
  return (
    <p className={className}>
      <span className="regime-words">{t('regime.full', { lr: pyFloat(lr), run, words })}</span>{' '}
      <span className="regime-factor">
        {adaptive
          ? t('regime.factorAdaptive')
          : bounded
            ? t('regime.factor', { target, factor })
            : t('regime.factorUnbounded', { target })}
      </span>
    </p>
  );
}
