/**
 * y-websocket's provider sends every awareness change it sees, the cursors it
 * has just received included: in a room of 300 phones each one would upload
 * everything it downloads. Only this client's own state goes out here.
 */
import type { WebsocketProvider } from 'y-websocket';

type AwarenessChanges = { added: number[]; updated: number[]; removed: number[] };

export function sendOwnAwarenessOnly(provider: WebsocketProvider): () => void {
  const { awareness } = provider;
  const sendAll = provider._awarenessUpdateHandler;
  const own = (ids: number[]) => ids.filter((id) => id === awareness.clientID);
  const sendOwn = (changes: AwarenessChanges, origin: unknown) => {
    const mine = { added: own(changes.added), updated: own(changes.updated), removed: own(changes.removed) };
    if (mine.added.length + mine.updated.length + mine.removed.length > 0) sendAll(mine, origin);
  };
  awareness.off('update', sendAll);
  awareness.on('update', sendOwn);
  return () => awareness.off('update', sendOwn);
}
