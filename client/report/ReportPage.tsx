import { Component, useEffect, useState, type ReactNode } from 'react';
import { sansFontUrls } from '../board/sansFontUrls.js';
import i18n from '../i18n/i18n.js';
import type { PrintedDocument } from '../../shared/retourData.js';
import { ReportDocument } from './ReportDocument.js';
import { RetourDocument } from './RetourDocument.js';
import './report.css';

type Outcome = 'ready' | 'cleared' | `error: ${string}`;
type ReportWindow = Window & { trameRenderReport?: (data: PrintedDocument | null) => Promise<Outcome> };

/** The report's typeface, served by Trame itself and embedded by Chromium in the PDF. */
async function loadFonts(): Promise<void> {
  const faces = [new FontFace('Report Sans', `url(${sansFontUrls.regular})`, { weight: '400' }), new FontFace('Report Sans', `url(${sansFontUrls.bold})`, { weight: '700' })];
  for (const face of faces) document.fonts.add(await face.load());
}

class RenderBoundary extends Component<{ onError: (e: Error) => void; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch(error: Error) {
    this.props.onError(error);
  }
  render() {
    return this.state.failed ? null : this.props.children;
  }
}

interface Job {
  id: number;
  data: PrintedDocument;
  done: (outcome: Outcome) => void;
}

/**
 * The page the server's Chromium keeps open (`/rapport-rendu`): the renderer
 * hands it a report's (or a « Retour aux participant·es »') data through `window.trameRenderReport`, which resolves
 * once the document is laid out with its fonts, and prints it.
 */
export function ReportPage() {
  const [job, setJob] = useState<Job | null>(null);

  useEffect(() => {
    const fonts = loadFonts();
    (window as ReportWindow).trameRenderReport = async (data) => {
      await fonts;
      if (!data) {
        setJob(null);
        return 'cleared';
      }
      if (!i18n.language.startsWith('fr')) await i18n.changeLanguage('fr');
      document.title = data.title;
      // Chromium writes the document's language into the tagged PDF (/Lang).
      document.documentElement.lang = 'fr';
      return new Promise<Outcome>((done) => setJob((last) => ({ id: (last?.id ?? 0) + 1, data, done })));
    };
    return () => {
      delete (window as ReportWindow).trameRenderReport;
    };
  }, []);

  useEffect(() => {
    if (!job) return;
    // Two frames: React has committed and the browser has laid the document out.
    requestAnimationFrame(() => requestAnimationFrame(() => job.done('ready')));
  }, [job]);

  if (!job) return null;
  return (
    <RenderBoundary key={job.id} onError={(e) => job.done(`error: ${e.message}`)}>
      {job.data.kind === 'retour' ? <RetourDocument data={job.data} /> : <ReportDocument data={job.data} />}
    </RenderBoundary>
  );
}
