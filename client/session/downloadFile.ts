import { ApiRequestError } from '../api.js';

function filenameFrom(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition ?? '');
  return plain?.[1] ?? fallback;
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads an authenticated export (a plain link cannot carry the bearer token). */
export function downloadFile(path: string, token: string, fallbackName: string): Promise<void> {
  return downloadWithHeaders(path, { authorization: `Bearer ${token}` }, fallbackName);
}

/** Downloads an export the device's tokens open (a project's). */
export async function downloadWithHeaders(path: string, headers: Record<string, string>, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(path, { headers });
  } catch {
    throw new ApiRequestError(0, 'network', '');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new ApiRequestError(res.status, body?.error?.code ?? 'internal', body?.error?.message ?? '');
  }
  saveBlob(await res.blob(), filenameFrom(res.headers.get('content-disposition'), fallbackName));
}
