import { useTranslation } from 'react-i18next';
import type { ReportCanvas, ReportContribution } from '../../shared/reportData.js';
import { CLOSE_UP_MM_PER_PX, READABLE_NOTE_MM, drawingAreaMm, type ReportLayout } from '../../shared/reportPaper.js';
import { CanvasView } from './CanvasView.js';
import { ContributionItem } from './ContributionItem.js';
import { PinsTable } from './PinsTable.js';
import { ZoneGridTable } from './ZoneGridTable.js';

/**
 * One canvas: the whole canvas on a page, then — when its notes are too small
 * there to read — close-ups where they read, then what was written, by zone
 * (or, for a grid template, as a table).
 */
export function CanvasSection({ canvas, layout, voteHeld }: { canvas: ReportCanvas; layout: ReportLayout; voteHeld: boolean }) {
  const { t } = useTranslation();
  const area = drawingAreaMm(layout);
  const fit = Math.min(area.w / Math.max(1, canvas.bounds.w), area.h / Math.max(1, canvas.bounds.h));
  const contributions: ReportContribution[] = [
    ...canvas.zones.flatMap((z) => z.contributions),
    ...canvas.unzoned,
    ...(canvas.grid?.groups.flatMap((g) => g.rows.flatMap((r) => r.cells.flat())) ?? []),
  ];
  const dots = new Map(contributions.map((c) => [c.id, c.dots]));
  const pins = new Map(canvas.pins.map((p) => [p.noteId, p.number]));
  const showCloseUps = !canvas.grid && 200 * fit < READABLE_NOTE_MM && canvas.closeUps.length > 0;
  return (
    <section className="report-canvas" aria-labelledby={`canvas-${canvas.canvasId}`}>
      <h2 id={`canvas-${canvas.canvasId}`}>{canvas.title}</h2>
      <p className="report-caption">
        {t('report.overview', { count: canvas.contributionCount })}
        {showCloseUps && ` ${t('report.closeUpsFollow')}`}
      </p>
      <CanvasView items={canvas.items} region={canvas.bounds} mmPerPx={fit} dots={dots} pins={pins} label={t('report.overviewLabel', { title: canvas.title })} />

      {showCloseUps && (
        <div className="report-closeups">
          {canvas.closeUps.map((c, i) => (
            <figure key={i} className="report-closeup">
              <figcaption>{t('report.closeUp', { title: canvas.title, zone: c.caption })}</figcaption>
              <CanvasView items={canvas.items} region={c.region} mmPerPx={CLOSE_UP_MM_PER_PX} dots={dots} pins={pins} label={c.caption} />
            </figure>
          ))}
        </div>
      )}

      {canvas.pins.length > 0 && <PinsTable pins={canvas.pins} title={canvas.title} />}

      {canvas.grid ? (
        <ZoneGridTable grid={canvas.grid} title={canvas.title} voteHeld={voteHeld} />
      ) : null}
      {(canvas.zones.length > 0 || canvas.unzoned.length > 0 || canvas.emptyZones.length > 0) && (
        <div className="report-contributions">
          <h3>{t('report.contributions', { title: canvas.title })}</h3>
          {canvas.zones.map((zone) => (
            <div key={zone.zoneId} className="report-zone">
              <h4>
                {zone.label}
                <span className="muted"> · {t('report.contributionCount', { count: zone.contributions.length })}</span>
                {voteHeld && <span className="dots"> · {t('report.dots', { count: zone.dots })}</span>}
              </h4>
              <ul>
                {zone.contributions.map((c) => (
                  <ContributionItem key={c.id} c={c} voteHeld={voteHeld} />
                ))}
              </ul>
            </div>
          ))}
          {canvas.unzoned.length > 0 && (
            <div className="report-zone">
              <h4>{canvas.zones.length > 0 || canvas.grid ? t('report.outsideZones') : t('report.allContributions')}</h4>
              <ul>
                {canvas.unzoned.map((c) => (
                  <ContributionItem key={c.id} c={c} voteHeld={voteHeld} />
                ))}
              </ul>
            </div>
          )}
          {canvas.emptyZones.length > 0 && (
            <p className="report-empty-zones">
              <strong>{t('report.withoutContribution')}</strong> {canvas.emptyZones.join(', ')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
