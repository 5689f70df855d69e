import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { contributionsByZone, type Contribution } from '../../shared/boardContent.js';
import { zoneCapacity } from '../../shared/notePlacement.js';
import { zoneNames } from '../../shared/zoneNames.js';
import { pagePaths } from '../../shared/paths.js';
import type { Principal } from '../../shared/roles.js';
import { useFacilitation, type FacilitationSocket } from '../facilitation/useFacilitation.js';
import { VoteResults } from '../facilitation/VoteResults.js';
import { readBoardGeometry } from '../../shared/boardGeometry.js';
import type { BoardRecord } from '../../shared/boardLayout.js';
import { AddIdeaForm, type ListBoard } from './AddIdeaForm.js';

/**
 * The board as headings and lists: canvases, their zones, the notes in them.
 * For screen readers, keyboards and small phones alike: read, add an idea
 * to a zone, and vote with buttons. Knows nothing of tldraw: a phone shows
 * it without downloading the canvas.
 */
export function BoardListView(props: {
  records: BoardRecord[];
  board: ListBoard;
  socket: FacilitationSocket;
  principal: Principal;
  readOnly: boolean;
  /** The board's state is on its way: the idea can be written, not yet added. */
  loading?: boolean;
}) {
  const { records, board, socket, principal, readOnly, loading = false } = props;
  const { t } = useTranslation();
  const { state, send, error } = useFacilitation(socket);
  const geometry = useMemo(() => readBoardGeometry(records), [records]);
  // Both in board order: canvases as laid out, zones top-left to bottom-right.
  const { zones, outside } = useMemo(() => contributionsByZone(records), [records]);
  const names = useMemo(() => zoneNames(geometry), [geometry]);
  const step = state && state.currentStep >= 0 ? state.steps[state.currentStep] : undefined;
  const onStepCanvas = step?.canvasId && geometry.canvases.some((c) => c.canvasId === step.canvasId);
  // A zone that holds no note (the grille's criterion cards: their levels do) is not offered.
  const zonesToAdd = useMemo(
    () => geometry.zones.filter((z) => (!onStepCanvas || z.canvasId === step.canvasId) && zoneCapacity(geometry, z) > 0),
    [geometry, onStepCanvas, step?.canvasId],
  );
  const canvases = geometry.canvases.filter((c) => zones.some((z) => z.canvasId === c.canvasId));
  const vote = state?.vote;
  const voting = vote?.status === 'open' && principal.role === 'participant';
  const mine = [...zones.flatMap((z) => z.contributions), ...outside].filter((c) => c.authorId === principal.participantId);

  const note = (c: Contribution, withVote = true) => (
    <li key={c.id} className="list-note">
      <span>{c.text || t('report.emptyNote')}</span>
      {c.college && <span className="muted"> — {t(`college.${c.college}.label`)}</span>}
      {c.origin && (
        // As the badge under a carried note on the canvas: the earlier workshop it came from, a link back.
        <a className="list-note__origin" data-testid="carried-origin" href={pagePaths.session(c.origin.sessionId)} target="_blank" rel="noopener">
          ↳ {t('projects.carriedBadge', { title: c.origin.sessionTitle })}
        </a>
      )}
      {vote && (vote.totals?.[c.id] ?? 0) > 0 && <span className="dots"> · {t('report.dots', { count: vote.totals?.[c.id] ?? 0 })}</span>}
      {voting && withVote && (
        <span className="vote-buttons">
          <button type="button" className="secondary" disabled={vote.remaining === 0} onClick={() => void send('vote:cast', { shapeId: c.id })}>
            {t('list.vote', { text: c.text })}
          </button>
          {(vote.myDots[c.id] ?? 0) > 0 && (
            <button type="button" className="secondary" onClick={() => void send('vote:withdraw', { shapeId: c.id })}>
              {t('list.withdraw', { count: vote.myDots[c.id] ?? 0, text: c.text })}
            </button>
          )}
        </span>
      )}
    </li>
  );

  return (
    <div className="list-view" data-testid="list-view">
      {vote?.status === 'closed' && (
        <section aria-labelledby="list-vote-results" className="card">
          <h2 id="list-vote-results">{t('facilitation.vote.resultsTitle')}</h2>
          <VoteResults results={vote.results ?? []} />
        </section>
      )}
      {voting && (
        <p className="card" role="status">
          {t('list.remaining', { count: vote.remaining })}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!readOnly && principal.role !== 'observer' && (
        <AddIdeaForm
          board={board}
          geometry={geometry}
          zones={zonesToAdd}
          names={names}
          disabled={Boolean(state?.paused)}
          ready={!loading}
          growZone={(zoneShapeId) => send('zone:grow', { zoneShapeId }).then((result) => result.ok)}
        />
      )}
      {readOnly && principal.role === 'participant' && (
        <p className="card" role="status">
          {t('cockpit.ended.noMoreIdeas')}
        </p>
      )}
      {loading && (
        <p className="card muted" role="status">
          {t('list.boardLoading')}
        </p>
      )}
      {mine.length > 0 && (
        <section aria-labelledby="my-ideas" className="card">
          <h2 id="my-ideas">{t('list.mine', { count: mine.length })}</h2>
          <ul>{mine.map((c) => note(c, false))}</ul>
        </section>
      )}
      {canvases.map(({ canvasId, title }) => (
        <section key={canvasId} aria-labelledby={`canvas-${canvasId}`} className="card">
          <h2 id={`canvas-${canvasId}`}>{title || t('list.canvas')}</h2>
          {zones
            .filter((z) => z.canvasId === canvasId)
            .map((z) => (
              <div key={z.shapeId}>
                <h3>
                  {names.get(z.shapeId) ?? z.label} <span className="muted">({t('list.count', { count: z.contributions.length })})</span>
                </h3>
                {z.contributions.length > 0 ? <ul>{z.contributions.map((c) => note(c))}</ul> : <p className="muted">{t('list.noIdea')}</p>}
              </div>
            ))}
        </section>
      ))}
      {outside.length > 0 && (
        <section aria-labelledby="outside-zones" className="card">
          <h2 id="outside-zones">{canvases.length > 0 ? t('report.outsideZones') : t('report.allContributions')}</h2>
          <ul>{outside.map((c) => note(c))}</ul>
        </section>
      )}
    </div>
  );
}
