import { useTranslation } from 'react-i18next';
import { COLLEGES } from '../../shared/roles.js';
import { collegeHex } from '../session/collegeHex.js';

const NONE_HEX = '#495057';
const KEYS = [...COLLEGES, 'none'] as const;
const hex = (k: string) => (k === 'none' ? NONE_HEX : collegeHex[k as keyof typeof collegeHex]);

/** Who took part, by collège: one labelled bar each, lengths relative to the largest. */
export function CollegeBars({ counts }: { counts: Record<string, number> }) {
  const { t } = useTranslation();
  const present = COLLEGES.filter((c) => (counts[c] ?? 0) > 0);
  const max = Math.max(1, ...present.map((c) => counts[c]!));
  return (
    <table className="college-bars">
      <tbody>
        {present.map((c) => (
          <tr key={c}>
            <th scope="row">{t(`college.${c}.label`)}</th>
            <td className="bar-cell">
              <span className="bar" style={{ width: `${(100 * counts[c]!) / max}%`, background: collegeHex[c] }} />
            </td>
            <td className="num">{counts[c]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Dots on one idea, one coloured segment per collège (facilitators' own dots in dark grey). */
export function StackedDots({ byCollege, max }: { byCollege: Record<string, number>; max: number }) {
  const { t } = useTranslation();
  const parts = KEYS.filter((k) => (byCollege[k] ?? 0) > 0);
  const label = parts.map((k) => `${k === 'none' ? t('report.animation') : t(`college.${k}.label`)} ${byCollege[k]}`).join(', ');
  return (
    <span className="stacked" role="img" aria-label={label}>
      {parts.map((k) => (
        <span key={k} style={{ width: `${(100 * byCollege[k]!) / Math.max(1, max)}%`, background: hex(k) }} />
      ))}
    </span>
  );
}

/** The colour key of the vote bars. */
export function CollegeLegend({ withNone }: { withNone: boolean }) {
  const { t } = useTranslation();
  return (
    <p className="college-legend">
      {[...COLLEGES, ...(withNone ? ['none'] : [])].map((k) => (
        <span key={k}>
          <span className="swatch" style={{ background: hex(k) }} aria-hidden="true" />
          {k === 'none' ? t('report.animation') : t(`college.${k}.label`)}
        </span>
      ))}
    </p>
  );
}
