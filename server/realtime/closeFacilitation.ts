/**
 * What ending a workshop does to facilitation: the timer stops, an open vote
 * closes with its results kept, follow-me ends and the step under way gets
 * its end time for the report's déroulé.
 */
import { noteText } from '../../shared/noteGeometry.js';
import { tallyVotes } from '../../shared/votes.js';
import type { FacilitationRecord } from './facilitationRecord.js';
import type { Facilitation } from './Facilitation.js';

export function endedFacilitation(current: FacilitationRecord, now: number, textOf: (shapeId: string) => string): FacilitationRecord {
  const vote =
    current.vote?.status === 'open'
      ? { ...current.vote, status: 'closed' as const, results: tallyVotes(Object.values(current.vote.ballots), textOf) }
      : current.vote;
  const log = current.stepLog ?? [];
  const last = log.at(-1);
  const stepLog = last && last.endedAt === null ? [...log.slice(0, -1), { ...last, endedAt: now }] : log;
  return { ...current, timer: null, vote, follow: null, stepLog };
}

export async function closeFacilitation(f: Facilitation, sessionId: string): Promise<void> {
  const texts = await f.withRecords(sessionId, (records) => (id: string) => noteText(records.get(id)));
  f.cameras.forget(sessionId);
  await f.change(sessionId, (current) => endedFacilitation(current, f.now(), texts));
}
