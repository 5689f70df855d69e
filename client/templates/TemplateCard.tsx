import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../shared/templateApi.js';

export function TemplateCard(props: { template: TemplateSummary; position: number | null; onToggle: () => void }) {
  const { template, position, onToggle } = props;
  const { t } = useTranslation();
  const selected = position !== null;
  return (
    <li className={`template-card${selected ? ' is-selected' : ''}`}>
      <img src={template.previewUrl} alt="" loading="lazy" />
      <div className="template-card-body">
        <p className="template-phase">{template.phaseLabel}</p>
        <h3>{template.title}</h3>
        <p>{template.purpose}</p>
        <p className="muted small">
          {t('templates.duration', { min: template.durationMinutes.min, max: template.durationMinutes.max })}
          {' · '}
          {template.contributors.map((c) => t(`college.${c.college}.label`)).join(', ')}
        </p>
        <button type="button" aria-pressed={selected} className={selected ? '' : 'secondary'} onClick={onToggle}>
          {selected ? t('templates.selected', { position: position + 1 }) : t('templates.add')}
          <span className="visually-hidden"> {template.title}</span>
        </button>
      </div>
    </li>
  );
}
