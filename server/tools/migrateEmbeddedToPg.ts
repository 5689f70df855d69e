/**
 * `npm run migrate:embedded-to-pg -- --data-dir ./data`: copies an embedded
 * installation (lowdb metadata and board files) into the PostgreSQL named by
 * DATABASE_URL, creating the schema if needed, then checks the copy and
 * prints a summary. Exit code 0 only if everything is there and identical.
 * Stop the embedded server first: edits made during the copy would be missed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { createPool } from '../storage/createStores.js';
import { runMigrations } from '../storage/runMigrations.js';
import { copyEmbeddedToPg, type CopyCount } from './copyEmbeddedToPg.js';

const USAGE = 'Usage : DATABASE_URL=postgres://… npm run migrate:embedded-to-pg -- --data-dir ./data';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({ options: { 'data-dir': { type: 'string' } }, strict: true }).values;
} catch (error) {
  fail((error as Error).message);
}
const dataDirArg = args['data-dir'];
if (!dataDirArg) fail('Option --data-dir manquante : le dossier de données de l’installation embarquée.');
const dataDir = path.resolve(dataDirArg);
if (!existsSync(dataDir)) fail(`Dossier introuvable : ${dataDir}`);
let config;
try {
  config = loadConfig();
} catch (error) {
  fail((error as Error).message);
}
if (!config.databaseUrl) fail('DATABASE_URL manquante : la base PostgreSQL de destination.');

const line = (label: string, c: CopyCount, extra = '') =>
  `  ${label.padEnd(12)} ${c.inFolder} dans le dossier, ${c.copied} copiés, ${c.alreadyPresent} déjà présents${extra}`;

const pool = createPool(config.databaseUrl, createLogger({ logLevel: 'silent' }));
try {
  const applied = await runMigrations(pool);
  if (applied.length > 0) console.log(`Schéma créé ou mis à jour : ${applied.join(', ')}`);
  const report = await copyEmbeddedToPg(dataDir, pool);
  console.log(`Migration de ${dataDir} vers PostgreSQL`);
  for (const [name, count] of Object.entries(report.collections)) console.log(line(name, count));
  console.log(line('tableaux', report.boards, `, ${report.boards.verified} vérifiés identiques`));
  if (report.problems.length > 0) {
    console.error(`${report.problems.length} problème(s) :`);
    for (const problem of report.problems) console.error(`  - ${problem}`);
    process.exitCode = 1;
  } else {
    console.log('Migration complète et vérifiée.');
  }
} catch (error) {
  console.error(`Migration interrompue : ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await pool.end();
}
