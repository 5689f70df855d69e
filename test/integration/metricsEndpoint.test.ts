import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { createSession, joinSession } from '../helpers/api.js';
import { serverPerFile } from '../helpers/serverPerFile.js';
import { connectYjsClient, eventually, fakeNote, whenSynced, type YjsClient } from '../helpers/yjsClient.js';

const TOKEN = 'supervision-0123456789abcdef';

/** The value of one series line, e.g. `trame_connections{channel="yjs"}`; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  const env = serverPerFile({ metricsToken: TOKEN });
  const clients: YjsClient[] = [];
  afterAll(() => clients.forEach((c) => c.destroy()));

  const scrape = async () => {
    const res = await fetch(`${env.t.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };

  it('refuses without the token, or with another one', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer nope' }, { authorization: `Bearer ${TOKEN}x` }, { authorization: TOKEN }];
    for (const headers of attempts) {
      const res = await fetch(`${env.t.url}/metrics`, { headers });
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('unauthorized');
    }
  });

  it('exposes every named series', async () => {
    const text = await scrape();
    for (const name of [
      'trame_connections',
      'trame_boards_loaded',
      'trame_edits_applied_total',
      'trame_edits_refused_total',
      'trame_fanout_latency_seconds',
      'trame_storage_write_lag_seconds',
      'trame_storage_write_failures_total',
      'trame_pdf_queue_length',
      'trame_pdf_render_seconds',
      'trame_join_attempts_total',
      'trame_join_refusals_total',
      'process_resident_memory_bytes',
    ]) {
      expect(text).toMatch(new RegExp(`^# TYPE ${name} `, 'm'));
    }
  });

  it('counts what a workshop does: joins and refusals, connections, edits, fan-out and storage', async () => {
    const session = await createSession(env.t.url);
    const participant = await joinSession(env.t.url, session.joinCode);
    const wrongCode = await fetch(`${env.t.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'ZZZZZZ', pseudonym: 'Alex', college: 'habitant' }),
    });
    expect(wrongCode.status).toBe(404);

    const a = connectYjsClient(env.t.wsUrl, session.id, { token: session.access.token });
    const b = connectYjsClient(env.t.wsUrl, session.id, { token: participant.token });
    clients.push(a, b);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    a.records.set('shape:m1', fakeNote('m1', 'première idée'));
    await eventually(() => expect(b.records.get('shape:m1')).toBeDefined());

    // A frame of garbage: refused, its socket closed.
    const hostile = new WebSocket(`${env.t.wsUrl}/${session.id}?token=${participant.token}`);
    await new Promise((resolve) => hostile.once('open', resolve));
    const closed = new Promise<number>((resolve) => hostile.once('close', resolve));
    hostile.send(Uint8Array.from([0, 9, 9, 9]));
    expect(await closed).toBe(4400);

    await eventually(async () => {
      const text = await scrape();
      expect(sample(text, 'trame_join_attempts_total')).toBe(2);
      expect(sample(text, 'trame_join_refusals_total{status="404"}')).toBe(1);
      expect(sample(text, 'trame_connections{channel="yjs"}')).toBe(2);
      expect(sample(text, 'trame_boards_loaded')).toBe(1);
      expect(sample(text, 'trame_edits_applied_total')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'trame_edits_refused_total{reason="malformed"}')).toBe(1);
      expect(sample(text, 'trame_fanout_latency_seconds_count')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'trame_storage_write_lag_seconds_count')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'trame_storage_write_failures_total')).toBe(0);
      expect(sample(text, 'trame_pdf_queue_length')).toBe(0);
    });
  });
});

describe('GET /metrics without METRICS_TOKEN', () => {
  const env = serverPerFile();
  it('does not exist', async () => {
    expect((await fetch(`${env.t.url}/metrics`, { headers: { authorization: 'Bearer anything-at-all' } })).status).toBe(404);
  });
});
