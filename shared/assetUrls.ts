/**
 * The one place that builds and recognises Trame's own asset URLs
 * (`/api/sessions/<sessionId>/assets/<assetId>`). A board may only point at
 * these: an image elsewhere would make every participant's browser, and the
 * PDF renderer, fetch another host. The server's check of participants'
 * changes and the client's asset store both use these functions.
 */
import { API_PREFIX, apiPaths } from './paths.js';

/** Ids are 16 random bytes, base64url (22 characters); session ids follow `newId` (12). */
const ID = '[A-Za-z0-9_-]{1,64}';
const ASSET_PATH = new RegExp(`^${API_PREFIX}/sessions/(${ID})/assets/(${ID})$`);

export const ASSET_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** The same-origin URL a board record holds for an uploaded asset. */
export function assetUrl(sessionId: string, assetId: string): string {
  return apiPaths.sessionAsset(sessionId, assetId);
}

/** `{ sessionId, assetId }` when `src` is exactly one of Trame's asset URLs, otherwise null. */
export function parseAssetUrl(src: unknown): { sessionId: string; assetId: string } | null {
  if (typeof src !== 'string') return null;
  const match = ASSET_PATH.exec(src);
  return match ? { sessionId: match[1]!, assetId: match[2]! } : null;
}

/** Whether `src` is an asset of this session, as records of its board must hold. */
export function isSessionAssetUrl(src: unknown, sessionId: string): boolean {
  return parseAssetUrl(src)?.sessionId === sessionId;
}

/** Rewrites a record's asset URL to another session (duplicate, import); other records are returned as they are. */
export function rebaseAssetRecord<T extends { typeName?: unknown; props?: unknown }>(record: T, toSessionId: string): T {
  if (record.typeName !== 'asset') return record;
  const props = record.props as { src?: unknown } | undefined;
  const parsed = parseAssetUrl(props?.src);
  if (!parsed) return record;
  return { ...record, props: { ...props, src: assetUrl(toSessionId, parsed.assetId) } };
}
