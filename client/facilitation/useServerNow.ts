import { useEffect, useState } from 'react';

/** The server's clock, refreshed while `active`; a quarter second keeps a seconds display on time. */
export function useServerNow(clockOffsetMs: number, active: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(() => Date.now() + clockOffsetMs);
  useEffect(() => {
    setNow(Date.now() + clockOffsetMs);
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now() + clockOffsetMs), intervalMs);
    return () => clearInterval(timer);
  }, [clockOffsetMs, active, intervalMs]);
  return now;
}
