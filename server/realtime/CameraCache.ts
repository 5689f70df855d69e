import type { CameraBounds } from '../../shared/facilitation.js';

/**
 * The follow-me leader's last camera per session, so a device that connects mid-session is framed at once.
 * Memory only and per instance: it changes many times a second and is worthless after the session.
 */
export class CameraCache {
  private readonly bounds = new Map<string, CameraBounds>();

  get(sessionId: string): CameraBounds | undefined {
    return this.bounds.get(sessionId);
  }

  set(sessionId: string, bounds: CameraBounds): void {
    this.bounds.set(sessionId, bounds);
  }

  forget(sessionId: string): void {
    this.bounds.delete(sessionId);
  }
}
