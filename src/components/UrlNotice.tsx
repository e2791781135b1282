import { useT, type MessageKey } from '../i18n';
import { selectUrlNotices, useClassroomStore, type UrlNoticeReason } from '../store/classroom';

const reasonKey = (reason: UrlNoticeReason): MessageKey => `classroom.reason.${reason}`;

/**
 * Which parameters of the opened link were ignored and why, each with its (cut, escaped) value. The
 * status region is always there, so that a screen reader announces the notice when it appears.
 */
export function UrlNotice() {
  const t = useT();
  const notices = useClassroomStore(selectUrlNotices);
  return (
    <div className="url-notice-region" role="status">
      {notices.length > 0 && (
        <div className="url-notice">
          <div className="url-notice-text">
            <p className="url-notice-title">{t('classroom.notice.title')}</p>
            <ul>
              {notices.map((notice, index) => (
                <li key={`${notice.key}-${index}`}>
                  {t('classroom.notice.item', {
                    key: notice.key,
                    value: notice.value,
                    reason: t(reasonKey(notice.reason)),
                  })}
                </li>
              ))}
            </ul>
          </div>
          <button
            type="button"
            className="button url-notice-dismiss"
            onClick={() => useClassroomStore.getState().actions.dismissUrlNotices()}
          >
            {t('classroom.notice.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
