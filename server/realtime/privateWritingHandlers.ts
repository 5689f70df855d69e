/**
 * Private writing, then reveal. During a private step, participants' new
 * notes never enter the shared Y.Doc (which every client receives): they
 * come here, are stored, and are sent only to their author and to
 * facilitators. "Révéler" writes them all into the board in one transaction.
 */
import { TRAME_META_KEY, type BoardRecord } from '../../shared/boardLayout.js';
import { empty, privateDeletePayload, privateUpsertPayload, privateWritingSetPayload } from '../../shared/facilitation.js';
import { PRIVATE_NOTES_PER_PARTICIPANT_MAX } from '../../shared/facilitationLimits.js';
import type { TrameSocket } from './attachRealtime.js';
import { defineCommand } from './defineCommand.js';
import type { Facilitation } from './Facilitation.js';
import { boardPaused, invalidNote, notAuthor, noteExists, notPrivateStep, tooManyNotes } from './FacilitationError.js';

export function privateWritingHandlers(socket: TrameSocket, f: Facilitation): void {
  defineCommand(socket, f.log, 'private:set', privateWritingSetPayload, 'facilitator', async ({ enabled }, p) => {
    await f.change(p.sessionId, (current) => ({ ...current, privateWriting: enabled }));
  });

  defineCommand(socket, f.log, 'private:upsert', privateUpsertPayload, 'participant', async ({ record }, p) => {
    const onBoard = await f.withRecords(p.sessionId, (records) => records.has(record.id));
    if (onBoard) throw noteExists();
    // Trame's data on the note is the server's: whatever else the client put there (a role, a zone) would be revealed as scaffolding.
    const trame = { private: true, authorId: p.participantId, college: p.college };
    const note = { ...record, meta: { ...record.meta, [TRAME_META_KEY]: trame } } as BoardRecord;
    if (note.type !== 'note' || !f.boards.isValidRecord(note)) throw invalidNote();
    await f.change(
      p.sessionId,
      (current) => {
        if (!current.privateWriting) throw notPrivateStep();
        if (current.paused) throw boardPaused();
        const existing = current.privateNotes[note.id];
        if (existing && existing.authorId !== p.participantId) throw notAuthor();
        const mine = Object.values(current.privateNotes).filter((n) => n.authorId === p.participantId).length;
        if (!existing && mine >= PRIVATE_NOTES_PER_PARTICIPANT_MAX) throw tooManyNotes();
        return { ...current, privateNotes: { ...current.privateNotes, [note.id]: { authorId: p.participantId, record: note } } };
      },
    );
  });

  defineCommand(socket, f.log, 'private:delete', privateDeletePayload, 'participant', async ({ id }, p) => {
    await f.change(
      p.sessionId,
      (current) => {
        const existing = current.privateNotes[id];
        if (!existing) return current;
        if (existing.authorId !== p.participantId) throw notAuthor();
        const { [id]: _removed, ...privateNotes } = current.privateNotes;
        return { ...current, privateNotes };
      },
    );
  });

  defineCommand(socket, f.log, 'private:reveal', empty, 'facilitator', async (_, p) => {
    const pending = Object.values((await f.get(p.sessionId)).privateNotes).map((n) => n.record);
    await f.boards.addRecords(p.sessionId, pending.map(publicNote));
    const revealed = new Set(pending.map((n) => n.id));
    await f.change(
      p.sessionId,
      (current) => ({
        ...current,
        privateWriting: false,
        privateNotes: Object.fromEntries(Object.entries(current.privateNotes).filter(([id]) => !revealed.has(id))),
      }),
    );
  });
}

function publicNote(note: BoardRecord): BoardRecord {
  const meta = (note.meta ?? {}) as Record<string, unknown>;
  const { private: _private, ...trame } = (meta[TRAME_META_KEY] ?? {}) as Record<string, unknown>;
  return { ...note, meta: { ...meta, [TRAME_META_KEY]: trame } };
}
