import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../server/config.js';
import { boardRecords } from '../../shared/boardLayout.js';
import { authed, createSession, type CreatedSession } from '../helpers/api.js';
import { ownChromium } from '../helpers/chromiumProcesses.js';
import { builtClientDir } from '../helpers/clientDir.js';
import { noteRecord } from '../helpers/records.js';
import { removeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { connectYjsClient, eventually, whenSynced } from '../helpers/yjsClient.js';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  if (t) await removeDataDir(t.dataDir);
  t = undefined;
});

const start = async (overrides: Partial<Config> = {}) => (t = await startTestServer({ clientDir: builtClientDir(), ...overrides }));

/** A session whose board holds `count` long notes: far more than a workshop, so its layout takes seconds. */
async function boardOf(server: TestServer, count: number): Promise<CreatedSession> {
  const session = await createSession(server.url, { title: `Atelier de ${count} notes` });
  const client = connectYjsClient(server.wsUrl, session.id, { token: session.access.token });
  await whenSynced(client);
  const text = 'Une idée longue pour le centre-bourg, avec des détails sur la circulation, les commerces et les écoles. '.repeat(2);
  client.doc.transact(() => {
    for (let i = 0; i < count; i++) client.records.set(`shape:n${i}`, noteRecord(`n${i}`, `${i} ${text}`, { x: (i % 60) * 220, y: Math.floor(i / 60) * 220 }));
  });
  await eventually(async () => {
    expect(await server.server.registry.withBoard(session.id, (room) => boardRecords(room.doc).has(`shape:n${count - 1}`))).toBe(true);
  }, 30_000);
  client.destroy();
  return session;
}

async function exportPdf(server: TestServer, session: CreatedSession) {
  const startedAt = performance.now();
  const res = await fetch(`${server.url}/api/sessions/${session.id}/report.pdf`, authed(session.access.token));
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, body, ms: performance.now() - startedAt };
}

const messageOf = (body: Buffer) => (JSON.parse(body.toString()) as { error: { code: string; message: string } }).error;

describe('a board that cannot be printed', () => {
  it('fails within the render timeout with a French message, and the next export is served', async () => {
    const server = await start({ reportTimeoutMs: 2_000 });
    const huge = await boardOf(server, 3_000);
    const small = await createSession(server.url, { title: 'Petit atelier' });

    const failed = await exportPdf(server, huge);
    expect(failed.status).toBe(504);
    expect(messageOf(failed.body)).toEqual({ code: 'pdf_timeout', message: 'Le compte rendu a mis trop de temps à se générer. Réessayez dans un instant.' });
    // The data build, Chromium's start and the 2 s of layout; never the minutes a stuck page would hold.
    expect(failed.ms).toBeLessThan(15_000);

    const next = await exportPdf(server, small);
    expect(next.status).toBe(200);
    expect(next.body.subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('tells a French error at once when Chromium dies mid-render, and starts a new one for the next export', async () => {
    const server = await start();
    const huge = await boardOf(server, 3_000);
    const small = await createSession(server.url, { title: 'Petit atelier' });
    expect((await exportPdf(server, small)).status).toBe(200);
    const idle = ownChromium();
    expect(idle.browser).toHaveLength(1);
    const cpuBefore = idle.renderers.reduce((sum, p) => sum + p.cpuTicks, 0);

    const pending = exportPdf(server, huge);
    // Killed once its pages have spent a quarter of a second laying the huge board out.
    await eventually(() => expect(ownChromium().renderers.reduce((sum, p) => sum + p.cpuTicks, 0) - cpuBefore).toBeGreaterThan(25), 60_000);
    const killedAt = performance.now();
    process.kill(idle.browser[0]!.pid, 'SIGKILL');
    const failed = await pending;
    expect(failed.status).toBe(503);
    expect(messageOf(failed.body).message).toContain("le moteur d'impression s'est arrêté");
    expect(performance.now() - killedAt).toBeLessThan(5_000);

    const next = await exportPdf(server, small);
    expect(next.status).toBe(200);
    expect(ownChromium().browser.map((p) => p.pid)).not.toContain(idle.browser[0]!.pid);
  }, 180_000);
});
