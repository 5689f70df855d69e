/**
 * The seam between a board's room and the other instances serving the same
 * board. An instance relays only updates it has already appended to the
 * shared store: an instance loading the board later reads them there, so
 * nothing depends on having heard a message.
 */

/** The transaction origin of everything received from other instances: shown to local peers, never stored or relayed again. */
export const RELAY_ORIGIN = Symbol('relay');

/** What a loaded board does with messages from other instances. */
export interface RelaySink {
  /** An update another instance has stored. */
  applyRemoteUpdate(update: Uint8Array): void;
  /** Cursors of peers connected to another instance. */
  applyRemoteAwareness(update: Uint8Array): void;
  /** Re-reads the stored board, after messages may have been missed. */
  catchUp(): Promise<void>;
}

export interface BoardRelay {
  /** Starts receiving a board's messages; resolves once they cannot be missed (subscribed). */
  join(boardId: string, sink: RelaySink): Promise<void>;
  /** Stops receiving, if `sink` is still the one joined (a reloaded board may have replaced it). */
  leave(boardId: string, sink: RelaySink): void;
  /** Call only once `update` is durable in the store. */
  publishUpdate(boardId: string, update: Uint8Array): void;
  publishAwareness(boardId: string, update: Uint8Array): void;
}

/** One instance alone (embedded mode): nobody to tell. */
export const localOnlyRelay: BoardRelay = {
  join: async () => {},
  leave: () => {},
  publishUpdate: () => {},
  publishAwareness: () => {},
};
