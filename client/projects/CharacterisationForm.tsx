import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CRITERIA,
  LEVELS,
  PROJECT_LIMITS,
  emptyCriteria,
  type Assessment,
  type CriterionId,
  type EvidenceLink,
  type GridProposal,
  type Level,
  type ProjectView,
} from '../../shared/projects.js';
import { useErrorMessage } from '../useErrorMessage.js';
import { EvidenceLinks, useEvidenceCandidates } from './EvidenceLinks.js';
import { projectApi } from './projectApi.js';

type Draft = Record<CriterionId, { level: Level | null; evidence: string; links: EvidenceLink[] }>;

const draftOf = (latest: Assessment | undefined): Draft =>
  Object.fromEntries(
    Object.entries(latest?.criteria ?? emptyCriteria()).map(([id, c]) => [id, { level: c.level, evidence: c.evidence, links: c.links }]),
  ) as Draft;

/** The grille canvas of one workshop proposes levels and evidence; they fill the form, the facilitator saves. */
function ProposalsFromWorkshop(props: { project: ProjectView; onProposals: (sessionId: string, proposals: GridProposal[]) => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [sessionId, setSessionId] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  if (props.project.sessions.length === 0) return null;
  const load = async () => {
    if (!sessionId) return;
    try {
      const { proposals } = await projectApi.gridProposals(props.project.id, sessionId);
      props.onProposals(sessionId, proposals);
      setMessage({ error: false, text: proposals.length ? t('projects.proposed', { count: proposals.length }) : t('projects.noProposal') });
    } catch (error) {
      setMessage({ error: true, text: errorMessage(error) });
    }
  };
  return (
    <div className="grid-form__proposals">
      <label htmlFor={`${id}-session`}>{t('projects.proposalsFrom')}</label>
      <div className="row">
        <select id={`${id}-session`} value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
          <option value="">{t('projects.attachChoose')}</option>
          {props.project.sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <button type="button" onClick={load} disabled={!sessionId}>
          {t('projects.useProposals')}
        </button>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'muted small'}>
          {message.text}
        </p>
      )}
    </div>
  );
}

/** The facilitator fills the grid: a level and evidence per criterion; only what changed is sent, and dated. */
export function CharacterisationForm({ project, onSaved }: { project: ProjectView; onSaved: (p: ProjectView) => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const latest = project.assessments.at(-1);
  const [draft, setDraft] = useState<Draft>(() => draftOf(latest));
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [fromSession, setFromSession] = useState<string | null>(null);
  const candidates = useEvidenceCandidates(project);

  const change = (criterion: CriterionId, value: Partial<Draft[CriterionId]>) =>
    setDraft((d) => ({ ...d, [criterion]: { ...d[criterion], ...value } }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const before = draftOf(latest);
    const criteria = Object.fromEntries(
      CRITERIA.flatMap((c) => {
        const now = draft[c.id];
        const was = before[c.id];
        const changed = now.level !== was.level || now.evidence.trim() !== was.evidence || now.links !== was.links;
        return changed ? [[c.id, { level: now.level, evidence: now.evidence.trim(), links: now.links }]] : [];
      }),
    );
    if (Object.keys(criteria).length === 0) return setMessage({ error: false, text: t('projects.nothingChanged') });
    setSaving(true);
    try {
      const updated = await projectApi.characterise(project.id, { criteria, sessionId: fromSession });
      setMessage({ error: false, text: t('projects.saved') });
      onSaved(updated);
    } catch (error) {
      setMessage({ error: true, text: errorMessage(error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="grid-form" onSubmit={onSubmit} noValidate aria-label={t('projects.gridAsForm')}>
      <ProposalsFromWorkshop
        project={project}
        onProposals={(sessionId, proposals) => {
          setFromSession(sessionId);
          setDraft((d) => {
            const next = { ...d };
            for (const p of proposals) next[p.criterionId] = { level: p.level ?? d[p.criterionId].level, evidence: p.evidence, links: p.links };
            return next;
          });
        }}
      />
      {CRITERIA.map((c) => (
        <fieldset key={c.id} className="grid-form__criterion">
          <legend>
            <span className="grid-table__dimension">{t(`projects.dimensions.${c.dimension}`)}</span>
            {t(`projects.criteria.${c.id}`)}
          </legend>
          <div className="grid-form__levels" role="radiogroup" aria-label={t(`projects.criteria.${c.id}`)}>
            {[null, ...LEVELS].map((level) => (
              <label key={level ?? 'none'} className={`level-choice level--${level ?? 'none'}`}>
                <input
                  type="radio"
                  name={`${id}-${c.id}`}
                  checked={draft[c.id].level === level}
                  onChange={() => change(c.id, { level })}
                />
                {level ? t(`projects.level.${level}`) : t('projects.levelNone')}
              </label>
            ))}
          </div>
          <label htmlFor={`${id}-${c.id}-evidence`} className="visually-hidden">
            {t('projects.evidenceLabel', { criterion: t(`projects.criteria.${c.id}`) })}
          </label>
          <textarea
            id={`${id}-${c.id}-evidence`}
            rows={2}
            maxLength={PROJECT_LIMITS.evidenceChars}
            placeholder={t('projects.evidence')}
            value={draft[c.id].evidence}
            onChange={(e) => change(c.id, { evidence: e.target.value })}
          />
          <EvidenceLinks
            criterion={t(`projects.criteria.${c.id}`)}
            links={draft[c.id].links}
            candidates={candidates}
            onChange={(links) => change(c.id, { links })}
          />
        </fieldset>
      ))}
      <div className="grid-form__actions">
        <button type="submit" disabled={saving}>
          {t('projects.saveGrid')}
        </button>
        {message && (
          <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'success'}>
            {message.text}
          </p>
        )}
      </div>
    </form>
  );
}
