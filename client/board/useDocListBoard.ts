/**
 * The list view's board on a phone: the Y.Doc's shapes and this person's
 * private notes (private writing keeps them out of the doc until the reveal:
 * they go to the server through socket.io, which sends back the ones this
 * person may see), and adding an idea by writing its note record directly.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { readBoardGeometry } from '../../shared/boardGeometry.js';
import { boardRecords, isShapeRecord, type BoardRecord } from '../../shared/boardLayout.js';
import type { PrivateNotesChange } from '../../shared/facilitation.js';
import { addNoteToDoc, type NewNote } from '../../shared/noteRecord.js';
import { applyPrivateNotesChange } from '../../shared/privateNotesChange.js';
import type { College } from '../../shared/roles.js';
import { refusalText } from '../refusalText.js';
import type { Facilitation, FacilitationSocket } from '../facilitation/useFacilitation.js';
import type { ListBoard } from './AddIdeaForm.js';

export interface DocListOptions {
  author: { participantId: string; college: College | null };
  /** The collège's colour when the session colours notes by collège. */
  color: string | undefined;
  privateWriting: boolean;
  send: Facilitation['send'];
}

export function useDocListBoard(
  doc: Y.Doc,
  shapes: BoardRecord[],
  socket: FacilitationSocket,
  options: DocListOptions,
): { records: BoardRecord[]; board: ListBoard } {
  const { t, i18n } = useTranslation();
  const [privateNotes, setPrivateNotes] = useState<BoardRecord[]>([]);
  const latest = useRef({ options, privateNotes });
  latest.current = { options, privateNotes };

  useEffect(() => {
    const onChange = (change: PrivateNotesChange) => setPrivateNotes((notes) => applyPrivateNotesChange(notes, change));
    socket.on('private:notes', setPrivateNotes);
    socket.on('private:changed', onChange);
    return () => {
      socket.off('private:notes', setPrivateNotes);
      socket.off('private:changed', onChange);
    };
  }, [socket]);

  const records = useMemo(() => {
    const inDoc = new Set(shapes.map((s) => s.id));
    return [...shapes, ...privateNotes.filter((n) => !inDoc.has(n.id))];
  }, [shapes, privateNotes]);

  const board = useMemo<ListBoard>(() => {
    const unwritable = t('list.needsFullBoard');
    return {
      now: () => {
        const own = latest.current.privateNotes;
        return readBoardGeometry([...[...boardRecords(doc).values()].filter(isShapeRecord), ...own]);
      },
      addNote: async (spot, text) => {
        const { author, color, privateWriting, send } = latest.current.options;
        const trame = { authorId: author.participantId, college: author.college, ...(spot.canvasId ? { canvasId: spot.canvasId } : {}) };
        const note: NewNote = { id: `shape:${crypto.randomUUID()}`, text, x: spot.x, y: spot.y, scale: spot.scale, color, trame };
        if (!privateWriting) return addNoteToDoc(doc, note).ok ? null : unwritable;
        const built = addNoteToDoc(doc, { ...note, trame: { ...trame, private: true } }, false);
        if (!built.ok) return unwritable;
        const result = await send('private:upsert', { record: built.record as never });
        if (result.ok) return null;
        // Private writing ended meanwhile: the idea joins the board like any other.
        if (result.code === 'not_private_step') return addNoteToDoc(doc, note).ok ? null : unwritable;
        return refusalText(i18n, result.code, result.message);
      },
    };
  }, [doc, t, i18n]);

  return { records, board };
}
