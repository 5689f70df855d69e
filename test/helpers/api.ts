import type { SessionView } from '../../shared/sessionSchemas.js';

export async function createSession(baseUrl: string, body: Record<string, unknown> = { title: 'Atelier test' }) {
  const res = await fetch(`${baseUrl}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`session creation failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as SessionView;
}
