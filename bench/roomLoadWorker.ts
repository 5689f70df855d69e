/**
 * A share of the simulated participants, in their own process so that client
 * work is spread over cores. Each participant is a stock y-websocket client
 * that adds or moves one of its notes every ~2 s and, while dragging, sends
 * its cursor at ~10 Hz. Every reception of someone else's edit is timed
 * against the send time the edit carries: when the message reached the
 * socket, for what arrives during the load is held and applied after it
 * (see ReceptionGate).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sendOwnAwarenessOnly } from '../client/board/sendOwnAwarenessOnly.js';
import { BOARD_VIEW_PARAM, LIST_VIEW } from '../shared/paths.js';
import { shapeText } from '../shared/richText.js';
import { LightParticipant, editMarker, markerIn, readMarker } from './LightParticipant.js';
import { ReceptionGate } from './ReceptionGate.js';
import { noteRecord } from '../test/helpers/records.js';
import { connectYjsClient, whenSynced, type YjsClient } from '../test/helpers/yjsClient.js';
import { type FromWorker, type ToWorker, type WorkerGo, type WorkerStart, now, timesEdits } from './roomLoadProtocol.js';

interface Participant {
  index: number;
  /** A stock y-websocket client, or a light participant (bench/LightParticipant.ts). */
  client?: YjsClient;
  light?: LightParticipant;
  /** A light participant on its list of ideas. */
  phone: boolean;
  /** Offered compression (the stock clients here do not: see ReceptionGate), inflating or draining. */
  deflate: boolean;
  notes: string[];
  seq: number;
  nextEditAt: number;
  nextCursorAt: number;
  /** Who Trame's client signs this participant's notes as (none for the facilitator and on the reference). */
  author: { participantId: string; college: string } | null;
}

const send = (message: FromWorker) => process.send!(message);
const gate = new ReceptionGate();
// Every y-websocket provider adds a process 'exit' listener; hundreds here are expected.
process.setMaxListeners(0);
const participants: Participant[] = [];
const sent: [string, number][] = [];
const received = new Map<string, [number, number]>();
const receivedLight = new Map<string, [number, number]>();
const deliveries = new Map<number, number>();
const deliveriesFull = new Map<number, number>();
const deliveriesLight = new Map<number, number>();

/** One participant received an edit at `at`: counted with all, and with its kind (full or light). */
function reception(editId: string, at: number, light: boolean, sentAtMs: number): void {
  // Called once per edit and receiver (200,000 times a second per worker at 2,000 people): no allocation.
  count(received, editId, at);
  if (light) count(receivedLight, editId, at);
  const ms = Math.round(at - sentAtMs);
  deliveries.set(ms, (deliveries.get(ms) ?? 0) + 1);
  const byKind = light ? deliveriesLight : deliveriesFull;
  byKind.set(ms, (byKind.get(ms) ?? 0) + 1);
}

function count(map: Map<string, [number, number]>, editId: string, at: number): void {
  const entry = map.get(editId);
  if (!entry) map.set(editId, [1, at]);
  else {
    entry[0] += 1;
    if (at > entry[1]) entry[1] = at;
  }
}
let measuring = false;
const bytesAtStart = new Map<Participant, number>();
const bytesSinceStart = (p: Participant) => (p.light?.receivedBytes ?? 0) - (bytesAtStart.get(p) ?? 0);

/** What the phones on their lists read off the network, those that offered compression apart. */
function phoneBytes(deflating: boolean): { count: number; bytes: number } {
  const phones = participants.filter((p) => p.phone && p.deflate === deflating);
  return { count: phones.length, bytes: phones.reduce((sum, p) => sum + bytesSinceStart(p), 0) };
}
let cursorsSent = 0;

async function start(msg: WorkerStart): Promise<void> {
  for (let i = 0; i < msg.clients; i++) {
    const index = msg.firstIndex + i;
    const { author, college, ...params } = msg.params[i]!;
    const who = author && college ? { participantId: author, college } : null;
    if (index >= msg.lightFrom) {
      const phone = index >= msg.listFrom;
      const drain = phone && !timesEdits(index, msg);
      const deflate = drain || (msg.deflateEvery > 0 && index % msg.deflateEvery === 0);
      const light = new LightParticipant(msg.wsUrl, msg.room, phone ? { ...params, [BOARD_VIEW_PARAM]: LIST_VIEW } : params, { deflate, drain });
      light.onEdit = ({ marker, sender, sentAt }, at) => {
        if (measuring && sender !== index) reception(marker, at, true, sentAt);
      };
      participants.push({ index, light, phone, deflate, notes: [], seq: 0, nextEditAt: 0, nextCursorAt: 0, author: who });
    } else {
      const client = connectYjsClient(msg.wsUrl, msg.room, params, undefined, gate.socketClass);
      // As Trame's browser client does.
      sendOwnAwarenessOnly(client.provider);
      client.records.observe((event) => {
        if (!measuring) return;
        const at = gate.receivedAt();
        for (const key of event.keysChanged) {
          const record = client.records.get(key);
          const marker = record && markerIn(shapeText(record));
          if (!marker) continue;
          const { sender, sentAt } = readMarker(marker);
          if (sender !== index) reception(marker, at, false, sentAt);
        }
      });
      participants.push({ index, client, phone: false, deflate: false, notes: [], seq: 0, nextEditAt: 0, nextCursorAt: 0, author: who });
    }
    // Joining all at once is not what a venue sees either; a short stagger keeps the handshakes apart.
    if (i % 10 === 9) await new Promise((r) => setTimeout(r, 20));
  }
  await Promise.all(participants.map((p) => (p.client ? whenSynced(p.client, 60_000) : p.light!.ready)));
  send({ type: 'ready' });
}

/** What Trame's client sends while its user drags (client/board/bindPresence.ts), so sizes on the wire are realistic. */
function presence(p: Participant, at: number): Record<string, unknown> {
  return {
    userId: `user:participant-${p.index}`,
    userName: `Participant ${p.index}`,
    color: '#e8590c',
    lastActivityTimestamp: Math.round(at),
    currentPageId: 'page:page',
    selectedShapeIds: p.notes.slice(-1),
    brush: null,
    scribbles: [],
    cursor: { x: Math.round(Math.random() * 4000), y: Math.round(Math.random() * 3000), rotation: 0, type: 'grabbing' },
    chatMessage: '',
  };
}

function edit(p: Participant, at: number): void {
  p.seq += 1;
  const editId = editMarker(p.index, p.seq, at);
  const adding = p.notes.length < 3 || Math.random() < 0.3;
  const id = adding ? `shape:bench-${p.index}-${p.seq}` : p.notes[Math.floor(Math.random() * p.notes.length)]!;
  if (adding) p.notes.push(id);
  // A valid tldraw note signed as Trame's client signs it: on Trame the server checks every participant's edit.
  // Its text, an idea of some thirty characters, carries the edit's marker.
  const record = noteRecord(id.slice('shape:'.length), `Idée ${editId}`, {
    x: Math.round(Math.random() * 4000),
    y: Math.round(Math.random() * 3000),
  }, p.author);
  if (p.client) p.client.records.set(id, record);
  else p.light!.setRecord(record);
  sent.push([editId, at]);
}

async function go(msg: WorkerGo): Promise<void> {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const cpuStart = process.cpuUsage();
  const wallStart = now();
  const jitter = () => msg.editIntervalMs * (0.75 + Math.random() * 0.5);
  for (const p of participants) p.nextEditAt = wallStart + Math.random() * msg.editIntervalMs;
  measuring = true;
  if (msg.holdReceptions) gate.hold();
  const cursorEveryMs = 1000 / msg.cursorHz;
  for (const p of participants) bytesAtStart.set(p, p.light?.receivedBytes ?? 0);
  // One loop for every participant: a timer each would cost more than the work it schedules.
  await new Promise<void>((resolve) => {
    const loop = setInterval(() => {
      const at = now();
      if (at - wallStart >= msg.durationMs) {
        clearInterval(loop);
        resolve();
        return;
      }
      for (const p of participants) {
        if (at >= p.nextEditAt) {
          edit(p, at);
          p.nextEditAt = at + jitter();
        } else if ((p.index < msg.steadyCursors || p.nextEditAt - at <= msg.gestureMs) && at >= p.nextCursorAt) {
          if (p.client) p.client.provider.awareness.setLocalStateField('presence', presence(p, at));
          else p.light!.setPresence({ presence: presence(p, at) });
          p.nextCursorAt = at + cursorEveryMs;
          cursorsSent += 1;
        }
      }
    }, 10);
  });
  // Let the last edits arrive before reporting.
  const cpu = process.cpuUsage(cpuStart);
  const loadMs = now() - wallStart;
  lag.disable();
  await new Promise((r) => setTimeout(r, 3_000));
  if (msg.holdReceptions) gate.close();
  const replayStart = process.cpuUsage();
  await gate.release();
  const replay = process.cpuUsage(replayStart);
  measuring = false;
  send({
    type: 'result',
    sent,
    received: [...received].map(([id, [count, at]]) => [id, count, at]),
    receivedLight: [...receivedLight].map(([id, [count, at]]) => [id, count, at]),
    deliveries: [...deliveries],
    deliveriesFull: [...deliveriesFull],
    deliveriesLight: [...deliveriesLight],
    cursorsSent,
    cpuPercent: ((cpu.user + cpu.system) / 1000 / loadMs) * 100,
    loopDelayP99Ms: lag.percentile(99) / 1e6,
    replayCpuMs: (replay.user + replay.system) / 1000,
    receivedBytes: gate.heldBytes,
    fullClients: participants.filter((p) => p.client).length,
    lightClients: participants.filter((p) => p.light).length,
    receivedBytesLight: participants.reduce((sum, p) => sum + bytesSinceStart(p), 0),
    phones: { deflating: phoneBytes(true), plain: phoneBytes(false) },
  });
}

// The orchestrator gave up or died: nobody is left to report to.
process.on('disconnect', () => stop());
process.on('message', (msg: ToWorker) => {
  const run = msg.type === 'start' ? start(msg) : msg.type === 'go' ? go(msg) : Promise.resolve(stop());
  run.catch((err: Error) => send({ type: 'error', message: err.stack ?? err.message }));
});

function stop(): void {
  for (const p of participants) {
    p.client?.destroy();
    p.light?.close();
  }
  process.exit(0);
}
