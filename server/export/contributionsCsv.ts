import { stringify } from 'csv-stringify/sync';
import type { ReportData } from '../../shared/reportData.js';
import { COLLEGE_LABELS, type College } from '../../shared/roles.js';
import { contributionRows } from './reportRows.js';

/**
 * Contributions as CSV for spreadsheets: UTF-8 with a byte-order mark (so
 * Excel reads accents right), semicolons (French Excel's separator), CRLF.
 * A cell starting with = + - @ (or a tab or carriage return) is prefixed with
 * an apostrophe: anyone with a join code writes notes, and Excel or
 * LibreOffice would otherwise run them as formulas.
 */
export function contributionsCsv(report: ReportData): string {
  const rows = contributionRows(report).map(({ canvas, zone, contribution: c }) => [
    canvas,
    zone ?? '(hors zone)',
    c.text,
    c.college ? (COLLEGE_LABELS[c.college as College] ?? c.college) : '',
    c.author ?? '',
    String(c.dots),
  ]);
  return '\uFEFF' + stringify(rows, {
    header: true,
    columns: ['Canevas', 'Zone', 'Contribution', 'Collège', 'Auteur·rice', 'Points'],
    delimiter: ';',
    record_delimiter: '\r\n',
    quoted_match: /[\r\n]/,
    escape_formulas: true,
  });
}
