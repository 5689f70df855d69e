/**
 * The journey of a project: each workshop with what it gave (its most supported ideas, by the dots of its
 * last vote; its suites and their statuses) and what it started from (ideas carried from earlier workshops).
 * Read from stored state only: boards through `Boards`, votes from the facilitation store.
 */
import { trameMeta } from '../../shared/boardLayout.js';
import { contributionsByZone } from '../../shared/boardContent.js';
import { isContributionNote } from '../../shared/boardGeometry.js';
import type { CarriedIdea, JourneyWorkshop, WorkshopIdeas } from '../../shared/projects.js';
import { shapeText } from '../../shared/richText.js';
import { tallyVotes } from '../../shared/votes.js';
import type { Boards } from '../board/Boards.js';
import type { SessionService } from '../sessions/SessionService.js';
import type { FacilitationStore } from '../storage/FacilitationStore.js';
import type { SuiteService } from '../suites/SuiteService.js';
import { presentProjectSession } from './ProjectService.js';

/** Enough to say what a workshop gave on one line of a timeline, or one block of a page. */
const TOP_IDEAS = 5;

export interface JourneyDeps {
  sessions: SessionService;
  boards: Boards;
  suites: SuiteService;
  facilitation: Pick<FacilitationStore, 'get'>;
}

export async function projectJourney(deps: JourneyDeps, projectId: string): Promise<JourneyWorkshop[]> {
  const sessions = await deps.sessions.ofProject(projectId);
  return Promise.all(
    sessions.map(async (session): Promise<JourneyWorkshop> => {
      const board = await deps.boards.read(session.id, (records) => {
        const { zones, outside } = contributionsByZone(records.values());
        const carried: CarriedIdea[] = [];
        for (const record of records.values()) {
          const origin = isContributionNote(record) ? trameMeta(record)?.origin : undefined;
          if (origin) carried.push({ text: shapeText(record).trim(), college: trameMeta(record)?.college ?? null, from: origin });
        }
        const notes = new Map(
          zones.flatMap((z) => z.contributions.map((c) => [c.id, { ...c, zoneLabel: z.label as string | null }] as const)),
        );
        for (const c of outside) notes.set(c.id, { ...c, zoneLabel: null });
        return { notes, carried };
      });
      const ballots = Object.values((await deps.facilitation.get(session.id))?.vote?.ballots ?? {});
      const topIdeas = tallyVotes(ballots)
        .filter((r) => r.total > 0 && board.notes.has(r.shapeId))
        .slice(0, TOP_IDEAS)
        .map((r) => {
          const note = board.notes.get(r.shapeId)!;
          return { noteId: r.shapeId, text: note.text.trim(), zoneLabel: note.zoneLabel, college: note.college, dots: r.total };
        });
      const suites = (await deps.suites.list(session.id)).map((s) => ({ id: s.id, title: s.title, status: s.status }));
      return {
        ...presentProjectSession(session),
        topIdeas,
        suites,
        carried: board.carried,
        contributionCount: board.notes.size,
      };
    }),
  );
}

/** Every idea of a workshop by zone, most supported first: what a facilitator picks from to carry over. */
export async function workshopIdeas(deps: JourneyDeps, sessionId: string): Promise<WorkshopIdeas> {
  const ballots = Object.values((await deps.facilitation.get(sessionId))?.vote?.ballots ?? {});
  const dots = new Map(tallyVotes(ballots).map((r) => [r.shapeId, r.total]));
  const zones = await deps.boards.read(sessionId, (records) =>
    contributionsByZone(records.values())
      .zones.filter((z) => z.contributions.length > 0)
      .map((z) => ({
        zoneId: z.zoneId,
        label: z.label,
        ideas: z.contributions
          .map((c) => ({ noteId: c.id, text: c.text.trim(), zoneLabel: z.label, college: c.college, dots: dots.get(c.id) ?? 0 }))
          .filter((c) => c.text)
          .sort((a, b) => b.dots - a.dots),
      })),
  );
  const suites = (await deps.suites.list(sessionId)).map((s) => ({ id: s.id, title: s.title, status: s.status }));
  return { zones, suites };
}
