import { useTranslation } from 'react-i18next';
import { COLLEGES } from '../../shared/roles.js';
import { collegeHex } from './collegeHex.js';

export function CollegeLegend() {
  const { t } = useTranslation();
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t('legend.title')}</h2>
      <ul>
        {COLLEGES.map((college) => (
          <li key={college}>
            <span className="swatch" style={{ background: collegeHex[college] }} aria-hidden="true" />
            {t(`college.${college}.label`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
