import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pagePaths } from '../../shared/paths.js';
import { PROJECT_LIMITS, type ProjectView } from '../../shared/projects.js';
import { ECHELONS, THEMES, facetLabel } from '../../shared/taxonomy.js';
import { ApiRequestError } from '../api.js';
import { projectApi } from '../projects/projectApi.js';
import { saveProjectAccess } from '../session/accessStore.js';
import { useErrorMessage } from '../useErrorMessage.js';
import { navigate } from '../useRoute.js';
import { FacetCheckboxes } from './FacetCheckboxes.js';
import { FacetSelect } from './FacetSelect.js';
import '../projects/projects.css';

/** The dashboard's projects (« démarches »): those of this device (all of them with the password), searchable. */
export function ProjectsSection({ password }: { password?: string }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [query, setQuery] = useState('');
  const [projects, setProjects] = useState<ProjectView[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [territory, setTerritory] = useState('');
  const [echelon, setEchelon] = useState('');
  const [themes, setThemes] = useState<string[]>([]);
  const [partners, setPartners] = useState('');
  const [description, setDescription] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => {
      projectApi.list(query, password || undefined).then(
        (r) => {
          setProjects(r.projects);
          setListError(null);
        },
        // Without the password the sessions' list asks for it already; projects wait for it silently.
        (e) => (e instanceof ApiRequestError && e.code === 'password_required' ? setProjects([]) : setListError(errorMessage(e))),
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [query, password, errorMessage]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return setFormError(t('projects.titleRequired'));
    setCreating(true);
    setFormError(null);
    try {
      const created = await projectApi.create(
        {
          title: title.trim(),
          description: description.trim(),
          territory: territory.trim() || echelon ? { name: territory.trim(), echelon: echelon || null } : null,
          themes,
          partners: partners.split('\n').map((p) => p.trim()).filter(Boolean),
        },
        password || undefined,
      );
      saveProjectAccess(created.access);
      navigate(pagePaths.project(created.id));
    } catch (error) {
      setFormError(errorMessage(error));
      setCreating(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="projects-section">
      <div className="projects-section__head">
        <div>
          <h2 id={`${id}-heading`}>{t('projects.section')}</h2>
          <p className="muted">{t('projects.sectionIntro')}</p>
        </div>
        <button type="button" aria-expanded={open} aria-controls={`${id}-form`} onClick={() => setOpen((o) => !o)}>
          {t('projects.createHeading')}
        </button>
      </div>
      {open && (
        <form id={`${id}-form`} className="card create-form" onSubmit={onSubmit} noValidate aria-label={t('projects.createHeading')}>
          <label htmlFor={`${id}-title`}>{t('projects.titleLabel')}</label>
          <input
            id={`${id}-title`}
            value={title}
            maxLength={PROJECT_LIMITS.titleChars}
            placeholder={t('projects.titlePlaceholder')}
            aria-invalid={Boolean(formError) || undefined}
            aria-describedby={formError ? `${id}-error` : undefined}
            onChange={(e) => setTitle(e.target.value)}
          />
          <div className="projects-form__pair">
            <div className="field">
              <label htmlFor={`${id}-territory`}>{t('projects.territoryLabel')}</label>
              <input id={`${id}-territory`} value={territory} maxLength={120} onChange={(e) => setTerritory(e.target.value)} />
            </div>
            <FacetSelect label={t('projects.echelonLabel')} values={ECHELONS} value={echelon} onChange={setEchelon} />
          </div>
          <FacetCheckboxes legend={t('projects.themesLabel')} values={THEMES} selected={themes} onChange={setThemes} />
          <label htmlFor={`${id}-partners`}>{t('projects.partnersLabel')}</label>
          <textarea id={`${id}-partners`} rows={3} value={partners} onChange={(e) => setPartners(e.target.value)} />
          <label htmlFor={`${id}-description`}>{t('projects.descriptionLabel')}</label>
          <textarea
            id={`${id}-description`}
            rows={3}
            maxLength={PROJECT_LIMITS.descriptionChars}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
          {formError && (
            <p id={`${id}-error`} role="alert" className="error">
              {formError}
            </p>
          )}
          <button type="submit" disabled={creating}>
            {creating ? t('projects.creating') : t('projects.create')}
          </button>
        </form>
      )}
      <label htmlFor={`${id}-search`} className="visually-hidden">
        {t('projects.searchLabel')}
      </label>
      <input
        id={`${id}-search`}
        type="search"
        className="projects-search"
        placeholder={t('projects.searchLabel')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {listError && (
        <p role="alert" className="error">
          {listError}
        </p>
      )}
      {!projects && !listError && <p aria-live="polite">{t('projects.loading')}</p>}
      {projects?.length === 0 && <p className="muted">{t('projects.empty')}</p>}
      {projects && projects.length > 0 && (
        <ul className="project-cards">
          {projects.map((p) => (
            <li key={p.id} className="project-card">
              <a href={pagePaths.project(p.id)} onClick={(e) => (e.preventDefault(), navigate(pagePaths.project(p.id)))}>
                {p.title}
              </a>
              <span className="muted small">
                {[
                  p.territory?.name,
                  p.territory?.echelon ? facetLabel(ECHELONS, p.territory.echelon, i18n.language) : null,
                  t('projects.workshops', { count: p.sessions.length }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
