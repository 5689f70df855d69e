import { useTranslation } from 'react-i18next';
import type { ReportStep } from '../../shared/reportData.js';

/** The déroulé as it ran: the steps reached, the time really spent beside the time planned. */
export function StepsRun({ steps }: { steps: ReportStep[] }) {
  const { t } = useTranslation();
  return (
    <section className="report-section report-steps">
      <h2>{t('report.steps')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('report.step')}</th>
            <th scope="col" className="num">{t('report.spent')}</th>
            <th scope="col" className="num">{t('report.planned')}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step, i) => (
            <tr key={i}>
              <td>
                {i + 1}. {step.title}
              </td>
              <td className="num">
                {step.minutes !== null ? t('report.minutes', { count: step.minutes }) : step.current ? t('report.lastStep') : '—'}
              </td>
              <td className="num muted">{step.plannedMinutes !== null ? t('report.minutes', { count: step.plannedMinutes }) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
