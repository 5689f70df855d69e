import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardRecords, isShapeRecord, trameMeta } from '../../shared/boardLayout.js';
import { createSession } from '../helpers/api.js';
import { noteRecord } from '../helpers/records.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { connectYjsClient, eventually, fakeNote, whenSynced, withText, type YjsClient } from '../helpers/yjsClient.js';

/** The Boards service's contract: every server-side read and write of a live board, seen from real clients. */
describe('the Boards service', () => {
  const env = serverPerFile({ boardUnloadGraceMs: 50 });
  const clients: YjsClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });

  async function workshop() {
    const session = await createSession(env.t.url, { title: 'Atelier', templateIds: ['arbre-a-problemes'] });
    const client = connectYjsClient(env.t.wsUrl, session.id, { token: session.access.token });
    clients.push(client);
    await whenSynced(client);
    return { session, client, canvasId: session.steps[0]!.canvasId! };
  }

  it('reads a copy of the records that cannot change the board', async () => {
    const { session, client } = await workshop();
    client.records.set('shape:idee', fakeNote('idee', 'Un banc sous le tilleul'));
    const boards = env.t.server.boards;
    await eventually(async () => expect((await boards.records(session.id)).some((r) => r.id === 'shape:idee')).toBe(true));
    const copy = await boards.records(session.id);
    copy.find((r) => r.id === 'shape:idee')!.props = { text: 'changé' };
    const again = await boards.read(session.id, (records) => records.get('shape:idee'));
    expect(again).toMatchObject(withText('Un banc sous le tilleul'));
  });

  it('loads a board nobody is on for a read, and lets it go after the grace period', async () => {
    const session = await createSession(env.t.url, { title: 'Atelier', templateIds: ['arbre-a-problemes'] });
    const records = await env.t.server.boards.records(session.id);
    expect(records.some((r) => trameMeta(r)?.role === 'frame')).toBe(true);
    await eventually(() => expect(env.t.server.registry.isLoaded(session.id)).toBe(false));
  });

  it('draws an added canvas for connected clients in one update', async () => {
    const { session, client } = await workshop();
    const updates: number[] = [];
    client.doc.on('update', () => updates.push(1));
    const [drawn] = await env.t.server.boards.addCanvases(session.id, [await templateNamed('persona-carte-empathie')]);
    const canvasId = drawn!.canvasId;
    await eventually(() =>
      expect([...client.records.values()].some((r) => trameMeta(r)?.canvasId === canvasId && trameMeta(r)?.role === 'frame')).toBe(true),
    );
    expect(updates).toHaveLength(1);
  });

  it('locks and unlocks a canvas’s scaffolding, and answers 0 for a canvas not on the board', async () => {
    const { session, client, canvasId } = await workshop();
    const boards = env.t.server.boards;
    const scaffolding = () => [...client.records.values()].filter((r) => isShapeRecord(r) && trameMeta(r)?.canvasId === canvasId);
    expect(await boards.setCanvasLocked(session.id, canvasId, false)).toBe(scaffolding().length);
    await eventually(() => expect(scaffolding().every((r) => r.isLocked === false)).toBe(true));
    await boards.setCanvasLocked(session.id, canvasId, true);
    await eventually(() => expect(scaffolding().every((r) => r.isLocked === true)).toBe(true));
    expect(await boards.setCanvasLocked(session.id, 'inconnu', true)).toBe(0);
  });

  it('adds records the board lacks and never overwrites one it has', async () => {
    const { session, client } = await workshop();
    client.records.set('shape:mienne', fakeNote('mienne', 'écrite par un participant'));
    await eventually(async () => expect(await env.t.server.boards.read(session.id, (r) => r.has('shape:mienne'))).toBe(true));
    const added = await env.t.server.boards.addRecords(session.id, [
      fakeNote('mienne', 'réécrite par le serveur'),
      fakeNote('revelee', 'révélée'),
    ]);
    expect(added).toBe(1);
    await eventually(() => expect(client.records.get('shape:revelee')).toMatchObject(withText('révélée')));
    expect(client.records.get('shape:mienne')).toMatchObject(withText('écrite par un participant'));
  });

  it('snapshots the whole board, and duplicates it with or without what people added', async () => {
    const { session, client } = await workshop();
    client.records.set('shape:idee', noteRecord('idee', 'Une fontaine', { x: 40, y: 40 }));
    const boards = env.t.server.boards;
    await eventually(async () => expect(await boards.read(session.id, (r) => r.has('shape:idee'))).toBe(true));

    const restored = (state: Uint8Array) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      return boardRecords(doc);
    };
    const snapshot = restored(await boards.snapshot(session.id));
    expect(snapshot.get('shape:idee')).toEqual(client.records.get('shape:idee'));
    expect(snapshot.size).toBe(client.records.size);

    const withContributions = restored(await boards.duplicate(session.id, true));
    const scaffoldingOnly = restored(await boards.duplicate(session.id, false));
    expect(withContributions.has('shape:idee')).toBe(true);
    expect(scaffoldingOnly.has('shape:idee')).toBe(false);
    expect([...scaffoldingOnly.values()].filter((r) => trameMeta(r)?.role === 'frame')).toHaveLength(1);
  });

  async function templateNamed(id: string) {
    const res = await fetch(`${env.t.url}/api/templates/${id}`);
    if (!res.ok) throw new Error(`template ${id}: ${res.status}`);
    return res.json();
  }
});
