import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root });

/** The boundary errors ESLint reports for a fixture's text, linted as if it lived at `asPath`. */
async function boundaryErrors(fixture: string, asPath: string): Promise<string[]> {
  const text = await readFile(path.join(root, 'test/fixtures/lint', fixture), 'utf8');
  const [result] = await eslint.lintText(text, { filePath: path.join(root, asPath) });
  const messages = result?.messages ?? [];
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${fixture}: ${fatal.message}`);
  return messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it('fail the lint when shared code imports server code', async () => {
    const errors = await boundaryErrors('sharedImportsServer.ts', 'shared/misplaced.ts');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('shared/ and client/ never import server code');
  });

  it('let server code import the same module', async () => {
    expect(await boundaryErrors('sharedImportsServer.ts', 'server/misplaced.ts')).toEqual([]);
  });

  it('fail the lint when a route uses a storage implementation, but let it name a storage type', async () => {
    const errors = await boundaryErrors('routeImportsStorage.ts', 'server/routes/misplaced.ts');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("'../storage/FileBoardStore.js'");
  });

  it('fail the lint when tldraw is imported outside client/board/', async () => {
    expect(await boundaryErrors('pageImportsTldraw.tsx', 'client/pages/Misplaced.tsx')).toHaveLength(1);
    expect(await boundaryErrors('pageImportsTldraw.tsx', 'client/facilitation/Misplaced.tsx')).toHaveLength(1);
    expect(await boundaryErrors('pageImportsTldraw.tsx', 'client/board/Misplaced.tsx')).toEqual([]);
  });

  it('fail the lint when a server module other than the collaboration layer and Boards reaches a live room', async () => {
    for (const asPath of ['server/search/Misplaced.ts', 'server/suites/Misplaced.ts', 'server/realtime/Misplaced.ts']) {
      const errors = await boundaryErrors('readsRoomDirectly.ts', asPath);
      expect(errors, asPath).toHaveLength(1);
      expect(errors[0]).toContain('through the Boards service');
    }
    expect(await boundaryErrors('readsRoomDirectly.ts', 'server/board/Misplaced.ts')).toEqual([]);
    expect(await boundaryErrors('readsRoomDirectly.ts', 'server/collaboration/Misplaced.ts')).toEqual([]);
  });
});
