import { Router } from 'express';
import type { MapInfo } from '../../shared/mapApi.js';
import { apiPaths } from '../../shared/paths.js';
import { notFound } from '../errors.js';

/** Mounted on `apiPaths.map`: the file is at `apiPaths.mapTiles`. */
const TILES_PATH = apiPaths.mapTiles.slice(apiPaths.map.length);

/**
 * `/api/map`: the territory's vector tiles (`MAP_TILES`, one PMTiles file),
 * served by Trame itself so maps work on a closed network with no tile
 * server. The browser reads the file by HTTP range requests, a few kilobytes
 * per tile; the tiles are public map data, readable without a token.
 */
export function mapRoutes(mapTiles: string | undefined): Router {
  const router = Router();

  router.get('/', (_req, res) => {
    const info: MapInfo = { tilesUrl: mapTiles ? apiPaths.mapTiles : null };
    res.json(info);
  });

  router.get(TILES_PATH, (_req, res, next) => {
    if (!mapTiles) throw notFound();
    // The file changes only when the deployer replaces it: an hour of caching spares the range requests.
    res.set('Cache-Control', 'public, max-age=3600');
    res.sendFile(mapTiles, { acceptRanges: true, cacheControl: false, headers: { 'Content-Type': 'application/vnd.pmtiles' } }, (err) => {
      if (err && !res.headersSent) next(err);
    });
  });

  return router;
}
