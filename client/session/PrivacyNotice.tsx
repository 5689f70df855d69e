import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';

/**
 * The information notice a participant reads before joining (RGPD art. 13):
 * what is kept, why, on which legal basis, for how long, their rights and
 * whom to write to (PRIVACY_CONTACT, or the facilitator).
 */
export function PrivacyNotice() {
  const { t } = useTranslation();
  const [privacy, setPrivacy] = useState<{ contact: string | null; retentionDays: number } | null>(null);
  useEffect(() => {
    api.getConfig().then((c) => setPrivacy(c.privacy), () => undefined);
  }, []);
  return (
    <details className="privacy-notice muted small">
      <summary>{t('privacyNotice.summary')}</summary>
      <p>{t('privacyNotice.data')}</p>
      <p>{t('privacyNotice.purpose')}</p>
      <p>{t('privacyNotice.basis')}</p>
      <p>{t('privacyNotice.retention', { days: privacy?.retentionDays ?? 365 })}</p>
      <p>{t('privacyNotice.rights')}</p>
      <p>{privacy?.contact ? t('privacyNotice.contact', { contact: privacy.contact }) : t('privacyNotice.contactFacilitator')}</p>
    </details>
  );
}
