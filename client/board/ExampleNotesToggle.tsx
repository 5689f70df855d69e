import { useTranslation } from 'react-i18next';
import { useValue, type Editor, type TLShape } from 'tldraw';
import { isExampleNote } from '../../shared/boardGeometry.js';
import type { BoardRecord } from '../../shared/boardLayout.js';

/** Template example notes are drawn lighter (templateToRecords); hidden, they are fully transparent. */
const SHOWN_OPACITY = 0.6;

/** For facilitators: hide or show every example note of the board at once, for everyone. */
export function ExampleNotesToggle({ editor, className = '' }: { editor: Editor; className?: string }) {
  const { t } = useTranslation();
  const examples = useValue(
    'example notes',
    () => editor.getCurrentPageShapes().filter((s) => isExampleNote(s as unknown as BoardRecord)),
    [editor],
  );
  if (examples.length === 0) return null;
  const hidden = examples.every((s) => s.opacity === 0);
  const toggle = () =>
    // Example notes are locked scaffolding: only this deliberate action changes them.
    editor.run(
      () => editor.updateShapes(examples.map((s: TLShape) => ({ id: s.id, type: s.type, opacity: hidden ? SHOWN_OPACITY : 0 }))),
      { ignoreShapeLock: true },
    );
  return (
    <button type="button" className={`secondary example-notes-toggle ${className}`} aria-pressed={hidden} onClick={toggle}>
      {hidden ? t('room.showExamples') : t('room.hideExamples')}
    </button>
  );
}
