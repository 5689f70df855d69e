/**
 * What a workshop's grille canvas proposes for the characterisation: the notes placed in a criterion's level
 * cells (zones `<criterion>-a-construire`, `-en-construction`, `-affirme` of the grille template) propose the
 * level most of them chose, with their texts as evidence. The facilitator confirms it in the form; nothing is
 * recorded from here.
 */
import { contributionsByZone } from '../../shared/boardContent.js';
import { CRITERIA, LEVELS, type CriterionId, type GridProposal, type Level } from '../../shared/projects.js';
import type { Boards } from '../board/Boards.js';

/** The grille template's zone suffix for each level. */
const LEVEL_ZONES: Record<Level, string> = {
  a_construire: 'a-construire',
  en_construction: 'en-construction',
  affirme: 'affirme',
};
const EVIDENCE_NOTES = 10;

export async function gridProposals(boards: Pick<Boards, 'records'>, sessionId: string): Promise<GridProposal[]> {
  const { zones } = contributionsByZone(await boards.records(sessionId));
  return CRITERIA.flatMap((criterion) => {
    const counts = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
    const notes: { id: string; text: string }[] = [];
    for (const zone of zones) {
      const level = LEVELS.find((l) => zone.zoneId === `${criterion.id}-${LEVEL_ZONES[l]}`);
      if (!level && zone.zoneId !== criterion.id) continue;
      for (const c of zone.contributions) {
        if (!c.text.trim()) continue;
        if (level) counts[level] += 1;
        notes.push({ id: c.id, text: c.text.trim() });
      }
    }
    if (notes.length === 0) return [];
    // On a tie the more cautious level: a grid overstated is worse than one understated.
    const level = LEVELS.reduce<Level | null>((best, l) => (counts[l] > (best ? counts[best] : 0) ? l : best), null);
    const shown = notes.slice(0, EVIDENCE_NOTES);
    return [
      {
        criterionId: criterion.id as CriterionId,
        level,
        counts,
        evidence: shown.map((n) => n.text.replace(/\s+/g, ' ')).join(' ; ').slice(0, 2_000),
        links: shown.map((n) => ({ kind: 'note' as const, sessionId, targetId: n.id, label: n.text.replace(/\s+/g, ' ').slice(0, 200) })),
      },
    ];
  });
}
