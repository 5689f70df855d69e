import type { BoardRecord } from '../../shared/boardLayout.js';
import { contributionsByZone, type Contribution } from '../../shared/boardContent.js';
import type { ReportContribution, ReportData, ReportStep, ReportVoteResult } from '../../shared/reportData.js';
import { THEMES, facetLabel } from '../../shared/taxonomy.js';
import type { SessionRecord } from '../storage/SessionStore.js';
import { boardCanvases } from './boardCanvases.js';

export interface ReportVotes {
  held: boolean;
  /** Dots per note, by collège. */
  byNote: Map<string, Record<string, number>>;
}

export interface ReportOptions {
  paper: 'A4' | 'A3';
  anonymous: boolean;
}

const total = (byCollege: Record<string, number> | undefined) =>
  Object.values(byCollege ?? {}).reduce((sum, n) => sum + n, 0);

/** Everything the report shows, from stored data only: it works with nobody on the board. */
export function buildReportData(
  session: SessionRecord,
  records: BoardRecord[],
  steps: ReportStep[],
  votes: ReportVotes,
  options: ReportOptions,
): ReportData {
  const people = session.participants.filter((p) => !p.revokedAt);
  const participantsByCollege: Record<string, number> = {};
  for (const p of people) if (p.role === 'participant' && p.college) participantsByCollege[p.college] = (participantsByCollege[p.college] ?? 0) + 1;
  const pseudonyms = new Map(session.participants.map((p) => [p.id, p.pseudonym]));
  const toContribution = (c: Contribution): ReportContribution => ({
    id: c.id,
    text: c.text,
    college: c.college,
    author: options.anonymous || !c.authorId ? null : (pseudonyms.get(c.authorId) ?? null),
    dots: total(votes.byNote.get(c.id)),
  });
  const { zones, outside } = contributionsByZone(records);
  const canvases = boardCanvases(records, session.title).map((canvas) => {
    const inCanvas = new Set(canvas.shapeIds);
    const canvasZones = zones
      .filter((z) => z.canvasId === canvas.canvasId)
      .map((z) => {
        const contributions = z.contributions.map(toContribution).sort((a, b) => (votes.held ? b.dots - a.dots : 0));
        return { zoneId: z.zoneId, label: z.label, contributions, dots: contributions.reduce((s, c) => s + c.dots, 0) };
      });
    if (votes.held) canvasZones.sort((a, b) => b.dots - a.dots);
    return {
      ...canvas,
      zones: canvasZones,
      unzoned: outside.filter((c) => inCanvas.has(c.id)).map(toContribution),
    };
  });
  const allNotes = new Map([...zones.flatMap((z) => z.contributions), ...outside].map((c) => [c.id, c]));
  const results: ReportVoteResult[] = [...votes.byNote.entries()]
    .map(([noteId, byCollege]) => ({ noteId, text: allNotes.get(noteId)?.text ?? '', total: total(byCollege), byCollege }))
    .filter((r) => r.total > 0)
    .sort((a, b) => b.total - a.total);
  return {
    title: session.title,
    date: session.description.date ?? session.createdAt.slice(0, 10),
    territory: session.description.territory?.name || null,
    themes: session.description.themes.map((id) => facetLabel(THEMES, id, 'fr')),
    facilitators: options.anonymous
      ? []
      : people.filter((p) => p.role === 'facilitator' && p.pseudonym !== 'Co-animation').map((p) => p.pseudonym),
    participantsByCollege,
    steps,
    canvases,
    voteHeld: votes.held,
    votes: results,
    paper: options.paper,
    anonymous: options.anonymous,
  };
}
