import { useMemo } from 'react';
import { cost, predict, pyFloat, type ModelKind } from '../../core';
import { gradientWorking, sgdLossWorking, stepWorking, type SceneSetup } from '../../core/lesson';
import { useT } from '../../i18n';
import { usePlaygroundSelector } from '../../store/context';
import { selectLessonSettings } from '../../store/lesson';
import { HEIGHT, LessonAxes, PAD, WIDTH } from './lessonPlot';

/** The upper end of an axis from 0: a whole number up to 20, else 2, 5 or 10 times a power of ten. */
function niceTop(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  if (value <= 20) return Math.ceil(value);
  const power = 10 ** Math.floor(Math.log10(value));
  return [2, 5, 10].map((step) => step * power).find((top) => top >= value) ?? 10 * power;
}

/**
 * The task: the training points, the line ŷ = x·w (+ b) at the setup's starting w, and each point's
 * gap to the line, dashed: the errors whose squares the cost averages.
 */
export function TaskFigure() {
  const t = useT();
  const settings = usePlaygroundSelector(selectLessonSettings);
  const { xs, ys, model, w0, b0 } = settings;
  const shape = useMemo(() => taskShape(xs, ys, model, w0, b0), [xs, ys, model, w0, b0]);
  const w = pyFloat(w0);
  return (
    <figure className="lesson-figure lesson-task" aria-label={t('lesson.task.figure', { w })}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="lesson-svg" aria-hidden="true">
        <LessonAxes />
        <text className="lesson-tick" x={PAD.left - 6} y={PAD.top + 4} textAnchor="end">
          {shape.yTop}
        </text>
        <text className="lesson-tick" x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end">
          {shape.xTop}
        </text>
        <text className="lesson-tick" x={PAD.left - 6} y={HEIGHT - PAD.bottom} textAnchor="end">
          0
        </text>
        <line className="lesson-model-line" {...shape.line} />
        {shape.points.map((point, i) => (
          <g key={i}>
            <line className="lesson-gap" x1={point.x} y1={point.y} x2={point.x} y2={point.fit} />
            <circle className="lesson-point" cx={point.x} cy={point.y} r={5} />
          </g>
        ))}
      </svg>
      <figcaption className="lesson-caption mono">
        {t('lesson.task.line', { w })} · {t('lesson.task.cost', { cost: pyFloat(shape.cost) })}
      </figcaption>
    </figure>
  );
}

function taskShape(xs: readonly number[], ys: readonly number[], model: ModelKind, w: number, b: number) {
  const params = { w, b: model === 'w' ? 0 : b };
  const fits = xs.map((x) => predict(model, params, x));
  const xTop = niceTop(Math.max(0, ...xs.filter(Number.isFinite)) * 1.15);
  const yTop = niceTop(Math.max(0, ...ys.filter(Number.isFinite), ...fits.filter(Number.isFinite)) * 1.1);
  const sx = (x: number) => PAD.left + (x / xTop) * (WIDTH - PAD.left - PAD.right);
  const sy = (y: number) => {
    const at = HEIGHT - PAD.bottom - (y / yTop) * (HEIGHT - PAD.top - PAD.bottom);
    return Math.min(HEIGHT + 50, Math.max(-50, at));
  };
  return {
    xTop,
    yTop,
    cost: cost(model, params, { xs, ys }),
    line: {
      x1: sx(0),
      y1: sy(predict(model, params, 0)),
      x2: sx(xTop),
      y2: sy(predict(model, params, xTop)),
    },
    points: xs.map((x, i) => ({ x: sx(x), y: sy(ys[i]!), fit: sy(fits[i]!) })),
  };
}

/** The lecture's gradient at the scene's w, written out with the data's numbers. */
export function GradientWorking({ setup }: { setup: SceneSetup }) {
  const t = useT();
  const working = useMemo(() => gradientWorking(setup.data, setup.w0), [setup]);
  return (
    <figure className="lesson-figure lesson-working">
      <figcaption className="lesson-caption">
        {t('lesson.gradient.heading', { w: pyFloat(setup.w0) })}
      </figcaption>
      <p className="mono lesson-line">{working.formula}</p>
      <p className="mono lesson-line">= {working.terms}</p>
      <p className="mono lesson-line lesson-result">= {working.value}</p>
    </figure>
  );
}

/** The first step, worked, beside the line the lecture's script prints for it. */
export function StepWorking({ setup }: { setup: SceneSetup }) {
  const t = useT();
  const working = useMemo(() => stepWorking(setup.data, setup.w0, setup.lr), [setup]);
  return (
    <figure className="lesson-figure lesson-working">
      <figcaption className="lesson-caption">{t('lesson.step.heading')}</figcaption>
      <p className="mono lesson-line lesson-result">{working.update}</p>
      <p className="lesson-caption">{t('lesson.step.printed')}</p>
      <pre className="lesson-print">{working.printed}</pre>
    </figure>
  );
}

/** What SGD's first epoch ends by printing, and why that loss is one sample's. */
export function SgdLossWorking({ setup }: { setup: SceneSetup }) {
  const t = useT();
  const working = useMemo(() => sgdLossWorking(setup.data, setup.w0, setup.lr), [setup]);
  return (
    <figure className="lesson-figure lesson-working">
      <figcaption className="lesson-caption">{t('lesson.sgd.heading')}</figcaption>
      <pre className="lesson-print">{working.lines[working.lines.length - 1]}</pre>
      <p>{t('lesson.sgd.loss', { loss: working.loss, n: setup.data.xs.length, cost: working.cost })}</p>
    </figure>
  );
}
