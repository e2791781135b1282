import { leaveLesson, startLesson } from '../../hooks/lesson';
import { useT } from '../../i18n';
import { usePlaygroundStoreApi } from '../../store/context';
import { selectLessonActive, useLessonStore } from '../../store/lesson';

/**
 * The header's way into the lesson: opens it at the scene it was left on (the first, the first time),
 * with that scene's setup; pressed again, leaves it and keeps the setup as it is.
 */
export function LessonButton() {
  const t = useT();
  const store = usePlaygroundStoreApi();
  const active = useLessonStore(selectLessonActive);
  return (
    <button
      type="button"
      className="button tool-lesson"
      aria-pressed={active}
      title={t('classroom.lessonHint')}
      onClick={() => (active ? leaveLesson() : startLesson(store))}
    >
      <svg className="tool-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          d="M3 5.5C6 4 9 4 12 6c3-2 6-2 9-.5V19c-3-1.5-6-1.5-9 .5-3-2-6-2-9-.5z M12 6v13.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinejoin="round"
        />
      </svg>
      <span className="tool-lesson-label">{t('classroom.lesson')}</span>
    </button>
  );
}
