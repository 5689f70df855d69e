import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../client/i18n/locales/en.json';
import fr from '../../client/i18n/locales/fr.json';
import { refusalText } from '../../client/refusalText.js';
import { ERROR_CODES } from '../../shared/errorCodes.js';

async function translator(language: 'fr' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { fr: { translation: fr }, en: { translation: en } }, lng: language, fallbackLng: 'fr' });
  return i18n;
}

describe('error codes', () => {
  it('each have a French and an English sentence', () => {
    const missing = (messages: Record<string, string>) => ERROR_CODES.filter((code) => !messages[code]?.trim());
    expect(missing(fr.apiErrors as Record<string, string>)).toEqual([]);
    expect(missing(en.apiErrors as Record<string, string>)).toEqual([]);
  });

  it('show a refused socket command in English, not the server’s French message', async () => {
    const text = refusalText(await translator('en'), 'budget_exceeded', 'Vous avez utilisé toutes vos gommettes.');
    expect(text).toBe('You have used all your dots.');
  });

  it('show the server’s own precise message in French', async () => {
    const message = '« 01-carte » est un modèle fourni avec Trame : il ne peut pas être remplacé.';
    expect(refusalText(await translator('fr'), 'template_read_only', message)).toBe(message);
  });

  it('fall back to a generic sentence for a code the client does not know', async () => {
    expect(refusalText(await translator('en'), 'from_a_newer_server', 'Nouveau refus')).toBe(en.errors.generic);
  });
});
