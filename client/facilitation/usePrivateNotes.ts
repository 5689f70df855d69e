/**
 * Private writing on this device. While it is on, a participant's new notes
 * are marked private: the Yjs binding skips them, and they go to the server
 * through socket.io instead. The server sends back the private notes this
 * person may see (their own; everyone's for facilitators), as a list on
 * connecting and as changes after, which live in the local store only until
 * the reveal brings them through Yjs.
 */
import { useEffect, useRef } from 'react';
import type { Editor, TLRecord, TLShape } from 'tldraw';
import { TRAME_META_KEY, trameMeta, type BoardRecord } from '../../shared/boardLayout.js';
import type { PrivateNotesChange } from '../../shared/facilitation.js';
import type { Principal } from '../../shared/roles.js';
import { isPrivateNote } from './isPrivateNote.js';
import type { Facilitation, FacilitationSocket } from './useFacilitation.js';

const SEND_DELAY_MS = 300;

export function usePrivateNotes(
  socket: FacilitationSocket,
  editor: Editor | null,
  principal: Principal,
  privateWriting: boolean,
  send: Facilitation['send'],
): void {
  const writingPrivately = useRef(false);
  writingPrivately.current = privateWriting && principal.role === 'participant';
  // Notes of this device not yet acknowledged by the server: the list sent on reconnecting lacks them.
  const unsent = useRef(new Set<string>());

  // The server sends the list once, as the page joins the session, maybe before the canvas has its editor: what
  // comes before the editor is kept, and applied when it is there.
  const missed = useRef<{ notes: BoardRecord[] | null; changes: PrivateNotesChange[] }>({ notes: null, changes: [] });
  const apply = useRef<{ notes: (notes: BoardRecord[]) => void; change: (change: PrivateNotesChange) => void } | null>(null);

  useEffect(() => {
    missed.current = { notes: null, changes: [] };
    const onNotes = (notes: BoardRecord[]) => {
      if (apply.current) apply.current.notes(notes);
      else missed.current = { notes, changes: [] };
    };
    const onChange = (change: PrivateNotesChange) => {
      if (apply.current) apply.current.change(change);
      else missed.current.changes.push(change);
    };
    socket.on('private:notes', onNotes);
    socket.on('private:changed', onChange);
    return () => {
      socket.off('private:notes', onNotes);
      socket.off('private:changed', onChange);
    };
  }, [socket]);

  useEffect(() => {
    if (!editor) return;
    const store = editor.store;
    // The author's own copy is newer than the echo of what they sent (they may still be typing).
    const isOwnCopy = (note: BoardRecord) =>
      store.has(note.id as TLRecord['id']) && trameMeta(note)?.authorId === principal.participantId;
    // On connecting: the whole list this person may see.
    const notes = (list: BoardRecord[]) => {
      const keep = new Set(list.map((n) => n.id));
      const stale = store
        .allRecords()
        .filter((r) => isPrivateNote(r) && !keep.has(r.id) && !unsent.current.has(r.id))
        .map((r) => r.id);
      const incoming = list.filter((n) => !isOwnCopy(n));
      store.mergeRemoteChanges(() => {
        if (stale.length) store.remove(stale);
        if (incoming.length) store.put(incoming as unknown as TLRecord[]);
      });
    };
    const change = ({ upserted, removed }: PrivateNotesChange) => {
      // A revealed note is in the store already, public, under the same id: only private copies go.
      const gone = removed.filter((id) => {
        const record = store.get(id as TLRecord['id']);
        return record !== undefined && isPrivateNote(record);
      });
      const incoming = upserted.filter((n) => !isOwnCopy(n));
      store.mergeRemoteChanges(() => {
        if (gone.length) store.remove(gone as TLRecord['id'][]);
        if (incoming.length) store.put(incoming as unknown as TLRecord[]);
      });
    };
    const kept = missed.current;
    missed.current = { notes: null, changes: [] };
    if (kept.notes) notes(kept.notes);
    kept.changes.forEach(change);
    apply.current = { notes, change };
    return () => {
      apply.current = null;
    };
  }, [editor, principal.participantId]);

  useEffect(() => {
    if (!editor || principal.role !== 'participant') return;
    const stopMarking = editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
      if (source !== 'user' || !writingPrivately.current || shape.type !== 'note') return shape;
      const trame = { ...(shape.meta[TRAME_META_KEY] as object | undefined), private: true, authorId: principal.participantId };
      return { ...shape, meta: { ...shape.meta, [TRAME_META_KEY]: trame } };
    });

    const timers = new Map<string, ReturnType<typeof setTimeout>>();
    const publish = (shape: TLShape) => {
      editor.updateShape({
        id: shape.id,
        type: shape.type,
        meta: { ...shape.meta, [TRAME_META_KEY]: { ...(shape.meta[TRAME_META_KEY] as object), private: false } },
      });
    };
    const upsert = (id: TLShape['id']) => {
      clearTimeout(timers.get(id));
      unsent.current.add(id);
      timers.set(
        id,
        setTimeout(async () => {
          timers.delete(id);
          const shape = editor.getShape(id);
          if (!shape || !isPrivateNote(shape)) return unsent.current.delete(id);
          const result = await send('private:upsert', { record: shape as never });
          if (!timers.has(id)) unsent.current.delete(id);
          // Private writing ended before this note got there: it joins the board like any note.
          if (!result.ok && result.code === 'not_private_step') publish(shape);
        }, SEND_DELAY_MS),
      );
    };
    const stopListening = editor.store.listen(
      ({ changes }) => {
        for (const record of Object.values(changes.added)) if (isPrivateNote(record)) upsert(record.id as TLShape['id']);
        for (const [, after] of Object.values(changes.updated)) if (isPrivateNote(after)) upsert(after.id as TLShape['id']);
        for (const record of Object.values(changes.removed)) {
          if (!isPrivateNote(record)) continue;
          clearTimeout(timers.get(record.id));
          timers.delete(record.id);
          unsent.current.delete(record.id);
          void send('private:delete', { id: record.id });
        }
      },
      { source: 'user', scope: 'document' },
    );
    return () => {
      stopMarking();
      stopListening();
      for (const timer of timers.values()) clearTimeout(timer);
    };
  }, [editor, principal, send]);
}
