import { expect } from 'vitest';
import { boardRecords } from '../../shared/boardLayout.js';
import type { Suite, SuiteStatus } from '../../shared/suites.js';
import { authed, createSession } from './api.js';
import { noteRecord } from './records.js';
import type { TestServer } from './startTestServer.js';
import { connectYjsClient, eventually, whenSynced } from './yjsClient.js';

/** A session whose ideas reached these statuses (one note and one suite each), published or not. */
export async function workshopWith(t: TestServer, title: string, statuses: SuiteStatus[], published = true) {
  const session = await createSession(t.url, { title });
  const token = session.access.token;
  const base = `${t.url}/api/sessions/${session.id}`;
  const board = connectYjsClient(t.wsUrl, session.id, { token });
  await whenSynced(board);
  statuses.forEach((_, i) => board.records.set(`shape:n${i}`, noteRecord(`n${i}`, `Idée ${i}`, { x: 300 * i, y: 0 })));
  await eventually(async () => {
    const stored = await t.server.registry.withBoard(session.id, (room) => boardRecords(room.doc).has(`shape:n${statuses.length - 1}`));
    expect(stored).toBe(true);
  });
  board.destroy();
  for (const [i, status] of statuses.entries()) {
    const suite = (await (await fetch(`${base}/suites`, authed(token, { method: 'POST', body: JSON.stringify({ noteIds: [`shape:n${i}`] }) }))).json()) as Suite;
    if (status !== 'a_l_etude') await fetch(`${base}/suites/${suite.id}/status`, authed(token, { method: 'POST', body: JSON.stringify({ status, reason: 'Décidé en conseil' }) }));
  }
  if (published) {
    await fetch(base, authed(token, { method: 'PATCH', body: JSON.stringify({ status: 'finished' }) }));
    expect((await fetch(base, authed(token, { method: 'PATCH', body: JSON.stringify({ published: true }) }))).status).toBe(200);
  }
  return session;
}

