/**
 * The running header and the footer Chromium prints on every page. They are
 * rendered apart from the document, without its fonts or styles, so every
 * style is inline, and text from the session is escaped.
 */
import { documentKindLabel, type PrintedDocument } from '../../shared/retourData.js';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const longDate = (iso: string) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));

const row = 'font-family:"DejaVu Sans",sans-serif;font-size:7.5pt;color:#444;width:100%;margin:0 12mm;display:flex;justify-content:space-between;gap:8mm';

export function headerTemplate(data: PrintedDocument): string {
  const title = escapeHtml(data.title.length > 90 ? `${data.title.slice(0, 89)}…` : data.title);
  return `<div style='${row};border-bottom:0.5pt solid #bbb;padding-bottom:1.5mm'><span>${title}</span><span>${escapeHtml(documentKindLabel(data))} · ${escapeHtml(longDate(data.date))}</span></div>`;
}

export function footerTemplate(data: PrintedDocument): string {
  return `<div style='${row}'><span>${escapeHtml(data.instanceName)}</span><span>Page <span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;
}
