import { afterAll, describe, expect, it } from 'vitest';
import type { BankEntryView } from '../../shared/sessionSchemas.js';
import { workshopWith } from '../helpers/publishedWithSuites.js';
import type { TestServer } from '../helpers/startTestServer.js';
import { STORAGE_ENGINES } from '../helpers/storageEngines.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

const titles = async (t: TestServer, query = '') => {
  const res = await fetch(`${t.url}/api/bank${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { entries: BankEntryView[] }).entries.map((e) => e.title).sort();
};

describe.each(STORAGE_ENGINES)('the bank filtered by what became of the ideas, on $name', (engine) => {
  it.skipIf(engine.skip)('lists workshops with ideas taken on or done, counts them on each entry, and refuses an unknown facet in French', async () => {
    let t = await engine.start(cleanup);
    const done = await workshopWith(t, 'Jardins partagés', ['realisee', 'a_l_etude']);
    await workshopWith(t, 'Place du marché', ['retenue', 'en_cours', 'non_retenue']);
    await workshopWith(t, 'Mobilités', ['a_l_etude']);
    await workshopWith(t, 'Atelier non publié', ['realisee'], false);
    t = await t.restart();
    cleanup.push(() => t.close());

    expect(await titles(t)).toEqual(['Jardins partagés', 'Mobilités', 'Place du marché']);
    expect(await titles(t, '?suites=retenues')).toEqual(['Jardins partagés', 'Place du marché']);
    expect(await titles(t, '?suites=realisees')).toEqual(['Jardins partagés']);
    expect(await titles(t, '?suites=realisees&q=march')).toEqual([]);

    const { entries } = (await (await fetch(`${t.url}/api/bank`)).json()) as { entries: BankEntryView[] };
    expect(Object.fromEntries(entries.map((e) => [e.title, e.followUp]))).toEqual({
      'Jardins partagés': { retenues: 1, realisees: 1 },
      'Place du marché': { retenues: 2, realisees: 0 },
      Mobilités: { retenues: 0, realisees: 0 },
    });
    expect(((await (await fetch(`${t.url}/api/bank/${done.id}`)).json()) as BankEntryView).followUp).toEqual({ retenues: 1, realisees: 1 });

    const bad = await fetch(`${t.url}/api/bank?suites=toutes`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('Suites attendues : retenues ou realisees.');
  });
});
