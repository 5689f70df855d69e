import { PDFDocument } from 'pdf-lib';
import type { ReportData } from '../../shared/reportData.js';

/**
 * Chromium writes only the title into a PDF's metadata; a report filed by a
 * town hall also says what it is, who produced it and its language.
 */
export async function withMetadata(pdf: Uint8Array, data: ReportData): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setTitle(data.title, { showInWindowTitleBar: true });
  doc.setSubject(`Compte rendu d'atelier${data.territory ? ` — ${data.territory.name}` : ''} — ${data.date}`);
  doc.setAuthor(data.instanceName);
  doc.setCreator('Trame');
  doc.setLanguage('fr-FR');
  doc.setKeywords(['compte rendu', 'atelier', ...data.themes]);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
