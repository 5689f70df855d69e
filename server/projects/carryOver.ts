/**
 * Starting a workshop from what earlier ones of the project gave: notes (read through `Boards`) and suites are
 * copied as notes into one zone of the new board, each marked with the workshop it came from. Nothing is
 * written unless every source is found: a facilitator never gets half a selection.
 */
import { trameMeta } from '../../shared/boardLayout.js';
import { isContributionNote } from '../../shared/boardGeometry.js';
import type { CarryOver } from '../../shared/projects.js';
import { shapeText } from '../../shared/richText.js';
import type { Boards } from '../board/Boards.js';
import type { CarriedNote } from '../board/placeCarriedNotes.js';
import { carriedSourceNotFound, carryTargetNotFound, projectSessionNotFound } from '../errors.js';
import type { SessionService } from '../sessions/SessionService.js';
import type { SuiteService } from '../suites/SuiteService.js';

export interface CarryOverDeps {
  sessions: SessionService;
  boards: Boards;
  suites: SuiteService;
}

/** The chosen ideas, read from their workshops (which must be the project's, and not `targetSessionId`). */
export async function collectCarried(
  deps: CarryOverDeps,
  projectId: string,
  input: Pick<CarryOver, 'items'>,
  targetSessionId?: string,
): Promise<CarriedNote[]> {
  const sources = [...new Set(input.items.map((i) => i.sessionId))];
  const sessions = new Map<string, { title: string }>();
  for (const id of sources) {
    const session = await deps.sessions.get(id);
    if (!session || session.projectId !== projectId || id === targetSessionId) throw projectSessionNotFound([id]);
    sessions.set(id, session);
  }
  const notes: CarriedNote[] = [];
  const missing: string[] = [];
  for (const sessionId of sources) {
    const items = input.items.filter((i) => i.sessionId === sessionId);
    const sessionTitle = sessions.get(sessionId)!.title;
    const noteIds = items.filter((i) => i.kind === 'note').map((i) => i.id);
    const found = await deps.boards.read(sessionId, (records) =>
      noteIds.map((id) => {
        const record = records.get(id);
        if (!isContributionNote(record)) return null;
        return { id, text: shapeText(record).trim(), college: trameMeta(record)?.college ?? null };
      }),
    );
    const suites = items.some((i) => i.kind === 'suite') ? await deps.suites.list(sessionId) : [];
    for (const item of items) {
      const origin = { sessionId, sessionTitle, kind: item.kind, sourceId: item.id };
      if (item.kind === 'note') {
        const note = found.find((n) => n?.id === item.id);
        if (note) notes.push({ text: note.text, college: note.college, origin });
        else missing.push(item.id);
      } else {
        const suite = suites.find((s) => s.id === item.id);
        if (suite) notes.push({ text: suite.title, college: null, origin });
        else missing.push(item.id);
      }
    }
  }
  if (missing.length > 0) throw carriedSourceNotFound(missing);
  return notes;
}

/** Writes collected ideas into the target zone of a workshop's board; the ids of the notes written. */
export async function placeCarried(
  boards: Boards,
  sessionId: string,
  target: CarryOver['target'],
  notes: CarriedNote[],
): Promise<string[]> {
  const written = await boards.addCarriedNotes(sessionId, target, notes);
  if (!written) throw carryTargetNotFound();
  return written;
}
