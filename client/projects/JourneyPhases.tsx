import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { JOURNEY_PHASES } from '../../shared/projects.js';
import { PHASES, facetLabel, type PhaseId } from '../../shared/taxonomy.js';

/**
 * A project's workshops in one column per journey phase, in the journey's order; workshops without a phase come
 * last, in a column shown only when there are some. The facilitator's project page and the bank's share it.
 */
export function JourneyPhases<W extends { id: string; phase: PhaseId | null }>({
  workshops,
  renderWorkshop,
}: {
  workshops: W[];
  renderWorkshop: (workshop: W) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const columns: { id: string; label: string; items: W[] }[] = JOURNEY_PHASES.map((phase) => ({
    id: phase,
    label: facetLabel(PHASES, phase, i18n.language),
    items: workshops.filter((w) => w.phase === phase),
  }));
  const unphased = workshops.filter((w) => !w.phase);
  if (unphased.length > 0) columns.push({ id: 'none', label: t('projects.noPhase'), items: unphased });
  return (
    <ol className="journey">
      {columns.map((column, i) => (
        <li key={column.id} className={`journey__phase${column.items.length === 0 ? ' journey__phase--empty' : ''}`}>
          <h3>
            <span className="journey__step" aria-hidden="true">
              {i + 1}
            </span>
            {column.label}
          </h3>
          {column.items.length === 0 ? <p className="muted small">{t('projects.noWorkshop')}</p> : column.items.map((w) => <Fragment key={w.id}>{renderWorkshop(w)}</Fragment>)}
        </li>
      ))}
    </ol>
  );
}
