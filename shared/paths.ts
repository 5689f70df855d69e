/**
 * Every URL both sides use, built in one place: the API's routes, the board's WebSocket, socket.io, and the
 * pages people open, share, print or scan. These addresses are public (bookmarks, QR codes, printed join
 * links, the reverse proxy's rules): change none of them without a redirect.
 */

const seg = (value: string) => encodeURIComponent(value);

/** `?a=1&b=2` from the defined, non-empty values; '' when there are none. */
export function queryString(query: Record<string, string | number | undefined>): string {
  const pairs = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${seg(key)}=${seg(String(value))}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

export const API_PREFIX = '/api';
export const SOCKET_IO_PATH = '/socket.io';
/** The Yjs sync endpoint; a board's socket is `/yjs/<boardId>` (y-websocket appends the room name). */
export const YJS_PATH = '/yjs';

export const yjsBoardPath = (boardId: string) => `${YJS_PATH}/${seg(boardId)}`;
/**
 * A board socket's query parameter saying which view it feeds: `vue=liste` (a phone's list of ideas) draws no
 * cursor, so the server sends it none — in a room of 2,000 they were most of what a phone received.
 */
export const BOARD_VIEW_PARAM = 'vue';
export const LIST_VIEW = 'liste';

const session = (id: string) => `${API_PREFIX}/sessions/${seg(id)}`;
const bankEntry = (id: string) => `${API_PREFIX}/bank/${seg(id)}`;
const project = (id: string) => `${API_PREFIX}/projects/${seg(id)}`;

/** API routes, as the client calls them; the server mounts its routers on the prefixes. */
export const apiPaths = {
  config: `${API_PREFIX}/config`,
  health: `${API_PREFIX}/health`,
  templates: `${API_PREFIX}/templates`,
  templatePreview: (templateId: string) => `${API_PREFIX}/templates/${seg(templateId)}/preview.svg`,
  sessions: `${API_PREFIX}/sessions`,
  sessionImport: `${API_PREFIX}/sessions/import`,
  session,
  sessionCanvases: (id: string) => `${session(id)}/canvases`,
  sessionCanvas: (id: string, canvasId: string) => `${session(id)}/canvases/${seg(canvasId)}`,
  sessionDuplicate: (id: string) => `${session(id)}/duplicate`,
  sessionMe: (id: string) => `${session(id)}/me`,
  /** « Supprimer mes contributions », with the participant's own token. */
  sessionMyContributions: (id: string) => `${session(id)}/me/contributions`,
  sessionParticipants: (id: string) => `${session(id)}/participants`,
  sessionParticipant: (id: string, participantId: string) => `${session(id)}/participants/${seg(participantId)}`,
  sessionLinks: (id: string) => `${session(id)}/links`,
  sessionQr: (id: string) => `${session(id)}/qr.svg`,
  sessionReportPdf: (id: string) => `${session(id)}/report.pdf`,
  sessionReportData: (id: string) => `${session(id)}/report-data`,
  sessionContributionsCsv: (id: string) => `${session(id)}/contributions.csv`,
  sessionArchive: (id: string) => `${session(id)}/archive`,
  sessionBoardRepair: (id: string) => `${session(id)}/board/repair`,
  sessionSuites: (id: string) => `${session(id)}/suites`,
  sessionSuite: (id: string, suiteId: string) => `${session(id)}/suites/${seg(suiteId)}`,
  sessionSuiteStatus: (id: string, suiteId: string) => `${session(id)}/suites/${seg(suiteId)}/status`,
  sessionMySuites: (id: string) => `${session(id)}/suites/mine`,
  sessionDecidimCsv: (id: string) => `${session(id)}/export/decidim.csv`,
  sessionDecidimJson: (id: string) => `${session(id)}/export/decidim.json`,
  /** Decidim's meeting closing report: `md` to paste or file, `json` with the fields of its closing form. */
  sessionDecidimMeeting: (id: string, format: 'md' | 'json') => `${session(id)}/export/decidim-meeting.${format}`,
  sessionDataPackage: (id: string) => `${session(id)}/export/datapackage.zip`,
  /** « Retour aux participant·es »: the one-page PDF of what became of the ideas. */
  sessionRetourPdf: (id: string) => `${session(id)}/export/retour.pdf`,
  sessionAssets: (id: string) => `${session(id)}/assets`,
  /** What a board record holds for an uploaded image (shared/assetUrls.ts recognises it). */
  sessionAsset: (id: string, assetId: string) => `${session(id)}/assets/${seg(assetId)}`,
  sessionPins: (id: string) => `${session(id)}/export/pins.geojson`,
  /** The territory's map: where its tiles are (`MapInfo`), and the PMTiles file itself. */
  map: `${API_PREFIX}/map`,
  mapTiles: `${API_PREFIX}/map/tiles.pmtiles`,
  bank: `${API_PREFIX}/bank`,
  bankEntry,
  bankReportPdf: (id: string) => `${bankEntry(id)}/report.pdf`,
  /** The report's essentials as text (counts, top ideas by canvas). */
  bankEssentials: (id: string) => `${bankEntry(id)}/essentials`,
  /** The anonymised copy of a published board (server/bank). */
  bankBoard: (id: string) => `${bankEntry(id)}/board`,
  bankSuites: (id: string) => `${bankEntry(id)}/suites`,
  /** A published project (« démarche ») with its workshops. */
  bankProject: (id: string) => `${API_PREFIX}/bank/projects/${seg(id)}`,
  projects: `${API_PREFIX}/projects`,
  project,
  projectSessions: (id: string) => `${project(id)}/sessions`,
  projectCarryOver: (id: string, sessionId: string) => `${project(id)}/sessions/${seg(sessionId)}/carry-over`,
  projectCharacterisation: (id: string) => `${project(id)}/characterisation`,
  projectJourney: (id: string) => `${project(id)}/journey`,
  projectSessionIdeas: (id: string, sessionId: string) => `${project(id)}/sessions/${seg(sessionId)}/ideas`,
  projectGridProposals: (id: string, sessionId: string) => `${project(id)}/sessions/${seg(sessionId)}/grid-proposals`,
  projectReportPdf: (id: string) => `${project(id)}/report.pdf`,
  projectArchive: (id: string) => `${project(id)}/archive`,
  projectImport: `${API_PREFIX}/projects/import`,
  join: `${API_PREFIX}/join`,
  joinCode: (code: string) => `${API_PREFIX}/join/${seg(code)}`,
} as const;

/**
 * The built page served on a participant's way to a board: the same application as every other page, with the code
 * of a phone's list of ideas asked for from the start (while the person types a pseudonym, on the join page).
 */
export const BOARD_PAGE_HTML = 'board.html';
/** Route patterns of `pagePaths.join` and `pagePaths.session`, which the server answers with BOARD_PAGE_HTML. */
export const BOARD_PAGE_ROUTES = ['/rejoindre', '/rejoindre/:code', '/s/:sessionId'];

/** The pages of the single-page app (the client's router reads the same shapes). */
export const pagePaths = {
  home: '/',
  /** « Nouvel atelier »: title, canvases from the library, order, create. */
  newWorkshop: '/nouvel-atelier',
  join: (code?: string) => (code ? `/rejoindre/${seg(code)}` : '/rejoindre'),
  session: (id: string) => `/s/${seg(id)}`,
  sessionSheet: (id: string) => `/s/${seg(id)}/fiche`,
  sessionProjection: (id: string) => `/s/${seg(id)}/projeter`,
  /** The room view the facilitator casts on the projector. */
  sessionRoomView: (id: string) => `/s/${seg(id)}/salle`,
  project: (id: string) => `/demarches/${seg(id)}`,
  bank: '/banque',
  bankEntry: (id: string) => `/banque/${seg(id)}`,
  bankProject: (id: string) => `/banque/demarches/${seg(id)}`,
  /** The page the server's Chromium keeps open to print reports (handed their data, never a board). */
  reportRender: '/rapport-rendu',
} as const;
