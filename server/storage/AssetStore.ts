/**
 * The persistence port for images on boards, kept beside the board and never
 * inside it (nor in the metadata JSON): files under the data folder in
 * embedded mode, rows in PostgreSQL with several instances. Every method
 * resolves once the data is durable.
 */
export interface AssetInfo {
  id: string;
  sessionId: string;
  /** Of the stored bytes (always re-encoded by Trame), not of the file uploaded. */
  mimeType: string;
  width: number;
  height: number;
  /** Stored size of the image and its thumbnail, what the session quota counts. */
  bytes: number;
  createdAt: string;
}

export interface StoredAsset {
  info: AssetInfo;
  image: Uint8Array;
  thumbnail: Uint8Array;
}

export type AssetVariant = 'image' | 'thumbnail';

export interface AssetStore {
  /**
   * Stores an asset unless the session's assets would then exceed
   * `sessionQuotaBytes`; resolves false (and stores nothing) when they would.
   * The check and the write are atomic per session.
   */
  put(asset: StoredAsset, sessionQuotaBytes: number): Promise<boolean>;
  /** One variant's bytes and the asset's info, or null. */
  read(sessionId: string, assetId: string, variant: AssetVariant): Promise<{ info: AssetInfo; data: Uint8Array } | null>;
  list(sessionId: string): Promise<AssetInfo[]>;
  /** These assets of the session go (no longer on its board); unknown ids are ignored. */
  delete(sessionId: string, assetIds: readonly string[]): Promise<void>;
  /** Every asset of the session goes (the session was deleted). */
  deleteSession(sessionId: string): Promise<void>;
  /** The sessions that have at least one stored asset, for the daily sweep of unused images. */
  sessionIds(): Promise<string[]>;
}
