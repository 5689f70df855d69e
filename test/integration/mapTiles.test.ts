import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FetchSource, PMTiles } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestPmtiles } from '../helpers/pmtilesFixture.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';

describe('the territory’s map tiles served by Trame', () => {
  let dir: string;
  let withTiles: TestServer;
  let without: TestServer;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'trame-tiles-'));
    await writeTestPmtiles(path.join(dir, 'territoire.pmtiles'));
    withTiles = await startTestServer({ mapTiles: path.join(dir, 'territoire.pmtiles') });
    without = await startTestServer();
  });
  afterAll(async () => {
    for (const t of [withTiles, without]) {
      await t.close();
      await removeDataDir(t.dataDir);
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('answers byte ranges of the PMTiles file, which a PMTiles reader decodes into header, metadata and tiles', async () => {
    const info = await (await fetch(`${withTiles.url}/api/map`)).json();
    expect(info).toEqual({ tilesUrl: '/api/map/tiles.pmtiles' });
    const range = await fetch(`${withTiles.url}${info.tilesUrl}`, { headers: { range: 'bytes=0-126' } });
    expect(range.status).toBe(206);
    expect((await range.arrayBuffer()).byteLength).toBe(127);

    const tiles = new PMTiles(new FetchSource(`${withTiles.url}${info.tilesUrl}`));
    const header = await tiles.getHeader();
    expect([header.centerLon, header.centerLat, header.maxZoom]).toEqual([2.1227, 50.7064, 12]);
    const metadata = (await tiles.getMetadata()) as { vector_layers: { id: string }[] };
    expect(metadata.vector_layers.map((l) => l.id)).toContain('roads');
    expect((await tiles.getZxy(0, 0, 0))?.data.byteLength).toBeGreaterThan(50);
  });

  it('says when the instance has no tiles, so the facilitator is offered plans as images', async () => {
    expect(await (await fetch(`${without.url}/api/map`)).json()).toEqual({ tilesUrl: null });
    expect((await fetch(`${without.url}/api/map/tiles.pmtiles`)).status).toBe(404);
  });
});
