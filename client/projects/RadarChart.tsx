import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CRITERIA, LEVELS, levelValue, type Assessment } from '../../shared/projects.js';

// Wider than tall: the labels of the side axes need room beside the chart.
const WIDTH = 580;
const HEIGHT = 440;
const CENTRE = { x: WIDTH / 2, y: HEIGHT / 2 + 6 };
const RADIUS = 135;

const point = (axis: number, value: number): [number, number] => {
  const angle = (Math.PI * 2 * axis) / CRITERIA.length - Math.PI / 2;
  const r = (RADIUS * value) / LEVELS.length;
  return [CENTRE.x + r * Math.cos(angle), CENTRE.y + r * Math.sin(angle)];
};

const polygon = (assessment: Assessment) =>
  CRITERIA.map((c, i) => point(i, levelValue(assessment.criteria[c.id]?.level ?? null)).join(',')).join(' ');

/** Words of a criterion's label, two lines at most, so the nine labels fit around the chart. */
function labelLines(label: string): string[] {
  const words = label.split(' ');
  if (label.length <= 16 || words.length === 1) return [label];
  const half = Math.ceil(words.length / 2);
  return [words.slice(0, half).join(' '), words.slice(half).join(' ')];
}

/** The grid as a nine-axis radar: the first assessment (dashed) under the latest (filled). */
export function RadarChart({ first, latest, dateOf }: { first: Assessment; latest: Assessment; dateOf: (iso: string) => string }) {
  const { t } = useTranslation();
  const id = useId();
  const same = first.id === latest.id;
  return (
    <figure className="radar">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{t('projects.radarTitle')}</title>
        <desc id={`${id}-desc`}>{t('projects.radarDesc')}</desc>
        {LEVELS.map((_, level) => (
          <polygon
            key={level}
            points={CRITERIA.map((_c, i) => point(i, level + 1).join(',')).join(' ')}
            fill="none"
            stroke="#d0d5dd"
            strokeWidth={1}
          />
        ))}
        {CRITERIA.map((c, i) => {
          const [x, y] = point(i, LEVELS.length);
          const [lx, ly] = point(i, LEVELS.length + 0.45);
          const anchor = Math.abs(lx - CENTRE.x) < 12 ? 'middle' : lx < CENTRE.x ? 'end' : 'start';
          const lines = labelLines(t(`projects.criteria.${c.id}`));
          return (
            <g key={c.id}>
              <line x1={CENTRE.x} y1={CENTRE.y} x2={x} y2={y} stroke="#d0d5dd" />
              <text x={lx} y={ly - (lines.length - 1) * 7} textAnchor={anchor} fontSize={13} fill="#344054">
                {lines.map((line, n) => (
                  <tspan key={n} x={lx} dy={n === 0 ? 4 : 15}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
        {!same && <polygon points={polygon(first)} fill="rgb(152 162 179 / 18%)" stroke="#667085" strokeWidth={2} strokeDasharray="6 4" />}
        <polygon points={polygon(latest)} fill="rgb(29 78 216 / 22%)" stroke="#1d4ed8" strokeWidth={2.5} />
      </svg>
      <figcaption className="radar__legend">
        {!same && (
          <span>
            <span className="radar__key radar__key--first" aria-hidden="true" /> {t('projects.firstAssessment')} ({dateOf(first.at)})
          </span>
        )}
        <span>
          <span className="radar__key radar__key--latest" aria-hidden="true" /> {t('projects.latestAssessment')} ({dateOf(latest.at)})
        </span>
      </figcaption>
    </figure>
  );
}
