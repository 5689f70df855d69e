import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../shared/templateApi.js';
import { useFormat } from '../format.js';

/** A canvas seen large before choosing it: the native modal dialog keeps focus inside and closes on Échap. */
export function TemplatePreview(props: { template: TemplateSummary; selected: boolean; onToggle: () => void; onClose: () => void }) {
  const { template, selected, onToggle, onClose } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="template-preview" aria-labelledby="template-preview-title" onClose={onClose}>
      <div className="template-preview-head">
        <div>
          <p className="template-phase">{template.phaseLabel}</p>
          <h2 id="template-preview-title">{template.title}</h2>
        </div>
        <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
          {t('templates.closePreview')}
        </button>
      </div>
      <img src={template.previewUrl} alt={t('templates.previewAlt', { title: template.title })} />
      <p>{template.purpose}</p>
      <p className="muted">
        {[
          format.duration(template.durationMinutes.min, template.durationMinutes.max),
          t('templates.steps', { count: template.stepCount }),
          template.contributors.map((c) => t(`college.${c.college}.label`)).join(', '),
        ].join(' · ')}
      </p>
      <button type="button" aria-pressed={selected} className={selected ? '' : 'secondary'} onClick={onToggle}>
        {selected ? t('templates.selectedPlain') : t('templates.add')}
      </button>
    </dialog>
  );
}
