import { useTranslation } from 'react-i18next';
import type { ReportPin } from '../../shared/reportData.js';

/** Degrees with five decimals (about a metre) and their hemisphere, in the reader's number format. */
function degrees(value: number, positive: string, negative: string, locale: string): string {
  const formatted = new Intl.NumberFormat(locale, { minimumFractionDigits: 5, maximumFractionDigits: 5 }).format(Math.abs(value));
  return `${formatted}° ${value >= 0 ? positive : negative}`;
}

/** The places named on a map background: each pin's number on the drawing, what was written, where. */
export function PinsTable({ pins, title }: { pins: ReportPin[]; title: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="report-pins">
      <h3>{t('report.pinsTitle', { title })}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('report.pinNumber')}</th>
            <th scope="col">{t('report.pinText')}</th>
            <th scope="col">{t('report.pinZone')}</th>
            <th scope="col">{t('report.pinPlace')}</th>
          </tr>
        </thead>
        <tbody>
          {pins.map((pin) => (
            <tr key={pin.noteId}>
              <td className="pin-number">{pin.number}</td>
              <td>
                {pin.text}
                {pin.college && <span className="muted"> — {t(`college.${pin.college}.label`)}</span>}
              </td>
              <td>{pin.zone ?? '—'}</td>
              <td className="pin-place">
                {degrees(pin.lat, t('report.north'), t('report.south'), i18n.language)}, {degrees(pin.lng, t('report.east'), t('report.west'), i18n.language)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
