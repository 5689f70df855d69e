/**
 * The bench's light participant (raw socket, nothing applied) against stock
 * y-websocket clients in a small room: it sees the same edits, about when
 * they arrive, and what it writes is a real update the server accepts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LightParticipant, editMarker, markerIn, markersIn, readMarker } from '../../bench/LightParticipant.js';
import { now } from '../../bench/roomLoadProtocol.js';
import { shapeText } from '../../shared/richText.js';
import { createSession, joinSession } from '../helpers/api.js';
import { noteRecord } from '../helpers/records.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { connectYjsClient, eventually, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

/** A light participant's reception may differ from a full client's by this much (it skips the apply). */
const TOLERANCE_MS = 250;
const EDITS = 30;

const env = serverPerFile();
const closing: (() => void)[] = [];
afterEach(() => {
  for (const close of closing.splice(0)) close();
});

const full = (room: string, token: string): YjsClient => {
  const c = connectYjsClient(env.t.wsUrl, room, { token });
  closing.push(() => c.destroy());
  return c;
};
const light = (room: string, token: string): LightParticipant => {
  const l = new LightParticipant(env.t.wsUrl, room, { token });
  closing.push(() => l.close());
  return l;
};

describe('the light participant of the bench', () => {
  it('finds edit markers in raw bytes once each, with who sent them and when', () => {
    const marker = editMarker(12, 3, 1_700_000_000_123.4);
    const bytes = Buffer.concat([Buffer.from([0, 2, 7]), Buffer.from(`x${marker}y${marker}`), Buffer.from(editMarker(1, 1, 5))]);
    expect(markersIn(bytes)).toEqual([marker, editMarker(1, 1, 5)]);
    expect(readMarker(marker)).toEqual({ sender: 12, sentAt: 1_700_000_000_123.4 });
    expect(markerIn(`Idée ${marker} !`)).toBe(marker);
    expect(markerIn('Un banc devant la mairie')).toBeUndefined();
  });

  it('receives the same edits as a stock client, within the stated tolerance, and its own edits and cursor reach the others', async () => {
    const session = await createSession(env.t.url);
    const sender = full(session.id, session.access.token);
    const receiver = full(session.id, session.access.token);
    const grant = await joinSession(env.t.url, session.joinCode, 'Léger', 'habitant');
    const lightOne = light(session.id, grant.token);
    await Promise.all([whenSynced(sender), whenSynced(receiver), lightOne.ready]);

    const byFull = new Map<string, number>();
    receiver.records.observe((event) => {
      const at = now();
      for (const key of event.keysChanged) {
        const record = receiver.records.get(key);
        const id = record && markerIn(shapeText(record));
        if (id) byFull.set(id, at);
      }
    });
    const byLight = new Map<string, number>();
    lightOne.onEdit = ({ marker }, at) => byLight.set(marker, at);

    const sent: string[] = [];
    for (let i = 0; i < EDITS; i++) {
      const id = editMarker(0, i, now());
      const note = noteRecord(`n${i % 10}`, `Idée ${id}`, { x: i * 10, y: 0 });
      sender.records.set(note.id, note);
      sent.push(id);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await eventually(() => {
      expect([...byFull.keys()].sort()).toEqual([...sent].sort());
      expect([...byLight.keys()].sort()).toEqual([...sent].sort());
    });
    for (const id of sent) expect(Math.abs(byLight.get(id)! - byFull.get(id)!)).toBeLessThanOrEqual(TOLERANCE_MS);
    expect(lightOne.receivedBytes).toBeGreaterThan(0);

    // What it writes passes the server's checks (a participant's note, signed as its own) and reaches the stock client.
    const mine = noteRecord('light-1', `Écrit sans navigateur ${editMarker(1, 0, now())}`, { x: 5, y: 5 }, { participantId: grant.participantId, college: 'habitant' });
    lightOne.setRecord(mine);
    lightOne.setPresence({ presence: { cursor: { x: 1, y: 2 } } });
    await eventually(() => {
      expect(receiver.records.get(mine.id)).toMatchObject({ meta: { trame: { authorId: grant.participantId } } });
      expect([...receiver.provider.awareness.getStates().values()].some((s) => (s.presence as { cursor?: { x: number } } | undefined)?.cursor?.x === 1)).toBe(true);
    });
  });
});
