import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createSession, joinSession } from '../helpers/api.js';
import { photoJpeg, pngSquare, uploadAsset } from '../helpers/images.js';
import { serverPerFile } from '../helpers/serverPerFile.js';

const env = serverPerFile({ assetMaxBytes: 3_000_000, assetSessionQuotaBytes: 400_000 });

async function read(url: string, token: string, query = ''): Promise<Response> {
  return fetch(`${env.t.url}${url}?token=${encodeURIComponent(token)}${query}`);
}

describe('uploading an image to a board', () => {
  it('stores a photo re-encoded, bounded in size, with a phone thumbnail, and answers its same-origin URL', async () => {
    const session = await createSession(env.t.url);
    const photo = await photoJpeg(3000, 2000, false, 0.02);
    const res = await uploadAsset(env.t.url, session.id, session.access.token, photo);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.url).toBe(`/api/sessions/${session.id}/assets/${body.id}`);
    expect(body).toMatchObject({ mimeType: 'image/webp', width: 2560, height: 1707 });

    const full = await read(body.url, session.access.token);
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('image/webp');
    const fullMeta = await sharp(Buffer.from(await full.arrayBuffer())).metadata();
    expect([fullMeta.format, fullMeta.width, fullMeta.height]).toEqual(['webp', 2560, 1707]);

    const thumb = await read(body.url, session.access.token, '&taille=vignette');
    const thumbMeta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect([thumbMeta.width, thumbMeta.height]).toEqual([480, 320]);
  });

  it('strips EXIF, GPS position included, from what it stores', async () => {
    const session = await createSession(env.t.url);
    const photo = await photoJpeg(200, 150, true);
    expect((await sharp(photo).metadata()).exif?.byteLength).toBeGreaterThan(100);
    expect(photo.includes('Camille Dupont')).toBe(true);
    const { url } = await (await uploadAsset(env.t.url, session.id, session.access.token, photo)).json();
    for (const query of ['', '&taille=vignette']) {
      const stored = Buffer.from(await (await read(url, session.access.token, query)).arrayBuffer());
      const meta = await sharp(stored).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(stored.includes('Camille Dupont')).toBe(false);
      expect(stored.includes('Trame test camera')).toBe(false);
    }
  });

  it('refuses a PDF, a text file named .png and a broken image with a French message, storing nothing', async () => {
    const session = await createSession(env.t.url);
    const pdf = await uploadAsset(env.t.url, session.id, session.access.token, Buffer.from('%PDF-1.7\n1 0 obj\n'), 'application/pdf');
    expect(pdf.status).toBe(415);
    expect((await pdf.json()).error.message).toMatch(/PDF ne sont pas acceptés/);

    const text = await uploadAsset(env.t.url, session.id, session.access.token, Buffer.from('bonjour'), 'image/png');
    expect(text.status).toBe(415);
    expect((await text.json()).error).toMatchObject({ code: 'asset_type_refused', message: expect.stringMatching(/JPEG, PNG/) });

    const broken = (await photoJpeg(300, 200)).subarray(0, 2_000);
    const res = await uploadAsset(env.t.url, session.id, session.access.token, broken);
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('asset_unreadable');
  });

  it('rasterises a plain SVG and refuses one that names a file or an entity', async () => {
    const session = await createSession(env.t.url);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"><rect width="120" height="80" fill="#2f6fbf"/></svg>';
    const ok = await uploadAsset(env.t.url, session.id, session.access.token, Buffer.from(svg), 'image/svg+xml');
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ mimeType: 'image/webp', width: 120, height: 80 });

    const local = svg.replace('<rect', '<image href="file:///etc/passwd" width="10" height="10"/><rect');
    const entity = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]>${svg}`;
    for (const bad of [local, entity]) {
      const res = await uploadAsset(env.t.url, session.id, session.access.token, Buffer.from(bad), 'image/svg+xml');
      expect(res.status).toBe(415);
      expect((await res.json()).error.message).toMatch(/SVG/);
    }
  });

  it('refuses a file over the per-file limit before processing it', async () => {
    const session = await createSession(env.t.url);
    const res = await uploadAsset(env.t.url, session.id, session.access.token, Buffer.alloc(3_100_000, 1));
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({ code: 'asset_too_large', message: expect.stringMatching(/trop lourde/) });
  });

  it('refuses an image beyond the session quota and keeps those stored before', async () => {
    const session = await createSession(env.t.url);
    const participant = await joinSession(env.t.url, session.joinCode);
    const urls: string[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 10 && !refused; i++) {
      const res = await uploadAsset(env.t.url, session.id, participant.token, await photoJpeg(700, 500));
      if (res.status === 201) urls.push((await res.json()).url);
      else refused = res;
    }
    expect(urls.length).toBeGreaterThan(0);
    expect(refused?.status).toBe(413);
    expect((await refused!.json()).error).toMatchObject({ code: 'asset_quota_exceeded', message: expect.stringMatching(/place pour les images/) });
    for (const url of urls) expect((await read(url, participant.token)).status).toBe(200);
    const small = await uploadAsset(env.t.url, session.id, participant.token, await pngSquare(), 'image/png');
    expect(small.status).toBe(201);
  });
});
