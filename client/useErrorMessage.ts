import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from './api.js';
import { refusalText } from './refusalText.js';

/**
 * Turns any failure into a sentence for the person in front of the screen
 * (`refusalText`: the server's message in French, its code translated
 * otherwise). The function is the same on every render
 * (the i18next instance translates in the current language), so effects that
 * report errors need not run again when it is listed among their dependencies.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { i18n } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiRequestError)) return i18n.t('errors.generic');
      return refusalText(i18n, error.code, error.message);
    },
    [i18n],
  );
}
