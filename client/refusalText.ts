import type { i18n as I18n } from 'i18next';

/**
 * The sentence for a refusal from the API or a socket command, in the interface's language: in French the
 * server's own message (the most precise: it may name the field or the template), in another language the
 * translation of its code (`shared/errorCodes.ts`), so no French reaches an English screen.
 */
export function refusalText(i18n: I18n, code: string, serverMessage: string): string {
  if (code === 'network') return i18n.t('errors.network');
  if (serverMessage && i18n.language === 'fr') return serverMessage;
  const key = `apiErrors.${code}`;
  return i18n.exists(key) ? i18n.t(key) : i18n.t('errors.generic');
}
