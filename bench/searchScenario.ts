/**
 * Dashboard search over 1,000 described sessions with sticky-note text, on a
 * real server: median and p95 answer time of `GET /api/sessions` for typical
 * queries (full text, facets, both).
 */
import { performance } from 'node:perf_hooks';
import { defaultConfig } from '../server/config.js';
import { createServer } from '../server/createServer.js';
import { createLogger } from '../server/logger.js';
import { makeDataDir, removeDataDir } from '../test/helpers/startTestServer.js';

const WORDS = ['mobilité', 'covoiturage', 'jardin', 'seniors', 'numérique', 'logement', 'santé', 'école', 'marché', 'bus', 'vélo', 'emploi', 'isolement', 'voisinage', 'épicerie', 'solidaire', 'transport', 'crèche', 'quartier', 'accueil'];
const THEMES = ['mobilite', 'vieillissement', 'numerique', 'logement', 'sante', 'emploi', 'cohesion', 'alimentation'];
const TOWNS = ['Amiens', 'Lumbres', 'Saint-Omer', 'Arras', 'Lille', 'Roubaix', 'Béthune', 'Calais', 'Dunkerque', 'Lens'];

export interface SearchBenchResult {
  sessions: number;
  /** Times each query was asked. */
  rounds: number;
  queries: { query: string; p50Ms: number; p95Ms: number; results: number }[];
}

const pick = <T>(list: T[], i: number) => list[i % list.length]!;

export async function runSearchBench(sessionCount = 1_000, rounds = 50): Promise<SearchBenchResult> {
  const dataDir = await makeDataDir();
  const config = { ...defaultConfig, port: 0, host: '127.0.0.1', clientDir: undefined, dataDir, logLevel: 'silent' as const };
  const server = await createServer(config, createLogger(config));
  const port = await server.listen();
  try {
    for (let i = 0; i < sessionCount; i++) {
      const { session } = await server.sessions.create({
        title: `Atelier ${pick(WORDS, i)} ${pick(TOWNS, i * 7)} n°${i}`,
        description: {
          themes: [pick(THEMES, i) as never],
          territory: { name: pick(TOWNS, i), echelon: 'commune' },
          summary: `Diagnostic ${pick(WORDS, i * 3)} et ${pick(WORDS, i * 5)}`,
        },
      });
      const notes = Array.from({ length: 40 }, (_, n) => `Idée ${pick(WORDS, i + n)} ${pick(WORDS, i * n + 1)} près du ${pick(WORDS, n * 3)}`);
      await server.sessions.setContentText(session.id, notes.join('\n'));
    }
    const queries = ['q=covoiturage', 'q=mobilite%20velo', 'theme=sante', 'q=epicerie&theme=alimentation', 'territory=amiens&q=jardin'];
    const result: SearchBenchResult = { sessions: sessionCount, rounds, queries: [] };
    for (const query of queries) {
      const times: number[] = [];
      let results = 0;
      for (let r = 0; r < rounds; r++) {
        const start = performance.now();
        const res = await fetch(`http://127.0.0.1:${port}/api/sessions?${query}`);
        results = ((await res.json()) as { sessions: unknown[] }).sessions.length;
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      result.queries.push({
        query,
        results,
        p50Ms: times[Math.floor(times.length / 2)]!,
        p95Ms: times[Math.floor(times.length * 0.95)]!,
      });
    }
    return result;
  } finally {
    await server.close();
    await removeDataDir(dataDir);
  }
}
