/** Writing and announcing under a Yjs client id of one's choosing, as a modified client does. */
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { boardRecords, type BoardRecord } from '../../shared/boardLayout.js';
import { awarenessMessage } from '../../server/collaboration/yjsMessages.js';

/** An update written under `clientId`, on top of what `seen` holds. */
export function forgedUnder(clientId: number, seen: Y.Doc, write: (records: Y.Map<BoardRecord>) => void): Uint8Array {
  const forge = new Y.Doc();
  Y.applyUpdate(forge, Y.encodeStateAsUpdate(seen));
  // Set after loading: Yjs gives a document a new id when received items already use its own.
  forge.clientID = clientId;
  const before = Y.encodeStateVector(forge);
  write(boardRecords(forge));
  return Y.encodeStateAsUpdate(forge, before);
}

/** A cursor announced under `clientId`, named as someone else. */
export function disguisedCursor(clientId: number, name: string): Uint8Array {
  const disguise = new awarenessProtocol.Awareness(new Y.Doc());
  disguise.clientID = clientId;
  disguise.setLocalState({ presence: { name } });
  const message = awarenessMessage(disguise, [clientId]);
  disguise.destroy();
  return message;
}

/** A bare WebSocket on a board, which announces no cursor unless told. */
export async function rawBoardSocket(wsUrl: string, sessionId: string, token: string): Promise<WebSocket> {
  const ws = new WebSocket(`${wsUrl}/${sessionId}?token=${token}`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return ws;
}
