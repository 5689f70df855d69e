import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.js';
import type { SuiteStatusChange } from '../../shared/suites.js';

/** A suite's status history, oldest first, each change dated with its reason: as facilitators and the public read it. */
export function SuiteHistory({ history }: { history: SuiteStatusChange[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ol className="suite-history" aria-label={t('suites.history')}>
      {history.map((h, i) => (
        <li key={i}>
          <time dateTime={h.at}>{format.date(h.at)}</time> — {t(`suites.status.${h.status}`)}
          {h.reason && <> : {h.reason}</>}
        </li>
      ))}
    </ol>
  );
}
