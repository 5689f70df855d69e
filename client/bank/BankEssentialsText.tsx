import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankEssentials } from '../../shared/sessionSchemas.js';
import { api } from '../api.js';
import { useFormat } from '../format.js';

/** « L'essentiel » of the report as text: the numbers, then each canvas's top ideas (or where people wrote most). */
export function BankEssentialsText({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [data, setData] = useState<BankEssentials | null>(null);
  useEffect(() => {
    api.bankEssentials(sessionId).then(setData, () => setData(null));
  }, [sessionId]);
  if (!data) return null;
  return (
    <section className="bank-essentials" aria-labelledby="essentials-title">
      <h2 id="essentials-title">{t('report.essentials')}</h2>
      <ul className="key-figures">
        <li>
          <strong>{format.number(data.counts.people)}</strong> {t('report.figurePeople', { count: data.counts.people })}
        </li>
        <li>
          <strong>{format.number(data.counts.contributions)}</strong> {t('report.figureContributions', { count: data.counts.contributions })}
        </li>
        {data.counts.dots > 0 && (
          <li>
            <strong>{format.number(data.counts.dots)}</strong> {t('bank.figureDots', { count: data.counts.dots })}
          </li>
        )}
      </ul>
      <div className="essentials-canvases">
        {data.canvases.map((canvas) => (
          <article key={canvas.canvasId} className="essentials-canvas">
            <h3>{canvas.title}</h3>
            <p className="muted small">{t('bank.canvasContributions', { count: canvas.contributionCount })}</p>
            {canvas.busiestZones.length > 0 && (
              <p>
                <span className="muted">{t('report.busiestZones')}</span>{' '}
                {canvas.busiestZones.map((z) => `${z.label} (${format.number(z.count)})`).join(', ')}
              </p>
            )}
            {canvas.top.length > 0 && (
              <ol className="top-ideas">
                {canvas.top.map((idea, i) => (
                  <li key={i}>
                    {idea.text}
                    {idea.dots > 0 && <span className="muted"> · {t('report.dots', { count: idea.dots })}</span>}
                  </li>
                ))}
              </ol>
            )}
            {canvas.contributionCount === 0 && <p className="muted">{t('report.nothingWritten')}</p>}
          </article>
        ))}
      </div>
    </section>
  );
}
