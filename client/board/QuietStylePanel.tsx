import { DefaultStylePanel, useEditor, useValue, type TLUiStylePanelProps } from 'tldraw';

/**
 * tldraw's style panel, only while there is something to style: shapes
 * selected or a drawing tool in hand. Left open on a bare board, it covered
 * the top right of every framed canvas (zone headings, instructions).
 */
export function QuietStylePanel(props: TLUiStylePanelProps) {
  const editor = useEditor();
  const styling = useValue(
    'styling',
    () => editor.getSelectedShapeIds().length > 0 || !['select', 'hand', 'laser', 'zoom'].includes(editor.getCurrentToolId()),
    [editor],
  );
  return styling ? <DefaultStylePanel {...props} /> : null;
}
