/** Keeping a list of private notes up to date from the server's changes (`private:changed`). */
import type { BoardRecord } from './boardLayout.js';
import type { PrivateNotesChange } from './facilitation.js';

/** `notes` with `change` applied: removed ids gone, upserted notes in place of their earlier version or added. */
export function applyPrivateNotesChange(notes: readonly BoardRecord[], change: PrivateNotesChange): BoardRecord[] {
  const replaced = new Set([...change.removed, ...change.upserted.map((n) => n.id)]);
  return [...notes.filter((n) => !replaced.has(n.id)), ...change.upserted];
}
