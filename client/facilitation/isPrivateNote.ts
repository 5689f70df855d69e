import type { TLRecord } from 'tldraw';
import { TRAME_META_KEY } from '../../shared/boardLayout.js';

/** A note written during private writing: it lives in this store only, never in the shared Y.Doc. */
export function isPrivateNote(record: TLRecord): boolean {
  if (record.typeName !== 'shape') return false;
  const trame = (record.meta as Record<string, { private?: boolean } | undefined>)[TRAME_META_KEY];
  return trame?.private === true;
}
