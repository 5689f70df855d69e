/**
 * Cursors and selections: our tldraw presence goes out through Yjs
 * awareness (throttled: at 300 participants, cursors are the real load),
 * and everyone else's comes in as tldraw presence records.
 */
import {
  InstancePresenceRecordType,
  atom,
  createPresenceStateDerivation,
  react,
  type TLInstancePresence,
  type TLStore,
  type TLUser,
} from 'tldraw';
import type { Awareness } from 'y-protocols/awareness';

const PRESENCE_INTERVAL_MS = 100;

export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}

export function bindPresence(awareness: Awareness, store: TLStore, user: PresenceUser): () => void {
  const $user = atom<TLUser | null>('trame user', {
    id: `user:${user.id}` as TLUser['id'],
    typeName: 'user',
    name: user.name,
    color: user.color,
    imageUrl: '',
    meta: {},
  });
  const $presence = createPresenceStateDerivation($user)(store);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: TLInstancePresence | null = null;
  const publish = () => {
    timer = undefined;
    awareness.setLocalStateField('presence', pending);
  };
  const stopPresence = react('publish presence', () => {
    pending = $presence.get();
    timer ??= setTimeout(publish, PRESENCE_INTERVAL_MS);
  });
  awareness.setLocalStateField('user', { name: user.name, color: user.color });

  const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    const states = awareness.getStates();
    const toPut: TLInstancePresence[] = [];
    const toRemove: TLInstancePresence['id'][] = [];
    for (const clientId of [...added, ...updated]) {
      if (clientId === awareness.clientID) continue;
      const presence = states.get(clientId)?.presence as TLInstancePresence | undefined;
      if (presence) toPut.push({ ...presence, id: InstancePresenceRecordType.createId(String(clientId)) });
    }
    for (const clientId of removed) toRemove.push(InstancePresenceRecordType.createId(String(clientId)));
    store.mergeRemoteChanges(() => {
      if (toRemove.length) store.remove(toRemove.filter((id) => store.has(id)));
      if (toPut.length) store.put(toPut);
    });
  };
  awareness.on('change', onChange);
  onChange({ added: [...awareness.getStates().keys()], updated: [], removed: [] });

  return () => {
    stopPresence();
    clearTimeout(timer);
    awareness.off('change', onChange);
    awareness.setLocalState(null);
  };
}
