/**
 * `npm run restore -- <file.tar.gz>`: restores a backup made by
 * `npm run backup` into DATA_DIR, which must be empty, then checks every
 * board reads back. Start the server on that folder afterwards.
 */
import path from 'node:path';
import { restoreBackup } from '../backup/restoreBackup.js';
import { loadConfig } from '../config.js';

const USAGE = 'Usage : DATA_DIR=/chemin/vide npm run restore -- /chemin/sauvegarde-trame.tar.gz';

const source = process.argv[2];
if (!source || process.argv.length > 3) {
  console.error(USAGE);
  process.exit(2);
}
let config;
try {
  config = loadConfig();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
try {
  const result = await restoreBackup(path.resolve(source), config.dataDir);
  console.log(
    `Restauré dans ${config.dataDir} : ${result.files} fichiers, ${result.boards} tableaux relus sans erreur (sauvegarde du ${result.manifest.createdAt}).`,
  );
} catch (error) {
  console.error(`Restauration impossible : ${(error as Error).message}`);
  process.exit(1);
}
