import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_TITLE_MAX_LENGTH } from '../../shared/limits.js';
import { pagePaths } from '../../shared/paths.js';
import type { JourneyWorkshop, WorkshopIdeas } from '../../shared/projects.js';
import { PHASES, facetLabel } from '../../shared/taxonomy.js';
import type { TemplateSummary } from '../../shared/templateApi.js';
import { api } from '../api.js';
import { saveAccess } from '../session/accessStore.js';
import { markSessionJustCreated } from '../session/AccessSection.js';
import { useErrorMessage } from '../useErrorMessage.js';
import { navigate } from '../useRoute.js';
import { projectApi } from './projectApi.js';

type Pick = { sessionId: string; kind: 'note' | 'suite'; id: string };
const keyOf = (p: Pick) => `${p.sessionId}/${p.kind}/${p.id}`;

/** The ideas of one earlier workshop, by zone, most supported first, each with a checkbox. */
function WorkshopIdeasPicker(props: { workshop: JourneyWorkshop; ideas: WorkshopIdeas; picked: Set<string>; toggle: (p: Pick) => void }) {
  const { t } = useTranslation();
  const { workshop, ideas, picked, toggle } = props;
  if (ideas.zones.length === 0 && ideas.suites.length === 0) return null;
  return (
    <fieldset className="carry-picker__workshop">
      <legend>{workshop.title}</legend>
      {ideas.zones.map((zone) => (
        <div key={zone.zoneId} className="carry-picker__zone">
          <p className="carry-picker__zone-label">{zone.label}</p>
          {zone.ideas.map((idea) => {
            const pick: Pick = { sessionId: workshop.id, kind: 'note', id: idea.noteId };
            return (
              <label key={idea.noteId} className="checkbox carry-picker__idea">
                <input type="checkbox" checked={picked.has(keyOf(pick))} onChange={() => toggle(pick)} />
                <span>
                  {idea.text}
                  {idea.dots > 0 && <span className="muted small"> · {t('projects.dots', { count: idea.dots })}</span>}
                </span>
              </label>
            );
          })}
        </div>
      ))}
      {ideas.suites.length > 0 && (
        <div className="carry-picker__zone">
          <p className="carry-picker__zone-label">{t('projects.suites')}</p>
          {ideas.suites.map((suite) => {
            const pick: Pick = { sessionId: workshop.id, kind: 'suite', id: suite.id };
            return (
              <label key={suite.id} className="checkbox carry-picker__idea">
                <input type="checkbox" checked={picked.has(keyOf(pick))} onChange={() => toggle(pick)} />
                <span>{suite.title}</span>
              </label>
            );
          })}
        </div>
      )}
    </fieldset>
  );
}

/** A new workshop of the project: its canvas, and ideas of earlier workshops to start its board with. */
export function NextWorkshopForm({ projectId, workshops }: { projectId: string; workshops: JourneyWorkshop[] }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [title, setTitle] = useState('');
  const [phase, setPhase] = useState('');
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [templateId, setTemplateId] = useState('');
  const [zones, setZones] = useState<{ id: string; label: string }[]>([]);
  const [zoneId, setZoneId] = useState('');
  const [ideas, setIdeas] = useState<Map<string, WorkshopIdeas>>(new Map());
  const [picked, setPicked] = useState<Map<string, Pick>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    api.templates().then((r) => setTemplates(r.templates), (e) => setError(errorMessage(e)));
  }, [errorMessage]);

  useEffect(() => {
    for (const w of workshops) {
      projectApi.ideas(projectId, w.id).then(
        (found) => setIdeas((m) => new Map(m).set(w.id, found)),
        (e) => setError(errorMessage(e)),
      );
    }
  }, [projectId, workshops, errorMessage]);

  useEffect(() => {
    setZones([]);
    setZoneId('');
    if (!templateId) return;
    projectApi.template(templateId).then(
      (tpl) => setZones(tpl.canvas.elements.flatMap((e) => (e.kind === 'zone' ? [{ id: e.id, label: e.label }] : []))),
      (e) => setError(errorMessage(e)),
    );
  }, [templateId, errorMessage]);

  const toggle = (p: Pick) =>
    setPicked((m) => {
      const next = new Map(m);
      if (next.has(keyOf(p))) next.delete(keyOf(p));
      else next.set(keyOf(p), p);
      return next;
    });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return setError(t('projects.workshopTitleRequired'));
    if (!templateId) return setError(t('projects.chooseTemplate'));
    if (picked.size > 0 && !zoneId) return setError(t('projects.chooseZone'));
    setError(null);
    setCreating(true);
    try {
      const session = await projectApi.createSession(projectId, {
        title: title.trim(),
        templateIds: [templateId],
        ...(phase ? { description: { phase: phase as never } } : {}),
        ...(picked.size > 0 ? { carryOver: { items: [...picked.values()], target: { templateId, zoneId } } } : {}),
      });
      saveAccess(session.access);
      markSessionJustCreated(session.id);
      navigate(pagePaths.session(session.id));
    } catch (e) {
      setError(errorMessage(e));
      setCreating(false);
    }
  };

  const withIdeas = workshops.filter((w) => ideas.get(w.id));
  return (
    <form className="next-workshop create-form" onSubmit={onSubmit} noValidate aria-label={t('projects.nextHeading')}>
      <div className="projects-form__pair">
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('projects.sessionTitleLabel')}</label>
          <input id={`${id}-title`} value={title} maxLength={SESSION_TITLE_MAX_LENGTH} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-phase`}>{t('projects.phaseLabel')}</label>
          <select id={`${id}-phase`} value={phase} onChange={(e) => setPhase(e.target.value)}>
            <option value="">{t('projects.noPhase')}</option>
            {PHASES.map((p) => (
              <option key={p.id} value={p.id}>
                {facetLabel(PHASES, p.id, i18n.language)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <label htmlFor={`${id}-template`}>{t('projects.templateLabel')}</label>
      <select id={`${id}-template`} value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
        <option value="">{t('projects.chooseTemplate')}</option>
        {PHASES.map((p) => (
          <optgroup key={p.id} label={facetLabel(PHASES, p.id, i18n.language)}>
            {templates
              .filter((tpl) => tpl.phase === p.id)
              .map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {tpl.title}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      {workshops.length > 0 && (
        <div className="carry-picker">
          <h4>{t('projects.carryHeading')}</h4>
          <p className="muted small">{t('projects.carryHint')}</p>
          {withIdeas.every((w) => ideas.get(w.id)!.zones.length === 0 && ideas.get(w.id)!.suites.length === 0) && (
            <p className="muted small">{t('projects.noIdeas')}</p>
          )}
          {withIdeas.map((w) => (
            <WorkshopIdeasPicker key={w.id} workshop={w} ideas={ideas.get(w.id)!} picked={new Set(picked.keys())} toggle={toggle} />
          ))}
          <label htmlFor={`${id}-zone`}>{t('projects.targetZoneLabel')}</label>
          <select id={`${id}-zone`} value={zoneId} disabled={zones.length === 0} onChange={(e) => setZoneId(e.target.value)}>
            <option value="">{t('projects.chooseZone')}</option>
            {zones.map((z) => (
              <option key={z.id} value={z.id}>
                {z.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={creating}>
        {t('projects.createWorkshop')}
      </button>
    </form>
  );
}
