/**
 * Where a tldraw board lives inside a Y.Doc. The server seeds and reads boards
 * (templates, PDF, search) and the client binds tldraw to them: both go
 * through these names only.
 *
 * - `records` (Y.Map): tldraw record id → the record as plain JSON. Only
 *   document-scoped records are stored (document, pages, shapes, bindings,
 *   assets); presence travels through Yjs awareness instead.
 * - `meta` (Y.Map): `layoutVersion` (this file's layout) and `schema`
 *   (the tldraw serialized schema the records were written with), so a client
 *   running a newer tldraw can migrate records it loads.
 * - `clients` (Y.Map): whose Yjs client id is whose (client id → a key of its
 *   owner), written by the server only; clients ignore it.
 */
import type * as Y from 'yjs';
import type { MapBounds } from './mapProjection.js';
import type { NoteOrigin } from './projects.js';

export const BOARD_LAYOUT_VERSION = 1;

export const RECORDS_MAP = 'records';
export const META_MAP = 'meta';
export const CLIENTS_MAP = 'clients';

export const META_LAYOUT_VERSION = 'layoutVersion';
export const META_SCHEMA = 'schema';

/** A record as stored: tldraw's JSON, typed loosely because `shared/` does not import tldraw. */
export interface BoardRecord {
  id: string;
  typeName: string;
  [key: string]: unknown;
}

export function boardRecords(doc: Y.Doc): Y.Map<BoardRecord> {
  return doc.getMap<BoardRecord>(RECORDS_MAP);
}

export function boardMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(META_MAP);
}

/** Yjs client id (in decimal) → its owner's key; see server/collaboration/ClientOwners.ts. */
export function boardClients(doc: Y.Doc): Y.Map<string> {
  return doc.getMap<string>(CLIENTS_MAP);
}

export function isShapeRecord(record: BoardRecord): boolean {
  return record.typeName === 'shape';
}

/**
 * Trame's own data on tldraw shapes lives under `meta.trame`. Canvas
 * scaffolding (seeded from templates) carries `canvasId` and a `role`; zones
 * also carry their `zoneId`, `label` and outline, which is how contributions
 * are attributed to zones (a note belongs to the smallest zone containing its
 * centre). Notes carry who wrote them.
 */
export interface TrameShapeMeta {
  canvasId?: string;
  templateId?: string;
  role?: 'frame' | 'zone' | 'title' | 'label' | 'instructions' | 'decoration' | 'placeholder';
  zoneId?: string;
  label?: string;
  outline?: 'rectangle' | 'ellipse';
  /** On participants' notes: author and collège (see the roles issue). */
  authorId?: string;
  college?: string;
  /** On a note written during private writing: kept out of the Y.Doc until the reveal. */
  private?: boolean;
  /** On a map or plan laid in a zone (role `decoration`): the zone it fills. */
  backgroundOf?: string;
  /** On a map background: its edges in longitude/latitude, so notes on it have coordinates. */
  map?: MapBounds;
  /** On a note carried from an earlier workshop of the project: where it came from (written by the server only). */
  origin?: NoteOrigin;
}

export const TRAME_META_KEY = 'trame';

export function trameMeta(record: BoardRecord): TrameShapeMeta | undefined {
  const meta = record.meta as Record<string, unknown> | undefined;
  return meta?.[TRAME_META_KEY] as TrameShapeMeta | undefined;
}

/** Canvas scaffolding seeded from a template: only facilitators rearrange it. */
export function isScaffolding(record: object | undefined): boolean {
  return Boolean(record && trameMeta(record as BoardRecord)?.role);
}
