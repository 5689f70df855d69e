/**
 * Whether this device is really connected, and how many edits wait to be sent.
 * A dropped network (wifi gone, laptop lid) closes nothing: y-websocket only
 * notices after 30 s of silence. A heartbeat over the session socket every
 * 2 s notices within 5 s; both connections are then told to start over, and
 * the edits made meanwhile stay in the local document until the server has them.
 */
import { useEffect, useRef, useState } from 'react';
import type { Editor } from 'tldraw';
import type { WebsocketProvider } from 'y-websocket';
import type { SessionSocket } from '../session/useSessionSocket.js';
import type { Connection } from './ConnectionStatus.js';

const HEARTBEAT_INTERVAL_MS = 2_000;
const HEARTBEAT_TIMEOUT_MS = 2_500;

export function useConnection(socket: SessionSocket | null, provider: WebsocketProvider | null, editor: Editor | null): Connection {
  const [boardOnline, setBoardOnline] = useState(false);
  const [alive, setAlive] = useState(true);
  const [pending, setPending] = useState(0);
  const online = boardOnline && alive;
  const onlineRef = useRef(online);
  onlineRef.current = online;
  const changed = useRef(new Set<string>());

  useEffect(() => {
    if (!provider) return;
    const onStatus = ({ status }: { status: string }) => setBoardOnline(status === 'connected');
    // Once the server has sent its state after a reconnection, it has received ours too.
    const onSync = (synced: boolean) => {
      if (!synced || !onlineRef.current) return;
      changed.current.clear();
      setPending(0);
    };
    setBoardOnline(provider.wsconnected);
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    return () => {
      provider.off('status', onStatus);
      provider.off('sync', onSync);
    };
  }, [provider]);

  useEffect(() => {
    if (!socket) return;
    let waiting = false;
    const beat = () => {
      if (waiting) return;
      waiting = true;
      socket.timeout(HEARTBEAT_TIMEOUT_MS).emit('heartbeat', (err: Error | null) => {
        waiting = false;
        if (!err) return setAlive(true);
        setAlive(false);
        provider?.ws?.close();
        socket.io.engine?.close();
      });
    };
    const timer = setInterval(beat, HEARTBEAT_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [socket, provider]);

  useEffect(() => {
    if (!editor) return;
    return editor.store.listen(
      ({ changes }) => {
        if (onlineRef.current) return;
        for (const record of [...Object.values(changes.added), ...Object.values(changes.removed)]) changed.current.add(record.id);
        for (const [, after] of Object.values(changes.updated)) changed.current.add(after.id);
        setPending(changed.current.size);
      },
      { source: 'user', scope: 'document' },
    );
  }, [editor]);

  useEffect(() => {
    if (online && provider?.synced) {
      changed.current.clear();
      setPending(0);
    }
  }, [online, provider]);

  return { online, pending };
}
