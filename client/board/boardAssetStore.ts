/**
 * Where tldraw puts images dropped or pasted on a board: uploaded to Trame
 * (`POST /api/sessions/:id/assets`), never inlined in the document, whose
 * records keep only the same-origin URL. Reading adds the connection's
 * credential to that URL (an `<img>` sends no header), and a small display
 * gets the phone thumbnail.
 */
import type { TLAsset, TLAssetContext, TLAssetStore } from 'tldraw';
import type { ApiErrorBody } from '../../shared/apiErrors.js';
import { parseAssetUrl } from '../../shared/assetUrls.js';
import { apiPaths } from '../../shared/paths.js';
import { ASSET_THUMBNAIL_SIDE_PX } from '../../shared/limits.js';
import i18n from '../i18n/i18n.js';

/** Query parameters of the board connection: `token`, `rendu` (PDF renderer) or `visitor`. */
export type BoardCredentials = Record<string, string>;

export class AssetUploadError extends Error {}

function uploadErrorMessage(status: number, body: ApiErrorBody | null): string {
  const code = body?.error.code;
  const key = `boardAssets.errors.${code}`;
  if (code && i18n.exists(key)) return i18n.t(key);
  if (status === 0) return i18n.t('errors.network');
  return body?.error.message || i18n.t('boardAssets.errors.generic');
}

/** Uploads an image to the session's board; throws an AssetUploadError with the reader's message. */
export async function uploadImage(
  sessionId: string,
  token: string,
  file: Blob,
  abortSignal?: AbortSignal,
): Promise<{ url: string; width: number; height: number }> {
  let res: Response;
  try {
    res = await fetch(apiPaths.sessionAssets(sessionId), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': file.type || 'application/octet-stream' },
      body: file,
      signal: abortSignal,
    });
  } catch (error) {
    if (abortSignal?.aborted) throw error;
    throw new AssetUploadError(uploadErrorMessage(0, null));
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as ApiErrorBody | null;
    throw new AssetUploadError(uploadErrorMessage(res.status, body));
  }
  return (await res.json()) as { url: string; width: number; height: number };
}

export function boardAssetStore(sessionId: string, credentials: BoardCredentials, onUploadError: (message: string) => void): TLAssetStore {
  const readQuery = new URLSearchParams(
    Object.entries(credentials).filter(([key]) => key === 'token' || key === 'rendu'),
  );
  return {
    async upload(_asset: TLAsset, file: File, abortSignal?: AbortSignal) {
      try {
        return { src: (await uploadImage(sessionId, credentials.token ?? '', file, abortSignal)).url };
      } catch (error) {
        if (error instanceof AssetUploadError) onUploadError(error.message);
        throw error;
      }
    },

    resolve(asset: TLAsset, ctx: TLAssetContext) {
      const src = asset.props.src;
      // Anything but Trame's own asset URL is never fetched: its host would learn who looks at the board.
      if (!parseAssetUrl(src)) return null;
      const query = new URLSearchParams(readQuery);
      const shownPx = 'w' in asset.props ? asset.props.w * ctx.screenScale * ctx.dpr : Infinity;
      if (!ctx.shouldResolveToOriginal && shownPx <= ASSET_THUMBNAIL_SIDE_PX) query.set('taille', 'vignette');
      const text = query.toString();
      return text ? `${src}?${text}` : src;
    },
  };
}
