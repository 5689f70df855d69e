import path from 'node:path';
import { loadConfig, type Config } from '../config.js';

/**
 * The start shared by the commands that take one archive path (backup, restore): the path and the configuration,
 * or a message in French and exit code 2 (a usage error, nothing done).
 */
export function archiveCommand(usage: string): { archive: string; config: Config } {
  const archive = process.argv[2];
  if (!archive || process.argv.length > 3) {
    console.error(usage);
    process.exit(2);
  }
  try {
    return { archive: path.resolve(archive), config: loadConfig() };
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}

/** Exit code 1 with the reason, after the command's own words for what failed. */
export function commandFailed(what: string, error: unknown): never {
  console.error(`${what} : ${(error as Error).message}`);
  process.exit(1);
}
