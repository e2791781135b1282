import { useT } from '../../i18n';
import { HeaderTools } from '../classroom/HeaderTools';
import './header.css';

/** Title, the lecture it follows, and the classroom tools (language, theme, projector, link). */
export function Header() {
  const t = useT();
  return (
    <header className="app-header">
      <div className="brand">
        <svg className="brand-mark" viewBox="0 0 64 64" aria-hidden="true">
          <path
            d="M8 14 C 22 14, 26 50, 40 50 S 56 40, 58 38"
            fill="none"
            stroke="currentColor"
            strokeWidth="6"
            strokeLinecap="round"
          />
          <circle cx="40" cy="50" r="7" className="brand-ball" />
        </svg>
        <div className="brand-text">
          <h1>{t('app.title')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
          <p className="lecture">{t('app.lecture')}</p>
        </div>
      </div>
      <div className="header-side">
        <HeaderTools />
      </div>
    </header>
  );
}
