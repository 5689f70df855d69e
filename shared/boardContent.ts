/**
 * Reading a board's content without tldraw: the text of shapes, and which
 * contributions (notes) sit in which zone of which canvas. Used by search,
 * the CSV and the PDF report, on the server and in the browser alike.
 */
import { trameMeta, type BoardRecord } from './boardLayout.js';
import { boxCentre, isContributionNote, notePlace, readBoardGeometry } from './boardGeometry.js';
import type { NoteOrigin } from './projects.js';
import { shapeText } from './richText.js';

export { richTextToPlain, shapeText } from './richText.js';

export interface Contribution {
  id: string;
  text: string;
  college: string | null;
  authorId: string | null;
  /** The earlier workshop of the project a carried note came from. */
  origin: NoteOrigin | null;
  /** Centre in page coordinates. */
  x: number;
  y: number;
}

export interface ZoneContent {
  /** The zone's shape: tells apart two drawings of the same template. */
  shapeId: string;
  canvasId: string;
  zoneId: string;
  label: string;
  contributions: Contribution[];
}

/**
 * Every note, attributed to the smallest zone of its canvas containing its
 * centre (so a note in the inner ring of the actors map is not counted in the
 * outer one), zones in board order. Notes outside every zone are returned apart.
 */
export function contributionsByZone(records: Iterable<BoardRecord>): { zones: ZoneContent[]; outside: Contribution[] } {
  const geometry = readBoardGeometry(records);
  const contents = new Map<string, ZoneContent>(
    geometry.zones.map((z) => [z.shapeId, { shapeId: z.shapeId, canvasId: z.canvasId, zoneId: z.zoneId, label: z.label, contributions: [] }]),
  );
  const outside: Contribution[] = [];
  for (const record of geometry.byId.values()) {
    if (!isContributionNote(record)) continue;
    const meta = trameMeta(record);
    const centre = boxCentre(geometry.boxOf(record));
    const contribution: Contribution = {
      id: record.id,
      text: shapeText(record),
      college: meta?.college ?? null,
      authorId: meta?.authorId ?? null,
      origin: meta?.origin ?? null,
      ...centre,
    };
    const { zone } = notePlace(geometry, record);
    const home = zone && contents.get(zone.shapeId);
    if (home) home.contributions.push(contribution);
    else outside.push(contribution);
  }
  return { zones: [...contents.values()], outside };
}

/** All the words people wrote on a board, for full-text search. */
export function boardText(records: Iterable<BoardRecord>): string {
  const texts: string[] = [];
  for (const record of records) {
    if (isContributionNote(record)) {
      const text = shapeText(record);
      if (text) texts.push(text);
    }
  }
  return texts.join('\n');
}
