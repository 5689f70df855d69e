import type { BankEntryView } from '../../shared/sessionSchemas.js';
import type { SuiteFollowUpCounts } from '../../shared/suites.js';
import type { SessionRecord } from '../sessions/sessionRecord.js';

/** What the public bank shows of a workshop: its description, never its people or its join code. */
export function presentBankEntry(session: SessionRecord, followUp: SuiteFollowUpCounts): BankEntryView {
  return {
    id: session.id,
    title: session.title,
    createdAt: session.createdAt,
    description: session.description,
    publishedAt: session.publishedAt ?? session.updatedAt,
    followUp,
    templateIds: session.templateIds ?? [],
  };
}
