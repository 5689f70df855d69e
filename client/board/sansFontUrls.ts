// The board's sans typeface (IBM Plex Sans, bundled with tldraw's assets), for pages that print without tldraw.
import plexBold from '@tldraw/assets/fonts/IBMPlexSans-Bold.woff2?url';
import plexMedium from '@tldraw/assets/fonts/IBMPlexSans-Medium.woff2?url';

export const sansFontUrls = { regular: plexMedium, bold: plexBold };
