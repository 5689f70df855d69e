import { useEffect } from 'react';
import type { Editor } from 'tldraw';
import type { Principal } from '../../shared/roles.js';

/**
 * Mirrors the server's pause in the participant's editor. The server already
 * drops their edits; without this, tldraw would show edits that never land
 * and the Yjs client would hold later ones back.
 */
export function usePauseReadonly(editor: Editor | null, principal: Principal, paused: boolean): void {
  useEffect(() => {
    if (!editor || !paused || principal.role !== 'participant') return;
    const wasReadonly = editor.getIsReadonly();
    editor.updateInstanceState({ isReadonly: true });
    return () => {
      editor.updateInstanceState({ isReadonly: wasReadonly });
    };
  }, [editor, paused, principal.role]);
}
