import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useValue, type Editor } from 'tldraw';
import { trameMeta, type BoardRecord } from '../../shared/boardLayout.js';
import type { Suite } from '../../shared/suites.js';
import { api } from '../api.js';
import { SuiteExports } from '../session/SuiteExports.js';
import { useErrorMessage } from '../useErrorMessage.js';
import { SuiteItem, type SuiteAction } from './SuiteItem.js';

/**
 * The notes people wrote among the selected shapes, and inside selected groups (a cluster grouped on the
 * board is selected as its group); not templates' examples or scaffolding.
 */
function selectedNoteIds(editor: Editor): string[] {
  return [...editor.getShapeAndDescendantIds(editor.getSelectedShapeIds())]
    .map((id) => editor.getShape(id))
    .filter((shape) => shape?.type === 'note' && !trameMeta(shape as unknown as BoardRecord)?.role)
    .map((shape) => shape!.id);
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

  const act: SuiteAction = async (action, done, onRefused) => {
    try {
      const suite = await action();
      setSuites((list) => (list.some((s) => s.id === suite.id) ? list.map((s) => (s.id === suite.id ? suite : s)) : [...list, suite]));
      setMessage({ error: false, text: done });
      return suite;
    } catch (e) {
      setMessage({ error: true, text: errorMessage(e) });
      onRefused?.(e);
      return null;
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
            <SuiteItem key={suite.id} suite={suite} onAct={act} sessionId={sessionId} token={token} selectedNoteIds={selected} />
          ))}
        </ol>
      )}
      {suites.length > 0 && <SuiteExports sessionId={sessionId} token={token} />}
    </section>
  );
}
