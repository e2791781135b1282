import { useId, useMemo } from 'react';
import { formatRegimeFactor, optimum, pyFloat } from '../../core';
import { gdOutcome, LESSON_OUTCOMES } from '../../core/lesson';
import { useT } from '../../i18n';
import { usePlaygroundSelector } from '../../store/context';
import {
  selectLessonActions,
  selectLessonChoice,
  selectLessonRevealed,
  selectLessonSettings,
  useLessonStore,
} from '../../store/lesson';

/**
 * Predict, then see: what will GD's w do at the learning rate now set? The class picks one of three
 * answers (nothing is graded or kept beyond the page); once the run has played to its end (useLesson
 * reveals it) the outcome shows against the choice, with one sentence on why: the factor each epoch
 * multiplies w's distance to w* by, as the core computes it (gdOutcome, learningRateRegime).
 */
export function PredictQuestion() {
  const t = useT();
  const legendId = useId();
  const name = useId();
  const choice = useLessonStore(selectLessonChoice);
  const revealed = useLessonStore(selectLessonRevealed);
  const { choose } = useLessonStore(selectLessonActions);
  const settings = usePlaygroundSelector(selectLessonSettings);
  const { xs, ys, model, lr } = settings;
  const { regime, target } = useMemo(() => {
    const data = { xs, ys };
    return {
      regime: gdOutcome(model, data, lr),
      target: pyFloat(optimum(model, data).w),
    };
  }, [xs, ys, model, lr]);
  const outcome = regime.kind;
  const outcomeText = t(`lesson.outcome.${outcome}`, { target });

  return (
    <div className="lesson-figure lesson-question">
      <fieldset role="radiogroup" aria-labelledby={legendId} className="lesson-options">
        <legend id={legendId} className="lesson-caption">
          {t('lesson.question.legend', { lr: pyFloat(lr) })}
        </legend>
        {LESSON_OUTCOMES.map((option) => {
          const happened = revealed && option === outcome;
          const chosen = option === choice;
          return (
            <label
              key={option}
              className={`lesson-option${chosen ? ' is-chosen' : ''}${happened ? ' is-outcome' : ''}`}
            >
              <input
                type="radio"
                name={name}
                value={option}
                checked={chosen}
                onChange={() => choose(option)}
              />
              <span>{t(`lesson.outcome.${option}`, { target })}</span>
              {revealed && chosen && <span className="lesson-marker">{t('lesson.reveal.yours')}</span>}
              {happened && (
                <span className="lesson-marker lesson-marker-outcome">{t('lesson.reveal.marker')}</span>
              )}
            </label>
          );
        })}
      </fieldset>
      <div className="lesson-reveal" aria-live="polite">
        {revealed ? (
          <>
            <p className="lesson-reveal-result">
              {choice === null
                ? t('lesson.reveal.noChoice', { outcome: outcomeText })
                : t('lesson.reveal.result', {
                    choice: t(`lesson.outcome.${choice}`, { target }),
                    outcome: outcomeText,
                  })}
            </p>
            <p>{t(`lesson.reveal.why.${outcome}`, { factor: formatRegimeFactor(regime.factor) })}</p>
          </>
        ) : (
          <p className="lesson-waiting">{t('lesson.reveal.waiting')}</p>
        )}
      </div>
    </div>
  );
}
