import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toRichText, type Editor, type TLShapeId } from 'tldraw';
import type { BoardRecord } from '../../shared/boardLayout.js';
import { freeSpotInZone, noteBox, type ZoneShape } from '../../shared/boardContent.js';

/**
 * Adding an idea without the canvas: text and zone, and the note is placed in
 * the zone where it covers no other. It is created through tldraw like a
 * drawn note, so it gets its author, collège colour and privacy the same way.
 */
export function AddIdeaForm(props: { editor: Editor; zones: ZoneShape[]; records: BoardRecord[]; disabled: boolean }) {
  const { editor, zones, records, disabled } = props;
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [zoneKey, setZoneKey] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const key = (z: ZoneShape) => `${z.canvasId}/${z.zoneId}`;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const zone = zones.find((z) => key(z) === zoneKey);
    if (!text.trim()) return setMessage({ error: true, text: t('list.ideaRequired') });
    if (!zone) return setMessage({ error: true, text: t('list.zoneRequired') });
    const notes = records.filter((r) => r.type === 'note');
    const spot = freeSpotInZone(zone, notes.map((n) => noteBox(n, records)));
    const id = `shape:${crypto.randomUUID()}` as TLShapeId;
    editor.createShape({ id, type: 'note', x: spot.x, y: spot.y, props: { richText: toRichText(text.trim()) } });
    setText('');
    setMessage({ error: false, text: t('list.ideaAdded', { zone: zone.label }) });
  };

  return (
    <form className="add-idea card" onSubmit={onSubmit} noValidate>
      <h2 id="add-idea-title">{t('list.addIdea')}</h2>
      <label htmlFor="idea-text">{t('list.ideaLabel')}</label>
      <textarea id="idea-text" rows={3} maxLength={500} value={text} disabled={disabled} onChange={(e) => setText(e.target.value)} />
      <label htmlFor="idea-zone">{t('list.zoneLabel')}</label>
      <select id="idea-zone" value={zoneKey} disabled={disabled} onChange={(e) => setZoneKey(e.target.value)}>
        <option value="">{t('list.chooseZone')}</option>
        {zones.map((z) => (
          <option key={key(z)} value={key(z)}>
            {z.label}
          </option>
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
