/**
 * A board with a facilitator and participants on stock y-websocket clients,
 * for the tests of what the server refuses: who hears a refusal, and whether
 * a fresh tldraw store still opens the whole board.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { REFUSAL_MESSAGE_TYPE } from '../../shared/boardRefusals.js';
import { META_SCHEMA, boardMeta, boardRecords, type BoardRecord } from '../../shared/boardLayout.js';
import { createServerStore } from '../../server/board/createBoardState.js';
import { createSession, joinSession, type CreatedSession } from './api.js';
import type { TestServer } from './startTestServer.js';
import { connectYjsClient, whenSynced, type YjsClient } from './yjsClient.js';

export interface TrustedClient extends YjsClient {
  /** Refusal codes the server sent this client, in order. */
  refusals: string[];
}

export async function connectWithRefusals(t: Pick<TestServer, 'wsUrl'>, sessionId: string, token: string): Promise<TrustedClient> {
  const client = connectYjsClient(t.wsUrl, sessionId, { token }) as TrustedClient;
  client.refusals = [];
  client.provider.messageHandlers[REFUSAL_MESSAGE_TYPE] = (_encoder, decoder: decoding.Decoder) => {
    client.refusals.push(decoding.readVarString(decoder));
  };
  await whenSynced(client);
  return client;
}

export interface TrustBoard {
  session: CreatedSession;
  facilitator: TrustedClient;
  alice: TrustedClient;
  bob: TrustedClient;
  aliceId: string;
  bobId: string;
  clients: TrustedClient[];
}

export async function openTrustBoard(t: TestServer, templateIds: string[] = []): Promise<TrustBoard> {
  const session = await createSession(t.url, { title: 'Atelier', templateIds });
  const aliceGrant = await joinSession(t.url, session.joinCode, 'Alice', 'habitant');
  const bobGrant = await joinSession(t.url, session.joinCode, 'Bob', 'elu');
  const facilitator = await connectWithRefusals(t, session.id, session.access.token);
  const alice = await connectWithRefusals(t, session.id, aliceGrant.token);
  const bob = await connectWithRefusals(t, session.id, bobGrant.token);
  return {
    session,
    facilitator,
    alice,
    bob,
    aliceId: aliceGrant.participantId,
    bobId: bobGrant.participantId,
    clients: [facilitator, alice, bob],
  };
}

/** Loads a board's records into a fresh tldraw store, as a browser does; throws where tldraw would refuse the board. */
export function openInTldraw(doc: Y.Doc): number {
  const store = createServerStore();
  const migration = store.schema.migrateStoreSnapshot({
    schema: boardMeta(doc).get(META_SCHEMA) as never,
    store: Object.fromEntries(boardRecords(doc).entries()) as never,
  });
  if (migration.type === 'error') throw new Error(`migration: ${migration.reason}`);
  store.put(Object.values(migration.value) as never[]);
  return store.allRecords().length;
}

/** The board's records as one client sees them, without Yjs. */
export function recordsOf(client: YjsClient): Map<string, BoardRecord> {
  return new Map(client.records.entries());
}

/** Every stored byte of the board, to search for refused content. */
export function encodedBoard(doc: Y.Doc): string {
  return Buffer.from(Y.encodeStateAsUpdate(doc)).toString('latin1');
}
