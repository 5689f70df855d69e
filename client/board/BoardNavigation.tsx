import { useEffect, useRef } from 'react';
import type { Editor } from 'tldraw';
import type { FacilitationView } from '../../shared/facilitation.js';
import { useFacilitation, type FacilitationSocket } from '../facilitation/useFacilitation.js';
import './boardNavigation.css';
import { CanvasNavigator } from './CanvasNavigator.js';
import { ExampleNotesToggle } from './ExampleNotesToggle.js';
import { useBoardGeometry } from './boardGeometryOf.js';
import { useBoardRecords } from './useBoardRecords.js';
import { useCanvasFraming } from './useCanvasFraming.js';

/** The navigator and step framing of a live board; `listView` hides the board on a phone. */
export function BoardNavigation(props: {
  editor: Editor;
  socket: FacilitationSocket;
  participantId: string;
  facilitator: boolean;
  listView: boolean;
}) {
  const { state } = useFacilitation(props.socket);
  return <Navigation {...props} state={state} />;
}

/** The same for a board without a session socket (the bank): whole board first. */
export function VisitorNavigation({ editor }: { editor: Editor }) {
  return <Navigation editor={editor} state={undefined} participantId="" facilitator={false} listView={false} />;
}

function Navigation(props: {
  editor: Editor;
  state: FacilitationView | null | undefined;
  participantId: string;
  facilitator: boolean;
  listView: boolean;
}) {
  const { editor, state, participantId, facilitator, listView } = props;
  const records = useBoardRecords(editor);
  const { canvases } = useBoardGeometry(records);
  const framing = useCanvasFraming(editor, canvases, state, participantId);

  // Back from the list view, a phone sees the step's canvas (unless its owner wandered off).
  const wasList = useRef(listView);
  useEffect(() => {
    if (wasList.current && !listView && !framing.wandering && framing.stepCanvasId) framing.backToStep();
    wasList.current = listView;
  }, [listView, framing]);

  if (listView) return null;
  return (
    <div className="board-navigation">
      <CanvasNavigator canvases={canvases} framing={framing} />
      {facilitator && <ExampleNotesToggle editor={editor} />}
    </div>
  );
}
