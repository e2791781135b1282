import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import {
  LESSON_RUN_IDS,
  LESSON_SCENE_COUNT,
  sceneParams,
  sceneSetup,
  type LessonAction,
  type LessonScene,
  type SceneSetup,
} from '../../core/lesson';
import { leaveLesson, nextScene, previousScene, runScene } from '../../hooks/lesson';
import { useT, type MessageKey } from '../../i18n';
import { usePlaygroundStoreApi } from '../../store/context';
import {
  selectLessonEntry,
  selectLessonScene,
  selectLessonSceneIndex,
  useLessonStore,
} from '../../store/lesson';
import { ExhaustiveSearchFigure } from './ExhaustiveSearchFigure';
import { GradientWorking, SgdLossWorking, StepWorking, TaskFigure } from './LessonFigures';
import { PredictQuestion } from './PredictQuestion';

const RUN_LABELS: Readonly<Record<LessonAction, MessageKey>> = {
  search: 'lesson.run.search',
  step: 'lesson.run.step',
  stepSample: 'lesson.run.stepSample',
  play: 'lesson.run.play',
};

const RUN_KEYS: Readonly<Partial<Record<LessonAction, string>>> = {
  step: 'ArrowRight',
  stepSample: 'Shift+ArrowRight',
};

/** Leaves the lesson from its own panel, handing the focus to the header's Lesson button. */
function leaveFromPanel(): void {
  leaveLesson();
  document.querySelector<HTMLElement>('.tool-lesson')?.focus();
}

/**
 * Opens each lecture run's panel on the view the scene names (its landscape otherwise), as a click on
 * that tab would: the panels are the playground's own (RunPanel: `.run-<id>`, tabs whose ids end in
 * `-tab-<view>`), so the lesson asks them rather than reaching into their state.
 */
function useSceneViews(scene: LessonScene, entry: number): void {
  useEffect(() => {
    for (const id of LESSON_RUN_IDS) {
      const view = scene.views[id] ?? 'landscape';
      const tab = document.querySelector<HTMLElement>(`.run-${id} [role="tab"][id$="-tab-${view}"]`);
      if (tab && tab.getAttribute('aria-selected') !== 'true') tab.click();
    }
  }, [scene, entry]);
}

/**
 * The lesson: "Scene k of N", the scene's title, one to three sentences, what to do or watch, its
 * run button, and with them its figure or its question; Previous scene / Next scene (PageUp /
 * PageDown from anywhere, see keyboard.ts) and a way out that keeps the setup.
 */
export function LessonPanel() {
  const t = useT();
  const store = usePlaygroundStoreApi();
  const index = useLessonStore(selectLessonSceneIndex);
  const scene = useLessonStore(selectLessonScene);
  const entry = useLessonStore(selectLessonEntry);
  const titleId = useId();
  // "Search again" starts the exhaustive search's figure over.
  const [searches, setSearches] = useState(0);
  const params = useMemo(() => sceneParams(scene), [scene]);
  const setup = useMemo(() => sceneSetup(scene), [scene]);
  useSceneViews(scene, entry);

  const k = index + 1;
  const first = index === 0;
  const last = index === LESSON_SCENE_COUNT - 1;
  const title = t(`lesson.scene.${scene.id}.title`, params);
  const aside = sceneAside(scene, setup, `${entry}-${searches}`);
  const run = () => {
    if (scene.action === 'search') setSearches((count) => count + 1);
    else runScene(store);
  };

  return (
    <section className="panel lesson" aria-labelledby={titleId} data-scene={scene.id}>
      <header className="lesson-head">
        <div className="lesson-topline">
          <nav className="lesson-nav" aria-label={t('lesson.label')}>
            <button
              type="button"
              className="button"
              aria-disabled={first}
              aria-keyshortcuts="PageUp"
              onClick={() => previousScene(store)}
            >
              <span aria-hidden="true">◀ </span>
              {t('lesson.previous')}
            </button>
            <button
              type="button"
              className="button"
              aria-disabled={last}
              aria-keyshortcuts="PageDown"
              onClick={() => nextScene(store)}
            >
              {t('lesson.next')}
              <span aria-hidden="true"> ▶</span>
            </button>
          </nav>
          <button
            type="button"
            className="button lesson-leave"
            aria-label={t('lesson.leave')}
            title={t('lesson.leave')}
            onClick={leaveFromPanel}
          >
            <span aria-hidden="true">✕</span>
          </button>
        </div>
        <div className="lesson-heading">
          <p className="lesson-count">{t('lesson.count', { k, n: LESSON_SCENE_COUNT })}</p>
          <h2 className="lesson-title" id={titleId}>
            {title}
          </h2>
        </div>
      </header>
      <div className="lesson-body">
        <div className="lesson-text">
          <p className="lesson-sentences">{t(`lesson.scene.${scene.id}.body`, params)}</p>
          <p className="lesson-do">{t(`lesson.scene.${scene.id}.do`, params)}</p>
          {(scene.action || last) && (
            <div className="lesson-actions">
              {scene.action && (
                <button
                  type="button"
                  className="button lesson-run"
                  aria-keyshortcuts={RUN_KEYS[scene.action]}
                  onClick={run}
                >
                  {t(RUN_LABELS[scene.action])}
                </button>
              )}
              {last && (
                <button
                  type="button"
                  className="button button-primary"
                  title={t('lesson.tryItHint')}
                  onClick={leaveFromPanel}
                >
                  {t('lesson.tryIt')}
                </button>
              )}
            </div>
          )}
        </div>
        {aside}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {t('lesson.announce', { k, n: LESSON_SCENE_COUNT, title })}
      </p>
    </section>
  );
}

/** The figure or the question with a scene's text; a new `run` starts the exhaustive search over. */
function sceneAside(scene: LessonScene, setup: SceneSetup, run: string): ReactNode {
  if (scene.question) return <PredictQuestion />;
  switch (scene.figure) {
    case 'task':
      return <TaskFigure />;
    case 'search':
      return <ExhaustiveSearchFigure key={run} setup={setup} />;
    case 'gradient':
      return <GradientWorking setup={setup} />;
    case 'step':
      return <StepWorking setup={setup} />;
    case 'sgdLoss':
      return <SgdLossWorking setup={setup} />;
    case undefined:
      return null;
  }
}
