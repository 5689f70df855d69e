/**
 * Facilitation state from the session socket, kept as the server sends it,
 * with the offset between the server's clock and ours so timers count
 * right on a device whose clock is off.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Socket } from 'socket.io-client';
import type { FacilitationView } from '../../shared/facilitation.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/socketEvents.js';
import { refusalText } from '../refusalText.js';

export type FacilitationSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type CommandResult = { ok: true } | { ok: false; code: string; message: string };

/** The commands that take a payload and an acknowledgement. */
export type CommandName = Exclude<keyof ClientToServerEvents, 'participants:list' | 'facilitation:get' | 'follow:camera' | 'heartbeat'>;
export type CommandPayload<E extends CommandName> = Parameters<ClientToServerEvents[E]>[0];

export interface Facilitation {
  state: FacilitationView | null;
  /** Add to Date.now() to read the server's clock. */
  clockOffsetMs: number;
  send<E extends CommandName>(event: E, payload: CommandPayload<E>): Promise<CommandResult>;
  /** Why the last command was refused, in the interface's language, until the next one succeeds. */
  error: string | null;
}

export function useFacilitation(socket: FacilitationSocket): Facilitation {
  const [state, setState] = useState<FacilitationView | null>(null);
  const [clockOffsetMs, setClockOffsetMs] = useState(0);
  const { i18n } = useTranslation();
  const [refusal, setRefusal] = useState<{ code: string; message: string } | null>(null);

  useEffect(() => {
    const onState = (next: FacilitationView) => {
      setClockOffsetMs(next.serverNow - Date.now());
      setState(next);
    };
    socket.on('facilitation:state', onState);
    // A view mounted after the socket connected has missed the state sent on connect.
    socket.emit('facilitation:get', (result) => {
      if (result.ok) onState(result.data);
    });
    return () => {
      socket.off('facilitation:state', onState);
    };
  }, [socket]);

  const send = useCallback(
    <E extends CommandName>(event: E, payload: CommandPayload<E>) =>
      new Promise<CommandResult>((resolve) => {
        const emit = socket.emit as (event: string, payload: unknown, ack: (r: CommandResult) => void) => void;
        emit.call(socket, event, payload, (result) => {
          setRefusal(result.ok ? null : { code: result.code, message: result.message });
          resolve(result);
        });
      }),
    [socket],
  );

  const error = refusal && refusalText(i18n, refusal.code, refusal.message);
  return { state, clockOffsetMs, send, error };
}
