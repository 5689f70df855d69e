/**
 * Whose Yjs client id is whose, on one board: items are taken only from their author.
 *
 * Every Yjs item carries the client id of the document that made it. After a crash, a participant's client
 * that reconnects first sends back everything the server lost, its own items and those it had received from
 * others. Judged as the sender's, the others' notes were refused (not its own) and, refused, left tombstones
 * under their ids: the authors' own copies then counted as already seen and were lost. Taken only from a
 * connection of the principal owning their client id, they wait for their author, whose client sends them back
 * when it reconnects; a participant who writes under someone else's client id (read from any update or
 * cursor) is ignored the same way, so they can neither sign as that person nor take the clocks of that
 * person's next edits.
 *
 * A client id belongs to the first principal that announces it as its cursor (the stock client does so as it
 * connects, before sending back anything) or, for a connection that announced none, writes with it. Once
 * items of a participant's client id are taken, its ownership is written in the board itself (`clients`,
 * beside `records`), by the server only: it is stored, relayed to the other instances like any edit, and read
 * back when the board is loaded again, so nobody can take on one instance, or after an unload, a client id
 * that wrote elsewhere or before. A cursor alone is held in this instance's memory (written, every connection
 * would grow the board: a modified client reconnecting in a loop), and a cursor shown from another instance
 * marks its client id as taken there. Owners are keys derived from principal ids, not the ids. The first
 * entry a room writes also registers the room's own client id, so that nobody writes under the server's
 * name at the clocks of its next writes.
 */
import { createHash } from 'node:crypto';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { boardClients } from '../../shared/boardLayout.js';

/** The owner written for a server's own document. Principal keys are base64url, never this. */
const SERVER_OWNER = 'server';

/** How a principal is written in `clients`: a digest, so the board names no one by id. */
function ownerKey(principalId: string): string {
  return createHash('sha256').update(principalId).digest('base64url').slice(0, 22);
}

/**
 * The client ids whose items a V1 update carries. A participant's edit is almost always made under one client id,
 * whose id Yjs writes at the head of the update: read from there, the items are not decoded twice (their content
 * once more, the records' JSON included) just to name their writer. Anything else is decoded whole.
 */
function writersOf(update: Uint8Array): Iterable<number> {
  try {
    const decoder = decoding.createDecoder(update);
    if (decoding.readVarUint(decoder) === 1 && decoding.readVarUint(decoder) > 0) return [decoding.readVarUint(decoder)];
  } catch {
    // Not even a header: the whole decode below says what the update is, as it did before this shortcut.
  }
  return Y.parseUpdateMeta(update).from.keys();
}

/** Removes `principalId`'s client ids (a withdrawal): their items then belong to nobody who can write. */
export function forgetClientsOf(doc: Y.Doc, principalId: string): void {
  const clients = boardClients(doc);
  const key = ownerKey(principalId);
  for (const [clientId, owner] of [...clients.entries()]) if (owner === key) clients.delete(clientId);
}

/** Removes every owner (the retention purge of an old board). */
export function forgetAllClients(doc: Y.Doc): void {
  const clients = boardClients(doc);
  for (const clientId of [...clients.keys()]) clients.delete(clientId);
}

export class ClientOwners {
  /** Client ids announced as cursors on this instance, before they write: id → owner key. */
  private readonly announced = new Map<number, string>();

  constructor(
    private readonly doc: Y.Doc,
    /** The origin of the server's own writes (so they are relayed, stored and sent to every peer). */
    private readonly origin: unknown,
    /** Whether a client id's cursor is shown from another instance, whose owner may not have arrived yet. */
    private readonly shownElsewhere: (clientId: number) => boolean,
  ) {}

  /** Holds `clientId` as `principalId`'s when nobody holds it; false when it is someone else's. */
  claim(principalId: string, clientId: number): boolean {
    const owner = this.ownerOf(clientId);
    if (owner !== undefined) return owner === ownerKey(principalId);
    if (this.shownElsewhere(clientId)) return false;
    this.announced.set(clientId, ownerKey(principalId));
    return true;
  }

  /** Whether `principalId` may speak for `clientId`: its own, or nobody's yet. */
  mayUse(principalId: string, clientId: number): boolean {
    const owner = this.ownerOf(clientId);
    return owner === undefined ? !this.shownElsewhere(clientId) : owner === ownerKey(principalId);
  }

  /**
   * The part of `update` made under the sender's client ids (V1 only): items of others' client ids, or of
   * unowned ones when the sender announced its own, are left out. Unowned ones stay (judged as the sender's,
   * as before) when the sender's own items build on one the board lacks: left out, those could never apply,
   * and every later edit of the sender would wait for them. A sender that announced none claims the unowned
   * client ids it writes with.
   */
  ownPart(update: Uint8Array, principalId: string, announcedOwn: boolean): { update: Uint8Array; trimmed: boolean } {
    const mine = ownerKey(principalId);
    const othersOwn = new Set<number>();
    const unowned = new Set<number>();
    const claims: number[] = [];
    for (const client of writersOf(update)) {
      const owner = this.ownerOf(client);
      if (owner === mine) {
        // Its first items: from now on the board itself says whose they are.
        if (!boardClients(this.doc).has(String(client))) claims.push(client);
        continue;
      }
      if (owner !== undefined || this.shownElsewhere(client)) othersOwn.add(client);
      else if (announcedOwn) unowned.add(client);
      else claims.push(client);
    }
    if (claims.length > 0) {
      // Written in the board: only for an update that decodes whole (the header alone named its writer).
      Y.parseUpdateMeta(update);
      this.record(claims, principalId);
    }
    if (othersOwn.size + unowned.size === 0) return { update, trimmed: false };
    const skipped = unowned.size > 0 && this.ownItemsNeed(update, unowned) ? othersOwn : new Set([...othersOwn, ...unowned]);
    if (skipped.size === 0) return { update, trimmed: false };
    const beyondAll = new Map([...skipped].map((client) => [client, Number.MAX_SAFE_INTEGER]));
    return { update: Y.diffUpdate(update, Y.encodeStateVector(beyondAll)), trimmed: true };
  }

  /**
   * After a facilitator's update (applied as sent, others' items included when it re-syncs): writes down the
   * client ids it announced and now writes with, so that no participant takes them after a reload either.
   */
  recordOwnWriters(update: Uint8Array, principalId: string): void {
    const mine = ownerKey(principalId);
    const clients = boardClients(this.doc);
    const first = [...Y.parseUpdateMeta(update).from.keys()].filter((c) => this.announced.get(c) === mine && !clients.has(String(c)));
    if (first.length > 0) this.record(first, principalId);
  }

  private ownerOf(clientId: number): string | undefined {
    return boardClients(this.doc).get(String(clientId)) ?? this.announced.get(clientId);
  }

  private record(clientIds: number[], principalId: string): void {
    const clients = boardClients(this.doc);
    const key = ownerKey(principalId);
    this.doc.transact(() => {
      if (!clients.has(String(this.doc.clientID))) clients.set(String(this.doc.clientID), SERVER_OWNER);
      for (const clientId of clientIds) clients.set(String(clientId), key);
    }, this.origin);
  }

  /** Whether an item of the update not made under `clients` builds on an item of theirs the board lacks. */
  private ownItemsNeed(update: Uint8Array, clients: Set<number>): boolean {
    const known = Y.decodeStateVector(Y.encodeStateVector(this.doc));
    const lacks = (id: Y.ID | null) => id !== null && clients.has(id.client) && id.clock >= (known.get(id.client) ?? 0);
    return Y.decodeUpdate(update).structs.some(
      (struct) =>
        !clients.has(struct.id.client) &&
        struct instanceof Y.Item &&
        (lacks(struct.origin) || lacks(struct.rightOrigin) || (struct.parent instanceof Y.ID && lacks(struct.parent))),
    );
  }
}
