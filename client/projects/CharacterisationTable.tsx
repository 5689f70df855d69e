import { useTranslation } from 'react-i18next';
import { pagePaths } from '../../shared/paths.js';
import { CRITERIA, type Assessment, type CriterionAssessment } from '../../shared/projects.js';

function LevelCell({ value }: { value: CriterionAssessment | undefined }) {
  const { t } = useTranslation();
  const level = value?.level ?? null;
  return <td className={`level level--${level ?? 'none'}`}>{level ? t(`projects.level.${level}`) : t('projects.levelNone')}</td>;
}

/** The nine criteria by dimension: first and latest level, and the latest evidence. */
export function CharacterisationTable(props: {
  first: Assessment;
  latest: Assessment;
  /** Where evidence in a workshop leads: the workshop itself, or its bank entry for a visitor. */
  workshopHref?: (sessionId: string) => string;
}) {
  const { first, latest, workshopHref = pagePaths.session } = props;
  const { t } = useTranslation();
  const same = first.id === latest.id;
  return (
    // Scrolls sideways on a phone: focusable, so a keyboard can scroll it too.
    <div className="grid-table-wrap" role="region" aria-label={t('projects.gridAsTable')} tabIndex={0}>
    <table className="grid-table">
      <thead>
        <tr>
          <th scope="col">{t('projects.criterion')}</th>
          {!same && <th scope="col">{t('projects.firstAssessment')}</th>}
          <th scope="col">{t('projects.latestAssessment')}</th>
          <th scope="col">{t('projects.evidence')}</th>
        </tr>
      </thead>
      <tbody>
        {CRITERIA.map((c, i) => {
          const current = latest.criteria[c.id];
          const links = current?.links ?? [];
          return (
            <tr key={c.id} className={i > 0 && CRITERIA[i - 1]!.dimension !== c.dimension ? 'grid-table__group' : undefined}>
              <th scope="row">
                <span className="grid-table__dimension">{t(`projects.dimensions.${c.dimension}`)}</span>
                {t(`projects.criteria.${c.id}`)}
              </th>
              {!same && <LevelCell value={first.criteria[c.id]} />}
              <LevelCell value={current} />
              <td>
                {current?.evidence}
                {links.length > 0 && (
                  <ul className="grid-table__links">
                    {links.map((l, n) => (
                      <li key={n}>
                        <a href={l.kind === 'url' ? l.url : workshopHref(l.sessionId)}>{l.label}</a>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
    </div>
  );
}
