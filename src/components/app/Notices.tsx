import { useT } from '../../i18n';
import { useNotices } from '../../store/notices';
import './notices.css';

/** What the app ignored on the person's behalf, each with a way to dismiss it. */
export function Notices() {
  const t = useT();
  const notices = useNotices((state) => state.notices);
  const dismiss = useNotices((state) => state.dismiss);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <p key={notice.id} className="notice">
          <span>{t(notice.message, notice.params)}</span>
          <button type="button" className="button notice-dismiss" onClick={() => dismiss(notice.id)}>
            {t('notice.dismiss')}
          </button>
        </p>
      ))}
    </div>
  );
}
