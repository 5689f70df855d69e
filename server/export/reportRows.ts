import type { ReportContribution, ReportData } from '../../shared/reportData.js';

export interface ContributionRow {
  canvas: string;
  /** The zone's label; a grid's cell is « criterion — level »; null outside every zone. */
  zone: string | null;
  contribution: ReportContribution;
}

/**
 * Every contribution of a report in reading order, with where it was written: zones, the cells of a grid
 * template (criteria × levels), then the notes outside every zone. One walk for every tabular export.
 */
export function contributionRows(report: ReportData): ContributionRow[] {
  const rows: ContributionRow[] = [];
  for (const canvas of report.canvases) {
    const add = (zone: string | null, list: ReportContribution[]) => {
      for (const contribution of list) rows.push({ canvas: canvas.title, zone, contribution });
    };
    for (const zone of canvas.zones) add(zone.label, zone.contributions);
    for (const group of canvas.grid?.groups ?? []) {
      for (const row of group.rows) {
        const criterion = [group.label, row.label].filter(Boolean).join(' › ');
        row.cells.forEach((cell, i) => add(`${criterion} — ${canvas.grid!.columns[i] ?? ''}`, cell));
      }
    }
    add(null, canvas.unzoned);
  }
  return rows;
}
