import { useTranslation } from 'react-i18next';
import { COLLEGES, type College } from '../../shared/roles.js';
import { collegeHex } from './collegeHex.js';
import { FieldError, errorId } from '../forms/fieldErrors.js';

export function CollegePicker(props: { value: College | null; onChange: (c: College) => void; error?: string }) {
  const { value, onChange, error } = props;
  const { t } = useTranslation();
  return (
    <fieldset className={`college-picker${error ? ' is-invalid' : ''}`} aria-describedby={error ? errorId('college') : undefined}>
      <legend>{t('join.collegeLabel')}</legend>
      {COLLEGES.map((college) => (
        <label key={college} className="college-option">
          <input
            id={`college-${college}`}
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
      <FieldError fieldId="college" message={error} />
    </fieldset>
  );
}
