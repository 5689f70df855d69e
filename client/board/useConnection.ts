/**
 * Whether this device is really connected, and how many edits wait to be sent.
 * A dropped network (wifi gone, laptop lid) closes nothing: y-websocket only
 * notices after 30 s of silence. A heartbeat over the session socket every
 * 1.5 s says so within 3.5 s of the last answer. It only informs: closing the
 * connections on a late answer would turn a busy server into a reconnection
 * storm. Edits made meanwhile stay in the local document and go when the
 * connection carries again (y-websocket resends what the server lacks).
 */
import { useEffect, useRef, useState } from 'react';
import type { Editor } from 'tldraw';
import type { WebsocketProvider } from 'y-websocket';
import type { SessionSocket } from '../session/useSessionSocket.js';
import type { Connection } from './ConnectionStatus.js';

const HEARTBEAT_INTERVAL_MS = 1_500;
/** Without an answer for this long, the network is gone: at most 3.5 s after it went, yet a server lagging 2 s stays « Connecté ». */
const SILENCE_MS = 3_500;
const CHECK_MS = 500;

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
    let lastAnswer = Date.now();
    // Volatile: a beat that cannot leave is dropped, not queued and sent in a burst on reconnection.
    const beat = setInterval(() => socket.volatile.emit('heartbeat', () => (lastAnswer = Date.now())), HEARTBEAT_INTERVAL_MS);
    const check = setInterval(() => setAlive(Date.now() - lastAnswer < SILENCE_MS), CHECK_MS);
    return () => {
      clearInterval(beat);
      clearInterval(check);
    };
  }, [socket]);

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
