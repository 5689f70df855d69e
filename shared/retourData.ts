/**
 * « Retour aux participant·es »: the one-page letter a town hall sends to the people of a workshop, telling
 * what became of their ideas. Built by the server from the anonymised report and the public suites, laid
 * out by the same report page and printed by the same renderer as the report.
 */
import type { ReportData } from './reportData.js';
import type { ReportLayout } from './reportPaper.js';
import type { PublicSuite } from './suites.js';

export interface RetourData {
  kind: 'retour';
  /** The workshop's title. */
  title: string;
  instanceName: string;
  date: string;
  territory: { name: string; echelon: string | null } | null;
  themes: string[];
  summary: string;
  participantsByCollege: Record<string, number>;
  counts: { people: number; contributions: number };
  /** Ordered as printed: done first, then under way, retained, under study, not retained. */
  suites: PublicSuite[];
  /** The last change to any suite (the letter's date), ISO; null without suites. */
  updatedAt: string | null;
  layout: ReportLayout;
}

/** Whatever the report page prints: a session's report, or its « Retour aux participant·es ». */
export type PrintedDocument = ReportData | RetourData;

/** What a printed document is, in its running header and its PDF subject. */
export const documentKindLabel = (doc: PrintedDocument) =>
  doc.kind === 'retour' ? 'Retour aux participant·es' : doc.project ? 'Démarche territoriale' : "Compte rendu d'atelier";
