import { randomBytes, randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MessageType, awarenessMessage, syncStep1Message, updateMessage } from '../../server/collaboration/yjsMessages.js';
import { createSession } from '../helpers/api.js';
import { spawnTrame, type SpawnedServer } from '../helpers/spawnServer.js';
import { makeDataDir, removeDataDir } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, fakeNote, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

const FRAMES = 10_000;
// The server closes a socket at its first bad message, so few frames per socket get most of them parsed.
const FRAMES_PER_SOCKET = 4;
const PARALLEL_SOCKETS = 8;
const MAX_MESSAGE_BYTES = 4_096;

/** Well-formed messages to cut short or corrupt. */
function validMessages(): Uint8Array[] {
  const doc = new Y.Doc();
  doc.getMap('records').set('shape:x', fakeNote('x', 'texte valide'));
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalStateField('cursor', { x: 1, y: 2 });
  const messages = [updateMessage(Y.encodeStateAsUpdate(doc)), syncStep1Message(doc), awarenessMessage(awareness, [doc.clientID])];
  awareness.destroy();
  doc.destroy();
  return messages;
}

function withType(...parts: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of parts) encoding.writeVarUint(encoder, part);
  encoding.writeVarUint8Array(encoder, randomBytes(randomInt(0, 64)));
  return encoding.toUint8Array(encoder);
}

/** One hostile frame for /yjs: random, truncated, oversized, of an unknown type, or not even binary. */
function yjsFrame(valid: Uint8Array[]): Uint8Array | string {
  const base = valid[randomInt(valid.length)]!;
  switch (randomInt(7)) {
    case 0:
      return randomBytes(randomInt(0, 256));
    case 1:
      return base.subarray(0, randomInt(0, base.byteLength));
    case 2: {
      const corrupt = Uint8Array.from(base);
      corrupt[randomInt(corrupt.byteLength)] = randomInt(256);
      return corrupt;
    }
    case 3:
      return randomBytes(MAX_MESSAGE_BYTES + randomInt(1, MAX_MESSAGE_BYTES * 3));
    case 4:
      return withType(randomInt(4, 1_000));
    case 5:
      return withType(MessageType.Sync, randomInt(0, 10));
    default:
      return `{"type":"sync","garbage":${randomInt(1e9)}}`;
  }
}

/** One hostile engine.io / socket.io packet. */
function socketIoFrame(): Uint8Array | string {
  const packets = ['4', '40', '42', '42[', '42["x",{"a":', '451-["x",{"_placeholder":true,"num":9}]', '2probe', '6', '9'];
  if (randomInt(3) === 0) return randomBytes(randomInt(0, 256));
  return packets[randomInt(packets.length)]! + randomBytes(randomInt(0, 32)).toString('latin1');
}

/** Opens a socket, sends its frames (some as raw bytes under the WebSocket framing), and ends it. */
function fuzzSocket(url: string, frames: (Uint8Array | string)[]): Promise<void> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    const done = () => {
      ws.terminate();
      resolve();
    };
    ws.on('error', () => undefined);
    ws.on('close', done);
    ws.on('open', () => {
      for (const frame of frames) ws.send(frame);
      if (randomInt(4) === 0) (ws as unknown as { _socket: NodeJS.WritableStream })._socket.write(randomBytes(64));
      setTimeout(done, 50);
    });
  });
}

describe('hostile frames on /yjs and /socket.io', () => {
  let server: SpawnedServer;
  let dataDir: string;
  const clients: YjsClient[] = [];
  beforeAll(async () => {
    dataDir = await makeDataDir();
    server = await spawnTrame(dataDir, {
      env: { MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) },
      logFile: path.join(dataDir, 'server.log'),
    });
  });
  afterAll(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.kill();
    await removeDataDir(dataDir);
  });

  it('survives 10,000 of them, logs them, and keeps another board syncing throughout', async () => {
    const fuzzed = await createSession(server.url, { title: 'Cible' });
    const calm = await createSession(server.url, { title: 'Atelier voisin' });
    const a = connectYjsClient(server.wsUrl, calm.id);
    const b = connectYjsClient(server.wsUrl, calm.id);
    clients.push(a, b);
    await Promise.all([whenSynced(a), whenSynced(b)]);

    let edits = 0;
    const editing = setInterval(() => {
      const [writer, key] = edits % 2 === 0 ? [a, `a${edits}`] : [b, `b${edits}`];
      writer.records.set(`shape:${key}`, fakeNote(key, key));
      edits += 1;
    }, 20);

    const valid = validMessages();
    const batches: { url: string; frames: (Uint8Array | string)[] }[] = [];
    for (let sent = 0; sent < FRAMES; sent += FRAMES_PER_SOCKET) {
      const onYjs = batches.length % 4 !== 3;
      const url = onYjs ? `${server.wsUrl}/${fuzzed.id}` : `ws://127.0.0.1:${server.port}/socket.io/?EIO=4&transport=websocket`;
      const frames = Array.from({ length: FRAMES_PER_SOCKET }, () => (onYjs ? yjsFrame(valid) : socketIoFrame()));
      batches.push({ url, frames });
    }
    const lanes = Array.from({ length: PARALLEL_SOCKETS }, async (_, lane) => {
      for (let i = lane; i < batches.length; i += PARALLEL_SOCKETS) {
        await fuzzSocket(batches[i]!.url, batches[i]!.frames);
        if (i % 200 === lane) {
          // Midway: the neighbouring board still syncs while the fuzzing goes on.
          const probe = `probe${i}`;
          a.records.set(`shape:${probe}`, fakeNote(probe, probe));
          await eventually(() => expect(b.records.has(`shape:${probe}`)).toBe(true), 5_000);
        }
      }
    });
    await Promise.all(lanes);
    clearInterval(editing);

    expect(server.child.exitCode).toBeNull();
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    await eventually(() => {
      expect(a.records.size).toBe(b.records.size);
      expect([...a.records.keys()].sort()).toEqual([...b.records.keys()].sort());
    });
    expect(a.records.size).toBeGreaterThan(edits);
    const late = connectYjsClient(server.wsUrl, calm.id);
    clients.push(late);
    await whenSynced(late);
    expect(late.records.size).toBe(a.records.size);

    const log = await readFile(path.join(dataDir, 'server.log'), 'utf8');
    expect(log).toMatch(/malformed message/);
    expect(log).toMatch(/message too large/);
  });
});
