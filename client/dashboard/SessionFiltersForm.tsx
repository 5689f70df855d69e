import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_STATUSES } from '../../shared/roles.js';
import { ECHELONS, PHASES, STAGES, THEMES } from '../../shared/taxonomy.js';
import type { SessionFilters } from '../api.js';
import { FacetSelect } from './FacetSelect.js';

const FIELDS = ['theme', 'echelon', 'phase', 'stage'] as const;
const VALUES = { theme: THEMES, echelon: ECHELONS, phase: PHASES, stage: STAGES };

export function SessionFiltersForm(props: {
  filters: SessionFilters;
  onChange: (filters: SessionFilters) => void;
  fields?: readonly ('theme' | 'echelon' | 'phase' | 'stage' | 'status')[];
  /** Filters of one page only (the bank's follow-up facet), after the common ones. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { filters, onChange } = props;
  const shown = props.fields ?? [...FIELDS, 'status'];
  const set = (key: keyof SessionFilters) => (value: string) => onChange({ ...filters, [key]: value || undefined });
  const active = Object.entries(filters).filter(([key, value]) => key !== 'q' && value).length;
  return (
    <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
      <div className="field grow">
        <label htmlFor="filter-q">{t('dashboard.search')}</label>
        <input id="filter-q" type="search" value={filters.q ?? ''} onChange={(e) => set('q')(e.target.value)} />
      </div>
      {/* The facets fold away: the results come first; a shared link with facets opens them. */}
      <details className="more-filters" open={active > 0 || undefined}>
        <summary>{active > 0 ? t('dashboard.filtersActive', { count: active }) : t('dashboard.filters')}</summary>
        <div className="filters-facets">
          <div className="field">
            <label htmlFor="filter-territory">{t('dashboard.territory')}</label>
            <input id="filter-territory" value={filters.territory ?? ''} onChange={(e) => set('territory')(e.target.value)} />
          </div>
          {FIELDS.filter((f) => shown.includes(f)).map((field) => (
            <FacetSelect
              key={field}
              label={t(`dashboard.${field}`)}
              values={VALUES[field]}
              value={filters[field] ?? ''}
              onChange={set(field)}
            />
          ))}
          {shown.includes('status') && (
            <div className="field">
              <label htmlFor="filter-status">{t('dashboard.status')}</label>
              <select id="filter-status" value={filters.status ?? ''} onChange={(e) => set('status')(e.target.value)}>
                <option value="">{t('dashboard.any')}</option>
                {SESSION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
          {props.children}
        </div>
      </details>
    </form>
  );
}
