/** Calls to Trame's API; failures throw an ApiRequestError carrying the server's French message. */
import type { ApiErrorBody } from '../shared/apiErrors.js';
import type { SessionView } from '../shared/sessionSchemas.js';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      headers: { 'content-type': 'application/json', ...init?.headers },
    });
  } catch {
    throw new ApiRequestError(0, 'network', '');
  }
  if (res.ok) return (await res.json()) as T;
  const body = (await res.json().catch(() => null)) as ApiErrorBody | null;
  throw new ApiRequestError(res.status, body?.error.code ?? 'internal', body?.error.message ?? '');
}

export const api = {
  listSessions: () => request<{ sessions: SessionView[] }>('/api/sessions'),
  getSession: (id: string) => request<SessionView>(`/api/sessions/${encodeURIComponent(id)}`),
  createSession: (title: string) =>
    request<SessionView>('/api/sessions', { method: 'POST', body: JSON.stringify({ title }) }),
  getConfig: () => request<{ tldrawLicenseKey: string | null }>('/api/config'),
};
