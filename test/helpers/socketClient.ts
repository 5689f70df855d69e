import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/socketEvents.js';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The stock socket.io client, authenticated as the browser does it. */
export function connectSocket(baseUrl: string, sessionId: string, token: string): TestSocket {
  return io(baseUrl, {
    path: '/socket.io',
    query: { sessionId, token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
}

export function whenConnected(socket: TestSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}
