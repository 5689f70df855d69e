/**
 * A board's client has Yjs encode only its own transactions as updates (client/board/encodeOwnUpdatesOnly.ts):
 * what the server sends — the board at joining, the room's batches — is applied without being encoded again,
 * and what the client writes still reaches the others.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { encodeOwnUpdatesOnly } from '../../client/board/encodeOwnUpdatesOnly.js';
import { shapeText } from '../../shared/richText.js';
import { createSession } from '../helpers/api.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { connectYjsClient, eventually, whenSynced, type YjsClient } from '../helpers/yjsClient.js';
import { noteRecord } from '../helpers/records.js';

const env = serverPerFile();
const clients: YjsClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});

describe("a board client's own updates", () => {
  it('are the only ones Yjs encodes, and still reach the others, while the server’s arrive', async () => {
    const { id, access } = await createSession(env.t.url, { title: 'Quartier gare', templateIds: ['afom-du-territoire'] });
    const phone = connectYjsClient(env.t.wsUrl, id, { token: access.token });
    const other = connectYjsClient(env.t.wsUrl, id, { token: access.token });
    clients.push(phone, other);
    const stop = encodeOwnUpdatesOnly(phone.provider);
    // Registered after: sees, for each transaction, whether Yjs is about to encode it.
    const encoded: { fromServer: boolean; encodes: boolean }[] = [];
    phone.doc.on('afterTransactionCleanup', (transaction) =>
      encoded.push({ fromServer: transaction.origin === phone.provider, encodes: phone.doc._observers.has('update') }),
    );
    await Promise.all([whenSynced(phone), whenSynced(other)]);

    const theirs = noteRecord('des-autres', 'Une navette le soir', { x: 0, y: 0 });
    other.records.set(theirs.id, theirs);
    await eventually(() => expect(phone.records.get(theirs.id)).toBeDefined());
    const mine = noteRecord('du-telephone', 'Un abri vélo couvert', { x: 300, y: 0 });
    phone.records.set(mine.id, mine);
    await eventually(() => expect(shapeText(other.records.get(mine.id)!)).toBe('Un abri vélo couvert'));

    // The board at joining and the other's note came from the server; the phone's own note did not.
    expect(encoded.filter((e) => e.fromServer).length).toBeGreaterThanOrEqual(2);
    expect(encoded.filter((e) => e.fromServer).every((e) => !e.encodes)).toBe(true);
    expect(encoded.filter((e) => !e.fromServer).map((e) => e.encodes)).toEqual([true]);

    stop();
    expect(phone.doc._observers.has('update')).toBe(true);
  });
});
