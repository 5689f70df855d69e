// Import boundaries (docs/ARCHITECTURE.md, "Boundaries"). Each file belongs to exactly one area below, since
// ESLint replaces a rule's options rather than merging them when two blocks match the same file.
// `@typescript-eslint/no-restricted-imports` is ESLint's own rule plus `allowTypeImports`: naming a port's
// type is allowed where depending on its implementation is not.

const serverCode = {
  regex: '(^|/)server/',
  message: 'shared/ and client/ never import server code: move what both sides need into shared/.',
};
const clientCode = {
  regex: '(^|/)client/',
  message: 'shared/ and server/ never import client code: move what both sides need into shared/.',
};
const tldraw = {
  regex: '^(tldraw|@tldraw/.+)$',
  message: 'tldraw is used only in client/board/ and server/board/: go through their Trame-side functions.',
};
const storage = {
  regex: '(^|/)storage/',
  allowTypeImports: true,
  message: 'Routes call services, never storage implementations (types of the ports are fine).',
};
const liveBoards = {
  regex: '(^|/)collaboration/(BoardRegistry|BoardRoom)\\.js$',
  message: 'Read and write live boards through the Boards service (server/board/Boards.ts), never a room’s Y.Doc.',
};
const databases = {
  regex: '^(lowdb(/.*)?|pg)$',
  message: 'Only server/storage/ (and operator tools) talk to lowdb or PostgreSQL.',
};

/** The facilitation layer is handed the board's tldraw Editor: it may name its types and read it reactively. */
const facilitationTldraw = {
  name: 'tldraw',
  allowTypeImports: true,
  allowImportNames: ['useValue'],
  message: 'client/facilitation/ only names tldraw types and reads the editor with useValue; the rest is client/board/.',
};

/**
 * Which imports each area may not make. Folders are listed before the catch-all of their runtime
 * (`server/`, `client/`), which is given every folder above it as `ignores`, so a file matches one area.
 */
const areas = [
  { files: ['shared/**/*.ts'], deny: [serverCode, clientCode, tldraw] },
  { files: ['server/routes/**/*.ts'], deny: [clientCode, tldraw, storage, databases, liveBoards] },
  { files: ['server/board/**/*.ts'], deny: [clientCode, databases] },
  // The Yjs server builds and syncs rooms; createServer hands each loaded room to Boards.
  { files: ['server/collaboration/**/*.ts', 'server/createServer.ts'], deny: [clientCode, tldraw, databases] },
  { files: ['server/storage/**/*.ts', 'server/tools/**/*.ts'], deny: [clientCode, tldraw] },
  { files: ['server/**/*.ts'], deny: [clientCode, tldraw, databases, liveBoards] },
  { files: ['client/board/**/*.{ts,tsx}'], deny: [serverCode] },
  {
    files: ['client/facilitation/**/*.{ts,tsx}'],
    deny: [serverCode, { ...tldraw, regex: '^@tldraw/.+$' }],
    denyPaths: [facilitationTldraw],
  },
  { files: ['client/**/*.{ts,tsx}'], deny: [serverCode, tldraw] },
];

// A catch-all (`server/**/*.ts`) ignores the more specific areas listed before it under the same folder.
function ignoresOf(area, index) {
  const catchAll = area.files.length === 1 && /^[^/*]+\/\*\*\//.exec(area.files[0]);
  if (!catchAll) return undefined;
  const root = catchAll[0].replace('**/', '');
  return areas
    .slice(0, index)
    .flatMap((earlier) => earlier.files)
    .filter((files) => files.startsWith(root))
    .map((files) => files.replace(/\/\*\*\/\*\.[^/]+$/, '/**'));
}

export const boundaries = [
  ...areas.map((area, index) => ({
    files: area.files,
    ...(ignoresOf(area, index)?.length ? { ignores: ignoresOf(area, index) } : {}),
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: area.deny, paths: area.denyPaths ?? [] }],
    },
  })),
  {
    // The environment is read in one place, validated (server/config.ts).
    files: ['server/**/*.ts'],
    ignores: ['server/config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through server/config.ts.' },
      ],
    },
  },
];
