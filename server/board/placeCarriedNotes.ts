/**
 * Ideas carried from an earlier workshop of a project land as notes in one zone of the new board: each in the
 * zone's next free slot (the one placement rule, shared/notePlacement.ts), above every shape, in the collège's
 * colour, with their origin in `meta.trame.origin` (the badge and the link back read it).
 */
import { NoteShapeUtil, createShapeId, getIndicesAbove, toRichText, type IndexKey } from 'tldraw';
import * as Y from 'yjs';
import { TRAME_META_KEY, boardRecords, isShapeRecord, trameMeta, type BoardRecord } from '../../shared/boardLayout.js';
import { readBoardGeometry } from '../../shared/boardGeometry.js';
import { placeNote } from '../../shared/notePlacement.js';
import type { NoteOrigin } from '../../shared/projects.js';
import { COLLEGE_COLORS, COLLEGES, type College } from '../../shared/roles.js';
import { BOARD_PAGE_ID } from './createBoardState.js';

export interface CarriedNote {
  text: string;
  college: string | null;
  origin: NoteOrigin;
}

/** A zone of the board, named as the template that drew it names it. */
export interface TemplateZone {
  templateId: string;
  zoneId: string;
}

const isCollege = (value: string | null): value is College => COLLEGES.includes(value as College);

/** Writes the notes in one transaction; the ids written, or null when the board has no such zone. */
export function placeCarriedNotes(
  doc: Y.Doc,
  target: TemplateZone,
  notes: readonly CarriedNote[],
  valid: (record: BoardRecord) => boolean,
): string[] | null {
  const map = boardRecords(doc);
  const records = [...map.values()];
  const zoneRecord = records.find((r) => {
    const meta = trameMeta(r);
    return meta?.role === 'zone' && meta.templateId === target.templateId && meta.zoneId === target.zoneId;
  });
  if (!zoneRecord) return null;
  const top = records
    .filter(isShapeRecord)
    .flatMap((r) => (typeof r.index === 'string' ? [r.index as IndexKey] : []))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .at(-1);
  const indices = getIndicesAbove(top ?? null, notes.length);
  const defaults = NoteShapeUtil.prototype.getDefaultProps.call({ options: {} } as never) as unknown as Record<string, unknown>;
  const parentId = String(zoneRecord.parentId ?? BOARD_PAGE_ID);
  const added: BoardRecord[] = [];
  notes.forEach((note, i) => {
    // Placed against the board with the notes already added, so none covers another.
    const geometry = readBoardGeometry([...records, ...added]);
    const zone = geometry.zones.find((z) => z.shapeId === zoneRecord.id)!;
    const spot = placeNote(geometry, zone);
    const college = isCollege(note.college) ? note.college : null;
    added.push({
      id: createShapeId(),
      typeName: 'shape',
      type: 'note',
      x: spot.x,
      y: spot.y,
      rotation: 0,
      index: indices[i]!,
      parentId,
      isLocked: false,
      opacity: 1,
      props: {
        ...defaults,
        richText: toRichText(note.text),
        scale: spot.scale,
        color: college ? COLLEGE_COLORS[college] : 'yellow',
      },
      meta: {
        [TRAME_META_KEY]: {
          ...(spot.canvasId ? { canvasId: spot.canvasId } : {}),
          ...(college ? { college } : {}),
          origin: note.origin,
        },
      },
    });
  });
  const invalid = added.find((r) => !valid(r));
  if (invalid) throw new Error(`carried note refused by the board's schema: ${JSON.stringify(invalid)}`);
  doc.transact(() => {
    for (const record of added) map.set(record.id, record);
  });
  return added.map((r) => r.id);
}
