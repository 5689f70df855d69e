import type { ReportData } from '../../shared/reportData.js';
import { CanvasSection } from './CanvasSection.js';
import { ProjectReportDocument } from './ProjectReportDocument.js';
import { ReportCover } from './ReportCover.js';
import { ReportEssentials } from './ReportEssentials.js';
import { StepsRun } from './StepsRun.js';
import { VoteResults } from './VoteResults.js';

/** The printable report: cover, « L'essentiel », one section per canvas, the vote, the déroulé as it ran. */
export function ReportDocument({ data }: { data: ReportData }) {
  if (data.project) return <ProjectReportDocument data={data} report={data.project} />;
  return (
    <article className={`report paper-${data.layout.paper} ${data.layout.orientation}`} lang="fr">
      <ReportCover data={data} />
      <ReportEssentials data={data} />
      {data.canvases.map((canvas) => (
        <CanvasSection key={canvas.canvasId} canvas={canvas} layout={data.layout} voteHeld={data.voteHeld} />
      ))}
      {data.voteHeld && <VoteResults data={data} />}
      {data.steps.length > 0 && <StepsRun steps={data.steps} />}
    </article>
  );
}
