import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pagePaths } from '../../shared/paths.js';
import { PROJECT_LIMITS, type EvidenceLink, type ProjectView } from '../../shared/projects.js';
import { projectApi } from './projectApi.js';

/** A note or a suite of one of the project's workshops, which a criterion's evidence can point at. */
export interface EvidenceCandidate {
  key: string;
  workshop: string;
  link: EvidenceLink & { kind: 'note' | 'suite' };
}

const keyOf = (link: EvidenceLink) => (link.kind === 'url' ? `url/${link.url}` : `${link.sessionId}/${link.kind}/${link.targetId}`);

/** Every note and suite of the project's workshops, grouped by workshop, loaded once for the whole form. */
export function useEvidenceCandidates(project: ProjectView): EvidenceCandidate[] {
  const [candidates, setCandidates] = useState<EvidenceCandidate[]>([]);
  // Reloaded when the workshops change, not each time the project object is replaced.
  const workshops = JSON.stringify(project.sessions.map((s) => ({ id: s.id, title: s.title })));
  useEffect(() => {
    let live = true;
    Promise.all(
      (JSON.parse(workshops) as { id: string; title: string }[]).map((s) =>
        projectApi.ideas(project.id, s.id).then(
          (ideas) => [
            ...ideas.zones.flatMap((z) =>
              z.ideas.map((i) => ({ kind: 'note' as const, sessionId: s.id, targetId: i.noteId, label: i.text.slice(0, 200) })),
            ),
            ...ideas.suites.map((suite) => ({ kind: 'suite' as const, sessionId: s.id, targetId: suite.id, label: suite.title.slice(0, 200) })),
          ].map((link) => ({ key: keyOf(link), workshop: s.title, link })),
          // A workshop whose board cannot be read offers nothing; the others still do.
          () => [],
        ),
      ),
    ).then((lists) => live && setCandidates(lists.flat()));
    return () => {
      live = false;
    };
  }, [project.id, workshops]);
  return candidates;
}

/** A criterion's evidence links: notes or suites of the workshops, or a web page; each can be removed. */
export function EvidenceLinks(props: {
  criterion: string;
  links: EvidenceLink[];
  candidates: EvidenceCandidate[];
  onChange: (links: EvidenceLink[]) => void;
}) {
  const { criterion, links, candidates, onChange } = props;
  const { t } = useTranslation();
  const id = useId();
  const [chosen, setChosen] = useState('');
  const [url, setUrl] = useState('');
  const linked = new Set(links.map(keyOf));
  const workshops = [...new Set(candidates.map((c) => c.workshop))];
  const full = links.length >= PROJECT_LIMITS.linksPerCriterion;

  const add = (link: EvidenceLink) => {
    if (!linked.has(keyOf(link))) onChange([...links, link]);
  };
  const addUrl = () => {
    const address = url.trim();
    if (!address) return;
    // The server checks the address (http or https); the label is what a reader recognises.
    add({ kind: 'url', url: address, label: address.replace(/^https?:\/\//, '').slice(0, 200) });
    setUrl('');
  };

  return (
    <div className="evidence-links">
      {links.length > 0 && (
        <ul className="evidence-links__list" aria-label={t('projects.linksOf', { criterion })}>
          {links.map((link) => (
            <li key={keyOf(link)}>
              <a href={link.kind === 'url' ? link.url : pagePaths.session(link.sessionId)} target="_blank" rel="noopener">
                {link.kind === 'url' ? t('projects.linkPage') : link.kind === 'suite' ? t('projects.linkSuite') : t('projects.linkNote')} {link.label}
              </a>
              <button
                type="button"
                className="link-button"
                aria-label={t('projects.unlink', { label: link.label })}
                onClick={() => onChange(links.filter((l) => keyOf(l) !== keyOf(link)))}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      {!full && candidates.length > 0 && (
        <div className="evidence-links__add">
          <label htmlFor={`${id}-pick`} className="visually-hidden">
            {t('projects.linkPickLabel', { criterion })}
          </label>
          <select id={`${id}-pick`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{t('projects.linkPick')}</option>
            {workshops.map((w) => (
              <optgroup key={w} label={w}>
                {candidates
                  .filter((c) => c.workshop === w && !linked.has(c.key))
                  .map((c) => (
                    <option key={c.key} value={c.key}>
                      {c.link.kind === 'suite' ? t('projects.linkSuite') : t('projects.linkNote')} {c.link.label}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
          <button
            type="button"
            className="secondary"
            disabled={!chosen}
            onClick={() => {
              const candidate = candidates.find((c) => c.key === chosen);
              if (candidate) add(candidate.link);
              setChosen('');
            }}
          >
            {t('projects.link')}
          </button>
        </div>
      )}
      {!full && (
        <div className="evidence-links__add">
          <label htmlFor={`${id}-url`} className="visually-hidden">
            {t('projects.linkUrlLabel', { criterion })}
          </label>
          <input
            id={`${id}-url`}
            type="url"
            inputMode="url"
            placeholder={t('projects.linkUrlPlaceholder')}
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addUrl();
              }
            }}
          />
          <button type="button" className="secondary" disabled={!url.trim()} onClick={addUrl}>
            {t('projects.linkUrl')}
          </button>
        </div>
      )}
    </div>
  );
}
