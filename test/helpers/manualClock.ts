/**
 * A clock the test moves by hand, given to the server as its `now`. Vitest's
 * fake Date would also age socket.io's ping deadline and drop the sockets.
 */
export interface ManualClock {
  now: () => number;
  advance(ms: number): void;
}

export function manualClock(start = Date.parse('2026-11-23T14:00:00Z')): ManualClock {
  let time = start;
  return {
    now: () => time,
    advance(ms) {
      time += ms;
    },
  };
}
