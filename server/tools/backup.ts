/**
 * `npm run backup -- <file.tar.gz>`: a consistent archive of the embedded
 * data folder (DATA_DIR), taken while the server runs (it writes its buffered
 * edits first). With DATABASE_URL, back up PostgreSQL with pg_dump instead.
 */
import { createBackup } from '../backup/createBackup.js';
import { archiveCommand, commandFailed } from './archiveCommand.js';

const USAGE = 'Usage : npm run backup -- /chemin/sauvegarde-trame.tar.gz   (même DATA_DIR que le serveur)';

const { archive, config } = archiveCommand(USAGE);
if (config.databaseUrl) {
  console.error('DATABASE_URL est défini : les données sont dans PostgreSQL. Sauvegardez-les avec pg_dump (docs/DEPLOYMENT.md).');
  process.exit(2);
}
try {
  const result = await createBackup(config.dataDir, archive);
  console.log(
    `Sauvegarde écrite : ${result.file} (${result.files} fichiers, ${(result.bytes / 1e6).toFixed(1)} Mo) — ` +
      (result.flushed ? 'le serveur en marche a écrit ses modifications avant la copie.' : 'aucun serveur en marche sur ce dossier.'),
  );
} catch (error) {
  commandFailed('Sauvegarde impossible', error);
}
