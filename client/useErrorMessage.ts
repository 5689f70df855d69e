import { useTranslation } from 'react-i18next';
import { ApiRequestError } from './api.js';

/** Turns any failure into a sentence for the person in front of the screen. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (error instanceof ApiRequestError) {
      if (error.code === 'network') return t('errors.network');
      // The server writes French; in another language, fall back to a generic sentence.
      if (error.message && i18n.language === 'fr') return error.message;
    }
    return t('errors.generic');
  };
}
