/**
 * Why the server refused a change to a board, as it tells the sender on the
 * board's own socket (a y-websocket message of type `REFUSAL_MESSAGE_TYPE`
 * carrying one of these codes). The sender's copy then receives the server's
 * state back as an ordinary update; the client shows the code's message
 * (`board.refused.<code>` in the locale files).
 */
export const BOARD_REFUSALS = ['not-yours', 'invalid', 'paused', 'read-only', 'board-full'] as const;
export type BoardRefusal = (typeof BOARD_REFUSALS)[number];

/** Beyond y-websocket's own message types (0–3); stock clients log and ignore it. */
export const REFUSAL_MESSAGE_TYPE = 20;

export function isBoardRefusal(value: unknown): value is BoardRefusal {
  return (BOARD_REFUSALS as readonly unknown[]).includes(value);
}
