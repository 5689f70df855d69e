import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectView } from '../../shared/projects.js';
import type { SessionView } from '../../shared/sessionSchemas.js';
import { api } from '../api.js';
import { useErrorMessage } from '../useErrorMessage.js';
import { projectApi } from './projectApi.js';

type Message = { error: boolean; text: string } | null;

function Feedback({ message }: { message: Message }) {
  if (!message) return null;
  return (
    <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'success'}>
      {message.text}
    </p>
  );
}

/**
 * The project's workshops as a list to manage: each can be taken out of the project (it stays on the device, only
 * its link to the project goes), and a session this device runs elsewhere can be brought in.
 */
export function ProjectWorkshops({ project, onChanged }: { project: ProjectView; onChanged: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [sessions, setSessions] = useState<SessionView[]>([]);
  const [chosen, setChosen] = useState('');
  const [message, setMessage] = useState<Message>(null);
  useEffect(() => {
    api.listSessions().then((r) => setSessions(r.sessions), () => setSessions([]));
  }, [project.sessions.length]);
  const candidates = sessions.filter((s) => s.projectId !== project.id);

  const change = async (patch: { attachSessionIds?: string[]; detachSessionIds?: string[] }, done: string) => {
    try {
      await projectApi.update(project.id, patch);
      setMessage({ error: false, text: done });
      onChanged();
    } catch (error) {
      setMessage({ error: true, text: errorMessage(error) });
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="card">
      <h2 id={`${id}-heading`}>{t('projects.workshopsHeading')}</h2>
      {project.sessions.length === 0 ? (
        <p className="muted">{t('projects.noWorkshopYet')}</p>
      ) : (
        <ul className="project-workshops">
          {project.sessions.map((s) => (
            <li key={s.id}>
              <span>{s.title}</span>
              <button
                type="button"
                className="secondary"
                onClick={() => change({ detachSessionIds: [s.id] }, t('projects.detached', { title: s.title }))}
              >
                {t('projects.detach', { title: s.title })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {candidates.length > 0 && (
        <form
          className="row attach-form"
          aria-label={t('projects.attachHeading')}
          onSubmit={(e) => {
            e.preventDefault();
            if (!chosen) return;
            void change({ attachSessionIds: [chosen] }, t('projects.attached')).then(() => setChosen(''));
          }}
        >
          <label htmlFor={`${id}-session`}>{t('projects.attachLabel')}</label>
          <select id={`${id}-session`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{t('projects.attachChoose')}</option>
            {candidates.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
          <button type="submit">{t('projects.attach')}</button>
        </form>
      )}
      <Feedback message={message} />
    </section>
  );
}
