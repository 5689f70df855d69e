/** Helpers shared by the bench scenarios: sessions, notes, joining and timing. */
import type { BoardRecord } from '../shared/boardLayout.js';
import { COLLEGES } from '../shared/roles.js';
import { createSession, joinSession } from '../test/helpers/api.js';
import type { SpawnedServer } from '../test/helpers/spawnServer.js';
import { connectYjsClient, whenSynced, type YjsClient } from '../test/helpers/yjsClient.js';

/** Joins sent at once when filling a room. */
const JOINS_IN_FLIGHT = 16;

/** A board to load and what a client must send to be let in. */
export interface BenchBoard {
  room: string;
  /** The provider's `params`: the facilitator's token on Trame, which refuses a socket without one. */
  params: Record<string, string>;
  /** Trame's join code, for participants' own tokens. */
  joinCode?: string;
}

/** A board to load: a Trame session, or any room name on the reference server (which checks nothing). */
export async function openBoard(server: SpawnedServer, title: string): Promise<BenchBoard> {
  if (server.kind === 'reference') return { room: `${title.replace(/\W+/g, '-')}-${Date.now()}`, params: {} };
  const session = await createSession(server.url, { title });
  return { room: session.id, params: { token: session.access.token }, joinCode: session.joinCode };
}

/**
 * Each simulated person's provider `params`, as in a workshop: the first is
 * the facilitator, everyone else joins with the code (on Trame, participants'
 * edits go through the checks facilitators skip).
 */
export async function workshopParams(server: Pick<SpawnedServer, 'url'>, board: BenchBoard, people: number): Promise<(index: number) => Record<string, string>> {
  if (!board.joinCode) return () => board.params;
  const joinCode = board.joinCode;
  const participants: Record<string, string>[] = [board.params];
  // A venue joins together, not one after the other: concurrent joins share the store's writes (one after
  // another, 2,000 joins rewrote the session file 2,000 times, 15 s on the bench host).
  let next = 1;
  const joinOne = async (): Promise<void> => {
    for (let i = next++; i < people; i = next++) {
      const grant = await joinSession(server.url, joinCode, `Participant ${i}`, COLLEGES[i % COLLEGES.length]);
      // `author` and `college` stay in the worker: what Trame's client stamps on its notes.
      participants[i] = { token: grant.token, author: grant.participantId, college: grant.college ?? '' };
    }
  };
  await Promise.all(Array.from({ length: JOINS_IN_FLIGHT }, joinOne));
  return (index) => participants[index]!;
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
