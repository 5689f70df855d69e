/**
 * Errors that point at their field: the message sits right under the field, the field is marked
 * `aria-invalid` and described by the message, and submitting moves focus to the first field in error.
 */
import { useTranslation } from 'react-i18next';

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

export const errorId = (fieldId: string) => `${fieldId}-error`;
export const counterId = (fieldId: string) => `${fieldId}-count`;

/** The ARIA attributes of a field: invalid when it has an error, described by its hint, counter and error. */
export function fieldAria(fieldId: string, error: string | undefined | null, describedBy: (string | false | undefined)[] = []) {
  const ids = [...describedBy, error ? errorId(fieldId) : false].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': ids || undefined } as const;
}

/** Moves focus to the first field, in form order (`[field id, error]`), that has an error; false when none has. */
export function focusFirstError(fields: readonly (readonly [string, string | undefined | null])[]): boolean {
  const first = fields.find(([, error]) => error);
  if (!first) return false;
  const field = document.getElementById(first[0]);
  // Centred, so the label above and the message below are in view too (a plain focus scrolls the field to an edge).
  field?.scrollIntoView({ block: 'center' });
  field?.focus({ preventScroll: true });
  return true;
}

export function FieldError({ fieldId, message }: { fieldId: string; message: string | undefined | null }) {
  if (!message) return null;
  return (
    <p id={errorId(fieldId)} className="field-error">
      {message}
    </p>
  );
}

/** « 12 / 200 caractères », shown while typing; past the limit it turns red before anything is submitted. */
export function LengthCounter({ fieldId, length, max }: { fieldId: string; length: number; max: number }) {
  const { t } = useTranslation();
  const over = length > max;
  return (
    <p id={counterId(fieldId)} className={`length-counter${over ? ' is-over' : ''}`}>
      {t('form.length', { length, max })}
    </p>
  );
}
