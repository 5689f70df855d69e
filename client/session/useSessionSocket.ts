import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/socketEvents.js';
import { SOCKET_IO_PATH } from '../../shared/paths.js';

export type SessionSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** One authenticated socket.io connection per open session page. */
export function useSessionSocket(sessionId: string, token: string): SessionSocket | null {
  const [socket, setSocket] = useState<SessionSocket | null>(null);
  useEffect(() => {
    const s: SessionSocket = io({ path: SOCKET_IO_PATH, query: { sessionId, token }, transports: ['websocket'] });
    setSocket(s);
    return () => {
      s.close();
      setSocket(null);
    };
  }, [sessionId, token]);
  return socket;
}
