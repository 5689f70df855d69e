/** Helpers shared by the bench scenarios: sessions, notes, joining and timing. */
import type { BoardRecord } from '../shared/boardLayout.js';
import { createSession } from '../test/helpers/api.js';
import type { SpawnedServer } from '../test/helpers/spawnServer.js';
import { connectYjsClient, whenSynced, type YjsClient } from '../test/helpers/yjsClient.js';

/** A board to load and what a client must send to be let in. */
export interface BenchBoard {
  room: string;
  /** The provider's `params`: the facilitator's token on Trame, which refuses a socket without one. */
  params: Record<string, string>;
}

/** A board to load: a Trame session, or any room name on the reference server (which checks nothing). */
export async function openBoard(server: SpawnedServer, title: string): Promise<BenchBoard> {
  if (server.kind === 'reference') return { room: `${title.replace(/\W+/g, '-')}-${Date.now()}`, params: {} };
  const session = await createSession(server.url, { title });
  return { room: session.id, params: { token: session.access.token } };
}

/** Connects a stock client to the board, with its token. */
export const connectToBoard = (server: SpawnedServer, board: BenchBoard): YjsClient =>
  connectYjsClient(server.wsUrl, board.room, board.params);

/** The board's socket address, for raw sockets that speak the protocol themselves. */
export const boardSocketUrl = (server: SpawnedServer, board: BenchBoard): string =>
  `${server.wsUrl}/${board.room}?${new URLSearchParams(board.params)}`;

/** A note shaped like tldraw's, so sizes on the wire and on disk are realistic. */
export function benchNote(id: string, i: number): BoardRecord {
  return {
    id: `shape:${id}`,
    typeName: 'shape',
    type: 'note',
    x: (i % 100) * 220,
    y: Math.floor(i / 100) * 220,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    props: { color: 'yellow', size: 'm', font: 'draw', align: 'middle', verticalAlign: 'middle', text: `Idée numéro ${i}`, scale: 1 },
    meta: {},
  };
}

/** Connects a client and resolves once it holds at least `records` records, with the time it took. */
export async function timedJoin(server: SpawnedServer, board: BenchBoard, records: number): Promise<{ ms: number; client: YjsClient }> {
  const startedAt = performance.now();
  const client = connectToBoard(server, board);
  await whenSynced(client, 60_000);
  if (client.records.size < records) {
    await new Promise<void>((resolve) => {
      const check = () => {
        if (client.records.size < records) return;
        client.records.unobserve(check);
        resolve();
      };
      client.records.observe(check);
    });
  }
  return { ms: performance.now() - startedAt, client };
}
