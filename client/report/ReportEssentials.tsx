import { useTranslation } from 'react-i18next';
import type { ReportCanvas, ReportData } from '../../shared/reportData.js';

const TOP_IDEAS = 5;
const BUSIEST_ZONES = 3;

/** Without a vote, where people wrote most says what the canvas was about. */
function BusiestZones({ canvas }: { canvas: ReportCanvas }) {
  const { t } = useTranslation();
  const zones = [...canvas.zones].sort((a, b) => b.contributions.length - a.contributions.length).slice(0, BUSIEST_ZONES);
  if (zones.length === 0) return <p className="muted">{t('report.nothingWritten')}</p>;
  return (
    <p>
      <span className="muted">{t('report.busiestZones')}</span> {zones.map((z) => `${z.label} (${z.contributions.length})`).join(', ')}
    </p>
  );
}

/** « L'essentiel »: the numbers, the ideas most supported, and each canvas in two or three lines. */
export function ReportEssentials({ data }: { data: ReportData }) {
  const { t } = useTranslation();
  const top = data.votes.slice(0, TOP_IDEAS);
  return (
    <section className="report-section report-essentials">
      <h2>{t('report.essentials')}</h2>
      <ul className="key-figures">
        <li>
          <strong>{data.counts.people}</strong> {t('report.figurePeople', { count: data.counts.people })}
        </li>
        <li>
          <strong>{data.counts.contributions}</strong> {t('report.figureContributions', { count: data.counts.contributions })}
        </li>
        {data.voteHeld && (
          <li>
            <strong>{data.counts.dots}</strong> {t('report.figureDots', { count: data.counts.dots, voters: data.counts.voters })}
          </li>
        )}
        <li>
          <strong>{data.canvases.length}</strong> {t('report.figureCanvases', { count: data.canvases.length })}
        </li>
      </ul>
      {data.carriedFrom && data.carriedFrom.length > 0 && (
        <p className="carried-summary">
          {data.carriedFrom.map((from) => t('report.startedFrom', { count: from.count, title: from.title })).join(' ')}
        </p>
      )}
      {top.length > 0 && (
        <>
          <h3>{t('report.topIdeas')}</h3>
          <ol className="top-ideas">
            {top.map((v) => (
              <li key={v.noteId}>
                <span className="contribution-text">{v.text || t('report.emptyNote')}</span>
                <span className="dots"> · {t('report.dots', { count: v.total })}</span>
                {v.canvasTitle && <span className="muted"> — {v.canvasTitle}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
      <h3>{t('report.byCanvas')}</h3>
      <div className="canvas-digest">
        {data.canvases.map((c) => (
          <div key={c.canvasId}>
            <h4>
              {c.title} <span className="muted">· {t('report.contributionCount', { count: c.contributionCount })}</span>
            </h4>
            {c.top.length > 0 ? (
              <ul>
                {c.top.map((idea) => (
                  <li key={idea.id}>
                    {idea.text || t('report.emptyNote')} <span className="dots">· {t('report.dots', { count: idea.dots })}</span>
                  </li>
                ))}
              </ul>
            ) : data.voteHeld ? (
              <p className="muted">{t('report.noDotsHere')}</p>
            ) : (
              <BusiestZones canvas={c} />
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
