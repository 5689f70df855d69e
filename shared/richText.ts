/** Plain text out of tldraw's rich text (a TipTap document), without tldraw. */
import type { BoardRecord } from './boardLayout.js';

interface RichTextNode {
  type?: string;
  text?: string;
  content?: RichTextNode[];
}

/** Plain text of a tldraw rich text document: paragraphs become lines. */
export function richTextToPlain(node: unknown): string {
  const n = node as RichTextNode | undefined;
  if (!n) return '';
  if (typeof n.text === 'string') return n.text;
  const parts = (n.content ?? []).map(richTextToPlain);
  return n.type === 'doc' ? parts.join('\n') : parts.join(n.type === 'paragraph' ? '' : '\n');
}

export function shapeText(record: BoardRecord): string {
  const props = record.props as { richText?: unknown; text?: unknown } | undefined;
  if (!props) return '';
  if (props.richText) return richTextToPlain(props.richText).trim();
  return typeof props.text === 'string' ? props.text.trim() : '';
}

