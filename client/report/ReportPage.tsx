import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { ReportData } from '../../shared/reportData.js';
import { ReportDocument } from './ReportDocument.js';
import './report.css';
import { apiPaths, queryString } from '../../shared/paths.js';

const CanvasSvgRenderer = lazy(() =>
  import('../board/CanvasSvgRenderer.js').then((m) => ({ default: m.CanvasSvgRenderer })),
);

type ReportWindow = Window & { trameReport?: string };

/**
 * The page Chromium prints: it fetches the report's data, has tldraw draw
 * each canvas, then tells the renderer it is ready (`window.trameReport`).
 */
export function ReportPage({ sessionId }: { sessionId: string }) {
  const renderToken = new URLSearchParams(window.location.search).get('rendu') ?? '';
  const [data, setData] = useState<ReportData | null>(null);
  const [svgs, setSvgs] = useState<Record<string, string> | null>(null);
  const fail = useCallback((error: Error) => {
    (window as ReportWindow).trameReport = `error: ${error.message}`;
  }, []);

  useEffect(() => {
    fetch(`${apiPaths.sessionReportData(sessionId)}${queryString({ rendu: renderToken })}`)
      .then((res) => (res.ok ? res.json() : Promise.reject(new Error(`report data ${res.status}`))))
      .then(setData, fail);
  }, [sessionId, renderToken, fail]);

  useEffect(() => {
    if (!data || !svgs) return;
    void document.fonts.ready.then(() => {
      (window as ReportWindow).trameReport = 'ready';
    });
  }, [data, svgs]);

  if (!data) return null;
  return (
    <>
      {!svgs && (
        <Suspense fallback={null}>
          <CanvasSvgRenderer
            sessionId={sessionId}
            params={{ rendu: renderToken }}
            canvases={data.canvases}
            onRendered={setSvgs}
            onError={fail}
          />
        </Suspense>
      )}
      {svgs && <ReportDocument data={data} svgs={svgs} />}
    </>
  );
}
