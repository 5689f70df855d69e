import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { facetLabel, type FacetValue } from '../../shared/taxonomy.js';

/** A select over one facet of shared/taxonomy.ts, with an "any" choice. */
export function FacetSelect(props: {
  label: string;
  values: readonly FacetValue[];
  value: string;
  onChange: (value: string) => void;
  anyLabel?: string;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.anyLabel ?? t('dashboard.any')}</option>
        {props.values.map((v) => (
          <option key={v.id} value={v.id}>
            {facetLabel(props.values, v.id, i18n.language)}
          </option>
        ))}
      </select>
    </div>
  );
}
