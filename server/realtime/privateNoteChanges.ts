/**
 * Private notes travel as changes: which notes a facilitation change touched (ids and authors only, small
 * enough to cross instances in a session event), then, per socket, the part its principal may see. Sending
 * the whole list on every note cost each facilitator every note of the room at each keystroke's upsert.
 */
import type { PrivateNotesChange } from '../../shared/facilitation.js';
import type { Principal } from '../../shared/roles.js';
import type { FacilitationRecord } from './facilitationRecord.js';

/** A private note written, changed, deleted or revealed, and whose it is (who may hear of it). */
export interface TouchedNote {
  id: string;
  authorId: string;
}

/** The notes whose entry differs between two states of a session (entries are replaced, never mutated). */
export function touchedNotes(before: FacilitationRecord, after: FacilitationRecord): TouchedNote[] {
  const touched: TouchedNote[] = [];
  for (const [id, note] of Object.entries(after.privateNotes)) {
    if (before.privateNotes[id] !== note) touched.push({ id, authorId: note.authorId });
  }
  for (const [id, note] of Object.entries(before.privateNotes)) {
    if (!(id in after.privateNotes)) touched.push({ id, authorId: note.authorId });
  }
  return touched;
}

/** What `principal` may hear of the touched notes: facilitators everyone's, a participant their own; null if nothing. */
export function privateNotesChangeFor(record: FacilitationRecord, touched: readonly TouchedNote[], principal: Principal): PrivateNotesChange | null {
  const facilitates = principal.role === 'facilitator';
  const change: PrivateNotesChange = { upserted: [], removed: [] };
  for (const { id, authorId } of touched) {
    if (!facilitates && authorId !== principal.participantId) continue;
    const note = record.privateNotes[id];
    if (note && (facilitates || note.authorId === principal.participantId)) change.upserted.push(note.record);
    else change.removed.push(id);
  }
  return change.upserted.length + change.removed.length > 0 ? change : null;
}
