import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Every `@tiptap/core` import but the wrapper's own goes to client/board/tiptapCore.ts (why: see that file). */
function tiptapSchemaOnce(): Plugin {
  const wrapper = fileURLToPath(new URL('./client/board/tiptapCore.ts', import.meta.url));
  return {
    name: 'tiptap-schema-once',
    enforce: 'pre',
    resolveId: (source, importer) => (source === '@tiptap/core' && importer !== wrapper ? wrapper : null),
  };
}

export default defineConfig({
  root: 'client',
  plugins: [tiptapSchemaOnce(), react()],
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
