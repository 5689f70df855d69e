import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardGeometry, ZoneGeometry } from '../../shared/boardGeometry.js';
import { placeNote, type NoteSpot } from '../../shared/notePlacement.js';

/** Adds the note at `spot`; resolves to an error message in the reader's language, or null once added. */
export type AddNote = (spot: NoteSpot, text: string) => Promise<string | null>;

/** The board the list view shows: its shapes, and how to read it as it is now and add to it. */
export interface ListBoard {
  now: () => BoardGeometry;
  addNote: AddNote;
}

/** Asks the server to grow a full zone by a row; resolves once asked (the growth reaches the board as an edit). */
export type GrowZone = (zoneShapeId: string) => Promise<boolean>;

/** How long a grown zone may take to reach this board before the note goes to the débordement band instead. */
const GROWTH_WAIT_MS = 2_000;

/**
 * Where the idea goes: the zone's first free slot; a full zone is first asked to grow (the server does so
 * only when it is full and its canvas not at its tallest), and the note waits for the growth to arrive.
 */
async function spotFor(board: ListBoard, zoneShapeId: string, growZone: GrowZone | undefined): Promise<NoteSpot | null> {
  const zoneNow = () => board.now().zones.find((z) => z.shapeId === zoneShapeId);
  const zone = zoneNow();
  if (!zone) return null;
  const spot = placeNote(board.now(), zone);
  if (!spot.overflow || !growZone || !(await growZone(zoneShapeId))) return spot;
  const deadline = performance.now() + GROWTH_WAIT_MS;
  while (performance.now() < deadline) {
    const grown = zoneNow();
    if (grown && grown.box.h > zone.box.h) return placeNote(board.now(), grown);
    await new Promise((r) => setTimeout(r, 50));
  }
  return placeNote(board.now(), zoneNow() ?? zone);
}

/**
 * Adding an idea without the canvas: text and zone (grouped by canvas, in
 * board order), and the note goes to the zone's first free slot below its
 * heading, or to the canvas's débordement band when the zone is full. The
 * board says how it is added (through tldraw on the canvas, into the Y.Doc
 * on a phone), with the same author, collège colour and privacy.
 */
export function AddIdeaForm(props: {
  board: ListBoard;
  geometry: BoardGeometry;
  zones: ZoneGeometry[];
  names: Map<string, string>;
  disabled: boolean;
  /** False while the board loads: the idea can be written, its zone chosen and the idea added once it is there. */
  ready?: boolean;
  growZone?: GrowZone;
}) {
  const { board, geometry, zones, names, disabled, ready = true, growZone } = props;
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [zoneKey, setZoneKey] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  // While a full zone grows, a second tap must not add the idea twice.
  const [busy, setBusy] = useState(false);
  const groups = geometry.canvases
    .map((canvas) => ({ canvas, zones: zones.filter((z) => z.canvasId === canvas.canvasId) }))
    .filter((g) => g.zones.length > 0);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return setMessage({ error: true, text: t('list.ideaRequired') });
    // The list's geometry may be a moment old (two quick ideas): place against the board as it is now.
    const zone = board.now().zones.find((z) => z.shapeId === zoneKey);
    if (!zone) return setMessage({ error: true, text: t('list.zoneRequired') });
    setBusy(true);
    const spot = await spotFor(board, zone.shapeId, growZone);
    const submitted = text;
    const failure = spot ? await board.addNote(spot, submitted.trim()) : t('list.zoneRequired');
    setBusy(false);
    if (failure) return setMessage({ error: true, text: failure });
    // Words typed for the next idea while this one was added stay.
    setText((current) => (current === submitted ? '' : current));
    const name = names.get(zone.shapeId) ?? zone.label;
    setMessage({ error: false, text: spot?.overflow ? t('room.ideaOverflow', { zone: name }) : t('list.ideaAdded', { zone: name }) });
  };

  return (
    <form className="add-idea card" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h2 id="add-idea-title">{t('list.addIdea')}</h2>
      <label htmlFor="idea-text">{t('list.ideaLabel')}</label>
      <textarea id="idea-text" rows={3} maxLength={500} value={text} disabled={disabled} onChange={(e) => setText(e.target.value)} />
      <label htmlFor="idea-zone">{t('list.zoneLabel')}</label>
      <select id="idea-zone" value={zoneKey} disabled={disabled || !ready} onChange={(e) => setZoneKey(e.target.value)}>
        <option value="">{t('list.chooseZone')}</option>
        {groups.map(({ canvas, zones: inCanvas }) => (
          <optgroup key={canvas.canvasId} label={canvas.title || t('list.canvas')}>
            {inCanvas.map((z) => (
              <option key={z.shapeId} value={z.shapeId}>
                {names.get(z.shapeId) ?? z.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <button type="submit" disabled={disabled || busy || !ready}>
        {t('list.add')}
      </button>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'success'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
