import { useTranslation } from 'react-i18next';
import type { ReportGrid } from '../../shared/reportData.js';

/** A grid template (criteria × levels) as a table, each note in its cell. */
export function ZoneGridTable({ grid, title, voteHeld }: { grid: ReportGrid; title: string; voteHeld: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="report-grid">
      <h3>{t('report.gridTitle', { title })}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('report.criterion')}</th>
            {grid.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        {grid.groups.map((group, g) => (
          <tbody key={g}>
            {group.label && (
              <tr className="grid-group">
                <th scope="colgroup" colSpan={grid.columns.length + 1}>
                  {group.label}
                </th>
              </tr>
            )}
            {group.rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell, i) => (
                  <td key={i}>
                    {cell.length === 0 ? (
                      <span className="muted" aria-label={t('report.emptyCell')}>—</span>
                    ) : (
                      <ul>
                        {cell.map((c) => (
                          <li key={c.id}>
                            {c.text || t('report.emptyNote')}
                            {voteHeld && c.dots > 0 && <span className="dots"> · {c.dots}</span>}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
