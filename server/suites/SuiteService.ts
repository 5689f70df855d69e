/**
 * Suites of a session: made from notes on the board (read through `Boards`, placed with the one board
 * geometry), with the dots they received in the session's vote, and a status whose every change is dated.
 * Facilitators only, at any time, including after the session has ended.
 */
import { randomUUID } from 'node:crypto';
import { trameMeta } from '../../shared/boardLayout.js';
import { isContributionNote, notePlace, readBoardGeometry } from '../../shared/boardGeometry.js';
import { shapeText } from '../../shared/richText.js';
import {
  SUITE_LIMITS,
  followUpCounts,
  statusNeedsReason,
  type PublicSuite,
  type Suite,
  type SuiteCreate,
  type SuiteFollowUpCounts,
  type SuiteLocation,
  type SuiteLocationInput,
  type SuitePatch,
  type SuiteStatusInput,
  type SuiteVotes,
} from '../../shared/suites.js';
import { tallyVotes, type CollegeKey } from '../../shared/votes.js';
import type { PinFeature } from '../../shared/mapApi.js';
import type { RemovedShape } from '../board/authorship.js';
import type { Boards } from '../board/Boards.js';
import type { VoteRecord } from '../realtime/facilitationRecord.js';
import { pinsGeoJson } from '../export/pinsGeoJson.js';
import { suiteNotFound, suiteNoteNotOnMap, suiteNotesNotFound, suiteReasonRequired, tooManySuites } from '../errors.js';
import type { FacilitationStore } from '../storage/FacilitationStore.js';
import type { StoredSuite, SuiteStore } from '../storage/SuiteStore.js';
import { titleWithout, withdrawnPieces, withoutPieces } from './withdrawnText.js';

export interface SuiteServiceDeps {
  store: SuiteStore;
  boards: Boards;
  facilitation: FacilitationStore;
  now?: () => number;
}

/** A suite without who wrote its notes: what facilitators read (suites stored before places and points have none). */
export function presentSuite({ authorIds: _authors, pointFrom: _from, ...suite }: StoredSuite): Suite {
  return { ...suite, placeName: suite.placeName ?? null, location: suite.location ?? null };
}

/** What anyone but facilitators reads of a suite: nothing that leads back to a note or its author. */
export function presentPublicSuite(suite: StoredSuite): PublicSuite {
  const { noteIds: _notes, ...rest } = presentSuite(suite);
  return rest;
}

export class SuiteService {
  constructor(private readonly deps: SuiteServiceDeps) {}

  private nowIso(): string {
    return new Date((this.deps.now ?? Date.now)()).toISOString();
  }

  list(sessionId: string): Promise<StoredSuite[]> {
    return this.deps.store.list(sessionId);
  }

  async create(sessionId: string, input: SuiteCreate): Promise<StoredSuite> {
    const noteIds = [...new Set(input.noteIds)];
    const source = await this.deps.boards.read(sessionId, (records) => {
      const missing = noteIds.filter((id) => !isContributionNote(records.get(id)));
      if (missing.length > 0) return { ok: false as const, missing };
      const geometry = readBoardGeometry(records.values());
      const notes = noteIds.map((id) => geometry.byId.get(id)!);
      // The place of a group of notes is where most of them sit (the first one's on a tie).
      const places = notes.map((note) => notePlace(geometry, note));
      const count = (key: string) => places.filter((p) => placeKey(p) === key).length;
      const place = places.reduce((best, p) => (count(placeKey(p)) > count(placeKey(best)) ? p : best), places[0]!);
      const canvas = geometry.canvases.find((c) => c.canvasId === place.canvasId);
      return {
        ok: true as const,
        texts: notes.map((note) => shapeText(note).trim()).filter(Boolean),
        authorIds: [...new Set(notes.map((note) => trameMeta(note)?.authorId).filter((id): id is string => Boolean(id)))],
        canvasId: place.canvasId,
        canvasTitle: canvas?.title || null,
        zoneId: place.zone?.zoneId ?? null,
        zoneLabel: place.zone?.label || null,
        location: centreOf(pinsGeoJson([...records.values()]).features.filter((pin) => noteIds.includes(pin.id))),
      };
    });
    if (!source.ok) throw suiteNotesNotFound(source.missing);
    const votes = await this.votesFor(sessionId, noteIds);
    const at = this.nowIso();
    const firstLine = source.texts[0]?.split('\n')[0] ?? '';
    const suite: StoredSuite = {
      id: randomUUID(),
      title: input.title ?? (firstLine.slice(0, SUITE_LIMITS.titleChars) || 'Idée sans texte'),
      body: input.body ?? source.texts.join('\n\n').slice(0, SUITE_LIMITS.bodyChars),
      noteIds,
      canvasId: source.canvasId,
      canvasTitle: source.canvasTitle,
      zoneId: source.zoneId,
      zoneLabel: source.zoneLabel,
      votes,
      placeName: null,
      location: source.location,
      status: 'a_l_etude',
      history: [{ status: 'a_l_etude', reason: null, at }],
      createdAt: at,
      updatedAt: at,
      authorIds: source.authorIds,
    };
    await this.deps.store.update(sessionId, (suites) => {
      if (suites.length >= SUITE_LIMITS.perSession) throw tooManySuites(SUITE_LIMITS.perSession);
      return [...suites, suite];
    });
    return suite;
  }

  async edit(sessionId: string, suiteId: string, { location, ...patch }: SuitePatch): Promise<StoredSuite> {
    const point = location === undefined ? {} : { location: await this.pointOf(sessionId, location), pointFrom: location ? (location.fromNote ?? 'typed') : 'typed' };
    return this.change(sessionId, suiteId, (suite) => ({ ...suite, ...patch, ...point }));
  }

  setStatus(sessionId: string, suiteId: string, input: SuiteStatusInput): Promise<StoredSuite> {
    const reason = input.reason?.trim() || null;
    if (statusNeedsReason(input.status) && !reason) return Promise.reject(suiteReasonRequired());
    return this.change(sessionId, suiteId, (suite) => ({
      ...suite,
      status: input.status,
      history: [...suite.history, { status: input.status, reason, at: this.nowIso() }],
    }));
  }

  async remove(sessionId: string, suiteId: string): Promise<void> {
    await this.deps.store.update(sessionId, (suites) => {
      if (!suites.some((s) => s.id === suiteId)) throw suiteNotFound();
      return suites.filter((s) => s.id !== suiteId);
    });
  }

  /** Each session's count of ideas taken on and done, for the bank (its facet and its cards). */
  async followUps(sessionIds: string[]): Promise<Map<string, SuiteFollowUpCounts>> {
    const lists = await Promise.all(sessionIds.map((id) => this.deps.store.list(id)));
    return new Map(sessionIds.map((id, i) => [id, followUpCounts(lists[i]!.map((s) => s.status))]));
  }

  /**
   * A participant withdrew their contributions: the suites made from their notes lose those notes, their text
   * (`withdrawnText.ts`), the dots they had and their pins, and no longer name them; what the facilitator wrote
   * in their own words stays. How many suites changed.
   */
  async withdraw(sessionId: string, participantId: string, removed: readonly RemovedShape[]): Promise<number> {
    const removedIds = new Set(removed.map((shape) => shape.id));
    const concerned = (suite: StoredSuite) =>
      suite.authorIds.includes(participantId) || suite.noteIds.some((id) => removedIds.has(id)) || (suite.pointFrom !== undefined && removedIds.has(suite.pointFrom));
    const suites = (await this.deps.store.list(sessionId)).filter(concerned);
    if (suites.length === 0) return 0;
    const kept = suites.flatMap((suite) => suite.noteIds.filter((id) => !removedIds.has(id)));
    const pieces = withdrawnPieces(removed.map((shape) => shape.text));
    // Copied out of the read: live records are not to be held after it.
    const board = await this.deps.boards.read(sessionId, (records) => ({
      firstLines: new Map(kept.map((id) => {
        const note = records.get(id);
        return [id, note ? (shapeText(note).split('\n')[0] ?? '') : ''];
      })),
      pins: pinsGeoJson([...records.values()]).features,
    }));
    const vote = (await this.deps.facilitation.get(sessionId))?.vote;
    const at = this.nowIso();
    let changed = 0;
    await this.deps.store.update(sessionId, (suites) =>
      suites.map((suite) => {
        if (!concerned(suite)) return suite;
        changed += 1;
        const noteIds = suite.noteIds.filter((id) => !removedIds.has(id));
        const fromNotes = noteIds.map((id) => board.firstLines.get(id)).find(Boolean)?.slice(0, SUITE_LIMITS.titleChars);
        return {
          ...suite,
          noteIds,
          authorIds: suite.authorIds.filter((id) => id !== participantId),
          title: titleWithout(suite.title, pieces) || fromNotes || WITHDRAWN_IDEA_TITLE,
          body: withoutPieces(suite.body, pieces),
          history: suite.history.map((change) => ({ ...change, reason: change.reason && (withoutPieces(change.reason, pieces) || null) })),
          votes: votesOn(vote, noteIds),
          // A point the facilitator typed stays; one the withdrawn notes gave goes with them.
          ...(suite.pointFrom === 'typed' || (suite.pointFrom && !removedIds.has(suite.pointFrom))
            ? {}
            : { location: centreOf(board.pins.filter((pin) => noteIds.includes(pin.id))), pointFrom: undefined }),
          updatedAt: at,
        };
      }),
    );
    return changed;
  }

  /** After the retention period: the suites no longer say who wrote their notes. */
  async forgetAuthors(sessionId: string): Promise<void> {
    if (!(await this.deps.store.list(sessionId)).some((suite) => suite.authorIds.length > 0)) return;
    await this.deps.store.update(sessionId, (suites) => suites.map((suite) => ({ ...suite, authorIds: [] })));
  }

  deleteSession(sessionId: string): Promise<void> {
    return this.deps.store.delete(sessionId);
  }

  private async change(sessionId: string, suiteId: string, edit: (suite: StoredSuite) => StoredSuite): Promise<StoredSuite> {
    let changed: StoredSuite | undefined;
    await this.deps.store.update(sessionId, (suites) =>
      suites.map((suite) => {
        if (suite.id !== suiteId) return suite;
        changed = { ...edit(suite), updatedAt: this.nowIso() };
        return changed;
      }),
    );
    if (!changed) throw suiteNotFound();
    return changed;
  }

  /** The point a facilitator gives: as typed, or where a note pinned on a map of the board lies. */
  private async pointOf(sessionId: string, input: SuiteLocationInput | null): Promise<SuiteLocation | null> {
    if (input === null) return null;
    if (input.fromNote === undefined) return { latitude: round(input.latitude!), longitude: round(input.longitude!) };
    const pin = await this.deps.boards.read(sessionId, (records) => pinsGeoJson([...records.values()]).features.find((p) => p.id === input.fromNote));
    if (!pin) throw suiteNoteNotOnMap();
    return { longitude: pin.geometry.coordinates[0], latitude: pin.geometry.coordinates[1] };
  }

  /** The dots the notes received in the session's vote (the last one held), summed, by collège. */
  private async votesFor(sessionId: string, noteIds: string[]): Promise<SuiteVotes> {
    return votesOn((await this.deps.facilitation.get(sessionId))?.vote, noteIds);
  }
}

/** What a suite is called once the notes it was made from, and its title, left with their author. */
const WITHDRAWN_IDEA_TITLE = 'Idée retirée par la personne qui l’avait proposée';

function votesOn(vote: VoteRecord | null | undefined, noteIds: readonly string[]): SuiteVotes {
  const ranked = tallyVotes(Object.values(vote?.ballots ?? {})).filter((r) => noteIds.includes(r.shapeId));
  const byCollege: Partial<Record<CollegeKey, number>> = {};
  for (const note of ranked) {
    for (const [college, n] of Object.entries(note.byCollege) as [CollegeKey, number][]) {
      byCollege[college] = (byCollege[college] ?? 0) + n;
    }
  }
  return { total: ranked.reduce((sum, r) => sum + r.total, 0), byCollege };
}

/** Six decimals, as the pins: about 10 cm, far finer than a finger on a map. */
const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

/** The centre of a suite's pins on the map: where a proposal made of them is placed. */
function centreOf(pins: PinFeature[]): SuiteLocation | null {
  if (pins.length === 0) return null;
  const mean = (axis: 0 | 1) => round(pins.reduce((sum, pin) => sum + pin.geometry.coordinates[axis], 0) / pins.length);
  return { longitude: mean(0), latitude: mean(1) };
}

function placeKey(place: { canvasId: string | null; zone?: { shapeId: string } | undefined }): string {
  return `${place.canvasId ?? ''}/${place.zone?.shapeId ?? ''}`;
}
