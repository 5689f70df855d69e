import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SUITE_FOLLOW_UP_IDS, type SuiteFollowUp } from '../../shared/suites.js';

/** The bank's « droit de suite » facet: workshops whose ideas were taken on (« retenues »), or done. */
export function FollowUpFacet({ value, onChange }: { value: SuiteFollowUp | undefined; onChange: (value: SuiteFollowUp | undefined) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('bank.followUp.label')}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange((e.target.value || undefined) as SuiteFollowUp | undefined)}>
        <option value="">{t('dashboard.any')}</option>
        {SUITE_FOLLOW_UP_IDS.map((facet) => (
          <option key={facet} value={facet}>
            {t(`bank.followUp.${facet}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
