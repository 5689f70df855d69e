import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../shared/templateApi.js';
import { useFormat } from '../format.js';

/** The chosen canvases in the order the workshop will run them, with their total duration. */
export function TemplateOrder(props: { selected: string[]; templates: TemplateSummary[]; onChange: (ids: string[]) => void }) {
  const { selected, onChange } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const byId = new Map(props.templates.map((tpl) => [tpl.id, tpl]));
  const move = (index: number, by: number) => {
    const next = [...selected];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next);
  };
  if (selected.length === 0) return <p className="muted">{t('templates.noneChosen')}</p>;
  const total = selected.reduce(
    (sum, id) => ({ min: sum.min + (byId.get(id)?.durationMinutes.min ?? 0), max: sum.max + (byId.get(id)?.durationMinutes.max ?? 0) }),
    { min: 0, max: 0 },
  );
  return (
    <>
      <ol className="template-order" aria-label={t('templates.order')}>
        {selected.map((id, i) => {
          const title = byId.get(id)?.title ?? id;
          return (
            <li key={id}>
              <span className="template-order-title">{title}</span>
              <span className="row">
                <button type="button" className="link-button neutral" disabled={i === 0} onClick={() => move(i, -1)}>
                  {t('templates.up')}
                  <span className="visually-hidden"> {title}</span>
                </button>
                <button type="button" className="link-button neutral" disabled={i === selected.length - 1} onClick={() => move(i, 1)}>
                  {t('templates.down')}
                  <span className="visually-hidden"> {title}</span>
                </button>
                <button type="button" className="link-button" onClick={() => onChange(selected.filter((s) => s !== id))}>
                  {t('templates.remove')}
                  <span className="visually-hidden"> {title}</span>
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <p className="muted small">{t('templates.total', { count: selected.length, duration: format.duration(total.min, total.max) })}</p>
    </>
  );
}
