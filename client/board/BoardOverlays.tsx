/**
 * What facilitation draws on the board itself, in tldraw's in-front-of-the-
 * canvas layer: above the shapes, below tldraw's toolbar and style panel, so
 * a badge can never cover the tools. The page provides the vote through
 * context because tldraw mounts the slot itself.
 */
import { createContext, useContext } from 'react';
import { useEditor } from 'tldraw';
import type { VoteView } from '../../shared/facilitation.js';
import { PrivateNoteMarks } from '../facilitation/PrivateNoteMarks.js';
import { VoteBadges } from '../facilitation/VoteBadges.js';
import { CarriedNoteBadges } from './CarriedNoteBadges.js';

export interface BoardOverlayState {
  vote: VoteView | null;
  canVote: boolean;
  onCast: (shapeId: string) => void;
  onWithdraw: (shapeId: string) => void;
}

export const BoardOverlayContext = createContext<BoardOverlayState | null>(null);

export function BoardOverlays() {
  const editor = useEditor();
  const overlay = useContext(BoardOverlayContext);
  return (
    <>
      <PrivateNoteMarks editor={editor} />
      <CarriedNoteBadges editor={editor} />
      {overlay?.vote && (
        <VoteBadges editor={editor} vote={overlay.vote} canVote={overlay.canVote} onCast={overlay.onCast} onWithdraw={overlay.onWithdraw} />
      )}
    </>
  );
}
