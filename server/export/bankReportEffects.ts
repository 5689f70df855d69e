/** The bank's PDF follows session events: a change to a published session renders it ahead of the first visitor. */
import type { SessionEffects } from '../sessions/SessionEventBus.js';
import type { ReportService } from './ReportService.js';

export function bankReportEffects(reports: ReportService): SessionEffects {
  return (event, origin) => {
    // Rendered by the instance where the change was made (each instance caches its own PDFs): one render, not one per instance.
    if (event.type === 'session:changed' && origin === 'here') reports.prepareBankReport(event.sessionId);
  };
}
