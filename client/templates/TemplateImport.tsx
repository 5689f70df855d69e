import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiRequestError } from '../api.js';
import { useErrorMessage } from '../useErrorMessage.js';
import { instancePassword } from '../dashboard/instancePassword.js';

/** Adds a template file (exported from this or another instance) to the library. */
export function TemplateImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [message, setMessage] = useState<{ error: boolean; text: string; fields?: { path: string; message: string }[] } | null>(null);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    let body: unknown;
    try {
      body = JSON.parse(await file.text());
    } catch {
      return setMessage({ error: true, text: t('templates.importNotJson') });
    }
    try {
      const summary = await api.importTemplate(body, instancePassword());
      setMessage({ error: false, text: t('templates.imported', { title: summary.title }) });
      onImported();
    } catch (e) {
      setMessage({
        error: true,
        text: e instanceof ApiRequestError ? t('templates.importRejected') : t('errors.generic'),
        fields: e instanceof ApiRequestError && e.fields.length > 0 ? e.fields : undefined,
      });
      if (e instanceof ApiRequestError && e.fields.length === 0) setMessage({ error: true, text: errorMessage(e) });
    }
  };
  return (
    <div className="field">
      <label htmlFor="template-file">{t('templates.import')}</label>
      <input id="template-file" type="file" accept=".json,application/json" onChange={(e) => void onFile(e.target.files?.[0])} />
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'success'}>
          {message.text}
        </p>
      )}
      {message?.fields && (
        <ul className="error">
          {message.fields.map((f) => (
            <li key={f.path}>
              {t('templates.field', { path: f.path, message: f.message })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
