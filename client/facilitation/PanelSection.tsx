import { useId, type ReactNode } from 'react';

/**
 * One section of the cockpit panel: a heading button that opens it (and,
 * through the panel, closes the others) and its body. One section at a time
 * keeps the panel short enough to use without scrolling past everything.
 */
export function PanelSection(props: {
  title: string;
  /** A short state shown beside the title while closed (« 3 min », « ouvert »). */
  summary?: string;
  open: boolean;
  onToggle: () => void;
  children: ReactNode;
}) {
  const { title, summary, open, onToggle, children } = props;
  const id = useId();
  return (
    <section className={`cockpit-section${open ? ' is-open' : ''}`} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="cockpit-section__heading">
        <button type="button" className="cockpit-section__toggle" aria-expanded={open} aria-controls={`${id}-body`} onClick={onToggle}>
          <span>{title}</span>
          {summary && <span className="cockpit-section__summary">{summary}</span>}
          <span className="cockpit-section__chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
        </button>
      </h3>
      {open && (
        <div id={`${id}-body`} className="cockpit-section__body">
          {children}
        </div>
      )}
    </section>
  );
}
