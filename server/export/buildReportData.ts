import { contributionsByZone, type Contribution } from '../../shared/boardContent.js';
import { readBoardGeometry } from '../../shared/boardGeometry.js';
import type { BoardRecord } from '../../shared/boardLayout.js';
import type { PinFeature } from '../../shared/mapApi.js';
import type { ReportCanvas, ReportContribution, ReportData, ReportPin, ReportStep, ReportVoteResult, ReportZone } from '../../shared/reportData.js';
import { closeUpMaxPx, type ReportLayout } from '../../shared/reportPaper.js';
import { ECHELONS, FORMATS, PHASES, PUBLICS, THEMES, facetLabel } from '../../shared/taxonomy.js';
import { compareRanked, sharedRanks } from '../../shared/votes.js';
import type { SessionRecord } from '../sessions/sessionRecord.js';
import { boardCanvases } from './boardCanvases.js';
import { canvasDrawing, type ImageSource } from './canvasDrawing.js';
import { closeUps } from './closeUps.js';
import { pinsGeoJson } from './pinsGeoJson.js';
import { zoneGrid } from './zoneGrid.js';

export interface ReportVotes {
  held: boolean;
  /** Dots per note, by collège. */
  byNote: Map<string, Record<string, number>>;
  /** People who placed at least one dot. */
  voters: number;
}

export interface ReportOptions extends ReportLayout {
  anonymous: boolean;
}

const TOP_PER_CANVAS = 3;

const total = (byCollege: Record<string, number> | undefined) =>
  Object.values(byCollege ?? {}).reduce((sum, n) => sum + n, 0);

const byDots = (a: ReportContribution, b: ReportContribution) =>
  compareRanked({ total: a.dots, text: a.text, shapeId: a.id }, { total: b.dots, text: b.text, shapeId: b.id });

/** Everything the report shows, from stored data only: it works with nobody on the board. */
export function buildReportData(
  session: SessionRecord,
  records: BoardRecord[],
  facts: { steps: ReportStep[]; votes: ReportVotes },
  options: ReportOptions & { instanceName: string },
  images: ImageSource = () => undefined,
): ReportData {
  const { votes } = facts;
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
    carriedFrom: c.origin?.sessionTitle ?? null,
  });
  const byId = new Map(records.map((r) => [r.id, r]));
  const { zones, outside } = contributionsByZone(records);
  const contributionsOf = new Map(zones.map((z) => [z.shapeId, z.contributions.map(toContribution).sort(byDots)]));
  const of = (shapeId: string) => contributionsOf.get(shapeId) ?? [];
  const geometry = readBoardGeometry(records);
  const maxPx = closeUpMaxPx(options);
  const canvasOf = new Map<string, string>();
  const pins = pinsGeoJson(records).features;

  const canvases = boardCanvases(records, session.title).map((canvas): ReportCanvas => {
    const inCanvas = new Set(canvas.shapeIds);
    const drawing = canvasDrawing(canvas.shapeIds.map((id) => byId.get(id)!).filter(Boolean), geometry.byId, images);
    const canvasZones = geometry.zones.filter((z) => z.canvasId === canvas.canvasId);
    const found = zoneGrid(canvasZones, of);
    const listed: ReportZone[] = [];
    const emptyZones: string[] = [];
    for (const zone of canvasZones) {
      if (found?.shapeIds.has(zone.shapeId)) continue;
      const contributions = of(zone.shapeId);
      if (contributions.length > 0) listed.push({ zoneId: zone.shapeId, label: zone.label, contributions, dots: contributions.reduce((s, c) => s + c.dots, 0) });
      // A zone that holds written zones (a ring, a column) is not « without contribution ».
      else if (!canvasZones.some((inner) => inner !== zone && of(inner.shapeId).length > 0 && within(inner.box, zone.box))) emptyZones.push(zone.label);
    }
    if (votes.held) listed.sort((a, b) => b.dots - a.dots);
    const unzoned = outside.filter((c) => inCanvas.has(c.id)).map(toContribution).sort(byDots);
    const all = [...listed.flatMap((z) => z.contributions), ...unzoned, ...(found?.grid.groups.flatMap((g) => g.rows.flatMap((r) => r.cells.flat())) ?? [])];
    for (const c of all) canvasOf.set(c.id, canvas.title);
    const notes = new Map(drawing.items.flatMap((it) => (it.kind === 'note' ? [[it.id, it.box] as const] : [])));
    const boxesOf = (list: ReportContribution[]) => list.flatMap((c) => (notes.has(c.id) ? [notes.get(c.id)!] : []));
    return {
      canvasId: canvas.canvasId,
      title: canvas.title,
      bounds: drawing.bounds,
      items: drawing.items,
      closeUps: found
        ? []
        : closeUps(
            [
              ...listed.map((z) => ({ caption: z.label, zone: canvasZones.find((s) => s.shapeId === z.zoneId)?.box ?? null, boxes: boxesOf(z.contributions) })),
              { caption: 'Hors des zones', zone: null, boxes: boxesOf(unzoned) },
            ],
            maxPx,
          ),
      zones: listed,
      emptyZones,
      unzoned,
      grid: found?.grid ?? null,
      top: votes.held ? all.filter((c) => c.dots > 0).sort(byDots).slice(0, TOP_PER_CANVAS) : [],
      contributionCount: all.length,
      pins: reportPins(pins.filter((f) => f.properties.canvasId === canvas.canvasId)),
    };
  });

  const texts = new Map([...zones.flatMap((z) => z.contributions), ...outside].map((c) => [c.id, c.text]));
  // Only notes still on the board count: not example notes, not notes deleted since.
  const ranked = [...votes.byNote.entries()]
    .map(([shapeId, byCollege]) => ({ shapeId, text: texts.get(shapeId) ?? '', total: total(byCollege), byCollege }))
    .filter((r) => r.total > 0 && texts.has(r.shapeId))
    .sort(compareRanked);
  const ranks = sharedRanks(ranked.map((r) => r.total));
  const results: ReportVoteResult[] = ranked.map((r, i) => ({
    noteId: r.shapeId,
    rank: ranks[i]!,
    text: r.text,
    canvasTitle: canvases.length > 1 ? (canvasOf.get(r.shapeId) ?? null) : null,
    total: r.total,
    byCollege: r.byCollege,
  }));
  const d = session.description;
  return {
    kind: 'report',
    title: session.title,
    instanceName: options.instanceName,
    date: d.date ?? session.createdAt.slice(0, 10),
    territory: d.territory?.name ? { name: d.territory.name, echelon: d.territory.echelon ? facetLabel(ECHELONS, d.territory.echelon, 'fr') : null } : null,
    format: d.format ? facetLabel(FORMATS, d.format, 'fr') : null,
    phase: d.phase ? facetLabel(PHASES, d.phase, 'fr') : null,
    themes: d.themes.map((id) => facetLabel(THEMES, id, 'fr')),
    publics: d.publics.map((id) => facetLabel(PUBLICS, id, 'fr')),
    summary: d.summary,
    facilitators: options.anonymous
      ? []
      : people.filter((p) => p.role === 'facilitator' && p.pseudonym !== 'Co-animation').map((p) => p.pseudonym),
    participantsByCollege,
    counts: {
      people: people.filter((p) => p.role === 'participant').length,
      contributions: canvases.reduce((s, c) => s + c.contributionCount, 0),
      dots: results.reduce((s, r) => s + r.total, 0),
      voters: votes.voters,
    },
    steps: facts.steps,
    canvases,
    voteHeld: votes.held,
    votes: results,
    layout: { paper: options.paper, orientation: options.orientation },
    anonymous: options.anonymous,
    carriedFrom: carriedFrom([...zones.flatMap((z) => z.contributions), ...outside]),
  };
}

/** Each earlier workshop the carried notes came from, with their count, in the order first met. */
function carriedFrom(contributions: Contribution[]): { title: string; count: number }[] {
  const bySession = new Map<string, { title: string; count: number }>();
  for (const c of contributions) {
    if (!c.origin) continue;
    const entry = bySession.get(c.origin.sessionId) ?? { title: c.origin.sessionTitle, count: 0 };
    entry.count += 1;
    bySession.set(c.origin.sessionId, entry);
  }
  return [...bySession.values()];
}

/** North to south, then west to east: the numbers read down the map as a person scans it. */
function reportPins(features: PinFeature[]): ReportPin[] {
  return features
    .map((f) => ({ noteId: f.id, text: f.properties.text, zone: f.properties.zone, college: f.properties.college, lng: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] }))
    .sort((a, b) => b.lat - a.lat || a.lng - b.lng)
    .map((pin, i) => ({ number: i + 1, ...pin }));
}

function within(inner: { x: number; y: number; w: number; h: number }, outer: { x: number; y: number; w: number; h: number }): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}
