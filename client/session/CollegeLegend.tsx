import { useTranslation } from 'react-i18next';
import { COLLEGES } from '../../shared/roles.js';
import { collegeHex } from './collegeHex.js';

/** The collèges' colours, as a row in the workshop bar: never over the board. */
export function CollegeLegend() {
  const { t } = useTranslation();
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" className="visually-hidden">
        {t('legend.title')}
      </h2>
      <ul>
        {COLLEGES.map((college) => (
          <li key={college} title={t(`college.${college}.label`)}>
            <span className="swatch" style={{ background: collegeHex[college] }} aria-hidden="true" />
            <span className="legend__label">{t(`college.${college}.label`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
