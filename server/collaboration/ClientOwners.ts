/**
 * Whose Yjs client id is whose, on one loaded board: items are taken only from their author.
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
 * connects, before sending back anything) or, for a connection that announced none, writes with it. Ownership
 * lasts while the board is loaded on this instance and is announced again by every reconnecting client.
 */
import * as Y from 'yjs';

export class ClientOwners {
  private readonly owners = new Map<number, string>();

  /** Records `clientId` as `principalId`'s when nobody holds it; false when it is someone else's. */
  claim(principalId: string, clientId: number): boolean {
    const owner = this.owners.get(clientId);
    if (owner === undefined) this.owners.set(clientId, principalId);
    return owner === undefined || owner === principalId;
  }

  /** Whether `principalId` may speak for `clientId`: its own, or nobody's yet. */
  mayUse(principalId: string, clientId: number): boolean {
    const owner = this.owners.get(clientId);
    return owner === undefined || owner === principalId;
  }

  /**
   * The part of `update` made under the sender's client ids (V1 only): items of others' client ids, or of
   * unowned ones when the sender announced its own, are left out. Unowned ones stay (judged as the sender's,
   * as before) when the sender's own items build on one the board lacks: left out, those could never apply,
   * and every later edit of the sender would wait for them.
   */
  ownPart(doc: Y.Doc, update: Uint8Array, principalId: string, announcedOwn: boolean): { update: Uint8Array; trimmed: boolean } {
    const othersOwn = new Set<number>();
    const unowned = new Set<number>();
    for (const client of Y.parseUpdateMeta(update).from.keys()) {
      const owner = this.owners.get(client);
      if (owner === principalId) continue;
      if (owner !== undefined) othersOwn.add(client);
      else if (announcedOwn) unowned.add(client);
      else this.owners.set(client, principalId);
    }
    if (othersOwn.size + unowned.size === 0) return { update, trimmed: false };
    const skipped = unowned.size > 0 && this.ownItemsNeed(doc, update, unowned) ? othersOwn : new Set([...othersOwn, ...unowned]);
    if (skipped.size === 0) return { update, trimmed: false };
    const beyondAll = new Map([...skipped].map((client) => [client, Number.MAX_SAFE_INTEGER]));
    return { update: Y.diffUpdate(update, Y.encodeStateVector(beyondAll)), trimmed: true };
  }

  /** Whether an item of the update not made under `clients` builds on an item of theirs the board lacks. */
  private ownItemsNeed(doc: Y.Doc, update: Uint8Array, clients: Set<number>): boolean {
    const known = Y.decodeStateVector(Y.encodeStateVector(doc));
    const lacks = (id: Y.ID | null) => id !== null && clients.has(id.client) && id.clock >= (known.get(id.client) ?? 0);
    return Y.decodeUpdate(update).structs.some(
      (struct) =>
        !clients.has(struct.id.client) &&
        struct instanceof Y.Item &&
        (lacks(struct.origin) || lacks(struct.rightOrigin) || (struct.parent instanceof Y.ID && lacks(struct.parent))),
    );
  }
}
