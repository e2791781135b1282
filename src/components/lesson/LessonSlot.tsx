import { useLesson } from '../../hooks/lesson';
import { useT } from '../../i18n';
import { usePlaygroundStoreApi } from '../../store/context';
import {
  selectLessonActive,
  selectLessonRevealed,
  selectLessonScene,
  useLessonStore,
} from '../../store/lesson';
import { lazyComponent, usePreloadWhenIdle } from '../app/lazyPanel';
import { PanelBoundary } from '../app/PanelBoundary';
import './lesson.css';

// The panel, its figures and its text load when a lesson is first opened (a `lesson=k` link, or the
// header's Lesson button): free play never waits for them.
const LessonPanel = lazyComponent(() => import('./LessonPanel').then((m) => m.LessonPanel), {
  name: 'LessonPanel',
  placeholder: 'panel',
  messages: ['lesson'],
});
const ON_IDLE = [LessonPanel];

// A link that opens a lesson (`lesson=k`) fetches the panel while the page renders, not after.
if (typeof location !== 'undefined' && /(?:^|[?#&])lesson=/i.test(`${location.search}${location.hash}`))
  LessonPanel.preload().catch(() => {});

/**
 * Where the lesson's panel goes (the first row of the top bar, on the first screen with the picture),
 * and the lesson's wiring (useLesson), which a `lesson=k` link needs before the panel has loaded.
 */
export function LessonSlot() {
  const t = useT();
  const store = usePlaygroundStoreApi();
  useLesson(store);
  // Loaded once the page is idle, so that the header's Lesson button opens it at once.
  usePreloadWhenIdle(ON_IDLE);
  const active = useLessonStore(selectLessonActive);
  if (!active) return null;
  return (
    <div className="lesson-slot">
      <PanelBoundary name={t('classroom.lesson')}>
        <LessonPanel />
      </PanelBoundary>
    </div>
  );
}

export interface LessonAttributes {
  readonly 'data-lesson'?: string;
  readonly 'data-lesson-runs'?: string;
  readonly 'data-lesson-highlight'?: string;
  readonly 'data-lesson-conceal'?: string;
}

/**
 * What the lesson's scene does to the page around it, as attributes for the app's root (lesson.css
 * reads them): which of the lecture's runs show, what is highlighted, and, while a prediction is
 * open, the notes that would give its answer away (what the learning rate will do) kept hidden.
 */
export function useLessonAttributes(): LessonAttributes {
  const active = useLessonStore(selectLessonActive);
  const scene = useLessonStore(selectLessonScene);
  const revealed = useLessonStore(selectLessonRevealed);
  if (!active) return {};
  return {
    'data-lesson': scene.id,
    'data-lesson-runs': scene.runs.join(' '),
    'data-lesson-highlight': scene.highlight.length > 0 ? scene.highlight.join(' ') : undefined,
    'data-lesson-conceal': scene.question && !revealed ? 'regime' : undefined,
  };
}
