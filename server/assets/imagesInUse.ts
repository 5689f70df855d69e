import { parseAssetUrl } from '../../shared/assetUrls.js';
import type { BoardRecord } from '../../shared/boardLayout.js';

/**
 * The ids of this session's uploaded images that a board shows: those of
 * asset records a shape points at. An asset record no shape uses is not
 * shown (tldraw may keep it after its image was deleted), so its image
 * counts as unused.
 */
export function imagesInUse(records: Iterable<BoardRecord>, sessionId: string): Set<string> {
  const all = [...records];
  const shown = new Set<unknown>();
  for (const record of all) {
    if (record.typeName === 'shape') shown.add((record.props as { assetId?: unknown } | undefined)?.assetId);
  }
  const ids = new Set<string>();
  for (const record of all) {
    if (record.typeName !== 'asset' || !shown.has(record.id)) continue;
    const parsed = parseAssetUrl((record.props as { src?: unknown } | undefined)?.src);
    if (parsed?.sessionId === sessionId) ids.add(parsed.assetId);
  }
  return ids;
}
