import { useTranslation } from 'react-i18next';
import type { SuiteFollowUpCounts } from '../../shared/suites.js';

/** « 2 idées retenues · 1 réalisée » on a bank card; nothing while no idea was taken on. */
export function FollowUpCounts({ counts }: { counts: SuiteFollowUpCounts }) {
  const { t } = useTranslation();
  if (counts.retenues === 0) return null;
  return (
    <p className="follow-up-counts">
      {t('bank.followUp.countRetenues', { count: counts.retenues })}
      {counts.realisees > 0 && <> · {t('bank.followUp.countRealisees', { count: counts.realisees })}</>}
    </p>
  );
}
