import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContributionsWithdrawn } from '../../shared/sessionSchemas.js';
import { api } from '../api.js';
import { useErrorMessage } from '../useErrorMessage.js';

interface Props {
  sessionId: string;
  token: string;
  /** Told before the request (the server then closes this device's connections) and after it, either way. */
  onWithdrawing: (withdrawing: boolean) => void;
  onWithdrawn: (result: ContributionsWithdrawn) => void;
}

/**
 * « Supprimer mes contributions »: a participant's right to erasure, from their own device. A button in the
 * workshop bar opens a dialog that says what goes and what stays, and asks to confirm; the dialog keeps
 * focus (native modal `<dialog>`) and Échap cancels.
 */
export function WithdrawContributions({ sessionId, token, onWithdrawing, onWithdrawn }: Props) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    dialog.current?.showModal();
    // The safe choice has the focus: a stray Entrée does not delete anything.
    cancel.current?.focus();
  }, [open]);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    onWithdrawing(true);
    try {
      onWithdrawn(await api.withdrawContributions(sessionId, token));
    } catch (e) {
      onWithdrawing(false);
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="is-quiet" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('withdraw.open')}
      </button>
      {open && (
        <dialog
          ref={dialog}
          className="withdraw-dialog"
          aria-labelledby="withdraw-title"
          aria-describedby="withdraw-what"
          onClose={() => setOpen(false)}
        >
          <h2 id="withdraw-title">{t('withdraw.title')}</h2>
          <div id="withdraw-what">
            <p>{t('withdraw.what')}</p>
            <p>{t('withdraw.after')}</p>
            <p className="withdraw-dialog__final">{t('withdraw.final')}</p>
          </div>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <div className="withdraw-dialog__actions">
            <button type="button" ref={cancel} disabled={busy} onClick={() => dialog.current?.close()}>
              {t('withdraw.cancel')}
            </button>
            <button type="button" className="withdraw-dialog__confirm" disabled={busy} onClick={() => void confirm()}>
              {busy ? t('withdraw.busy') : t('withdraw.confirm')}
            </button>
          </div>
        </dialog>
      )}
    </>
  );
}

/** What the participant reads once their contributions are gone: the page they are left on. */
export function ContributionsWithdrawnNotice({ result }: { result: ContributionsWithdrawn }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const removed = [
    ['doneShapes', result.shapes],
    ['donePrivate', result.privateNotes],
    ['doneDots', result.dots],
  ].filter(([, count]) => Number(count) > 0) as [string, number][];
  return (
    <main className="withdrawn-notice">
      <div className="withdrawn-notice__card" role="status">
        <h2 ref={heading} tabIndex={-1}>
          {t('withdraw.doneTitle')}
        </h2>
        {removed.length > 0 ? (
          <ul>
            {removed.map(([key, count]) => (
              <li key={key}>{t(`withdraw.${key}`, { count })}</li>
            ))}
          </ul>
        ) : (
          <p>{t('withdraw.doneNothing')}</p>
        )}
        <p>{t('withdraw.doneName')}</p>
        <a href="/">{t('withdraw.home')}</a>
      </div>
    </main>
  );
}
