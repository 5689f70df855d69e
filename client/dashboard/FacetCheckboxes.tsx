import { useTranslation } from 'react-i18next';
import { facetLabel, type FacetValue } from '../../shared/taxonomy.js';

export function FacetCheckboxes(props: {
  legend: string;
  values: readonly FacetValue[];
  selected: string[];
  onChange: (selected: string[]) => void;
}) {
  const { i18n } = useTranslation();
  const toggle = (id: string, on: boolean) =>
    props.onChange(on ? [...props.selected, id] : props.selected.filter((s) => s !== id));
  return (
    <fieldset className="checkbox-group">
      <legend>{props.legend}</legend>
      {props.values.map((v) => (
        <label key={v.id} className="checkbox">
          <input type="checkbox" checked={props.selected.includes(v.id)} onChange={(e) => toggle(v.id, e.target.checked)} />
          {facetLabel(props.values, v.id, i18n.language)}
        </label>
      ))}
    </fieldset>
  );
}
