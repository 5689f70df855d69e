import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/socketEvents.js';
import { SOCKET_IO_PATH } from '../../shared/paths.js';

export type SessionSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const connect = (sessionId: string, token: string): SessionSocket =>
  io({ path: SOCKET_IO_PATH, query: { sessionId, token }, transports: ['websocket'], autoConnect: false });

/** Sockets whose connection was opened before their view, by session and token, until the view takes them. */
const early = new Map<string, SessionSocket>();
const earlyKey = (sessionId: string, token: string) => `${sessionId}?${token}`;
/** Sockets a view holds: one opened early after its view has connected would never be taken. */
const viewed = new Set<string>();

/**
 * Opens the session's connection now, for the view that `useSessionSocket` will ask for it: the canvas's code
 * (tldraw) takes a second to arrive and compile, then draws the board in one long task; a connection opened after
 * that task waited for it to end before it could even be accepted, and the workshop bar (steps, timer, connection)
 * with it. Only the connection (its WebSocket): the socket joins the session, its token checked, once its view has
 * rendered with it, so that what the server sends on joining (the facilitation state, private notes, the leader's
 * camera) finds the view listening. Returns what closes the connection if no view has taken it.
 */
export function openSessionSocketEarly(sessionId: string, token: string): () => void {
  const key = earlyKey(sessionId, token);
  if (early.has(key) || viewed.has(key)) return () => {};
  const socket = connect(sessionId, token);
  socket.io.open();
  early.set(key, socket);
  return () => {
    if (early.get(key) !== socket) return;
    early.delete(key);
    socket.close();
  };
}

/**
 * One authenticated socket.io connection per open session page: the one opened early if there is one. It joins the
 * session once the view has rendered with it: the listeners of that render are attached by then (a component's
 * effects run after its children's), and hear what the server sends on joining.
 */
export function useSessionSocket(sessionId: string, token: string): SessionSocket | null {
  const [socket, setSocket] = useState<SessionSocket | null>(null);
  useEffect(() => {
    const key = earlyKey(sessionId, token);
    const s = early.get(key) ?? connect(sessionId, token);
    early.delete(key);
    viewed.add(key);
    setSocket(s);
    return () => {
      viewed.delete(key);
      s.close();
      setSocket(null);
    };
  }, [sessionId, token]);
  useEffect(() => {
    socket?.connect();
  }, [socket]);
  return socket;
}
