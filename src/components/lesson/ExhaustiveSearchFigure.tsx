import { useEffect, useMemo, useState } from 'react';
import { pyFloat } from '../../core';
import {
  bestOf,
  daysToEvaluate,
  exhaustiveSearch,
  GRID_SIZE,
  groupDigits,
  SEARCH_TOLERANCE,
  searchGrowth,
  type SceneSetup,
  type SearchPoint,
} from '../../core/lesson';
import { useT, type MessageKey } from '../../i18n';
import { HEIGHT, LessonAxes, PAD, WIDTH } from './lessonPlot';

/** One evaluation is drawn every this many milliseconds: the 41 take about 2.5 s. */
export const SEARCH_STEP_MS = 60;

/** The lecture's models with one and two parameters, named beside their rows. */
const MODEL_OF: Readonly<Record<number, MessageKey>> = {
  1: 'lesson.search.parametersW',
  2: 'lesson.search.parametersWb',
};

/** Evaluations a second the "how long" of ten parameters assumes: a billion. */
const PER_SECOND = 1_000_000_000;

function prefersReducedMotion(): boolean {
  try {
    return (
      typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
    );
  } catch {
    return false;
  }
}

/**
 * The previous lecture's exhaustive search (穷举法), point by point: the cost over all the data at
 * each w = 0.0, 0.1, …, 4.0, one evaluation every SEARCH_STEP_MS (all at once when the reader asks
 * for reduced motion), the lowest so far marked; beside it, how the grid grows with the number of
 * parameters (41, 41² = 1,681, 41¹⁰) against the steps gradient descent needs to get as close, on a
 * log scale. Every number comes from the core (numbers.ts). Remount it (a new key) to search again.
 */
export function ExhaustiveSearchFigure({ setup }: { setup: SceneSetup }) {
  const t = useT();
  const points = useMemo(() => exhaustiveSearch(setup.data), [setup]);
  const growth = useMemo(() => searchGrowth(setup.data, setup.lr), [setup]);
  const [done, setDone] = useState(() => (prefersReducedMotion() ? points.length : 0));

  useEffect(() => {
    if (done >= points.length) return;
    const timer = setTimeout(() => setDone((count) => Math.min(points.length, count + 1)), SEARCH_STEP_MS);
    return () => clearTimeout(timer);
  }, [done, points.length]);

  const shown = points.slice(0, done);
  const best = shown.length > 0 ? bestOf(shown) : null;
  const first = pyFloat(points[0]!.w);
  const last = pyFloat(points[points.length - 1]!.w);
  // Bars on a log scale up to the largest count, 41¹⁰ ≈ 1.3 × 10¹⁶.
  const logTop = Math.ceil(Math.log10(Number(growth[growth.length - 1]!.grid)) + 1);
  // The longest bar takes half the line, so that its number fits beside it.
  const barWidth = (value: number) => `${Math.max(1, (Math.log10(Math.max(1, value)) / logTop) * 50)}%`;

  return (
    <figure
      className="lesson-figure lesson-search"
      aria-label={t('lesson.search.figure', { count: GRID_SIZE, first, last })}
    >
      <div className="lesson-search-plot">
        <p className="lesson-caption">
          <strong>{t('lesson.search.title')}</strong>{' '}
          <span className="mono" data-testid="search-progress">
            {t('lesson.search.progress', { done, count: points.length })}
          </span>
        </p>
        <SearchPlot points={points} shown={shown} best={best} />
        <p className="lesson-caption mono">
          {best ? t('lesson.search.best', { w: pyFloat(best.w), cost: pyFloat(best.cost) }) : ' '}
        </p>
      </div>
      <div className="lesson-growth">
        <p className="lesson-caption">
          {t('lesson.search.growth', { tolerance: pyFloat(SEARCH_TOLERANCE) })}
        </p>
        <ul className="lesson-growth-rows">
          {growth.map((row) => (
            <li key={row.parameters} className="lesson-growth-row">
              <span className="lesson-growth-label">
                {t(MODEL_OF[row.parameters] ?? 'lesson.search.parameters', { n: row.parameters })}
              </span>
              <span className="lesson-bar-line">
                <span className="lesson-bar lesson-bar-grid" style={{ width: barWidth(Number(row.grid)) }} />
                <span className="lesson-bar-text mono">
                  {t('lesson.search.grid', { count: groupDigits(row.grid) })}
                  {row.gdSteps === null &&
                    ` · ${t('lesson.search.days', { days: groupDigits(daysToEvaluate(row.grid, PER_SECOND)) })}`}
                </span>
              </span>
              <span className="lesson-bar-line">
                {row.gdSteps !== null && (
                  <span className="lesson-bar lesson-bar-gd" style={{ width: barWidth(row.gdSteps) }} />
                )}
                <span className="lesson-bar-text mono">
                  {row.gdSteps === null
                    ? t('lesson.search.gdAll', { n: row.parameters })
                    : t('lesson.search.gd', { steps: row.gdSteps, lr: pyFloat(setup.lr) })}
                </span>
              </span>
            </li>
          ))}
        </ul>
      </div>
    </figure>
  );
}

interface SearchPlotProps {
  readonly points: readonly SearchPoint[];
  readonly shown: readonly SearchPoint[];
  readonly best: SearchPoint | null;
}

/** cost against w, the evaluations so far as dots (the lowest ringed); the axes span the whole grid. */
function SearchPlot({ points, shown, best }: SearchPlotProps) {
  const wMin = points[0]!.w;
  const wMax = points[points.length - 1]!.w;
  const costMax = Math.max(...points.map((point) => point.cost));
  const sx = (w: number) => PAD.left + ((w - wMin) / (wMax - wMin)) * (WIDTH - PAD.left - PAD.right);
  const sy = (c: number) => HEIGHT - PAD.bottom - (c / costMax) * (HEIGHT - PAD.top - PAD.bottom);
  const ticks = [wMin, (wMin + wMax) / 2, wMax];
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="lesson-svg" aria-hidden="true">
      <LessonAxes />
      {ticks.map((w) => (
        <text key={w} className="lesson-tick" x={sx(w)} y={HEIGHT - 6} textAnchor="middle">
          {pyFloat(w)}
        </text>
      ))}
      <text className="lesson-tick" x={PAD.left - 5} y={PAD.top + 8} textAnchor="end">
        {Math.round(costMax)}
      </text>
      <text className="lesson-tick" x={PAD.left - 5} y={HEIGHT - PAD.bottom} textAnchor="end">
        0
      </text>
      <text
        className="lesson-tick lesson-axis-name"
        x={WIDTH - PAD.right}
        y={HEIGHT - PAD.bottom - 6}
        textAnchor="end"
      >
        w
      </text>
      <g className="lesson-search-points">
        {shown.map((point) => (
          <circle
            key={point.w}
            className="lesson-search-point"
            cx={sx(point.w)}
            cy={sy(point.cost)}
            r={point === best ? 5 : 3.5}
            data-w={pyFloat(point.w)}
            data-cost={pyFloat(point.cost)}
          />
        ))}
      </g>
      {best && <circle className="lesson-search-best" cx={sx(best.w)} cy={sy(best.cost)} r={9} />}
    </svg>
  );
}
