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
}) {
  const { board, geometry, zones, names, disabled } = props;
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [zoneKey, setZoneKey] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const groups = geometry.canvases
    .map((canvas) => ({ canvas, zones: zones.filter((z) => z.canvasId === canvas.canvasId) }))
    .filter((g) => g.zones.length > 0);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // The list's geometry may be a moment old (two quick ideas): place against the board as it is now.
    const now = board.now();
    const zone = now.zones.find((z) => z.shapeId === zoneKey);
    if (!text.trim()) return setMessage({ error: true, text: t('list.ideaRequired') });
    if (!zone) return setMessage({ error: true, text: t('list.zoneRequired') });
    const spot = placeNote(now, zone);
    const failure = await board.addNote(spot, text.trim());
    if (failure) return setMessage({ error: true, text: failure });
    setText('');
    const name = names.get(zone.shapeId) ?? zone.label;
    setMessage({ error: false, text: spot.overflow ? t('room.ideaOverflow', { zone: name }) : t('list.ideaAdded', { zone: name }) });
  };

  return (
    <form className="add-idea card" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h2 id="add-idea-title">{t('list.addIdea')}</h2>
      <label htmlFor="idea-text">{t('list.ideaLabel')}</label>
      <textarea id="idea-text" rows={3} maxLength={500} value={text} disabled={disabled} onChange={(e) => setText(e.target.value)} />
      <label htmlFor="idea-zone">{t('list.zoneLabel')}</label>
      <select id="idea-zone" value={zoneKey} disabled={disabled} onChange={(e) => setZoneKey(e.target.value)}>
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
      <button type="submit" disabled={disabled}>
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
