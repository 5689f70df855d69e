import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import en from '../../client/i18n/locales/en.json';
import fr from '../../client/i18n/locales/fr.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.tsx') ? [full] : [];
  });
}

describe('translations', () => {
  it('have the same keys in French and English', () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });

  it('leave no value empty', () => {
    const empty = (obj: unknown) => keys(obj).filter((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown> | undefined)?.[p], obj) === '');
    expect(empty(fr)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });

  it('cover every user-facing text of the client: no literal words in JSX text or read attributes', () => {
    const READ_ATTRIBUTES = new Set(['aria-label', 'alt', 'title', 'placeholder', 'label']);
    const offenders: string[] = [];
    for (const file of sourceFiles(path.resolve('client'))) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      const visit = (node: ts.Node) => {
        if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) {
          offenders.push(`${path.relative('.', file)}: "${node.text.trim()}"`);
        }
        if (
          ts.isJsxAttribute(node) &&
          READ_ATTRIBUTES.has(node.name.getText(source)) &&
          node.initializer &&
          ts.isStringLiteral(node.initializer) &&
          /\p{L}/u.test(node.initializer.text)
        ) {
          offenders.push(`${path.relative('.', file)}: ${node.name.getText(source)}="${node.initializer.text}"`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(offenders).toEqual([]);
  });
});
