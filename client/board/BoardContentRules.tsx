import { useEffect } from 'react';
import { defaultHandleExternalFileContent, useEditor, useToasts, useTranslation as useTldrawTranslation } from 'tldraw';
import { ASSET_ACCEPTED_TYPES, ASSET_UPLOAD_MAX_BYTES } from '../../shared/limits.js';
import i18n from '../i18n/i18n.js';

/** Why Trame will not take a file, as a translation key, before anything is uploaded. */
function refusal(file: File): string | null {
  if (file.type === 'application/pdf' || /\.pdf$/i.test(file.name)) return 'boardAssets.errors.pdf';
  if (!(ASSET_ACCEPTED_TYPES as readonly string[]).includes(file.type)) return 'boardAssets.errors.asset_type_refused';
  if (file.size > ASSET_UPLOAD_MAX_BYTES) return 'boardAssets.errors.asset_too_large';
  return null;
}

/**
 * What may be dropped or pasted on a board, rendered inside tldraw (after its
 * default handlers are registered, which these replace):
 * - files: images only, each refused one explained in the reader's language;
 *   accepted ones go through tldraw's own handling to the asset store;
 * - links stay text: tldraw would otherwise fetch the page from the browser
 *   and show a preview image from its host (a bookmark), or frame the site
 *   (an embed), so that host would learn who looks at the board.
 */
export function BoardContentRules({ onRefused }: { onRefused: (message: string) => void }) {
  const editor = useEditor();
  const toasts = useToasts();
  const msg = useTldrawTranslation();

  useEffect(() => {
    editor.registerExternalContentHandler('files', async ({ point, files }) => {
      const accepted = files.filter((file) => {
        const key = refusal(file);
        if (key) onRefused(i18n.t(key, { name: file.name }));
        return !key;
      });
      if (accepted.length === 0) return;
      await defaultHandleExternalFileContent(editor, { point, files: accepted }, {
        toasts,
        msg,
        acceptedImageMimeTypes: ASSET_ACCEPTED_TYPES,
        acceptedVideoMimeTypes: [],
        maxAssetSize: ASSET_UPLOAD_MAX_BYTES,
      });
    });
    editor.registerExternalContentHandler('url', ({ url, point, sources }) =>
      editor.putExternalContent({ type: 'text', text: url, point, sources }),
    );
    editor.registerExternalContentHandler('embed', ({ url, point, sources }) =>
      editor.putExternalContent({ type: 'text', text: url, point, sources }),
    );
  }, [editor, toasts, msg, onRefused]);

  return null;
}
