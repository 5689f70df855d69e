/**
 * What a suite keeps of notes whose author withdrew their contributions: nothing of their text. A suite's
 * title and body start as its notes' text (the first line, all of them joined); the facilitator may rewrite
 * them, paste a note in, or write their own follow-up. The withdrawn notes' text goes wherever it appears,
 * whole or line by line; what the facilitator wrote in their own words stays.
 */

/** Lines shorter than this are words anyone may write (« Oui », « Vélo ») rather than a note's text. */
const MIN_LINE_CHARS = 4;

/** The pieces of a withdrawn note to look for, longest first so a whole note goes before its lines. */
export function withdrawnPieces(texts: readonly string[]): string[] {
  const pieces = texts.flatMap((text) => [text.trim(), ...text.split('\n').map((line) => line.trim())]);
  return [...new Set(pieces.filter((p) => p.length >= MIN_LINE_CHARS))].sort((a, b) => b.length - a.length);
}

/** `text` without any withdrawn piece, its paragraphs closed up. */
export function withoutPieces(text: string, pieces: readonly string[]): string {
  let kept = text;
  for (const piece of pieces) kept = kept.split(piece).join('');
  return kept
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * A title without the withdrawn text: also gone when it was the start of a withdrawn line (a title made from a
 * note is its first line, cut at the title's length), or when nothing but punctuation is left of it.
 */
export function titleWithout(title: string, pieces: readonly string[]): string {
  const trimmed = title.trim();
  if (trimmed.length >= MIN_LINE_CHARS && pieces.some((piece) => piece.startsWith(trimmed))) return '';
  const kept = withoutPieces(title, pieces);
  return /[\p{L}\p{N}]/u.test(kept) ? kept : '';
}
