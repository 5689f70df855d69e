/**
 * Batches of edits compressed once for every socket that negotiated permessage-deflate (phones on their list
 * of ideas): a stock client receives far fewer bytes than it reads, a client that did not offer it and a canvas
 * receive the same edits plain, and a compressed message that would inflate past the limit closes only its own
 * socket.
 */
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BOARD_VIEW_PARAM, LIST_VIEW } from '../../shared/paths.js';
import { createSession } from '../helpers/api.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { connectYjsClient, eventually, fakeNote, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

const env = serverPerFile({ largeRoomPeers: 4, maxMessageBytes: 100_000 });
const clients: YjsClient[] = [];
const sockets: WebSocket[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of sockets.splice(0)) s.terminate();
});

/** Bytes read from the network and bytes of the messages they made, per socket of the class. */
interface Traffic {
  wire: () => number;
  messages: () => number;
  extensions: () => string;
}

/** A stock `ws` socket class that counts what it reads off the wire and what the messages weigh once inflated. */
function countingSocket(options: { deflate: boolean }): { socketClass: typeof WebSocket; traffic: Traffic } {
  let tcp: Socket | undefined;
  let extensions = '';
  let messages = 0;
  class Counting extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { perMessageDeflate: options.deflate });
      this.on('upgrade', (res: IncomingMessage) => (tcp = res.socket as Socket));
      this.on('open', () => (extensions = this.extensions));
      this.on('message', (data: ArrayBuffer | Buffer) => (messages += data.byteLength));
    }
  }
  return {
    // y-websocket constructs it with a URL and protocols only, as a browser's WebSocket.
    socketClass: Counting as unknown as typeof WebSocket,
    traffic: { wire: () => tcp?.bytesRead ?? 0, messages: () => messages, extensions: () => extensions },
  };
}

describe('batches of edits on the wire', () => {
  it('reach a client that negotiated compression deflated, and one that did not plain, the same edits', async () => {
    const { id, access } = await createSession(env.t.url);
    const writer = connectYjsClient(env.t.wsUrl, id, { token: access.token });
    const deflating = countingSocket({ deflate: true });
    const plain = countingSocket({ deflate: false });
    const onCanvas = countingSocket({ deflate: true });
    const list = { token: access.token, [BOARD_VIEW_PARAM]: LIST_VIEW };
    const compressed = connectYjsClient(env.t.wsUrl, id, list, undefined, deflating.socketClass);
    const uncompressed = connectYjsClient(env.t.wsUrl, id, list, undefined, plain.socketClass);
    const canvas = connectYjsClient(env.t.wsUrl, id, { token: access.token }, undefined, onCanvas.socketClass);
    clients.push(writer, compressed, uncompressed, canvas);
    await Promise.all(clients.map((c) => whenSynced(c)));
    expect(deflating.traffic.extensions()).toMatch(/permessage-deflate/);
    expect(plain.traffic.extensions()).toBe('');
    // A canvas sends its cursor ten times a second, which the server would have to inflate: it stays plain.
    expect(onCanvas.traffic.extensions()).toBe('');

    const before = [deflating, plain].map(({ traffic }) => ({ wire: traffic.wire(), messages: traffic.messages() }));
    writer.doc.transact(() => {
      for (let i = 0; i < 40; i++) writer.records.set(`shape:idea-${i}`, fakeNote(`idea-${i}`, `Un banc devant la mairie, numéro ${i}`));
    });
    await eventually(() => {
      expect(compressed.records.size).toBe(writer.records.size);
      expect(uncompressed.records.size).toBe(writer.records.size);
      expect(canvas.records.size).toBe(writer.records.size);
    });
    const [deflated, sentPlain] = [deflating, plain].map(({ traffic }, i) => ({
      wire: traffic.wire() - before[i]!.wire,
      messages: traffic.messages() - before[i]!.messages,
    }));
    // Forty note records of the same shape: the batch deflates several times over.
    expect(deflated!.messages).toBeGreaterThan(10_000);
    expect(deflated!.wire).toBeLessThan(deflated!.messages / 3);
    expect(sentPlain!.wire).toBeGreaterThanOrEqual(sentPlain!.messages);
    expect(compressed.records.toJSON()).toEqual(writer.records.toJSON());
    expect(uncompressed.records.toJSON()).toEqual(writer.records.toJSON());
  });

  it('gives a newcomer on its list a large board compressed, whole', async () => {
    const { id, access } = await createSession(env.t.url);
    const writer = connectYjsClient(env.t.wsUrl, id, { token: access.token });
    clients.push(writer);
    await whenSynced(writer);
    // Ideas that differ, so the board deflates less than identical notes would: past 64 KB compressed. In
    // batches under this server's 100 KB message limit.
    for (let batch = 0; batch < 14; batch++) {
      writer.doc.transact(() => {
        for (let i = batch * 150; i < (batch + 1) * 150; i++) {
          writer.records.set(`shape:idea-${i}`, fakeNote(`idea-${i}`, `Idée ${i} ${Math.random().toString(36).slice(2)} ${Math.random().toString(36).slice(2)}`));
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const reader = connectYjsClient(env.t.wsUrl, id, { token: access.token });
    clients.push(reader);
    await eventually(() => expect(reader.records.size).toBe(writer.records.size), 20_000);

    const deflating = countingSocket({ deflate: true });
    const newcomer = connectYjsClient(env.t.wsUrl, id, { token: access.token, [BOARD_VIEW_PARAM]: LIST_VIEW }, undefined, deflating.socketClass);
    clients.push(newcomer);
    await whenSynced(newcomer, 20_000);
    expect(newcomer.records.toJSON()).toEqual(writer.records.toJSON());
    expect(deflating.traffic.messages()).toBeGreaterThan(500_000);
    expect(deflating.traffic.wire()).toBeGreaterThan(65_536);
    expect(deflating.traffic.wire()).toBeLessThan(deflating.traffic.messages() / 2);
  });

  it('closes a socket whose compressed message would inflate past the limit, and only that one', async () => {
    const { id, access } = await createSession(env.t.url);
    const bystander = connectYjsClient(env.t.wsUrl, id, { token: access.token });
    const writer = connectYjsClient(env.t.wsUrl, id, { token: access.token });
    clients.push(bystander, writer);
    await Promise.all(clients.map((c) => whenSynced(c)));

    const bomb = new WebSocket(`${env.t.wsUrl}/${id}?token=${access.token}&${BOARD_VIEW_PARAM}=${LIST_VIEW}`);
    sockets.push(bomb);
    await new Promise((resolve, reject) => bomb.once('open', resolve).once('error', reject));
    expect(bomb.extensions).toMatch(/permessage-deflate/);
    const closed = new Promise<number>((resolve) => bomb.once('close', (code) => resolve(code)));
    // A few KB on the wire, 8 MB once inflated: more than the server ever inflates for one message.
    bomb.send(Buffer.alloc(8 * 1024 * 1024), { compress: true });
    expect(await closed).toBe(1009);

    writer.records.set('shape:after', fakeNote('after', 'Toujours là'));
    await eventually(() => expect(bystander.records.get('shape:after')).toBeDefined());
  });
});
