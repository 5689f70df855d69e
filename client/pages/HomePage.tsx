import { useTranslation } from 'react-i18next';
import { pagePaths } from '../../shared/paths.js';
import { useState } from 'react';
import { MyWorkshops } from '../dashboard/MyWorkshops.js';
import { ProjectsSection } from '../dashboard/ProjectsSection.js';
import { instancePassword } from '../dashboard/instancePassword.js';
import { LanguageSwitch } from '../LanguageSwitch.js';

/** The facilitator's home: their workshops first; joining one and the bank one click away. */
export function HomePage() {
  const { t } = useTranslation();
  // The instance password this tab was given: the workshops' and the projects' lists both need it.
  const [password, setPassword] = useState(() => instancePassword() ?? '');
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{t('app.name')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <nav className="row home-nav" aria-label={t('nav.label')}>
          <a className="button-link secondary" href={pagePaths.join()}>
            {t('home.joinHeading')}
          </a>
          <a href={pagePaths.bank}>{t('nav.bank')}</a>
          <LanguageSwitch />
        </nav>
      </header>
      <main>
        <MyWorkshops listPassword={password} onPassword={setPassword} />
        <ProjectsSection password={password} />
      </main>
    </div>
  );
}
