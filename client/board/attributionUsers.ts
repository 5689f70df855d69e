/**
 * tldraw stamps each note it edits with its author (`textLastEditedBy`) and
 * keeps a `user:` record, name included, in the document. In Trame the board
 * document reaches everyone, exports and the bank, so it must never hold a
 * pseudonym: the stamp is the participant id only, the `user:` record stays
 * in this device's store (see bindStoreToDoc), and the name tldraw prints on
 * a note is resolved here, on the device, from what it knows.
 */
import { atom, createUserId, UserRecordType, type Signal, type TLUser, type TLUserStore } from 'tldraw';

export interface AttributionUser {
  /** The participant id: what the server accepts as the attribution of this connection's edits. */
  id: string;
  /** Shown on this device only. */
  name: string;
  color: string;
}

/** `user` absent (visitors, the report renderer): nothing is stamped and no name is shown. */
export function attributionUsers(user: AttributionUser | undefined): TLUserStore {
  const record = user
    ? UserRecordType.create({ id: createUserId(user.id), name: '', color: user.color })
    : null;
  const current = atom<TLUser | null>('attribution user', record);
  // tldraw asks for the same ids again and again: one signal per id, as its TLUserStore contract recommends.
  const cache = new Map<string, Signal<TLUser | null>>();
  return {
    currentUser: current,
    resolve(userId) {
      let signal = cache.get(userId);
      if (!signal) {
        signal = atom(`attribution ${userId}`, user && record && userId === user.id ? { ...record, name: user.name } : null);
        cache.set(userId, signal);
      }
      return signal;
    },
  };
}

/** Records that live in this device's store only, never in the shared document. */
export function isLocalOnlyRecord(record: { typeName: string }): boolean {
  return record.typeName === 'user';
}
