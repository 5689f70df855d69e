import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../shared/templateApi.js';
import { PHASES, facetLabel } from '../../shared/taxonomy.js';
import { api } from '../api.js';
import { useErrorMessage } from '../useErrorMessage.js';
import { TemplateCard } from './TemplateCard.js';
import { TemplateImport } from './TemplateImport.js';

/** The library: filter by phase, pick canvases in the order the workshop will run them. */
export function TemplatePicker({ selected, onChange }: { selected: string[]; onChange: (ids: string[]) => void }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const [phase, setPhase] = useState('');
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [all, setAll] = useState<Map<string, TemplateSummary>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    api.templates(phase || undefined).then(
      (r) => {
        setTemplates(r.templates);
        setAll((m) => new Map([...m, ...r.templates.map((tpl) => [tpl.id, tpl] as const)]));
      },
      (e) => setError(errorMessage(e)),
    );
  }, [phase, reload, errorMessage]);

  const toggle = (id: string) => onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);
  const move = (index: number, by: number) => {
    const next = [...selected];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next);
  };

  return (
    <fieldset className="template-picker">
      <legend>{t('templates.legend')}</legend>
      <div className="row" role="group" aria-label={t('templates.phaseFilter')}>
        {['', ...PHASES.map((p) => p.id)].map((id) => (
          <button key={id || 'all'} type="button" className={phase === id ? '' : 'secondary'} aria-pressed={phase === id} onClick={() => setPhase(id)}>
            {id ? facetLabel(PHASES, id, i18n.language) : t('templates.allPhases')}
          </button>
        ))}
      </div>
      {selected.length > 0 && (
        <ol className="template-order" aria-label={t('templates.order')}>
          {selected.map((id, i) => (
            <li key={id}>
              <span>{all.get(id)?.title ?? id}</span>
              <button type="button" className="link-button neutral" disabled={i === 0} onClick={() => move(i, -1)}>
                {t('templates.up')}
              </button>
              <button type="button" className="link-button neutral" disabled={i === selected.length - 1} onClick={() => move(i, 1)}>
                {t('templates.down')}
              </button>
              <button type="button" className="link-button" onClick={() => toggle(id)}>
                {t('templates.remove')}
              </button>
            </li>
          ))}
        </ol>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ul className="template-grid">
        {templates?.map((template) => (
          <TemplateCard
            key={template.id}
            template={template}
            position={selected.includes(template.id) ? selected.indexOf(template.id) : null}
            onToggle={() => toggle(template.id)}
          />
        ))}
      </ul>
      <TemplateImport onImported={() => setReload((n) => n + 1)} />
    </fieldset>
  );
}
