/** Session metadata, as stored. Boards themselves live in the BoardStore. */
export interface SessionRecord {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}

/** The persistence port for session metadata. */
export interface SessionStore {
  list(): Promise<SessionRecord[]>;
  get(id: string): Promise<SessionRecord | undefined>;
  insert(session: SessionRecord): Promise<void>;
  update(id: string, patch: Partial<Omit<SessionRecord, 'id'>>): Promise<SessionRecord | undefined>;
  delete(id: string): Promise<boolean>;
}
