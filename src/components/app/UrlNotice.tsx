import { useT, type MessageKey } from '../../i18n';
import { selectUrlNotices, useClassroomStore, type UrlNoticeReason } from '../../store/classroom';

const reasonKey = (reason: UrlNoticeReason): MessageKey => `classroom.reason.${reason}`;

/**
 * Which parameters of the opened link were not used as given: each with its (cut, escaped) value,
 * what is wrong with it and what was used instead. The status region is always there, so that a
 * screen reader announces the notice when it appears.
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
              {notices.map((notice, index) => {
                const { used, points } = notice;
                const reason = t(reasonKey(notice.reason), points === undefined ? undefined : { points });
                const params = { key: notice.key, value: notice.value, reason };
                return (
                  <li key={`${notice.key}-${index}`}>
                    {used === undefined
                      ? t('classroom.notice.item', params)
                      : t('classroom.notice.itemUsed', { ...params, used })}
                  </li>
                );
              })}
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
