import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, normalizeJoinCode } from '../../shared/roles.js';
import { pagePaths } from '../../shared/paths.js';
import { FieldError, fieldAria } from '../forms/fieldErrors.js';
import { navigate } from '../useRoute.js';

/** Characters left out of join codes because they read like another one (0/O, 1/I/L). */
const LOOK_ALIKES = new Set(['0', 'O', '1', 'I', 'L']);

/** The typed characters that no join code contains. */
export function unknownCodeCharacters(code: string): string[] {
  return [...new Set([...normalizeJoinCode(code)].filter((c) => !JOIN_CODE_ALPHABET.includes(c)))];
}

const FIELD = 'join-code';

/**
 * The join code field. What was typed stays in the field after a mistake, here or on the server (« aucun
 * atelier »), and characters no code contains are named and marked.
 */
export function CodeForm({ initialCode = '', initialError = null }: { initialCode?: string; initialError?: string | null }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(initialCode);
  const [error, setError] = useState<string | null>(initialError);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (initialError) input.current?.focus();
  }, [initialError]);

  const check = (typed: string): string | null => {
    const normalized = normalizeJoinCode(typed);
    const unknown = unknownCodeCharacters(typed);
    if (unknown.length) {
      const chars = unknown.map((c) => `« ${c} »`).join(', ');
      return unknown.some((c) => LOOK_ALIKES.has(c))
        ? t('join.codeLookAlike', { chars, count: unknown.length })
        : t('join.codeUnknownChars', { chars, count: unknown.length });
    }
    if (normalized.length !== JOIN_CODE_LENGTH) return t('join.codeLength', { length: JOIN_CODE_LENGTH, typed: normalized.length });
    return null;
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problem = check(code);
    setError(problem);
    if (problem) return input.current?.focus();
    navigate(pagePaths.join(normalizeJoinCode(code)));
  };
  const unknown = error ? unknownCodeCharacters(code) : [];
  return (
    <form onSubmit={onSubmit} noValidate className="card join-code-form">
      <label htmlFor={FIELD}>{t('join.codeLabel')}</label>
      <div className="row">
        <input
          ref={input}
          id={FIELD}
          className="code-input"
          value={code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          inputMode="text"
          {...fieldAria(FIELD, error)}
          onChange={(e) => setCode(e.target.value)}
        />
        <button type="submit">{t('join.continue')}</button>
      </div>
      {unknown.length > 0 && (
        // The typed code again, with the characters no code contains marked: the message names them too.
        <p className="code-echo" aria-hidden="true">
          {[...code].map((c, i) => (unknown.includes(c.toUpperCase()) ? <mark key={i}>{c}</mark> : <span key={i}>{c}</span>))}
        </p>
      )}
      <FieldError fieldId={FIELD} message={error} />
    </form>
  );
}
