/** What a connection may do on a board, decided before its WebSocket upgrade completes. */
export interface BoardAccess {
  /** False for observers and for participants while the board is frozen or closed. */
  canEdit: () => boolean;
  /** Facilitators may move, restyle or remove canvas scaffolding; everyone else only writes on it. */
  mayArrangeCanvases: boolean;
  /** Who is connected, for logs and for closing a removed participant's sockets. */
  principalId: string;
}
