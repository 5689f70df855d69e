/**
 * Asset storage in PostgreSQL, shared by every instance. The quota check and
 * the insert run in one transaction under an advisory lock on the session, so
 * two instances uploading at once cannot both pass the check.
 */
import type { Pool } from 'pg';
import type { AssetInfo, AssetStore, AssetVariant, StoredAsset } from './AssetStore.js';

interface AssetRow {
  id: string;
  session_id: string;
  mime_type: string;
  width: number;
  height: number;
  bytes: number;
  created_at: Date;
}

const INFO_COLUMNS = 'id, session_id, mime_type, width, height, bytes, created_at';

function toInfo(row: AssetRow): AssetInfo {
  return {
    id: row.id,
    sessionId: row.session_id,
    mimeType: row.mime_type,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    createdAt: row.created_at.toISOString(),
  };
}

export class PgAssetStore implements AssetStore {
  constructor(private readonly pool: Pool) {}

  async put(asset: StoredAsset, sessionQuotaBytes: number): Promise<boolean> {
    const { info } = asset;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("SELECT pg_advisory_xact_lock(hashtext('trame-assets:' || $1))", [info.sessionId]);
      const { rows } = await client.query<{ used: string | null }>(
        'SELECT sum(bytes) AS used FROM assets WHERE session_id = $1',
        [info.sessionId],
      );
      if (Number(rows[0]?.used ?? 0) + info.bytes > sessionQuotaBytes) {
        await client.query('ROLLBACK');
        return false;
      }
      await client.query(
        `INSERT INTO assets (session_id, id, mime_type, width, height, bytes, created_at, image, thumbnail)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [info.sessionId, info.id, info.mimeType, info.width, info.height, info.bytes, info.createdAt, Buffer.from(asset.image), Buffer.from(asset.thumbnail)],
      );
      await client.query('COMMIT');
      return true;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async read(sessionId: string, assetId: string, variant: AssetVariant): Promise<{ info: AssetInfo; data: Uint8Array } | null> {
    const column = variant === 'image' ? 'image' : 'thumbnail';
    const { rows } = await this.pool.query<AssetRow & { data: Buffer }>(
      `SELECT ${INFO_COLUMNS}, ${column} AS data FROM assets WHERE session_id = $1 AND id = $2`,
      [sessionId, assetId],
    );
    const row = rows[0];
    return row ? { info: toInfo(row), data: new Uint8Array(row.data) } : null;
  }

  async list(sessionId: string): Promise<AssetInfo[]> {
    const { rows } = await this.pool.query<AssetRow>(
      `SELECT ${INFO_COLUMNS} FROM assets WHERE session_id = $1 ORDER BY created_at, id`,
      [sessionId],
    );
    return rows.map(toInfo);
  }

  async delete(sessionId: string, assetIds: readonly string[]): Promise<void> {
    if (assetIds.length === 0) return;
    await this.pool.query('DELETE FROM assets WHERE session_id = $1 AND id = ANY($2::text[])', [sessionId, [...assetIds]]);
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.pool.query('DELETE FROM assets WHERE session_id = $1', [sessionId]);
  }

  async sessionIds(): Promise<string[]> {
    const { rows } = await this.pool.query<{ session_id: string }>('SELECT DISTINCT session_id FROM assets ORDER BY session_id');
    return rows.map((row) => row.session_id);
  }
}
