/**
 * Deletions a participant's client sends back as it re-syncs, of records that participant may not delete.
 *
 * After a crash the server lacks its last moments; the first client to reconnect sends back everything it
 * had, others' deletions included (Alice deleted her note, Bob's copy had it deleted too). A deletion carries
 * no author in Yjs, so the server cannot tell Bob relaying Alice's deletion from Bob deleting Alice's note
 * himself while offline. Refused with a write-back, it was lost for good: the written-back copy is a new item,
 * which Alice's own deletion, coming a moment later, does not cover. So such deletions in a sync step 2 are
 * held instead: not applied (nobody may delete others' notes), not written back at once. The author's (or a
 * facilitator's) client, when it reconnects, sends the same deletion and it applies under their rights. A
 * hold nobody confirmed within the grace period is refused like a live change: the record is written back
 * and its sender told, so a participant who did delete someone else's note offline gets it back.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { boardClients, boardRecords, type BoardRecord } from '../../shared/boardLayout.js';

type DeleteRanges = Map<number, { clock: number; len: number }[]>;

/** A V1 delete set as Yjs writes it, ranges in the given order. */
function encodeDeleteSet(clients: DeleteRanges): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, clients.size);
  for (const [client, ranges] of clients) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, ranges.length);
    for (const { clock, len } of ranges) {
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarUint(encoder, len);
    }
  }
  return encoding.toUint8Array(encoder);
}

function endsWith(bytes: Uint8Array, tail: Uint8Array): boolean {
  if (tail.byteLength > bytes.byteLength) return false;
  const offset = bytes.byteLength - tail.byteLength;
  return tail.every((byte, i) => bytes[offset + i] === byte);
}

/** Ranges minus one clock of one client. */
function withoutClock(ranges: { clock: number; len: number }[], clock: number): { clock: number; len: number }[] {
  return ranges.flatMap((range) => {
    if (clock < range.clock || clock >= range.clock + range.len) return [range];
    return [
      { clock: range.clock, len: clock - range.clock },
      { clock: clock + 1, len: range.clock + range.len - clock - 1 },
    ].filter((part) => part.len > 0);
  });
}

/**
 * `update` (V1) without the deletions of current records that `mayDelete` refuses, and those records' keys with
 * the items they are held on; deletions of owners' entries (`clients`, the server's alone) are dropped.
 * Unchanged when its bytes do not end with the delete set Yjs decodes from them (only a forger writes such
 * bytes; the update is then judged whole, as a live one).
 */
export function holdForbiddenDeletions(
  doc: Y.Doc,
  update: Uint8Array,
  mayDelete: (key: string) => boolean,
): { update: Uint8Array; held: Map<string, Y.Item> } {
  const held = new Map<string, Y.Item>();
  // Owners' entries the server removed (a withdrawal) before a crash: the server's to remove again, never a participant's.
  const dropped: Y.Item[] = [];
  const { ds } = Y.decodeUpdate(update);
  const records = boardRecords(doc);
  const owners = boardClients(doc);
  const current = (records as unknown as { _map: Map<string, Y.Item> })._map;
  for (const [client, ranges] of ds.clients) {
    const structs = doc.store.clients.get(client);
    const last = structs?.[structs.length - 1];
    if (!structs || !last) continue;
    for (const { clock, len } of ranges) {
      if (clock >= last.id.clock + last.length) continue;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < clock + len; i++) {
        const item = structs[i];
        if (item instanceof Y.Item && !item.deleted && item.parent === owners) dropped.push(item);
        if (!(item instanceof Y.Item) || item.deleted || item.parent !== records || item.parentSub === null) continue;
        if (current.get(item.parentSub) === item && !mayDelete(item.parentSub)) held.set(item.parentSub, item);
      }
    }
  }
  const original = encodeDeleteSet(ds.clients);
  if (held.size + dropped.length === 0 || !endsWith(update, original)) return { update, held: new Map() };
  const kept: DeleteRanges = new Map(ds.clients);
  for (const item of [...held.values(), ...dropped]) {
    // A record, or an owner, is one JSON value: its item is one clock long.
    kept.set(item.id.client, withoutClock(kept.get(item.id.client) ?? [], item.id.clock));
  }
  const structs = update.subarray(0, update.byteLength - original.byteLength);
  const rest = encodeDeleteSet(kept);
  const filtered = new Uint8Array(structs.byteLength + rest.byteLength);
  filtered.set(structs);
  filtered.set(rest, structs.byteLength);
  return { update: filtered, held };
}

/** The holds of one room, each refused once its grace period passes unconfirmed. */
export class ResentDeletions {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly graceMs: number,
  ) {}

  /**
   * After the grace period, writes back (with `origin`) each held record that is still the very item held,
   * and calls `refused` with their keys when there were any. `stillForbidden` is asked again then.
   */
  hold(held: Map<string, Y.Item>, origin: unknown, stillForbidden: (key: string) => boolean, refused: (keys: string[]) => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const records = boardRecords(this.doc);
      const current = (records as unknown as { _map: Map<string, Y.Item> })._map;
      const keys = [...held].filter(([key, item]) => current.get(key) === item && !item.deleted && stillForbidden(key)).map(([key]) => key);
      if (keys.length === 0) return;
      // Written again as a new item: the sender, whose copy deleted the old one, gets the record back.
      this.doc.transact(() => {
        for (const key of keys) records.set(key, records.get(key) as BoardRecord);
      }, origin);
      refused(keys);
    }, this.graceMs);
    this.timers.add(timer);
  }

  destroy(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
