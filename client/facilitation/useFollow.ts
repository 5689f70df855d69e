/**
 * Follow-me on this device. The leader's camera is sent while everyone
 * follows; a follower's camera goes where the leader's goes until they pan
 * or zoom themselves (they broke away), and comes back when they ask.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Editor, TLEventInfo } from 'tldraw';
import type { CameraBounds, FacilitationView } from '../../shared/facilitation.js';
import { FOLLOW_CAMERA_INTERVAL_MS } from '../../shared/facilitationLimits.js';
import type { Principal } from '../../shared/roles.js';
import type { FacilitationSocket } from './useFacilitation.js';

export type FollowStatus = 'none' | 'leading' | 'following' | 'detached';

export function useFollow(
  socket: FacilitationSocket,
  editor: Editor | null,
  principal: Principal,
  follow: FacilitationView['follow'],
): { status: FollowStatus; rejoin: () => void; leave: () => void } {
  const [detached, setDetached] = useState(false);
  const lastBounds = useRef<CameraBounds | null>(null);
  const leading = follow?.leaderId === principal.participantId;
  const following = Boolean(follow) && !leading;

  const show = useCallback(
    (bounds: CameraBounds) => editor?.zoomToBounds(bounds, { inset: 0, immediate: true, force: true }),
    [editor],
  );

  useEffect(() => {
    if (follow) return;
    setDetached(false);
    lastBounds.current = null;
  }, [follow]);

  useEffect(() => {
    if (!editor || !leading) return;
    let sent = '';
    const timer = setInterval(() => {
      const { x, y, w, h } = editor.getViewportPageBounds();
      const key = [x, y, w, h].map((n) => Math.round(n)).join(',');
      if (key === sent) return;
      sent = key;
      socket.emit('follow:camera', { x, y, w, h });
    }, FOLLOW_CAMERA_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [editor, leading, socket]);

  // Always listening: the server sends the leader's last camera right after the state, before we know we follow.
  const applying = useRef(false);
  applying.current = following && !detached;
  useEffect(() => {
    const onCamera = (bounds: CameraBounds) => {
      lastBounds.current = bounds;
      if (applying.current) show(bounds);
    };
    socket.on('follow:camera', onCamera);
    return () => {
      socket.off('follow:camera', onCamera);
    };
  }, [socket, show]);

  useEffect(() => {
    if (following && !detached && lastBounds.current) show(lastBounds.current);
  }, [following, detached, show]);

  useEffect(() => {
    if (!editor || !following || detached) return;
    const onEvent = (info: TLEventInfo) => {
      const pannedByHand = info.type === 'pointer' && info.name === 'pointer_move' && editor.inputs.getIsPanning();
      if (info.type === 'wheel' || info.type === 'pinch' || pannedByHand) setDetached(true);
    };
    editor.on('event', onEvent);
    return () => {
      editor.off('event', onEvent);
    };
  }, [editor, following, detached]);

  const rejoin = useCallback(() => setDetached(false), []);
  const leave = useCallback(() => setDetached(true), []);

  const status: FollowStatus = leading ? 'leading' : !following ? 'none' : detached ? 'detached' : 'following';
  return { status, rejoin, leave };
}
