/** Helpers shared by the bench scenarios: sessions, notes, joining and timing. */
import type { BoardRecord } from '../shared/boardLayout.js';
import type { SpawnedServer } from '../test/helpers/spawnServer.js';
import { connectYjsClient, whenSynced, type YjsClient } from '../test/helpers/yjsClient.js';

/** A board to load: a Trame session, or any room name on the reference server. */
export async function openBoard(server: SpawnedServer, title: string): Promise<string> {
  if (server.kind === 'reference') return `${title.replace(/\W+/g, '-')}-${Date.now()}`;
  const res = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (res.status !== 201) throw new Error(`session creation failed: ${res.status}`);
  return ((await res.json()) as { id: string }).id;
}

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
export async function timedJoin(server: SpawnedServer, board: string, records: number): Promise<{ ms: number; client: YjsClient }> {
  const startedAt = performance.now();
  const client = connectYjsClient(server.wsUrl, board);
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
