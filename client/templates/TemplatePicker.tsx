import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../shared/templateApi.js';
import { PHASES, facetLabel } from '../../shared/taxonomy.js';
import { TemplateCard } from './TemplateCard.js';
import { TemplatePreview } from './TemplatePreview.js';

/** The library at full width: filter by phase, preview a canvas, pick canvases in the order the workshop runs them. */
export function TemplatePicker(props: { templates: TemplateSummary[]; selected: string[]; onToggle: (id: string) => void }) {
  const { templates, selected, onToggle } = props;
  const { t, i18n } = useTranslation();
  const [phase, setPhase] = useState('');
  const [previewed, setPreviewed] = useState<TemplateSummary | null>(null);
  const shown = phase ? templates.filter((tpl) => tpl.phase === phase) : templates;
  const counts = new Map<string, number>(PHASES.map((p) => [p.id, templates.filter((tpl) => tpl.phase === p.id).length]));
  const opener = useRef<HTMLElement | null>(null);
  return (
    <div className="template-picker">
      <div className="phase-filter" role="group" aria-label={t('templates.phaseFilter')}>
        {['', ...PHASES.map((p) => p.id)].map((id) => (
          <button key={id || 'all'} type="button" className={phase === id ? '' : 'secondary'} aria-pressed={phase === id} onClick={() => setPhase(id)}>
            {id ? facetLabel(PHASES, id, i18n.language) : t('templates.allPhases')}
            <span className="phase-count"> {id ? counts.get(id) : templates.length}</span>
          </button>
        ))}
      </div>
      <ul className="template-grid">
        {shown.map((template) => (
          <TemplateCard
            key={template.id}
            template={template}
            position={selected.includes(template.id) ? selected.indexOf(template.id) : null}
            onToggle={() => onToggle(template.id)}
            onPreview={(button) => {
              opener.current = button;
              setPreviewed(template);
            }}
          />
        ))}
      </ul>
      {previewed && (
        <TemplatePreview
          template={previewed}
          selected={selected.includes(previewed.id)}
          onToggle={() => onToggle(previewed.id)}
          onClose={() => {
            setPreviewed(null);
            opener.current?.focus();
          }}
        />
      )}
    </div>
  );
}
