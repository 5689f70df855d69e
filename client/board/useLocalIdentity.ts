import { useState } from 'react';
import type { PresenceUser } from './bindPresence.js';

const STORAGE_KEY = 'trame.identity';
const COLORS = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#c2410c', '#0e7490', '#be185d', '#4d7c0f'];

/**
 * Who this browser is on boards until the joining issue gives participants a
 * pseudonym: a stable id and colour kept on the device.
 */
export function useLocalIdentity(): PresenceUser {
  const [identity] = useState<PresenceUser>(() => {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved) {
      try {
        return JSON.parse(saved) as PresenceUser;
      } catch {
        localStorage.removeItem(STORAGE_KEY);
      }
    }
    const id = crypto.randomUUID();
    const fresh = {
      id,
      name: `Invité·e ${id.slice(0, 4)}`,
      color: COLORS[Math.floor(Math.random() * COLORS.length)]!,
    };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(fresh));
    return fresh;
  });
  return identity;
}
