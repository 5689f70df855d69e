import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CRITERIA, LEVELS, PROJECT_LIMITS, emptyCriteria, type Assessment, type CriterionId, type Level, type ProjectView } from '../../shared/projects.js';
import { useErrorMessage } from '../useErrorMessage.js';
import { projectApi } from './projectApi.js';

type Draft = Record<CriterionId, { level: Level | null; evidence: string }>;

const draftOf = (latest: Assessment | undefined): Draft =>
  Object.fromEntries(
    Object.entries(latest?.criteria ?? emptyCriteria()).map(([id, c]) => [id, { level: c.level, evidence: c.evidence }]),
  ) as Draft;

/** The facilitator fills the grid: a level and evidence per criterion; only what changed is sent, and dated. */
export function CharacterisationForm({ project, onSaved }: { project: ProjectView; onSaved: (p: ProjectView) => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const latest = project.assessments.at(-1);
  const [draft, setDraft] = useState<Draft>(() => draftOf(latest));
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const change = (criterion: CriterionId, value: Partial<Draft[CriterionId]>) =>
    setDraft((d) => ({ ...d, [criterion]: { ...d[criterion], ...value } }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const before = draftOf(latest);
    const criteria = Object.fromEntries(
      CRITERIA.flatMap((c) => {
        const now = draft[c.id];
        const was = before[c.id];
        return now.level !== was.level || now.evidence.trim() !== was.evidence ? [[c.id, { level: now.level, evidence: now.evidence.trim() }]] : [];
      }),
    );
    if (Object.keys(criteria).length === 0) return setMessage({ error: false, text: t('projects.nothingChanged') });
    setSaving(true);
    try {
      const updated = await projectApi.characterise(project.id, { criteria });
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
