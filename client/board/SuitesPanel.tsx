import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useValue, type Editor } from 'tldraw';
import { trameMeta, type BoardRecord } from '../../shared/boardLayout.js';
import { SUITE_STATUSES, statusNeedsReason, type Suite, type SuiteStatus } from '../../shared/suites.js';
import { api } from '../api.js';
import { SuiteExports } from '../session/SuiteExports.js';
import { SuiteHistory } from '../session/SuiteHistory.js';
import { SuiteStatusBadge } from '../session/SuiteStatusBadge.js';
import { useErrorMessage } from '../useErrorMessage.js';

/** The notes people wrote among the selected shapes (not templates' examples or scaffolding). */
function selectedNoteIds(editor: Editor): string[] {
  return editor
    .getSelectedShapes()
    .filter((shape) => shape.type === 'note' && !trameMeta(shape as unknown as BoardRecord)?.role)
    .map((shape) => shape.id);
}

/**
 * « Suites »: the facilitator turns the selected note(s) into a suite, then edits its title and text and
 * follows its status (a reason required for « non retenue »); available after the session has ended too.
 */
export function SuitesPanel({ editor, sessionId, token }: { editor: Editor; sessionId: string; token: string }) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const selected = useValue('selected notes', () => selectedNoteIds(editor), [editor]);
  const [suites, setSuites] = useState<Suite[]>([]);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const reload = useCallback(() => api.suites(sessionId, token).then((r) => setSuites(r.suites)), [sessionId, token]);
  useEffect(() => {
    reload().catch(() => undefined);
  }, [reload]);

  const act = async (action: () => Promise<Suite>, done: string) => {
    try {
      const suite = await action();
      setSuites((list) => (list.some((s) => s.id === suite.id) ? list.map((s) => (s.id === suite.id ? suite : s)) : [...list, suite]));
      setMessage({ error: false, text: done });
      return true;
    } catch (e) {
      setMessage({ error: true, text: errorMessage(e) });
      return false;
    }
  };

  return (
    <section className="suites-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('suites.title')}</h3>
      <p className="hint">{t('suites.hint')}</p>
      <button
        type="button"
        disabled={selected.length === 0}
        onClick={() => void act(() => api.createSuite(sessionId, token, selected), t('suites.created'))}
      >
        {t('suites.create', { count: selected.length })}
      </button>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'notice'}>
          {message.text}
        </p>
      )}
      {suites.length === 0 ? (
        <p className="hint">{t('suites.empty')}</p>
      ) : (
        <ol className="suites-list">
          {suites.map((suite) => (
            <SuiteItem key={suite.id} suite={suite} onAct={act} sessionId={sessionId} token={token} />
          ))}
        </ol>
      )}
      {suites.length > 0 && <SuiteExports sessionId={sessionId} token={token} />}
    </section>
  );
}

function SuiteItem({ suite, sessionId, token, onAct }: {
  suite: Suite;
  sessionId: string;
  token: string;
  onAct: (action: () => Promise<Suite>, done: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState(suite.title);
  const [body, setBody] = useState(suite.body);
  const [status, setStatus] = useState<SuiteStatus>(suite.status);
  const [reason, setReason] = useState('');
  const place = [suite.canvasTitle, suite.zoneLabel].filter(Boolean).join(' › ');
  const dirty = title !== suite.title || body !== suite.body;

  return (
    <li className="suite-item">
      <details>
        <summary>
          <span className="suite-item__title">{suite.title}</span>{' '}
          <SuiteStatusBadge status={suite.status} />
        </summary>
        <p className="hint">
          {place && <>{t('suites.from', { place })} · </>}
          {t('suites.votes', { count: suite.votes.total })}
        </p>
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('suites.fieldTitle')}</label>
          <input id={`${id}-title`} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-body`}>{t('suites.fieldBody')}</label>
          <textarea id={`${id}-body`} value={body} rows={4} maxLength={10000} onChange={(e) => setBody(e.target.value)} />
        </div>
        <button type="button" disabled={!dirty} onClick={() => void onAct(() => api.editSuite(sessionId, token, suite.id, { title, body }), t('suites.saved'))}>
          {t('suites.save')}
        </button>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('suites.fieldStatus')}</label>
          <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as SuiteStatus)}>
            {SUITE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`suites.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>
            {statusNeedsReason(status) ? t('suites.reasonRequired') : t('suites.reason')}
          </label>
          <textarea
            id={`${id}-reason`}
            value={reason}
            rows={2}
            maxLength={2000}
            aria-required={statusNeedsReason(status)}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <button
          type="button"
          disabled={status === suite.status && !reason.trim()}
          onClick={async () => {
            if (await onAct(() => api.setSuiteStatus(sessionId, token, suite.id, status, reason.trim()), t('suites.statusChanged'))) setReason('');
          }}
        >
          {t('suites.changeStatus')}
        </button>
        <SuiteHistory history={suite.history} />
      </details>
    </li>
  );
}
