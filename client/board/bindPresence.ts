/**
 * Cursors and selections: our tldraw presence goes out through Yjs
 * awareness (throttled: at 300 participants, cursors are the real load),
 * and everyone else's comes in as tldraw presence records.
 *
 * Awareness sends the whole state on every move, so only what others draw
 * travels (cursor, name, colour, selection, brush, scribbles): about 250
 * bytes instead of the full record's 550. Camera and screen bounds serve
 * tldraw's own following, which Trame replaces with the facilitator's
 * follow-me (socket.io).
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

type WirePresence = Pick<
  TLInstancePresence,
  'userId' | 'userName' | 'color' | 'lastActivityTimestamp' | 'currentPageId' | 'selectedShapeIds' | 'brush' | 'scribbles' | 'cursor' | 'chatMessage'
>;

function toWire(p: TLInstancePresence): WirePresence {
  return {
    userId: p.userId,
    userName: p.userName,
    color: p.color,
    lastActivityTimestamp: p.lastActivityTimestamp,
    currentPageId: p.currentPageId,
    selectedShapeIds: p.selectedShapeIds,
    brush: p.brush,
    scribbles: p.scribbles,
    // Page units: a rounded cursor is off by less than a pixel at any zoom people work at.
    cursor: p.cursor && { ...p.cursor, x: Math.round(p.cursor.x), y: Math.round(p.cursor.y) },
    chatMessage: p.chatMessage,
  };
}

function fromWire(p: WirePresence, clientId: number): TLInstancePresence {
  return InstancePresenceRecordType.create({
    ...p,
    id: InstancePresenceRecordType.createId(String(clientId)),
    camera: null,
    screenBounds: null,
    followingUserId: null,
  });
}

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
    awareness.setLocalStateField('presence', pending && toWire(pending));
  };
  const stopPresence = react('publish presence', () => {
    pending = $presence.get();
    timer ??= setTimeout(publish, PRESENCE_INTERVAL_MS);
  });

  const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    const states = awareness.getStates();
    const toPut: TLInstancePresence[] = [];
    const toRemove: TLInstancePresence['id'][] = [];
    for (const clientId of [...added, ...updated]) {
      if (clientId === awareness.clientID) continue;
      const presence = states.get(clientId)?.presence as WirePresence | undefined;
      if (presence) toPut.push(fromWire(presence, clientId));
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
