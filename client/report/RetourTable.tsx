import { useTranslation } from 'react-i18next';
import { statusNeedsReason, type PublicSuite } from '../../shared/suites.js';
import { SuiteStatusBadge } from '../session/SuiteStatusBadge.js';
import { suitePlace } from '../session/suitePlace.js';

/**
 * Many suites, one row each (title, place and reason; status; date): a table, so that when the letter runs
 * onto a second page Chromium repeats its column headings there, and no row is cut in two.
 */
export function RetourTable({ suites, longDate }: { suites: PublicSuite[]; longDate: (iso: string) => string }) {
  const { t, i18n } = useTranslation();
  return (
    <table className="retour-table">
      <thead>
        <tr>
          <th scope="col">{t('retour.columnIdea')}</th>
          <th scope="col">{t('retour.columnStatus')}</th>
          <th scope="col">{t('retour.columnSince')}</th>
        </tr>
      </thead>
      <tbody>
        {suites.map((suite) => {
          const last = suite.history.at(-1);
          const place = suitePlace(suite, t, i18n.language);
          return (
            <tr key={suite.id} className={`retour-row retour-row--${suite.status}`}>
              <td>
                <span className="retour-row__title">{suite.title}</span>
                {place && <span className="retour-row__place"> · {place}</span>}
                {last?.reason && (
                  <span className="retour-row__reason">{statusNeedsReason(suite.status) ? t('retour.why', { reason: last.reason }) : last.reason}</span>
                )}
              </td>
              <td>
                <SuiteStatusBadge status={suite.status} />
              </td>
              <td className="retour-row__date">{last && longDate(last.at)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
