import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COLLEGES } from '../../shared/roles.js';
import type { ParticipantView } from '../../shared/sessionSchemas.js';
import { api } from '../api.js';
import { useErrorMessage } from '../useErrorMessage.js';
import type { SessionSocket } from './useSessionSocket.js';

export function ParticipantList(props: { sessionId: string; token: string; socket: SessionSocket; withdrawn: number }) {
  const { sessionId, token, socket, withdrawn } = props;
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [participants, setParticipants] = useState<ParticipantView[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const onChange = (list: ParticipantView[]) => setParticipants(list);
    socket.on('participants:changed', onChange);
    const load = () =>
      socket.emit('participants:list', (result) => (result.ok ? setParticipants(result.data) : setError(result.message)));
    if (socket.connected) load();
    socket.on('connect', load);
    return () => {
      socket.off('participants:changed', onChange);
      socket.off('connect', load);
    };
  }, [socket]);

  const people = participants.filter((p) => p.role === 'participant');
  const online = people.filter((p) => p.connected);
  const remove = async (p: ParticipantView) => {
    if (!window.confirm(t('panel.removeConfirm', { name: p.pseudonym }))) return;
    try {
      await api.removeParticipant(sessionId, token, p.id);
      setParticipants((list) => list.filter((x) => x.id !== p.id));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section aria-labelledby="participants-title">
      <h4 id="participants-title">{t('panel.participants', { count: online.length })}</h4>
      <ul className="college-counts">
        {COLLEGES.map((c) => (
          <li key={c}>
            {t(`college.${c}.label`)} : {online.filter((p) => p.college === c).length}
          </li>
        ))}
      </ul>
      {/* Who withdrew is not shown, only how many: their pseudonym is gone. */}
      {withdrawn > 0 && <p className="muted small">{t('panel.withdrawn', { count: withdrawn })}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ul className="participant-list">
        {people.map((p) => (
          <li key={p.id}>
            <span className={p.connected ? 'online' : 'offline'}>
              {p.pseudonym} <span className="muted">({p.college ? t(`college.${p.college}.label`) : ''})</span>
              <span className="visually-hidden">{p.connected ? t('panel.online') : t('panel.offline')}</span>
            </span>
            <button type="button" className="link-button" onClick={() => remove(p)}>
              {t('panel.remove')}
              <span className="visually-hidden"> {p.pseudonym}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
