/** Creating, listing and reading sessions: metadata in the SessionStore, the board in the BoardStore. */
import { randomBytes } from 'node:crypto';
import type { SessionView } from '../../shared/sessionSchemas.js';
import { createBoardState } from '../board/createBoardState.js';
import type { BoardStore } from '../storage/BoardStore.js';
import type { SessionRecord, SessionStore } from '../storage/SessionStore.js';

export function newSessionId(): string {
  return randomBytes(9).toString('base64url');
}

export function presentSession(session: SessionRecord): SessionView {
  return {
    id: session.id,
    title: session.title,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
  };
}

export class SessionService {
  constructor(
    private readonly sessions: SessionStore,
    private readonly boards: BoardStore,
  ) {}

  async create(input: { title: string }): Promise<SessionRecord> {
    const now = new Date().toISOString();
    const session: SessionRecord = { id: newSessionId(), title: input.title, createdAt: now, updatedAt: now };
    // The board first: a session is listed only once its board exists.
    await this.boards.create(session.id, createBoardState());
    await this.sessions.insert(session);
    return session;
  }

  async list(): Promise<SessionRecord[]> {
    const all = await this.sessions.list();
    return all.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  get(id: string): Promise<SessionRecord | undefined> {
    return this.sessions.get(id);
  }
}
