import { useTranslation } from 'react-i18next';
import type { SuiteStatus } from '../../shared/suites.js';

/** A suite's status as a coloured label (its colour repeats the word, never replaces it). */
export function SuiteStatusBadge({ status }: { status: SuiteStatus }) {
  const { t } = useTranslation();
  return <span className={`suite-status suite-status--${status}`}>{t(`suites.status.${status}`)}</span>;
}
