import { describe, expect, it } from 'vitest';
import { authed, createSession, joinSession } from '../helpers/api.js';
import { e2eEnvironment } from '../helpers/e2eEnvironment.js';
import { readPdf } from '../helpers/pdf.js';
import { connectYjsClient, whenSynced } from '../helpers/yjsClient.js';

describe('pseudonyms never enter the board document', () => {
  const env = e2eEnvironment();

  it("keeps a note typed in Chromium free of its author's name, in the board and in the anonymised PDF", async () => {
    const session = await createSession(env.t.url, { title: 'Atelier sans noms', templateIds: ['afom-du-territoire'] });
    const participant = await joinSession(env.t.url, session.joinCode, 'Jean-Marc Quillivic', 'habitant');
    const context = await env.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${env.t.url}/s/${session.id}#acces=${participant.token}`);
    await page.getByTestId('connection-status').filter({ hasText: 'Connecté' }).waitFor({ timeout: 20_000 });
    await page.locator('.tl-canvas').click({ position: { x: 640, y: 420 } });
    await page.keyboard.press('n');
    await page.mouse.click(640, 420);
    await page.locator('.tl-shape [contenteditable="true"]').waitFor();
    await page.keyboard.type('Un marché le samedi');
    await page.keyboard.press('Escape');

    const reader = connectYjsClient(env.t.wsUrl, session.id, { token: session.access.token });
    await whenSynced(reader);
    await expect
      .poll(() => JSON.stringify([...reader.records.values()]).includes('Un marché le samedi'), { timeout: 10_000 })
      .toBe(true);
    const records = [...reader.records.values()] as { typeName: string; type?: string; props?: Record<string, unknown> }[];
    reader.destroy();
    await context.close();

    expect(JSON.stringify(records)).not.toMatch(/Jean-Marc|Quillivic/);
    expect(records.filter((r) => r.typeName === 'user')).toEqual([]);
    const note = records.find((r) => r.type === 'note' && JSON.stringify(r.props).includes('Un marché'));
    expect([null, participant.participantId]).toContain(note?.props?.textLastEditedBy ?? null);

    const res = await fetch(`${env.t.url}/api/sessions/${session.id}/report.pdf?anonymous=1`, authed(session.access.token));
    expect(res.status).toBe(200);
    const { text } = await readPdf(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain('Un marché le samedi');
    expect(text).not.toMatch(/Jean-Marc|Quillivic/);
  });
});
