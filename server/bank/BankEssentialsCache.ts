import type { BankEssentials } from '../../shared/sessionSchemas.js';

const CACHED_ENTRIES = 40;

/**
 * Each published workshop's essentials, built once per publication (the session's `updatedAt` changes when it is
 * republished, which rewrites the anonymised copy) and shared by every visitor meanwhile: a crowd reading the
 * bank costs one build, not one each.
 */
export class BankEssentialsCache {
  private readonly entries = new Map<string, { fingerprint: string; value: Promise<BankEssentials> }>();

  get(sessionId: string, fingerprint: string, build: () => Promise<BankEssentials>): Promise<BankEssentials> {
    const cached = this.entries.get(sessionId);
    if (cached?.fingerprint === fingerprint) return cached.value;
    const value = build();
    this.entries.delete(sessionId);
    this.entries.set(sessionId, { fingerprint, value });
    // A failed build is not kept: the next visitor tries again.
    value.catch(() => {
      if (this.entries.get(sessionId)?.value === value) this.entries.delete(sessionId);
    });
    if (this.entries.size > CACHED_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
