/**
 * TipTap's core as the client bundle sees it (vite.config.ts sends every `@tiptap/core` import here): the same
 * module, except that `generateHTML` builds the ProseMirror schema of an extension list once rather than on every
 * call. tldraw renders each note's text through it before measuring the note, so opening a 200-note board built the
 * schema 200 times: about a fifth of the desktop's opening CPU (`bench/boardOpening.ts`).
 */
import { getHTMLFromFragment, getSchema, type Extensions, type JSONContent } from '@tiptap/core';
import { Node, type Schema } from '@tiptap/pm/model';

export * from '@tiptap/core';

const schemas = new WeakMap<Extensions, Schema>();

/** `extensions` is the same array at each call from tldraw (its defaults, or the editor's text options). */
export function generateHTML(doc: JSONContent, extensions: Extensions): string {
  let schema = schemas.get(extensions);
  if (!schema) {
    schema = getSchema(extensions);
    schemas.set(extensions, schema);
  }
  return getHTMLFromFragment(Node.fromJSON(schema, doc).content, schema);
}
