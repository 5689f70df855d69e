/**
 * What a participant may write into a board's `records`, one record at a
 * time: valid for the board's tldraw schema (tldraw's own validators), stored
 * under its own id, of a kind participants create, their own to change or
 * delete, and signed with their identity — never someone else's.
 */
import { isSessionAssetUrl } from '../../shared/assetUrls.js';
import { TRAME_META_KEY, isScaffolding, trameMeta, type BoardRecord } from '../../shared/boardLayout.js';
import type { College } from '../../shared/roles.js';
import { createServerStore } from '../board/createBoardState.js';
import type { KeyVerdict, RecordLookup } from './guardPeerUpdate.js';

/** Shapes a participant may create: notes, drawings, text, arrows, images (no embeds, bookmarks or frames). */
const PARTICIPANT_SHAPES = new Set(['note', 'draw', 'highlight', 'line', 'geo', 'text', 'arrow', 'image']);
const PARTICIPANT_BINDINGS = new Set(['arrow']);
/**
 * The only Trame data a participant's record carries; roles, zones and canvases are scaffolding. `origin` (a
 * note carried from an earlier workshop) is the server's: kept as it was on a change, dropped from a new record
 * (a pasted copy), never taken from the participant.
 */
const PARTICIPANT_META_KEYS = new Set(['authorId', 'college', 'origin']);

export interface Writer {
  sessionId: string;
  participantId: string;
  college: College | null;
  /** The session option « tout le monde peut modifier les notes de tous ». */
  editsEveryone: boolean;
}

type Validator = (record: unknown, before?: unknown) => unknown;

/** tldraw's record validators for the server's schema, the one every browser uses too. */
export class RecordRules {
  private readonly validators: Record<string, Validator>;

  constructor() {
    const types = createServerStore().schema.types as Record<string, { validate: Validator }>;
    this.validators = Object.fromEntries(Object.entries(types).map(([name, type]) => [name, type.validate.bind(type)]));
  }

  /** Whether `record` passes tldraw's validator for its type name (any type: used to repair stored boards). */
  isValid(record: unknown): boolean {
    const typeName = (record as BoardRecord | undefined)?.typeName;
    const validate = typeof typeName === 'string' ? this.validators[typeName] : undefined;
    if (!validate) return false;
    try {
      validate(record);
      return true;
    } catch {
      return false;
    }
  }

  /** Judges one key of `records` changed by `writer`; may return the record stamped with the writer's identity. */
  check(writer: Writer, key: string, lookup: RecordLookup): KeyVerdict {
    const before = lookup.before(key);
    const after = lookup.after(key);
    if (before && !this.mayTouch(writer, before, lookup)) return { ok: false, refusal: 'not-yours' };
    if (!after) return { ok: true };
    if (typeof after !== 'object' || after === null || after.id !== key) return { ok: false, refusal: 'invalid' };
    if (before && before.typeName !== after.typeName) return { ok: false, refusal: 'invalid' };
    if (!this.mayCreate(writer, after, lookup) || !this.isValid(after)) return { ok: false, refusal: 'invalid' };
    return this.signed(writer, after, before);
  }

  private mayCreate(writer: Writer, record: BoardRecord, lookup: RecordLookup): boolean {
    if (isScaffolding(record)) return false;
    const trame = trameMeta(record);
    if (trame !== undefined && (typeof trame !== 'object' || Object.keys(trame).some((k) => !PARTICIPANT_META_KEYS.has(k)))) {
      return false;
    }
    const props = (record.props ?? {}) as Record<string, unknown>;
    const lastEditor = props.textLastEditedBy;
    if (lastEditor !== undefined && lastEditor !== null && lastEditor !== writer.participantId) return false;
    switch (record.typeName) {
      case 'shape': {
        if (!PARTICIPANT_SHAPES.has(record.type as string)) return false;
        const parent = String(record.parentId ?? '');
        if (!parent.startsWith('page:') && !parent.startsWith('shape:')) return false;
        if (!lookup.after(parent)) return false;
        return record.type !== 'image' || props.assetId === null || lookup.after(String(props.assetId))?.typeName === 'asset';
      }
      case 'binding': {
        if (!PARTICIPANT_BINDINGS.has(record.type as string)) return false;
        const arrow = lookup.after(String(record.fromId));
        return Boolean(arrow && lookup.after(String(record.toId)) && this.owns(writer, arrow));
      }
      case 'asset':
        // tldraw creates the asset with an empty src while the file uploads, then sets Trame's URL.
        return record.type === 'image' && (props.src === null || props.src === '' || isSessionAssetUrl(props.src, writer.sessionId));
      default:
        return false;
    }
  }

  /** Changing or deleting an existing record. */
  private mayTouch(writer: Writer, record: BoardRecord, lookup: RecordLookup): boolean {
    if (isScaffolding(record)) return false;
    if (record.typeName === 'binding') {
      // Deleting a shape deletes the arrows' bindings to it, whoever drew the arrow.
      const ends = [record.fromId, record.toId].map((id) => lookup.before(String(id)));
      return ends.some((end) => end !== undefined && this.owns(writer, end));
    }
    if (record.typeName !== 'shape' && record.typeName !== 'asset') return false;
    return this.owns(writer, record);
  }

  private owns(writer: Writer, record: BoardRecord): boolean {
    const author = trameMeta(record)?.authorId;
    if (author === writer.participantId) return true;
    return writer.editsEveryone && typeof author === 'string' && !isScaffolding(record);
  }

  /**
   * A new record gets the writer's identity; a changed one keeps its author's.
   * A claim of anyone else is refused, not corrected: only a forger sends one.
   */
  private signed(writer: Writer, record: BoardRecord, before: BoardRecord | undefined): KeyVerdict {
    if (record.typeName === 'binding') return { ok: true };
    const claimed = trameMeta(record) ?? {};
    const expected = before
      ? { authorId: trameMeta(before)?.authorId, college: trameMeta(before)?.college ?? null }
      : { authorId: writer.participantId, college: writer.college };
    const origin = before ? trameMeta(before)?.origin : undefined;
    if (claimed.authorId !== undefined && claimed.authorId !== expected.authorId) return { ok: false, refusal: 'invalid' };
    if (claimed.college !== undefined && (claimed.college ?? null) !== expected.college) return { ok: false, refusal: 'invalid' };
    const sameOrigin = JSON.stringify(claimed.origin) === JSON.stringify(origin);
    if (claimed.authorId === expected.authorId && (claimed.college ?? null) === expected.college && sameOrigin) return { ok: true };
    const meta = (record.meta ?? {}) as Record<string, unknown>;
    return { ok: true, stamped: { ...record, meta: { ...meta, [TRAME_META_KEY]: { ...expected, ...(origin ? { origin } : {}) } } } };
  }
}
