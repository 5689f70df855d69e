/**
 * The déroulé used to have two homes: the session record held the templates' steps, the facilitation record
 * the steps as the facilitator edited them, with a count of the templates' steps it had copied (a canvas added
 * later brought more). The session record now holds it alone. This moves stored data of the older shape: the
 * facilitator's steps, then the templates' steps not copied yet, each step without an id given one derived from
 * its session and position, so that moving the same data twice gives the same result. PostgreSQL does the same
 * in `migrations/003_steps_in_sessions.sql`; here the embedded files at start, and the collections the
 * embedded-to-PostgreSQL copy reads.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { readIfExists, writeDurably } from './durableFiles.js';

type Raw = Record<string, unknown> & { id: string };

const stepId = (sessionId: string, position: number) =>
  createHash('md5').update(`${sessionId}:${position}`).digest('hex').slice(0, 8);

const hasId = (step: unknown) => typeof (step as { id?: unknown } | null)?.id === 'string';

/** Still in the older shape: the facilitation record keeps steps of its own. */
const holdsSteps = (facilitation: Raw | undefined): facilitation is Raw =>
  facilitation !== undefined && ('steps' in facilitation || 'importedSessionSteps' in facilitation);

/** The session's steps once moved; null when the session already holds them. */
export function movedSteps(session: Raw, facilitation: Raw | undefined): unknown[] | null {
  const own = Array.isArray(session.steps) ? (session.steps as unknown[]) : [];
  if (own.length > 0 && own.every(hasId)) return null;
  const withIds = (steps: unknown[], from: number) =>
    steps.map((step, i) => (hasId(step) ? step : { ...(step as object), id: stepId(session.id, from + i + 1) }));
  if (!holdsSteps(facilitation) || !Array.isArray(facilitation.steps)) return own.length > 0 ? withIds(own, 0) : null;
  const copied = typeof facilitation.importedSessionSteps === 'number' ? facilitation.importedSessionSteps : own.length;
  return [...(facilitation.steps as unknown[]), ...withIds(own.slice(copied), copied)];
}

function withoutSteps(facilitation: Raw): Raw {
  const { steps: _steps, importedSessionSteps: _copied, ...rest } = facilitation;
  return rest as Raw;
}

/** Both collections with the steps moved; `changed` false when nothing was in the older shape. */
export function stepsMovedToSessions(sessions: Raw[], facilitation: Raw[]): { sessions: Raw[]; facilitation: Raw[]; changed: boolean } {
  const byId = new Map(facilitation.map((record) => [record.id, record]));
  let changed = false;
  const movedSessions = sessions.map((session) => {
    const steps = movedSteps(session, byId.get(session.id));
    if (!steps) return session;
    changed = true;
    return { ...session, steps };
  });
  const movedFacilitation = facilitation.map((record) => {
    if (!holdsSteps(record)) return record;
    changed = true;
    return withoutSteps(record);
  });
  return { sessions: movedSessions, facilitation: movedFacilitation, changed };
}

/**
 * Moves an embedded data folder's steps, before its stores open. The sessions' file is written first: if the
 * process stops between the two writes, the next start finds the sessions already holding their steps (each
 * with an id) and only clears the facilitation file.
 */
export async function moveEmbeddedSteps(dataDir: string): Promise<boolean> {
  const sessionsFile = path.join(dataDir, 'trame.json');
  const facilitationFile = path.join(dataDir, 'facilitation.json');
  const [sessionsData, facilitationData] = await Promise.all([readJson(sessionsFile), readJson(facilitationFile)]);
  const sessions = (sessionsData?.sessions ?? []) as Raw[];
  const facilitation = (facilitationData?.facilitation ?? []) as Raw[];
  const moved = stepsMovedToSessions(sessions, facilitation);
  if (!moved.changed) return false;
  if (sessionsData) await writeJson(sessionsFile, { ...sessionsData, sessions: moved.sessions });
  if (facilitationData) await writeJson(facilitationFile, { ...facilitationData, facilitation: moved.facilitation });
  return true;
}

async function readJson(file: string): Promise<Record<string, unknown> | null> {
  const bytes = await readIfExists(file);
  if (!bytes || bytes.length === 0) return null;
  return JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
}

/** As lowdb writes its files. */
const writeJson = (file: string, data: unknown) => writeDurably(file, Buffer.from(JSON.stringify(data, null, 2)));
