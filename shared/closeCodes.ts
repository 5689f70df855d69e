/**
 * WebSocket close codes for `/yjs/…`. The y-websocket client stops retrying
 * on codes in 4400–4499, so every refusal that reconnecting cannot fix uses
 * that range; 4500+ means "try again later".
 */
export const CloseCode = {
  /** The board does not exist (unknown or deleted session). */
  UnknownBoard: 4404,
  /** The URL is not a board path, or is malformed. */
  BadRequest: 4400,
  /** Missing, forged or revoked token. */
  Unauthorized: 4401,
  /** The token is valid but its role may not open this board. */
  Forbidden: 4403,
  /** The participant was removed by the facilitator. */
  Removed: 4410,
  /** A message exceeded the configured size limit. */
  MessageTooLarge: 4413,
  /**
   * The board already has the maximum number of connections: retried, since a seat frees when anyone
   * leaves (a final code would lock a facilitator out for good after someone filled the board).
   */
  RoomFull: 4529,
  /** This token already holds the maximum number of board connections (its other tabs and devices). */
  TooManyConnections: 4430,
  /** The connection sent more messages than its rate limit allows. */
  RateLimited: 4420,
  /** The connection sent more bytes in a minute than its quota allows. */
  ByteQuotaExceeded: 4421,
  /** The board could not be loaded from storage; the client may retry later. */
  StorageUnavailable: 4503,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];
