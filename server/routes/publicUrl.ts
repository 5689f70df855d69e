import type { Request } from 'express';
import { pagePaths } from '../../shared/paths.js';

/** The address people type or scan: the configured public URL, else what the request reached. */
export function publicBaseUrl(req: Request, configured: string | undefined): string {
  if (configured) return configured.replace(/\/$/, '');
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

export function joinUrl(base: string, joinCode: string): string {
  return `${base}${pagePaths.join(joinCode)}`;
}
