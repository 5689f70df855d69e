import { useTranslation } from 'react-i18next';
import type { SuiteStatusChange } from '../../shared/suites.js';

/** A suite's status history, oldest first, each change dated with its reason: as facilitators and the public read it. */
export function SuiteHistory({ history }: { history: SuiteStatusChange[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="suite-history" aria-label={t('suites.history')}>
      {history.map((h, i) => (
        <li key={i}>
          <time dateTime={h.at}>{new Date(h.at).toLocaleDateString(i18n.language)}</time> — {t(`suites.status.${h.status}`)}
          {h.reason && <> : {h.reason}</>}
        </li>
      ))}
    </ol>
  );
}
