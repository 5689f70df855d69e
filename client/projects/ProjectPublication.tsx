import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pagePaths } from '../../shared/paths.js';
import type { ProjectView } from '../../shared/projects.js';
import { useErrorMessage } from '../useErrorMessage.js';
import { projectApi } from './projectApi.js';

/** The project into the public bank with its finished workshops (no pseudonym), or out of it. */
export function ProjectPublication({ project, onChanged }: { project: ProjectView; onChanged: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = async () => {
    setBusy(true);
    try {
      const updated = await projectApi.update(project.id, { published: !project.published });
      setMessage({ error: false, text: updated.published ? t('projects.publishedDone') : t('projects.unpublishedDone') });
      onChanged();
    } catch (error) {
      setMessage({ error: true, text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="project-publication">
      {project.published && (
        <a href={pagePaths.bankProject(project.id)} target="_blank" rel="noopener">
          {t('projects.seeInBank')}
        </a>
      )}
      <button type="button" className="secondary" onClick={toggle} disabled={busy}>
        {project.published ? t('projects.unpublish') : t('projects.publish')}
      </button>
      {!project.published && <p className="muted small">{t('projects.publishHint')}</p>}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'success'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
