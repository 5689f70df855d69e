/** What the PDF report of a session shows, built by the server and laid out by the report page. */
import type { Assessment, JourneyWorkshop } from './projects.js';
import type { ReportLayout } from './reportPaper.js';

export interface ReportContribution {
  id: string;
  text: string;
  college: string | null;
  /** The author's pseudonym; null in an anonymised report. */
  author: string | null;
  dots: number;
  /** The title of the earlier workshop of the project the note was carried from. */
  carriedFrom?: string | null;
}

export interface ReportZone {
  zoneId: string;
  label: string;
  dots: number;
  contributions: ReportContribution[];
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What a canvas drawing is made of, in board pixels; tldraw colour names. */
export type DrawingItem =
  | { kind: 'zone'; box: Box; outline: 'rectangle' | 'ellipse'; color: string; label: string; hint: string; align: 'start' | 'middle'; fontPx: number }
  | { kind: 'text'; box: Box; text: string; color: string; align: 'start' | 'middle' | 'end'; fontPx: number }
  | { kind: 'shape'; box: Box; text: string; color: string; outline: 'rectangle' | 'ellipse' }
  | { kind: 'arrow'; from: { x: number; y: number }; to: { x: number; y: number }; color: string; dashed: boolean; head: boolean }
  | { kind: 'note'; id: string; box: Box; text: string; color: string }
  /** `src` is a data: URL: the render page may load nothing, and a board's images need a token. */
  | { kind: 'image'; box: Box; src: string };

/** A part of a canvas drawn at a readable scale: one cluster of notes in a zone, or a piece of one. */
export interface CloseUp {
  caption: string;
  region: Box;
}

/** A template whose zones form a grid (criteria × levels), printed as a table. */
export interface ReportGrid {
  columns: string[];
  groups: { label: string | null; rows: { label: string; cells: ReportContribution[][] }[] }[];
}

/** A note placed on a map background: numbered on the drawing, listed with its coordinates. */
export interface ReportPin {
  number: number;
  noteId: string;
  text: string;
  zone: string | null;
  college: string | null;
  /** WGS 84 degrees. */
  lat: number;
  lng: number;
}

export interface ReportCanvas {
  canvasId: string;
  title: string;
  /** The drawn part of the canvas (without its title and instructions), board pixels. */
  bounds: Box;
  items: DrawingItem[];
  closeUps: CloseUp[];
  /** Zones with contributions, most supported first when a vote was held. */
  zones: ReportZone[];
  /** Labels of the zones nobody wrote in, folded into one line. */
  emptyZones: string[];
  /** Notes on the canvas but outside every zone. */
  unzoned: ReportContribution[];
  grid: ReportGrid | null;
  /** Its two or three most supported ideas (by dots), when a vote was held. */
  top: ReportContribution[];
  contributionCount: number;
  /** Notes on a map background, numbered north to south (empty without a map). */
  pins: ReportPin[];
}

export interface ReportVoteResult {
  noteId: string;
  /** Equal totals share a rank (1, 2, 2, 4). */
  rank: number;
  text: string;
  canvasTitle: string | null;
  total: number;
  byCollege: Record<string, number>;
}

/** A step of the déroulé as it ran. */
export interface ReportStep {
  title: string;
  /** What the déroulé planned, if it said. */
  plannedMinutes: number | null;
  /** Time really spent in the step, all its runs added up; null while it runs or when it was not recorded. */
  minutes: number | null;
  /** The step the workshop is on (or ended on). */
  current: boolean;
}

export interface ReportData {
  kind: 'report';
  title: string;
  /** The Trame instance that produced it (PDF author). */
  instanceName: string;
  date: string;
  territory: { name: string; echelon: string | null } | null;
  format: string | null;
  phase: string | null;
  themes: string[];
  publics: string[];
  summary: string;
  facilitators: string[];
  participantsByCollege: Record<string, number>;
  counts: { people: number; contributions: number; dots: number; voters: number };
  steps: ReportStep[];
  canvases: ReportCanvas[];
  voteHeld: boolean;
  votes: ReportVoteResult[];
  layout: ReportLayout;
  anonymous: boolean;
  /** The earlier workshops of the project whose ideas this one started from, and how many of each. */
  carriedFrom?: { title: string; count: number }[];
  /** Set on a project's report (« démarche »): the journey across workshops replaces a workshop's canvases. */
  project?: ProjectReport;
}

/** A project's report: its workshops by journey phase with their essentials, and its characterisation over time. */
export interface ProjectReport {
  description: string;
  partners: string[];
  workshops: (JourneyWorkshop & { phaseLabel: string | null })[];
  first: Assessment | null;
  latest: Assessment | null;
  assessmentCount: number;
}
