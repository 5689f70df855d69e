/**
 * The tables of a session's open data package, each with its Table Schema (Frictionless): the session's
 * description, its contributions, the vote by collège, the suites and their history. Built from the
 * anonymised report and the public suites: no pseudonym, participant id or join code reaches them.
 */
import type { ReportData } from '../../shared/reportData.js';
import { COLLEGES } from '../../shared/roles.js';
import { SUITE_STATUSES, SUITE_STATUS_LABELS, type PublicSuite } from '../../shared/suites.js';
import { contributionRows } from './reportRows.js';

export type Cell = string | number | null;

export interface TableField {
  name: string;
  type: 'string' | 'integer' | 'number' | 'date' | 'datetime';
  title: string;
  description?: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: string[]; minimum?: number };
}

export interface DataTable {
  name: string;
  title: string;
  description: string;
  fields: TableField[];
  primaryKey?: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  rows: Cell[][];
}

const text = (name: string, title: string, required = false): TableField => ({
  name,
  type: 'string',
  title,
  ...(required ? { constraints: { required: true } } : {}),
});
const count = (name: string, title: string): TableField => ({ name, type: 'integer', title, constraints: { required: true, minimum: 0 } });
const collegeCounts = (prefix: string, title: string) => COLLEGES.map((college) => count(`${prefix}${college}`, `${title} (${college})`));

function sessionTable(report: ReportData): DataTable {
  return {
    name: 'atelier',
    title: "L'atelier",
    description: "Une ligne : la description de l'atelier et ce qu'il a réuni.",
    fields: [
      text('titre', 'Titre', true),
      { name: 'date', type: 'date', title: "Date de l'atelier", constraints: { required: true } },
      text('territoire', 'Territoire'),
      text('echelon', 'Échelon'),
      text('format', 'Format'),
      text('phase', 'Phase du projet'),
      text('thematiques', 'Thématiques (séparées par « ; »)'),
      text('publics', 'Publics (séparés par « ; »)'),
      text('resume', 'Résumé'),
      count('personnes', 'Personnes ayant participé'),
      ...collegeCounts('personnes_', 'Personnes par collège'),
      count('contributions', 'Contributions'),
      count('points_votes', 'Points (gommettes) posés'),
    ],
    rows: [
      [
        report.title,
        report.date,
        report.territory?.name ?? null,
        report.territory?.echelon ?? null,
        report.format,
        report.phase,
        report.themes.join('; '),
        report.publics.join('; '),
        report.summary || null,
        report.counts.people,
        ...COLLEGES.map((college) => report.participantsByCollege[college] ?? 0),
        report.counts.contributions,
        report.counts.dots,
      ],
    ],
  };
}

function contributionsTable(report: ReportData, rowIdOf: Map<string, number>): DataTable {
  const rows = contributionRows(report);
  rows.forEach((row, i) => rowIdOf.set(row.contribution.id, i + 1));
  return {
    name: 'contributions',
    title: 'Contributions',
    description: 'Une ligne par note écrite pendant l’atelier (les exemples des canevas exclus), sans auteur·rice.',
    fields: [
      { name: 'id', type: 'integer', title: 'Numéro', constraints: { required: true, unique: true, minimum: 1 } },
      text('canevas', 'Canevas', true),
      text('zone', 'Zone du canevas (vide : hors des zones)'),
      text('texte', 'Texte de la contribution'),
      { name: 'college', type: 'string', title: "Collège de l'auteur·rice", constraints: { enum: [...COLLEGES] } },
      count('points', 'Points reçus au vote'),
    ],
    primaryKey: ['id'],
    rows: rows.map(({ canvas, zone, contribution: c }, i) => [i + 1, canvas, zone, c.text, c.college, c.dots]),
  };
}

function votesTable(report: ReportData, rowIdOf: Map<string, number>): DataTable {
  return {
    name: 'votes',
    title: 'Vote par collège',
    description: 'Les idées qui ont reçu des points, classées ; à égalité, le même rang.',
    fields: [
      { name: 'rang', type: 'integer', title: 'Rang', constraints: { required: true, minimum: 1 } },
      { name: 'contribution_id', type: 'integer', title: 'Numéro de la contribution', constraints: { required: true } },
      text('idee', 'Idée'),
      text('canevas', 'Canevas'),
      count('total', 'Points'),
      ...collegeCounts('points_', 'Points du collège'),
    ],
    foreignKeys: [{ fields: ['contribution_id'], reference: { resource: 'contributions', fields: ['id'] } }],
    rows: report.votes
      .filter((v) => rowIdOf.has(v.noteId))
      .map((v) => [v.rank, rowIdOf.get(v.noteId)!, v.text, v.canvasTitle, v.total, ...COLLEGES.map((c) => v.byCollege[c] ?? 0)]),
  };
}

const statusField = (required: boolean): TableField => ({
  name: 'statut',
  type: 'string',
  title: `Statut (${SUITE_STATUSES.map((s) => `${s} : ${SUITE_STATUS_LABELS[s]}`).join(', ')})`,
  constraints: { ...(required ? { required: true } : {}), enum: [...SUITE_STATUSES] },
});

function suitesTable(suites: PublicSuite[]): DataTable {
  return {
    name: 'suites',
    title: 'Suites données aux idées',
    description: 'Ce que la collectivité a fait des idées : une ligne par suite, avec son statut actuel.',
    fields: [
      text('id', 'Identifiant', true),
      text('titre', 'Titre', true),
      text('texte', 'Texte'),
      statusField(true),
      text('raison', 'Raison du statut'),
      text('canevas', "Canevas d'origine"),
      text('zone', "Zone d'origine"),
      count('points', 'Points reçus au vote'),
      text('lieu', 'Lieu (tel que nommé par la collectivité)'),
      { name: 'latitude', type: 'number', title: 'Latitude (WGS 84)' },
      { name: 'longitude', type: 'number', title: 'Longitude (WGS 84)' },
      { name: 'creee_le', type: 'datetime', title: 'Créée le', constraints: { required: true } },
      { name: 'modifiee_le', type: 'datetime', title: 'Modifiée le', constraints: { required: true } },
    ],
    primaryKey: ['id'],
    rows: suites.map((s) => [
      s.id,
      s.title,
      s.body,
      s.status,
      s.history.at(-1)?.reason ?? null,
      s.canvasTitle,
      s.zoneLabel,
      s.votes.total,
      s.placeName,
      s.location?.latitude ?? null,
      s.location?.longitude ?? null,
      s.createdAt,
      s.updatedAt,
    ]),
  };
}

function historyTable(suites: PublicSuite[]): DataTable {
  return {
    name: 'suites-historique',
    title: 'Historique des statuts',
    description: 'Chaque changement de statut d’une suite, daté, avec sa raison.',
    fields: [
      text('suite_id', 'Identifiant de la suite', true),
      statusField(true),
      text('raison', 'Raison'),
      { name: 'date', type: 'datetime', title: 'Date du changement', constraints: { required: true } },
    ],
    foreignKeys: [{ fields: ['suite_id'], reference: { resource: 'suites', fields: ['id'] } }],
    rows: suites.flatMap((s) => s.history.map((h) => [s.id, h.status, h.reason, h.at])),
  };
}

export function dataPackageTables(report: ReportData, suites: PublicSuite[]): DataTable[] {
  const rowIdOf = new Map<string, number>();
  const contributions = contributionsTable(report, rowIdOf);
  return [sessionTable(report), contributions, votesTable(report, rowIdOf), suitesTable(suites), historyTable(suites)];
}
