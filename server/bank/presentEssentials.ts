import type { ReportData } from '../../shared/reportData.js';
import type { BankEssentials } from '../../shared/sessionSchemas.js';

const TOP_IDEAS = 3;
const BUSIEST_ZONES = 3;

/** The essentials of a published workshop's report: numbers, and each canvas's top ideas and busiest zones, as text. */
export function presentEssentials(data: ReportData): BankEssentials {
  return {
    counts: { people: data.counts.people, contributions: data.counts.contributions, dots: data.counts.dots },
    canvases: data.canvases.map((canvas) => ({
      canvasId: canvas.canvasId,
      title: canvas.title,
      contributionCount: canvas.contributionCount,
      // Without a vote nothing ranks ideas: a few from where people wrote most stand for the canvas.
      top: (data.voteHeld
        ? canvas.top
        : [...canvas.zones].sort((a, b) => b.contributions.length - a.contributions.length).flatMap((z) => z.contributions).concat(canvas.unzoned)
      )
        .filter((idea) => idea.text.trim())
        .slice(0, TOP_IDEAS)
        .map((idea) => ({ text: idea.text, dots: idea.dots })),
      busiestZones: canvas.zones
        .map((zone) => ({ label: zone.label, count: zone.contributions.length }))
        .filter((zone) => zone.count > 0)
        .sort((a, b) => b.count - a.count)
        .slice(0, BUSIEST_ZONES),
    })),
  };
}
