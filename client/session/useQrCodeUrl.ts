import { useEffect, useState } from 'react';
import { api } from '../api.js';

/** The session's join QR code for its facilitator, as an object URL released on unmount. */
export function useQrCodeUrl(sessionId: string, token: string | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!token) return;
    let created: string | null = null;
    let cancelled = false;
    api.qrCodeUrl(sessionId, token).then(
      (u) => {
        if (cancelled) return URL.revokeObjectURL(u);
        created = u;
        setUrl(u);
      },
      () => setUrl(null),
    );
    return () => {
      cancelled = true;
      if (created) URL.revokeObjectURL(created);
    };
  }, [sessionId, token]);
  return url;
}
