import { useEffect, useState } from 'react';
import type { AccessGrant } from '../../shared/sessionSchemas.js';
import { api, ApiRequestError } from '../api.js';
import { forgetAccess, loadAccess, saveAccess, tokenFromFragment } from './accessStore.js';

export type AccessState =
  /** `token`: the one being checked, so that what it opens can be asked for in the same round trip. */
  | { status: 'checking'; token: string }
  | { status: 'granted'; access: AccessGrant }
  | { status: 'none' }
  | { status: 'error'; error: unknown };

/**
 * The identity this device has on a session: from a role link's fragment
 * (then remembered and removed from the address bar), or from an earlier
 * visit. A token the server no longer accepts is forgotten.
 */
export function useSessionAccess(sessionId: string): AccessState {
  const [state, setState] = useState<AccessState>(() => {
    const token = tokenFromFragment() ?? loadAccess(sessionId)?.token;
    return token ? { status: 'checking', token } : { status: 'none' };
  });

  useEffect(() => {
    let cancelled = false;
    const check = async () => {
      const linkToken = tokenFromFragment();
      const token = linkToken ?? loadAccess(sessionId)?.token;
      if (!token) return setState({ status: 'none' });
      try {
        const principal = await api.me(sessionId, token);
        const grant: AccessGrant = { ...principal, token };
        saveAccess(grant);
        if (linkToken) window.history.replaceState(null, '', window.location.pathname);
        if (!cancelled) setState({ status: 'granted', access: grant });
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 401) {
          forgetAccess(sessionId);
          if (!cancelled) setState({ status: 'none' });
        } else if (!cancelled) setState({ status: 'error', error });
      }
    };
    void check();
    return () => {
      cancelled = true;
    };
  }, [sessionId]);

  return state;
}
