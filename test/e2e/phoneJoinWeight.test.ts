import { describe, expect, it } from 'vitest';
import { shapeText } from '../../shared/richText.js';
import { createSession, joinSession } from '../helpers/api.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';
import { connectFacilitation, send } from '../helpers/facilitationClient.js';
import { joinOnPhone } from '../helpers/phoneJoin.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';

const FOUR = ['carte-des-acteurs', 'afom-du-territoire', 'parcours-usager', 'grille-innovation-sociale'];
const PHONE_BUDGET_BYTES = 500_000;

describe("a participant's phone before the first idea", () => {
  const env = e2eEnvironment();

  it('transfers at most 500 KB, loads no tldraw code, and gets tldraw only when the whole board is asked for', async () => {
    const session = await createSession(env.t.url, { title: 'Centre-bourg', templateIds: FOUR });
    const grant = await joinSession(env.t.url, session.joinCode, 'Yasmine', 'habitant');
    const phone = await joinOnPhone(env.browser, `${env.t.url}/s/${session.id}#acces=${grant.token}`);
    try {
      expect(phone.bytesToType).toBeGreaterThan(0);
      expect(phone.bytesToType).toBeLessThanOrEqual(PHONE_BUDGET_BYTES);
      // The board itself included: what the phone needs before the idea can be added.
      expect(phone.bytesToAdd).toBeGreaterThanOrEqual(phone.bytesToType);
      expect(phone.bytesToAdd).toBeLessThanOrEqual(PHONE_BUDGET_BYTES);
      expect(phone.assets.length).toBeGreaterThan(0);
      expect(await phone.tldrawAssets()).toEqual([]);
      // The page asks for the list's code itself, before the application has run (its first act is an API call).
      const listCode = phone.requests.findIndex((p) => /\/assets\/PhoneBoard-[\w-]+\.js$/.test(p));
      expect(listCode).toBeGreaterThan(0);
      expect(listCode).toBeLessThan(phone.requests.findIndex((p) => p.startsWith('/api/')));

      // The idea written on the lists reaches the board as a note tldraw accepts.
      await phone.page.getByLabel('Votre idée').fill('Un abri vélo couvert');
      await phone.page.getByLabel('Dans quelle zone ?').selectOption({ label: 'Atouts' });
      await phone.page.getByRole('button', { name: "Ajouter l'idée" }).tap();
      await phone.page.getByText('Idée ajoutée dans « Atouts ».').waitFor();
      const reader = connectYjsClient(env.t.wsUrl, session.id, { token: session.access.token });
      await whenSynced(reader);
      await eventually(() => {
        const note = [...reader.records.values()].find((r) => shapeText(r) === 'Un abri vélo couvert');
        expect(note?.meta).toMatchObject({ trame: { authorId: grant.participantId, college: 'habitant' } });
      });
      reader.destroy();

      await phone.page.getByRole('button', { name: 'Voir le tableau complet' }).tap();
      await phone.page.locator('.tl-shape').filter({ hasText: 'Un abri vélo couvert' }).waitFor({ timeout: 30_000 });
      expect((await phone.tldrawAssets()).length).toBeGreaterThan(0);
    } finally {
      await phone.close();
    }
  }, 90_000);

  it("keeps an idea written during private writing off the board until the reveal, listed as the author's own", async () => {
    const session = await createSession(env.t.url, { title: 'Quartier gare', templateIds: ['afom-du-territoire'] });
    const facilitation = await connectFacilitation(env.t.url, session.id, session.access.token);
    const grant = await joinSession(env.t.url, session.joinCode, 'Noé', 'elu');
    const phone = await joinOnPhone(env.browser, `${env.t.url}/s/${session.id}#acces=${grant.token}`);
    const reader = connectYjsClient(env.t.wsUrl, session.id, { token: session.access.token });
    try {
      await whenSynced(reader);
      expect((await send(facilitation.socket, 'private:set', { enabled: true })).ok).toBe(true);
      await phone.page.getByText(/écriture individuelle/i).first().waitFor();
      await phone.page.getByLabel('Votre idée').fill('Une navette le soir');
      await phone.page.getByLabel('Dans quelle zone ?').selectOption({ label: 'Menaces' });
      await phone.page.getByRole('button', { name: "Ajouter l'idée" }).tap();
      await phone.page.getByText('Idée ajoutée dans « Menaces ».').waitFor();
      await eventually(() => expect(facilitation.privateNotes().map(shapeText)).toEqual(['Une navette le soir']));
      await phone.page.getByRole('heading', { name: 'Mon idée (1)' }).waitFor();
      expect([...reader.records.values()].some((r) => shapeText(r) === 'Une navette le soir')).toBe(false);

      expect((await send(facilitation.socket, 'private:reveal')).ok).toBe(true);
      await eventually(() => {
        const note = [...reader.records.values()].find((r) => shapeText(r) === 'Une navette le soir');
        expect(note?.meta).toMatchObject({ trame: { authorId: grant.participantId, college: 'elu' } });
      });
    } finally {
      reader.destroy();
      facilitation.close();
      await phone.close();
    }
  }, 90_000);
});
