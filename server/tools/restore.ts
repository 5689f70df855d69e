/**
 * `npm run restore -- <file.tar.gz>`: restores a backup made by
 * `npm run backup` into DATA_DIR, which must be empty, then checks every
 * board reads back. Start the server on that folder afterwards.
 */
import { restoreBackup } from '../backup/restoreBackup.js';
import { archiveCommand, commandFailed } from './archiveCommand.js';

const USAGE = 'Usage : DATA_DIR=/chemin/vide npm run restore -- /chemin/sauvegarde-trame.tar.gz';

const { archive, config } = archiveCommand(USAGE);
try {
  const result = await restoreBackup(archive, config.dataDir);
  console.log(
    `Restauré dans ${config.dataDir} : ${result.files} fichiers, ${result.boards} tableaux relus sans erreur (sauvegarde du ${result.manifest.createdAt}).`,
  );
} catch (error) {
  commandFailed('Restauration impossible', error);
}
