import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { BOARD_PAGE_HTML } from './shared/paths.js';

/** Every `@tiptap/core` import but the wrapper's own goes to client/board/tiptapCore.ts (why: see that file). */
function tiptapSchemaOnce(): Plugin {
  const wrapper = fileURLToPath(new URL('./client/board/tiptapCore.ts', import.meta.url));
  return {
    name: 'tiptap-schema-once',
    enforce: 'pre',
    resolveId: (source, importer) => (source === '@tiptap/core' && importer !== wrapper ? wrapper : null),
  };
}

/**
 * Writes the board's page (`board.html`, served for `/s/<id>` and the join page): index.html plus the code a phone
 * needs for its list of ideas, asked for by the HTML itself. Loaded on demand by the entry instead, that code waited
 * for the entry to be downloaded and run: on a phone network, one round trip and 0.4 s later. Only what a phone
 * runs is named here — the canvas (tldraw) is the desktop's, and a phone must not download it.
 */
function boardPagePreloads(): Plugin {
  const phoneBoard = fileURLToPath(new URL('./client/board/PhoneBoard.tsx', import.meta.url));
  return {
    name: 'board-page-preloads',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const html = bundle['index.html'];
        const entry = Object.values(bundle).find((file) => file.type === 'chunk' && file.facadeModuleId === phoneBoard);
        if (!html || html.type !== 'asset' || !entry || entry.type !== 'chunk') {
          this.error('board.html: index.html or the phone board\'s chunk is missing from the build');
        }
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = bundle[fileName];
          if (!chunk || chunk.type !== 'chunk' || scripts.has(fileName)) return;
          scripts.add(fileName);
          chunk.viteMetadata?.importedCss.forEach((css) => styles.add(css));
          chunk.imports.forEach(visit);
        };
        visit(entry.fileName);
        const page = String(html.source);
        // The entry's own imports are already named in index.html.
        const missing = (files: Set<string>) => [...files].filter((file) => !page.includes(`"/${file}"`));
        const links = [
          ...missing(scripts).map((file) => `    <link rel="modulepreload" crossorigin href="/${file}">`),
          ...missing(styles).map((file) => `    <link rel="preload" as="style" crossorigin href="/${file}">`),
        ];
        const source = page.replace(/\n\s*<\/head>/, (end) => `\n${links.join('\n')}${end}`);
        this.emitFile({ type: 'asset', fileName: BOARD_PAGE_HTML, source });
      },
    },
  };
}

export default defineConfig({
  root: 'client',
  plugins: [tiptapSchemaOnce(), react(), boardPagePreloads()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4_000,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/yjs': { target: 'ws://localhost:3000', ws: true },
      '/socket.io': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
