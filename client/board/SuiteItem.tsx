import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SUITE_STATUSES, statusNeedsReason, type Suite, type SuitePatchInput, type SuiteStatus } from '../../shared/suites.js';
import { ApiRequestError, api } from '../api.js';
import { focusFirstError, type FieldErrors } from '../forms/fieldErrors.js';
import { SuiteHistory } from '../session/SuiteHistory.js';
import { SuiteStatusBadge } from '../session/SuiteStatusBadge.js';
import { SuiteLocationFields, type LocationDraft, type LocationField } from './SuiteLocationFields.js';
import { draftOf, locationPatch, serverLocationErrors } from './suiteLocationDraft.js';

/** Runs an action on a suite and reports it in the panel; the suite as saved, or null when refused (told to `onRefused`). */
export type SuiteAction = (action: () => Promise<Suite>, done: string, onRefused?: (error: unknown) => void) => Promise<Suite | null>;

const sameDraft = (a: LocationDraft, b: LocationDraft) => a.placeName.trim() === b.placeName.trim() && a.latitude.trim() === b.latitude.trim() && a.longitude.trim() === b.longitude.trim();

/** One suite in the facilitator's panel: its title, text and location, its status with a reason, its history. */
export function SuiteItem({ suite, sessionId, token, selectedNoteIds, onAct }: {
  suite: Suite;
  sessionId: string;
  token: string;
  selectedNoteIds: string[];
  onAct: SuiteAction;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState(suite.title);
  const [body, setBody] = useState(suite.body);
  const [location, setLocation] = useState<LocationDraft>(() => draftOf(suite));
  const [locationErrors, setLocationErrors] = useState<FieldErrors<LocationField>>({});
  const [status, setStatus] = useState<SuiteStatus>(suite.status);
  const [reason, setReason] = useState('');
  const from = [suite.canvasTitle, suite.zoneLabel].filter(Boolean).join(' › ');
  const dirty = title !== suite.title || body !== suite.body || !sameDraft(location, draftOf(suite));

  const showErrors = (errors: FieldErrors<LocationField>) => {
    setLocationErrors(errors);
    focusFirstError((['placeName', 'latitude', 'longitude'] as const).map((f) => [`${id}-location-${f}`, errors[f]] as const));
  };

  /** Saves, then shows the fields as the server keeps them (a trimmed name, rounded degrees). */
  const save = async (patch: SuitePatchInput, done: string) => {
    const saved = await onAct(() => api.editSuite(sessionId, token, suite.id, patch), done, (e) => {
      if (e instanceof ApiRequestError) showErrors(serverLocationErrors(e.fields));
    });
    if (saved) {
      // Taking a note's point keeps a place name being typed.
      setLocation((draft) => ({ ...draftOf(saved), placeName: 'placeName' in patch ? draftOf(saved).placeName : draft.placeName }));
      setLocationErrors({});
    }
  };

  const submit = () => {
    const parsed = locationPatch(location, {
      notANumber: t('suites.location.notANumber'),
      latitudeMissing: t('suites.location.latitudeMissing'),
      longitudeMissing: t('suites.location.longitudeMissing'),
    });
    if ('errors' in parsed) return showErrors(parsed.errors);
    void save({ title, body, ...parsed.patch }, t('suites.saved'));
  };

  return (
    <li className="suite-item">
      <details>
        <summary>
          <span className="suite-item__title">{suite.title}</span>{' '}
          <SuiteStatusBadge status={suite.status} />
        </summary>
        <p className="hint">
          {from && <>{t('suites.from', { place: from })} · </>}
          {t('suites.votes', { count: suite.votes.total })}
        </p>
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('suites.fieldTitle')}</label>
          <input id={`${id}-title`} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-body`}>{t('suites.fieldBody')}</label>
          <textarea id={`${id}-body`} value={body} rows={4} maxLength={10000} onChange={(e) => setBody(e.target.value)} />
        </div>
        <SuiteLocationFields
          id={`${id}-location`}
          draft={location}
          errors={locationErrors}
          onChange={setLocation}
          canTakeFromNote={selectedNoteIds.length === 1}
          onTakeFromNote={() => void save({ location: { fromNote: selectedNoteIds[0]! } }, t('suites.location.taken'))}
        />
        <button type="button" disabled={!dirty} onClick={submit}>
          {t('suites.save')}
        </button>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('suites.fieldStatus')}</label>
          <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as SuiteStatus)}>
            {SUITE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`suites.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{statusNeedsReason(status) ? t('suites.reasonRequired') : t('suites.reason')}</label>
          <textarea id={`${id}-reason`} value={reason} rows={2} maxLength={2000} aria-required={statusNeedsReason(status)} onChange={(e) => setReason(e.target.value)} />
        </div>
        <button
          type="button"
          disabled={status === suite.status && !reason.trim()}
          onClick={async () => {
            if (await onAct(() => api.setSuiteStatus(sessionId, token, suite.id, status, reason.trim()), t('suites.statusChanged'))) setReason('');
          }}
        >
          {t('suites.changeStatus')}
        </button>
        <SuiteHistory history={suite.history} />
      </details>
    </li>
  );
}
