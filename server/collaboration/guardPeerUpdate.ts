/**
 * Applies a peer's Yjs update under checks, inside one transaction: the
 * update is integrated, every key of `records` it changed is judged with the
 * board's rules, and each refused record is written back as it was before
 * the transaction ends. An update that writes anything outside `records`,
 * leaves parts waiting for missing dependencies or fails to decode is undone
 * whole (its items deleted, the values it overwrote written back). Yjs collects the deleted items' content before it
 * emits the transaction's update, so what the room relays, stores and later
 * sends to newcomers carries nothing refused: only the bare ids of the
 * refused items, which keeps the sender's later updates applicable (they
 * build on those ids; a dropped update would leave every later one pending).
 *
 * Why not inspect the decoded update before applying: which value a map key
 * ends up with depends on how Yjs integrates concurrent items, so an
 * inspection would have to re-implement integration; and refusing without
 * applying breaks the sender's causal chain (see above).
 */
import * as Y from 'yjs';
import type { BoardRefusal } from '../../shared/boardRefusals.js';
import { boardMeta, boardRecords, type BoardRecord } from '../../shared/boardLayout.js';

/** How each changed key of `records` looks before and after the update (every other key is unchanged). */
export interface RecordLookup {
  before(id: string): BoardRecord | undefined;
  after(id: string): BoardRecord | undefined;
}

export type KeyVerdict = { ok: true; stamped?: BoardRecord } | { ok: false; refusal: BoardRefusal };

/** Judges one changed key; or a refusal of everything the update changes (a paused board, a read-only peer). */
export type UpdateJudge = ((key: string, lookup: RecordLookup) => KeyVerdict) | BoardRefusal;

export interface GuardOutcome {
  /** The first refusal, when anything was refused. */
  refusal: BoardRefusal | null;
  /** Whether the server wrote anything itself (a stamp or an undo): the sender must then hear the result too. */
  rewritten: boolean;
  /** Keys of `records` the update changed, and those of them written back as they were. */
  keys: string[];
  refusedKeys: string[];
}

type KeyChange = { action: 'add' | 'update' | 'delete'; oldValue: unknown };

/** The map's changed keys, or null when the update also wrote list content into it (never done by Trame). */
function keyChanges<T>(map: Y.Map<T>, tr: Y.Transaction): Map<string, KeyChange> | null {
  const changed = tr.changed.get(map as unknown as Y.AbstractType<Y.YEvent<Y.Map<T>>>);
  if (!changed) return new Map();
  if (changed.has(null)) return null;
  const keys = changed as Set<string>;
  // Computed inside the transaction, while the overwritten values still hold their content.
  return new Y.YMapEvent(map, tr, keys).keys as Map<string, KeyChange>;
}

/** Deletes every item the transaction inserted (in any type). */
function deleteInserted(doc: Y.Doc, tr: Y.Transaction): void {
  for (const [client, structs] of doc.store.clients) {
    const from = tr.beforeState.get(client) ?? 0;
    const last = structs[structs.length - 1];
    if (!last || last.id.clock + last.length <= from) continue;
    for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) {
      const struct = structs[i];
      if (struct instanceof Y.Item && !struct.deleted) struct.delete(tr);
    }
  }
}

export interface GuardOptions {
  /**
   * Others' items were left out of the update (they wait for their authors): deletions of items the board
   * lacks are then expected, and dropped rather than held or refused.
   */
  othersLeftOut?: boolean;
}

export function guardPeerUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  origin: unknown,
  judge: UpdateJudge,
  options: GuardOptions = {},
): GuardOutcome {
  const records = boardRecords(doc);
  const meta = boardMeta(doc);
  const { pendingStructs, pendingDs } = doc.store;
  let failure: unknown;
  const outcome: GuardOutcome = { refusal: null, rewritten: false, keys: [], refusedKeys: [] };
  doc.transact((tr) => {
    try {
      Y.applyUpdate(doc, update);
    } catch (error) {
      failure = error;
    }
    if (options.othersLeftOut) doc.store.pendingDs = pendingDs;
    const leftPending = doc.store.pendingStructs !== pendingStructs || doc.store.pendingDs !== pendingDs;
    const recordKeys = keyChanges(records, tr);
    const metaKeys = keyChanges(meta, tr);
    const recordChanges = recordKeys ?? new Map<string, KeyChange>();
    const metaChanges = metaKeys ?? new Map<string, KeyChange>();
    const outside =
      !recordKeys || !metaKeys || [...tr.changed.keys()].some((type) => type !== (records as unknown) && type !== (meta as unknown));
    outcome.keys = [...recordChanges.keys()];
    const refuseAll = (refusal: BoardRefusal) => {
      // What the update left waiting for missing dependencies never applies: not later, not with someone else's edit.
      doc.store.pendingStructs = pendingStructs;
      doc.store.pendingDs = pendingDs;
      deleteInserted(doc, tr);
      for (const [map, changes] of [[records, recordChanges], [meta, metaChanges]] as const) {
        for (const [key, change] of changes) if (change.action !== 'add') (map as Y.Map<unknown>).set(key, change.oldValue);
      }
      outcome.refusal = refusal;
      outcome.rewritten = true;
      outcome.refusedKeys = outcome.keys;
    };
    if (failure || leftPending || metaChanges.size > 0 || outside) return refuseAll('invalid');
    if (typeof judge === 'string') {
      if (outcome.keys.length > 0) refuseAll(judge);
      return;
    }
    const before = (id: string) => {
      const change = recordChanges.get(id);
      if (!change) return records.get(id);
      return change.action === 'add' ? undefined : (change.oldValue as BoardRecord);
    };
    // Refusing one record can make another invalid (an arrow's binding, a shape's parent): judge again until stable.
    const undone = new Set<string>();
    const stamped = new Map<string, BoardRecord>();
    for (let changed = true; changed; ) {
      changed = false;
      stamped.clear();
      for (const key of outcome.keys) {
        if (undone.has(key)) continue;
        const verdict = judge(key, { before, after: (id) => records.get(id) });
        if (verdict.ok) {
          if (verdict.stamped) stamped.set(key, verdict.stamped);
          continue;
        }
        outcome.refusal ??= verdict.refusal;
        undone.add(key);
        changed = true;
        const old = before(key);
        if (old === undefined) records.delete(key);
        else records.set(key, old);
      }
    }
    for (const [key, record] of stamped) records.set(key, record);
    outcome.refusedKeys = [...undone];
    outcome.rewritten = undone.size > 0 || stamped.size > 0;
  }, origin);
  if (failure) throw failure;
  return outcome;
}
