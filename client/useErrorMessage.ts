import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from './api.js';

/**
 * Turns any failure into a sentence for the person in front of the screen:
 * in French the server's own message (the most precise), in another language
 * the translation of its error code. The function is the same on every render
 * (the i18next instance translates in the current language), so effects that
 * report errors need not run again when it is listed among their dependencies.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { i18n } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiRequestError)) return i18n.t('errors.generic');
      if (error.code === 'network') return i18n.t('errors.network');
      if (error.message && i18n.language === 'fr') return error.message;
      const key = `apiErrors.${error.code}`;
      return i18n.exists(key) ? i18n.t(key) : i18n.t('errors.generic');
    },
    [i18n],
  );
}
