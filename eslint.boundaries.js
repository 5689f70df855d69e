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

function restrict(patterns, paths = []) {
  return { '@typescript-eslint/no-restricted-imports': ['error', { patterns, paths }] };
}

/** The facilitation layer is handed the board's tldraw Editor: it may name its types and read it reactively. */
const facilitationTldraw = {
  name: 'tldraw',
  allowTypeImports: true,
  allowImportNames: ['useValue'],
  message: 'client/facilitation/ only names tldraw types and reads the editor with useValue; the rest is client/board/.',
};

export const boundaries = [
  { files: ['shared/**/*.ts'], rules: restrict([serverCode, clientCode, tldraw]) },
  { files: ['server/routes/**/*.ts'], rules: restrict([clientCode, tldraw, storage, databases, liveBoards]) },
  { files: ['server/board/**/*.ts'], rules: restrict([clientCode, databases]) },
  { files: ['server/storage/**/*.ts', 'server/tools/**/*.ts'], rules: restrict([clientCode, tldraw]) },
  {
    files: ['server/export/**/*.ts', 'server/templates/**/*.ts', 'server/realtime/**/*.ts'],
    rules: restrict([clientCode, tldraw, databases, liveBoards]),
  },
  {
    files: ['server/**/*.ts'],
    ignores: [
      'server/routes/**',
      'server/board/**',
      'server/storage/**',
      'server/tools/**',
      'server/export/**',
      'server/templates/**',
      'server/realtime/**',
    ],
    rules: restrict([clientCode, tldraw, databases]),
  },
  { files: ['client/board/**/*.{ts,tsx}'], rules: restrict([serverCode]) },
  {
    files: ['client/facilitation/**/*.{ts,tsx}'],
    rules: restrict([serverCode, { ...tldraw, regex: '^@tldraw/.+$' }], [facilitationTldraw]),
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    ignores: ['client/board/**', 'client/facilitation/**'],
    rules: restrict([serverCode, tldraw]),
  },
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
