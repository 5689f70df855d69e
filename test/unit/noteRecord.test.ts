import { createTLSchema } from '@tldraw/tlschema';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { META_SCHEMA, boardMeta, boardRecords } from '../../shared/boardLayout.js';
import { NOTE_RECORD_VERSIONS, addNoteToDoc, indexAbove, noteRecord, writesNotesAsBoard } from '../../shared/noteRecord.js';

const schema = createTLSchema();
const validateShape = (record: unknown) => (schema.types.shape as { validate(r: unknown): unknown }).validate(record);
const note = { id: 'shape:idea', text: 'Des bancs\n\nà l’ombre', x: 10, y: 20, scale: 1.5, color: 'green', trame: { authorId: 'p1' } };

describe('a note written without tldraw', () => {
  it('is at the versions of the tldraw this build ships', () => {
    const sequences = schema.serialize().sequences;
    for (const [key, version] of Object.entries(NOTE_RECORD_VERSIONS)) expect(sequences[key]).toBe(version);
    expect(writesNotesAsBoard(schema.serialize())).toBe(true);
    expect(writesNotesAsBoard({ sequences: { ...sequences, 'com.tldraw.shape.note': 12 } })).toBe(false);
    expect(writesNotesAsBoard(undefined)).toBe(false);
  });

  it("passes tldraw's validator, above every shape of its page", () => {
    const existing = [
      { id: 'page:a', typeName: 'page', index: 'a1' },
      { id: 'shape:z', typeName: 'shape', parentId: 'page:a', index: 'a5V' },
      { id: 'shape:other', typeName: 'shape', parentId: 'page:b', index: 'b99' },
    ];
    const record = noteRecord(note, 'page:a', existing);
    expect(() => validateShape(record)).not.toThrow();
    expect(String(record.index) > 'a5V').toBe(true);
    expect(String(record.index) < 'b99').toBe(true);
  });

  it('gets valid order keys, even at the end of an integer range', () => {
    for (const below of [null, 'a0', 'a1', 'az', 'b0z', 'bzz', 'Zz', 'a1V']) {
      const key = indexAbove(below);
      expect(() => validateShape({ ...noteRecord(note, 'page:a', []), index: key })).not.toThrow();
      if (below) expect(key > below).toBe(true);
      expect(key.endsWith('0')).toBe(false);
    }
  });

  it('goes into the board on its first page, and not into a board of another note version', () => {
    const doc = new Y.Doc();
    boardMeta(doc).set(META_SCHEMA, schema.serialize());
    boardRecords(doc).set('page:b', { id: 'page:b', typeName: 'page', index: 'a2' });
    boardRecords(doc).set('page:a', { id: 'page:a', typeName: 'page', index: 'a1' });
    const added = addNoteToDoc(doc, note);
    expect(added.ok && added.record.parentId).toBe('page:a');
    expect(boardRecords(doc).get('shape:idea')).toMatchObject({ type: 'note', props: { color: 'green', scale: 1.5 } });

    const old = new Y.Doc();
    boardMeta(old).set(META_SCHEMA, { sequences: { 'com.tldraw.shape': 3, 'com.tldraw.shape.note': 9 } });
    boardRecords(old).set('page:a', { id: 'page:a', typeName: 'page', index: 'a1' });
    expect(addNoteToDoc(old, note)).toEqual({ ok: false, reason: 'schema' });
    expect(boardRecords(old).size).toBe(1);
  });
});
