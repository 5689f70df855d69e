/**
 * The report's page geometry, shared by the server (which cuts canvases into
 * close-ups that fit a page) and the report page (which draws them).
 * Millimetres throughout; board distances are tldraw page pixels.
 */
export type Paper = 'A4' | 'A3';
export type Orientation = 'portrait' | 'landscape';

export interface ReportLayout {
  paper: Paper;
  orientation: Orientation;
}

const SHEETS_MM: Record<Paper, { w: number; h: number }> = { A4: { w: 210, h: 297 }, A3: { w: 297, h: 420 } };

/** Page margins: the running header and the page numbers sit in the top and bottom ones. */
export const REPORT_MARGINS_MM = { top: 16, bottom: 14, side: 12 } as const;

/** Height a drawing may take on its page, below the section heading and caption. */
const HEADING_ALLOWANCE_MM = 22;

/**
 * Scale of a close-up: a 200 px note is 17 mm wide, room for notes of 60
 * characters at 7.5 pt. Below it a note's text is not printed (it would be
 * under 7 pt); the close-ups carry it.
 */
export const CLOSE_UP_MM_PER_PX = 0.085;
export const READABLE_NOTE_MM = 15;

export function sheetMm(layout: ReportLayout): { w: number; h: number } {
  const sheet = SHEETS_MM[layout.paper];
  return layout.orientation === 'portrait' ? sheet : { w: sheet.h, h: sheet.w };
}

/** Room for a drawing on one page, in millimetres. */
/** The part of a page the document fills, between the margins. */
export function printableAreaMm(layout: ReportLayout): { w: number; h: number } {
  const sheet = sheetMm(layout);
  return { w: sheet.w - 2 * REPORT_MARGINS_MM.side, h: sheet.h - REPORT_MARGINS_MM.top - REPORT_MARGINS_MM.bottom };
}

export function drawingAreaMm(layout: ReportLayout): { w: number; h: number } {
  const sheet = sheetMm(layout);
  return {
    w: sheet.w - 2 * REPORT_MARGINS_MM.side,
    h: sheet.h - REPORT_MARGINS_MM.top - REPORT_MARGINS_MM.bottom - HEADING_ALLOWANCE_MM,
  };
}

/** The largest board region a close-up can show on one page. */
export function closeUpMaxPx(layout: ReportLayout): { w: number; h: number } {
  const area = drawingAreaMm(layout);
  return { w: Math.floor(area.w / CLOSE_UP_MM_PER_PX), h: Math.floor(area.h / CLOSE_UP_MM_PER_PX) };
}
