/**
 * Only valid records of the kinds participants create reach a board: a stock
 * client writing malformed records, records under another key, foreign
 * images, or anything outside `records` is written back, and every client,
 * a fresh one and a restarted server still open the whole board.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { META_LAYOUT_VERSION, META_SCHEMA, boardMeta, trameMeta, type BoardRecord } from '../../shared/boardLayout.js';
import { connectWithRefusals, encodedBoard, openInTldraw, openTrustBoard, recordsOf, type TrustBoard, type TrustedClient } from '../helpers/boardTrust.js';
import { noteRecord } from '../helpers/records.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { eventually } from '../helpers/yjsClient.js';

const env = serverPerFile();
const opened: TrustedClient[] = [];
afterAll(() => opened.forEach((c) => c.destroy()));

const mine = (board: TrustBoard, id: string, text: string) =>
  noteRecord(id, text, { x: 0, y: 0 }, { participantId: board.aliceId, college: 'habitant' });

describe('records a participant may write', () => {
  it('refuses malformed, misplaced, foreign and out-of-records writes, and the board opens whole everywhere', async () => {
    const board = await openTrustBoard(env.t, ['afom-du-territoire']);
    opened.push(...board.clients);
    const { alice, bob, facilitator } = board;
    const zone = [...alice.records.values()].find((r) => trameMeta(r)?.role === 'zone')!;
    const page = alice.records.get('page:page')!;
    const before = recordsOf(facilitator);
    const schema = boardMeta(facilitator.doc).get(META_SCHEMA);
    const good = mine(board, 'good', 'Une bonne idée');

    const attacks: [string, (doc: Y.Doc, records: Y.Map<BoardRecord>) => void][] = [
      ['malformed props', (_d, r) => r.set('shape:bad', { ...mine(board, 'bad', 'MALFORMED'), props: { color: 'pink' } })],
      ['another key', (_d, r) => r.set('shape:elsewhere', { ...zone, x: 9_000 })],
      ['an embed', (_d, r) => r.set('shape:embed', { ...mine(board, 'embed', ''), type: 'embed', props: { w: 300, h: 300, url: 'https://evil.example/' } })],
      ['a foreign image', (_d, r) => r.set('asset:evil', { id: 'asset:evil', typeName: 'asset', type: 'image', meta: {}, props: { name: 'x', src: 'https://evil.example/pixel.png', w: 1, h: 1, mimeType: 'image/png', isAnimated: false } })],
      ['forged scaffolding', (_d, r) => r.set('shape:zone2', { ...mine(board, 'zone2', 'Fausse zone'), meta: { trame: { role: 'zone', zoneId: 'faux' } } })],
      ['the page renamed', (_d, r) => r.set('page:page', { ...page, name: 'Piraté' })],
      ['the schema', (d) => boardMeta(d).set(META_SCHEMA, { schemaVersion: 99 })],
      ['the layout version', (d) => boardMeta(d).set(META_LAYOUT_VERSION, 42)],
      ['a new top-level type', (d) => d.getArray('intrus').push(['PIRATE'])],
      ['a nested map as a record', (_d, r) => r.set('shape:nested', new Y.Map() as never)],
    ];
    for (const [i, [name, attack]] of attacks.entries()) {
      alice.doc.transact(() => attack(alice.doc, alice.records));
      await eventually(() => expect(alice.refusals.length, name).toBe(i + 1));
    }
    alice.records.set(good.id, good);

    await eventually(() => expect(bob.records.get(good.id)).toEqual(good));
    await eventually(() => expect(recordsOf(alice)).toEqual(new Map([...before, [good.id, good]])));
    for (const view of [bob, facilitator]) {
      expect(recordsOf(view)).toEqual(new Map([...before, [good.id, good]]));
      expect(boardMeta(view.doc).get(META_SCHEMA)).toEqual(schema);
      expect(view.doc.getArray('intrus').length).toBe(0);
      expect(encodedBoard(view.doc)).not.toMatch(/MALFORMED|evil\.example|Piraté|PIRATE|Fausse zone/);
      expect(openInTldraw(view.doc)).toBe(before.size + 1);
    }
    expect(alice.refusals).toEqual(attacks.map(([name]) => (name === 'the page renamed' ? 'not-yours' : 'invalid')));

    env.t = await env.t.restart();
    const fresh = await connectWithRefusals(env.t, board.session.id, board.session.access.token);
    opened.push(fresh);
    expect(recordsOf(fresh)).toEqual(new Map([...before, [good.id, good]]));
    expect(encodedBoard(fresh.doc)).not.toMatch(/MALFORMED|evil\.example|Piraté|PIRATE|Fausse zone/);
    expect(openInTldraw(fresh.doc)).toBe(before.size + 1);
  });
});
