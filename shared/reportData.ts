/** What the PDF report of a session shows, built by the server and laid out by the report page. */
export interface ReportContribution {
  id: string;
  text: string;
  college: string | null;
  /** The author's pseudonym; null in an anonymised report. */
  author: string | null;
  dots: number;
}

export interface ReportZone {
  zoneId: string;
  label: string;
  dots: number;
  contributions: ReportContribution[];
}

export interface ReportCanvas {
  canvasId: string;
  title: string;
  /** Page-space bounds of the canvas, for the board rendering. */
  bounds: { x: number; y: number; w: number; h: number };
  shapeIds: string[];
  zones: ReportZone[];
  /** Notes on the canvas but outside every zone. */
  unzoned: ReportContribution[];
}

export interface ReportVoteResult {
  noteId: string;
  text: string;
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
  title: string;
  date: string;
  territory: string | null;
  themes: string[];
  facilitators: string[];
  participantsByCollege: Record<string, number>;
  steps: ReportStep[];
  canvases: ReportCanvas[];
  voteHeld: boolean;
  votes: ReportVoteResult[];
  paper: 'A4' | 'A3';
  anonymous: boolean;
}
