// One HTTP POST of a remote-write body, and what its answer means for the
// queue: sent, retry later (network, 429, 5xx), or refused for good (other
// 4xx: the same bytes would be refused again).
import { remoteWriteHeaders } from './request.js';

/** Credentials, already read from their file or the environment. */
export type RemoteAuth =
  | { readonly kind: 'none' }
  | { readonly kind: 'bearer'; readonly token: string }
  | { readonly kind: 'basic'; readonly username: string; readonly password: string };

export type SendOutcome =
  | { readonly kind: 'sent'; readonly status: number }
  | { readonly kind: 'retry'; readonly status: number | undefined; readonly reason: string; readonly retryAfterMs: number | undefined }
  | { readonly kind: 'refused'; readonly status: number; readonly reason: string };

/** The fetch this module needs (injectable for tests). */
export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: Uint8Array; signal: AbortSignal }) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

export function authHeader(auth: RemoteAuth): string | undefined {
  switch (auth.kind) {
    case 'none': return undefined;
    case 'bearer': return `Bearer ${auth.token}`;
    case 'basic': return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  }
}

/** The server's reason, on one line and not too long to log. */
function reasonOf(text: string, status: number): string {
  const t = text.replace(/\s+/g, ' ').trim().slice(0, 300);
  return t === '' ? `HTTP ${status}` : `HTTP ${status}: ${t}`;
}

function retryAfter(v: string | null): number | undefined {
  if (v === null) return undefined;
  const s = Number(v);
  if (Number.isFinite(s) && s >= 0) return s * 1000;
  const d = Date.parse(v);
  return Number.isNaN(d) ? undefined : Math.max(0, d - Date.now());
}

/** POSTs one body; never rejects. */
export async function sendBody(url: string, body: Uint8Array, auth: RemoteAuth, timeoutMs: number, fetchFn: FetchLike = fetch): Promise<SendOutcome> {
  const headers = remoteWriteHeaders();
  const a = authHeader(auth);
  if (a !== undefined) headers.Authorization = a;
  try {
    const res = await fetchFn(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text().catch(() => '');
    if (res.status >= 200 && res.status < 300) return { kind: 'sent', status: res.status };
    if (res.status === 429 || res.status >= 500) {
      return { kind: 'retry', status: res.status, reason: reasonOf(text, res.status), retryAfterMs: retryAfter(res.headers.get('retry-after')) };
    }
    return { kind: 'refused', status: res.status, reason: reasonOf(text, res.status) };
  } catch (err) {
    const e = err as { message?: string; cause?: { code?: string; message?: string } };
    const why = e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
    return { kind: 'retry', status: undefined, reason: `unreachable: ${why}`, retryAfterMs: undefined };
  }
}
