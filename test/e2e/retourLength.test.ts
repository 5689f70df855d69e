import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SUITE_STATUSES, type Suite } from '../../shared/suites.js';
import { authed } from '../helpers/api.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';
import { readPdf } from '../helpers/pdf.js';
import { suiteWorkshop } from '../helpers/suiteWorkshop.js';

const SHOTS = '/tmp/suites-shots';
const NOTES = ['shape:bus', 'shape:navette', 'shape:banc'];
/** Titles of the lengths facilitators write, from a few words to two lines. */
const TITLES = ['Un abri vélo couvert', 'Des bancs à l’ombre le long du mail, avec des fontaines', 'Ouvrir la médiathèque le dimanche matin pour les familles et les étudiant·es du quartier'];

describe('« Retour aux participant·es » of a workshop with many suites', () => {
  const env = e2eEnvironment();

  it('reads well from 1 to 40 suites: one page of cards with their texts while they fit, then one row each, its column headings repeated on the second page', async () => {
    const { t } = env;
    const { session } = await suiteWorkshop(t);
    const token = session.access.token;
    const base = `${t.url}/api/sessions/${session.id}/suites`;
    const call = (path: string, method: string, body: unknown) => fetch(`${base}${path}`, authed(token, { method, body: JSON.stringify(body) }));
    let made = 0;
    const addSuites = async (upTo: number) => {
      for (; made < upTo; made++) {
        const n = String(made + 1).padStart(2, '0');
        const suite = (await (await call('', 'POST', { noteIds: [NOTES[made % 3]], title: `Idée${n} ${TITLES[made % 3]}` })).json()) as Suite;
        const status = SUITE_STATUSES[made % SUITE_STATUSES.length]!;
        // Every « non retenue » and one suite in three have a reason; one in four a place name, one in five a point only.
        const reason = status === 'non_retenue' || made % 3 === 0 ? `Raison${n} : arbitrage du conseil municipal, à revoir au budget suivant` : undefined;
        if (status !== 'a_l_etude' || reason) expect((await call(`/${suite.id}/status`, 'POST', { status, reason })).status).toBe(200);
        if (made % 4 === 0) expect((await call(`/${suite.id}`, 'PATCH', { placeName: `Lieu${n} place du Marché` })).status).toBe(200);
        else if (made % 5 === 0) expect((await call(`/${suite.id}`, 'PATCH', { location: { latitude: 47.18, longitude: -1.55 } })).status).toBe(200);
      }
    };
    await mkdir(SHOTS, { recursive: true });
    const letter = async (count: number) => {
      await addSuites(count);
      const res = await fetch(`${t.url}/api/sessions/${session.id}/export/retour.pdf`, authed(token));
      expect(res.status).toBe(200);
      const pdf = Buffer.from(await res.arrayBuffer());
      await writeFile(`${SHOTS}/retour-${count}.pdf`, pdf);
      await promisify(execFile)('pdftoppm', ['-png', '-r', '60', `${SHOTS}/retour-${count}.pdf`, `${SHOTS}/retour-${count}`]);
      const read = await readPdf(pdf);
      const pageOf = (word: string) => read.words.find((w) => w.text.startsWith(word))?.page;
      return { read, pageOf, text: read.text.replace(/\s+/g, ' ') };
    };

    const one = await letter(1);
    expect(one.read.pages).toBe(1);
    expect(one.text).toContain('Lieu : Lieu01 place du Marché');

    const six = await letter(6);
    expect(six.read.pages).toBe(1);
    // Cards: each suite's text (its notes') is printed, and a point without a name is given in degrees.
    expect(six.text).toContain('Un bus le dimanche');
    expect(six.text).toContain('Lieu : 47,18° N, 1,55° O');
    expect(six.text).not.toMatch(/Idée Statut Depuis le/i);

    const sixteen = await letter(16);
    expect(sixteen.read.pages).toBe(1);
    expect(sixteen.text).toMatch(/Idée Statut Depuis le/i);
    expect(sixteen.text).not.toContain('Un bus le dimanche');

    const forty = await letter(40);
    expect(forty.read.pages).toBe(2);
    const pageTwo = forty.read.words.filter((w) => w.page === 2).map((w) => w.text);
    // The column headings, repeated at the top of the second page, before its first row.
    expect(pageTwo.slice(0, 40).join(' ')).toMatch(/Idée Statut Depuis le Idée\d\d/i);
    for (let k = 1; k <= 40; k++) {
      const n = String(k).padStart(2, '0');
      expect(forty.pageOf(`Idée${n}`), `suite ${n}`).toBeDefined();
      // No row is cut in two: its reason and its place are on the page of its title.
      for (const part of [`Raison${n}`, `Lieu${n}`]) if (forty.pageOf(part)) expect(forty.pageOf(part), `${part}`).toBe(forty.pageOf(`Idée${n}`));
    }
    expect(forty.pageOf('anonymisé')).toBe(2);
  }, 180_000);
});
