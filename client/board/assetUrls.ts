// Fonts, icons and translations are bundled and served by Trame itself:
// public-sector networks are often closed, and nothing may leave the origin.
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';

export const assetUrls = getAssetUrlsByImport();
