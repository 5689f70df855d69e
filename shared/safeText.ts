/**
 * Titles and names are shown everywhere (lists, boards, PDFs, file names):
 * they must read as what they are. Refused: control characters (NUL, escape
 * sequences, line breaks), bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069: « U+202E » turns « fdp.exe » into what it
 * is not), and lone surrogates (not text: they break JSON encoders, PDFs and
 * databases downstream).
 */
function isUnsafe(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    // Iterating by code point, a well-formed pair is one character: a surrogate seen here is a lone half.
    (code >= 0xd800 && code <= 0xdfff)
  );
}

export function isSafeText(value: string): boolean {
  for (const char of value) if (isUnsafe(char.codePointAt(0)!)) return false;
  return true;
}

export const UNSAFE_TEXT_MESSAGE =
  'Ce texte contient des caractères invisibles ou de contrôle (retour à la ligne, inversion du sens d’écriture…) : retirez-les.';
