import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../shared/templateApi.js';
import { useFormat } from '../format.js';

export function TemplateCard(props: {
  template: TemplateSummary;
  position: number | null;
  onToggle: () => void;
  onPreview: (opener: HTMLButtonElement) => void;
}) {
  const { template, position, onToggle, onPreview } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const selected = position !== null;
  return (
    <li className={`template-card${selected ? ' is-selected' : ''}`}>
      <button type="button" className="template-thumb" onClick={(e) => onPreview(e.currentTarget)}>
        <img src={template.previewUrl} alt="" loading="lazy" />
        <span className="visually-hidden">{t('templates.preview', { title: template.title })}</span>
      </button>
      <div className="template-card-body">
        <p className="template-phase">{template.phaseLabel}</p>
        <h3>{template.title}</h3>
        <p>{template.purpose}</p>
        <p className="muted small">
          {format.duration(template.durationMinutes.min, template.durationMinutes.max)}
          {' · '}
          {template.contributors.map((c) => t(`college.${c.college}.label`)).join(', ')}
        </p>
        <div className="row template-card-actions">
          <button type="button" aria-pressed={selected} className={selected ? '' : 'secondary'} onClick={onToggle}>
            {selected ? t('templates.selected', { position: position + 1 }) : t('templates.add')}
            <span className="visually-hidden"> {template.title}</span>
          </button>
          <button type="button" className="link-button neutral" onClick={(e) => onPreview(e.currentTarget)}>
            {t('templates.previewShort')}
            <span className="visually-hidden"> {template.title}</span>
          </button>
        </div>
      </div>
    </li>
  );
}
