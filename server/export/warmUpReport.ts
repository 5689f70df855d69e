/**
 * A small report printed once when the renderer starts, then thrown away: the
 * first real export otherwise paid for the report page's first layout (its
 * code compiled, its fonts shaped, hyphenation loaded) and Chromium's first
 * print, 0.5 to 1 s on the bench machine. It draws what a real report draws:
 * a canvas with zones, notes small enough to need close-ups and a grid.
 */
import type { ReportCanvas, ReportContribution, ReportData } from '../../shared/reportData.js';

const NOTES = 40;

const contribution = (i: number): ReportContribution => ({ id: `shape:warm-${i}`, text: `Idée d'échauffement numéro ${i}`, college: 'habitants', author: null, dots: i % 3 });

function canvas(grid: boolean): ReportCanvas {
  const notes = Array.from({ length: NOTES }, (_, i) => contribution(i));
  const zones = ['Forces', 'Faiblesses'].map((label, z) => ({ zoneId: `shape:zone-${z}`, label, dots: 0, contributions: notes.filter((_, i) => i % 2 === z) }));
  return {
    canvasId: grid ? 'grille' : 'forces',
    title: grid ? 'Grille' : 'Forces et faiblesses',
    bounds: { x: 0, y: 0, w: 4_000, h: 2_400 },
    items: [
      ...zones.map((zone, z) => ({ kind: 'zone' as const, box: { x: z * 2_000, y: 0, w: 2_000, h: 2_400 }, outline: 'rectangle' as const, color: 'blue', label: zone.label, hint: '', align: 'start' as const, fontPx: 22 })),
      ...notes.map((n, i) => ({ kind: 'note' as const, id: n.id, box: { x: (i % 2) * 2_000 + (i % 8) * 220, y: Math.floor(i / 8) * 220 + 100, w: 200, h: 200 }, text: n.text, color: 'yellow' })),
      { kind: 'arrow' as const, from: { x: 1_000, y: 2_000 }, to: { x: 3_000, y: 2_000 }, color: 'black', dashed: false, head: true },
    ],
    closeUps: zones.map((zone, z) => ({ caption: zone.label, region: { x: z * 2_000, y: 0, w: 2_000, h: 2_400 } })),
    zones: grid ? [] : zones,
    emptyZones: ['Menaces'],
    unzoned: [],
    grid: grid ? { columns: ['Faible', 'Fort'], groups: [{ label: null, rows: [{ label: 'Critère', cells: [notes.slice(0, 5), notes.slice(5, 10)] }] }] } : null,
    top: notes.slice(0, 3),
    contributionCount: NOTES,
    pins: [],
  };
}

export function warmUpReport(): ReportData {
  return {
    kind: 'report',
    title: 'Échauffement',
    instanceName: 'Trame',
    date: new Date(0).toISOString(),
    territory: { name: 'Commune', echelon: 'commune' },
    format: null,
    phase: null,
    themes: [],
    publics: [],
    summary: 'Un document que personne ne lit.',
    facilitators: [],
    participantsByCollege: { habitants: 3 },
    counts: { people: 3, contributions: NOTES * 2, dots: 10, voters: 3 },
    steps: [{ title: 'Diagnostic', plannedMinutes: 20, minutes: 18, current: false }],
    canvases: [canvas(false), canvas(true)],
    voteHeld: true,
    votes: [{ noteId: 'shape:warm-0', rank: 1, text: contribution(0).text, canvasTitle: 'Forces et faiblesses', total: 3, byCollege: { habitants: 3 } }],
    layout: { paper: 'A4', orientation: 'landscape' },
    anonymous: true,
  };
}
