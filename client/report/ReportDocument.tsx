import { useTranslation } from 'react-i18next';
import type { ReportContribution, ReportData } from '../../shared/reportData.js';

const COLLEGE_KEYS = ['elu', 'agent', 'habitant', 'partenaire', 'autre'];

function Contribution({ c, voteHeld }: { c: ReportContribution; voteHeld: boolean }) {
  const { t } = useTranslation();
  const who = [c.author, c.college ? t(`college.${c.college}.label`) : null].filter(Boolean).join(', ');
  return (
    <li>
      <span className="contribution-text">{c.text || t('report.emptyNote')}</span>
      {who && <span className="muted"> — {who}</span>}
      {voteHeld && <span className="dots"> · {t('report.dots', { count: c.dots })}</span>}
    </li>
  );
}

/** The printable report: cover, déroulé, one section per canvas, vote results. */
export function ReportDocument({ data, svgs }: { data: ReportData; svgs: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date(data.date));
  const total = Object.values(data.participantsByCollege).reduce((a, b) => a + b, 0);
  return (
    <article className={`report paper-${data.paper}`}>
      <section className="report-cover">
        <p className="report-kicker">{t('report.kicker')}</p>
        <h1>{data.title}</h1>
        <dl>
          <dt>{t('report.date')}</dt>
          <dd>{date}</dd>
          {data.territory && (
            <>
              <dt>{t('report.territory')}</dt>
              <dd>{data.territory}</dd>
            </>
          )}
          {data.themes.length > 0 && (
            <>
              <dt>{t('report.themes')}</dt>
              <dd>{data.themes.join(', ')}</dd>
            </>
          )}
          {data.facilitators.length > 0 && (
            <>
              <dt>{t('report.facilitation')}</dt>
              <dd>{data.facilitators.join(', ')}</dd>
            </>
          )}
          <dt>{t('report.participants')}</dt>
          <dd>
            {t('report.participantCount', { count: total })}
            {total > 0 && ' : '}
            {COLLEGE_KEYS.filter((c) => data.participantsByCollege[c])
              .map((c) => `${t(`college.${c}.label`)} ${data.participantsByCollege[c]}`)
              .join(', ')}
          </dd>
        </dl>
      </section>

      {data.steps.length > 0 && (
        <section className="report-section">
          <h2>{t('report.steps')}</h2>
          <ol>
            {data.steps.map((step, i) => (
              <li key={i}>
                {step.title}
                {step.minutes !== null && <span className="muted"> — {t('report.minutes', { count: step.minutes })}</span>}
              </li>
            ))}
          </ol>
        </section>
      )}

      {data.canvases.map((canvas) => (
        <section key={canvas.canvasId} className="report-canvas">
          <h2>{canvas.title}</h2>
          <div className="canvas-figure" dangerouslySetInnerHTML={{ __html: svgs[canvas.canvasId] ?? '' }} />
          <div className="report-contributions">
            <h3>{t('report.contributions', { title: canvas.title })}</h3>
            {canvas.zones.map((zone) => (
              <div key={zone.zoneId} className="report-zone">
                <h4>
                  {zone.label}
                  {data.voteHeld && <span className="dots"> · {t('report.dots', { count: zone.dots })}</span>}
                </h4>
                {zone.contributions.length === 0 ? (
                  <p className="muted">{t('report.noContribution')}</p>
                ) : (
                  <ul>
                    {zone.contributions.map((c) => (
                      <Contribution key={c.id} c={c} voteHeld={data.voteHeld} />
                    ))}
                  </ul>
                )}
              </div>
            ))}
            {canvas.unzoned.length > 0 && (
              <div className="report-zone">
                <h4>{canvas.zones.length > 0 ? t('report.outsideZones') : t('report.allContributions')}</h4>
                <ul>
                  {canvas.unzoned.map((c) => (
                    <Contribution key={c.id} c={c} voteHeld={data.voteHeld} />
                  ))}
                </ul>
              </div>
            )}
          </div>
        </section>
      ))}

      {data.voteHeld && (
        <section className="report-section">
          <h2>{t('report.votes')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('report.rank')}</th>
                <th scope="col">{t('report.idea')}</th>
                <th scope="col">{t('report.total')}</th>
                {COLLEGE_KEYS.map((c) => (
                  <th key={c} scope="col">
                    {t(`college.${c}.label`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.votes.map((v, i) => (
                <tr key={v.noteId}>
                  <td>{i + 1}</td>
                  <td>{v.text}</td>
                  <td>{v.total}</td>
                  {COLLEGE_KEYS.map((c) => (
                    <td key={c}>{v.byCollege[c] ?? 0}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </article>
  );
}
