/**
 * The workshop's status follows what happens in it: `preparation` becomes
 * `running` at the first step or the first participant's edit, and the
 * facilitator ends it (`finished`), through the session lifecycle commands.
 * What ending does to facilitation (timer, vote) is `workshopEffects`'.
 */
import { isSessionClosed } from '../../shared/roles.js';
import type { SessionCommandContext } from './commands/SessionCommandContext.js';
import { finishSession, startSession } from './commands/updateSession.js';

export class WorkshopLifecycle {
  /** A room of people editing at once starts the workshop once, not once each. */
  private readonly starting = new Map<string, Promise<void>>();

  constructor(private readonly commands: SessionCommandContext) {}

  /** preparation → running; nothing otherwise. Cheap when already running: the live policy is in memory. */
  start(sessionId: string): Promise<void> {
    const pending = this.starting.get(sessionId);
    if (pending) return pending;
    const { sessions } = this.commands;
    const run = (async () => {
      if ((await sessions.policy(sessionId)).status !== 'preparation') return;
      if ((await sessions.require(sessionId)).status !== 'preparation') return;
      await startSession(this.commands, sessionId);
    })().finally(() => this.starting.delete(sessionId));
    this.starting.set(sessionId, run);
    return run;
  }

  /** → finished; false if it was already over (finished or archived). */
  async finish(sessionId: string): Promise<boolean> {
    if (isSessionClosed((await this.commands.sessions.require(sessionId)).status)) return false;
    await finishSession(this.commands, sessionId);
    return true;
  }
}
