// Fonts, icons and translations are bundled and served by Trame itself:
// public-sector networks are often closed, and nothing may leave the origin.
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';

export const assetUrls = getAssetUrlsByImport();

/**
 * The faces a Trame board is drawn in (notes in tldraw's draw face, zone titles in its sans, regular and bold).
 * tldraw asks for a page's fonts only once its editor exists, after the board has synced, and draws nothing
 * before they arrive: asked for here when the canvas mounts, they come while the board syncs.
 */
export function preloadBoardFonts(): () => void {
  const links = [assetUrls.fonts.tldraw_draw, assetUrls.fonts.tldraw_sans, assetUrls.fonts.tldraw_sans_bold].map((href) => {
    const link = document.createElement('link');
    Object.assign(link, { rel: 'preload', as: 'font', type: 'font/woff2', crossOrigin: 'anonymous', href });
    document.head.append(link);
    return link;
  });
  return () => links.forEach((link) => link.remove());
}
