/**
 * One facilitation command on a socket: parse the payload with zod,
 * authorize the role, run, and answer the acknowledgement with success or a
 * named error in French. Unexpected failures are logged and answered as
 * `internal`, never swallowed.
 */
import type { z } from 'zod';
import type { Principal } from '../../shared/roles.js';
import type { Ack } from '../../shared/socketEvents.js';
import type { Logger } from '../logger.js';
import type { TrameSocket } from './attachRealtime.js';
import { FacilitationError, facilitatorOnly, participantsOnly } from './FacilitationError.js';

/** `editor`: anyone the board's edit policy then decides on (facilitators and participants). */
export type Who = 'facilitator' | 'participant' | 'editor';

type CommandEvent = Parameters<TrameSocket['on']>[0];

export function defineCommand<S extends z.ZodType>(
  socket: TrameSocket,
  log: Logger,
  event: CommandEvent,
  schema: S,
  who: Who,
  run: (payload: z.output<S>, principal: Principal) => Promise<void>,
): void {
  const listener = async (payload: unknown, ack: unknown) => {
    const reply: Ack = typeof ack === 'function' ? (ack as Ack) : () => undefined;
    const principal = socket.data.principal;
    if (who === 'facilitator' && principal.role !== 'facilitator') return reply(refusal(facilitatorOnly()));
    if (who === 'participant' && principal.role !== 'participant') return reply(refusal(participantsOnly()));
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => i.message).join(' ');
      return reply({ ok: false, code: 'invalid_payload', message: `La demande est invalide : ${details}` });
    }
    try {
      await run(parsed.data, principal);
      reply({ ok: true, data: undefined });
    } catch (error) {
      if (error instanceof FacilitationError) return reply(refusal(error));
      log.error({ err: error, event, sessionId: principal.sessionId }, 'facilitation command failed');
      reply({ ok: false, code: 'internal', message: 'Une erreur est survenue. Réessayez.' });
    }
  };
  socket.on(event, listener as never);
}

function refusal(error: FacilitationError) {
  return { ok: false as const, code: error.code, message: error.message };
}
