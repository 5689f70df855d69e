import { useTranslation } from 'react-i18next';
import { ApiRequestError } from './api.js';

/**
 * Turns any failure into a sentence for the person in front of the screen:
 * in French the server's own message (the most precise), in another language
 * the translation of its error code.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (!(error instanceof ApiRequestError)) return t('errors.generic');
    if (error.code === 'network') return t('errors.network');
    if (error.message && i18n.language === 'fr') return error.message;
    const key = `apiErrors.${error.code}`;
    return i18n.exists(key) ? t(key) : t('errors.generic');
  };
}
