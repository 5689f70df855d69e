/**
 * Defence in depth for boards stored before the server checked edits: a
 * record tldraw refuses would make it refuse the whole store, and the board
 * would open blank for everyone. Each record is migrated and validated on
 * its own; those that fail are skipped and reported (the facilitator can
 * then « Réparer le tableau »), and the rest of the board opens.
 */
import type { SerializedSchema, TLRecord, TLStore } from 'tldraw';

export interface Readable {
  records: TLRecord[];
  /** Keys of the records left out. */
  skipped: string[];
  /** The schema the records were read with: the board's, or this client's when the board's is unreadable. */
  schema: SerializedSchema;
}

function validates(store: TLStore, record: TLRecord): boolean {
  const type = (store.schema.types as Record<string, { validate(r: unknown): unknown } | undefined>)[record.typeName];
  if (!type) return false;
  try {
    type.validate(record);
    return true;
  } catch {
    return false;
  }
}

function readableSchema(store: TLStore, theirs: unknown): SerializedSchema {
  try {
    if (theirs && store.schema.getMigrationsSince(theirs as SerializedSchema).ok) return theirs as SerializedSchema;
  } catch {
    // An overwritten schema: the records are read as this client's own version.
  }
  return store.schema.serialize();
}

export function readableRecords(store: TLStore, theirSchema: unknown, entries: Iterable<[string, unknown]>): Readable {
  const schema = readableSchema(store, theirSchema);
  const records: TLRecord[] = [];
  const skipped: string[] = [];
  for (const [key, raw] of entries) {
    const record = raw as TLRecord;
    if (!record || typeof record !== 'object' || record.id !== key) {
      skipped.push(key);
      continue;
    }
    let migrated: TLRecord | undefined;
    try {
      const result = store.schema.migratePersistedRecord(record, schema);
      if (result.type === 'success') migrated = result.value;
    } catch {
      migrated = undefined;
    }
    if (migrated && validates(store, migrated)) records.push(migrated);
    else skipped.push(key);
  }
  return { records, skipped, schema };
}

/** The records of a remote change tldraw accepts, and the keys of those it would refuse. */
export function splitValid(store: TLStore, records: TLRecord[]): { valid: TLRecord[]; skipped: string[] } {
  const valid: TLRecord[] = [];
  const skipped: string[] = [];
  for (const record of records) {
    if (record && validates(store, record)) valid.push(record);
    else skipped.push(String((record as TLRecord | undefined)?.id));
  }
  return { valid, skipped };
}
