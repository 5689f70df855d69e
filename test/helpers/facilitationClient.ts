/** Facilitation commands and state over a real socket.io client, as the browser sends them. */
import type { FacilitationView } from '../../shared/facilitation.js';
import type { BoardRecord } from '../../shared/boardLayout.js';
import { applyPrivateNotesChange } from '../../shared/privateNotesChange.js';
import { connectSocket, whenConnected, type TestSocket } from './socketClient.js';

export type AckResult = { ok: true; data: unknown } | { ok: false; code: string; message: string };

/** Sends a command and resolves with its acknowledgement. */
export function send(socket: TestSocket, event: string, payload: unknown = {}): Promise<AckResult> {
  return new Promise((resolve) => (socket.emit as (...args: unknown[]) => void)(event, payload, resolve));
}

/** A connected socket that keeps the latest facilitation state and private notes it received. */
export interface FacilitationClient {
  socket: TestSocket;
  state(): FacilitationView | undefined;
  privateNotes(): BoardRecord[];
  close(): void;
}

export async function connectFacilitation(baseUrl: string, sessionId: string, token: string): Promise<FacilitationClient> {
  const socket = connectSocket(baseUrl, sessionId, token);
  let state: FacilitationView | undefined;
  let notes: BoardRecord[] = [];
  socket.on('facilitation:state', (s) => (state = s));
  socket.on('private:notes', (n) => (notes = n));
  socket.on('private:changed', (change) => (notes = applyPrivateNotesChange(notes, change)));
  await whenConnected(socket);
  return { socket, state: () => state, privateNotes: () => notes, close: () => socket.close() };
}

export function getState(socket: TestSocket): Promise<AckResult> {
  return new Promise((resolve) => socket.emit('facilitation:get', resolve as never));
}
