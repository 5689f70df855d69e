import { useTranslation } from 'react-i18next';
import { COLLEGES, type College } from '../../shared/roles.js';
import { collegeHex } from './collegeHex.js';

export function CollegePicker({ value, onChange }: { value: College | null; onChange: (c: College) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="college-picker">
      <legend>{t('join.collegeLabel')}</legend>
      {COLLEGES.map((college) => (
        <label key={college} className="college-option">
          <input
            type="radio"
            name="college"
            value={college}
            checked={value === college}
            onChange={() => onChange(college)}
          />
          <span className="swatch" style={{ background: collegeHex[college] }} aria-hidden="true" />
          <span>
            <strong>{t(`college.${college}.label`)}</strong>
            <span className="muted"> {t(`college.${college}.hint`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
