import { useTranslation } from 'react-i18next';
import { SUITE_LIMITS } from '../../shared/suites.js';
import { FieldError, fieldAria, type FieldErrors } from '../forms/fieldErrors.js';

export interface LocationDraft {
  placeName: string;
  latitude: string;
  longitude: string;
}
export type LocationField = keyof LocationDraft;

/**
 * Where a suite's idea is: a place name people recognise (what Decidim calls the address), and/or a point,
 * typed in decimal degrees or taken from a note pinned on a map of the board.
 */
export function SuiteLocationFields({ id, draft, errors, onChange, canTakeFromNote, onTakeFromNote }: {
  id: string;
  draft: LocationDraft;
  errors: FieldErrors<LocationField>;
  onChange: (draft: LocationDraft) => void;
  /** Exactly one note is selected on the board. */
  canTakeFromNote: boolean;
  onTakeFromNote: () => void;
}) {
  const { t } = useTranslation();
  const field = (name: LocationField, label: string, props: { inputMode?: 'decimal'; maxLength?: number; describedBy?: string } = {}) => {
    const fieldId = `${id}-${name}`;
    return (
      <div className={`field suite-location__${name}`}>
        <label htmlFor={fieldId}>{label}</label>
        <input
          id={fieldId}
          value={draft[name]}
          inputMode={props.inputMode}
          maxLength={props.maxLength}
          autoComplete="off"
          onChange={(e) => onChange({ ...draft, [name]: e.target.value })}
          {...fieldAria(fieldId, errors[name], [props.describedBy])}
        />
        <FieldError fieldId={fieldId} message={errors[name]} />
      </div>
    );
  };
  return (
    <fieldset className="suite-location">
      <legend>{t('suites.location.legend')}</legend>
      {field('placeName', t('suites.location.placeName'), { maxLength: SUITE_LIMITS.placeNameChars, describedBy: `${id}-place-hint` })}
      <p id={`${id}-place-hint`} className="hint">
        {t('suites.location.placeHint')}
      </p>
      <div className="suite-location__point">
        {field('latitude', t('suites.location.latitude'), { inputMode: 'decimal', describedBy: `${id}-point-hint` })}
        {field('longitude', t('suites.location.longitude'), { inputMode: 'decimal', describedBy: `${id}-point-hint` })}
      </div>
      <p id={`${id}-point-hint`} className="hint">
        {t('suites.location.pointHint')}
      </p>
      <div className="suite-location__actions">
        <button type="button" disabled={!canTakeFromNote} onClick={onTakeFromNote}>
          {t('suites.location.fromNote')}
        </button>
        <button type="button" disabled={!draft.latitude && !draft.longitude} onClick={() => onChange({ ...draft, latitude: '', longitude: '' })}>
          {t('suites.location.clearPoint')}
        </button>
      </div>
    </fieldset>
  );
}
