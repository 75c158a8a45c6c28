// One HTTP POST of a remote-write body, and what its answer means for the
// queue: sent, retry later (network, 429, 5xx), or refused for good (other
// 4xx: the same bytes would be refused again).
import http from 'node:http';
import https from 'node:https';
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

// One connection kept per receiver: a request a second does not pay a
// connect each time.
const kAgents = { http: new http.Agent({ keepAlive: true, maxSockets: 1 }), https: new https.Agent({ keepAlive: true, maxSockets: 1 }) };

/**
 * POST over node:http with a kept-alive connection: on this path global
 * fetch (undici) costs several times the CPU for the same request, and
 * remote write's steady cost is mostly this one request a second.
 */
export const httpPost: FetchLike = (url, init) => new Promise((resolve, reject) => {
  const u = new URL(url);
  const tls = u.protocol === 'https:';
  const req = (tls ? https : http).request(u, {
    method: init.method, agent: tls ? kAgents.https : kAgents.http, signal: init.signal,
    headers: { ...init.headers, 'Content-Length': String(init.body.byteLength) },
  }, (res) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => { chunks.push(c); });
    res.on('error', reject);
    res.on('end', () => {
      resolve({
        status: res.statusCode ?? 0,
        headers: { get: (name) => { const v = res.headers[name.toLowerCase()]; return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v; } },
        text: () => Promise.resolve(Buffer.concat(chunks).toString('utf8')),
      });
    });
  });
  req.on('error', reject);
  req.end(init.body);
});

/** POSTs one body; never rejects. */
export async function sendBody(url: string, body: Uint8Array, auth: RemoteAuth, timeoutMs: number, fetchFn: FetchLike = httpPost): Promise<SendOutcome> {
  const headers = remoteWriteHeaders();
  const a = authHeader(auth);
  if (a !== undefined) headers.Authorization = a;
  // A timer cleared when the answer comes (AbortSignal.timeout's would fire
  // later anyway: one wake-up per request).
  const ac = new AbortController();
  const timer = setTimeout(() => { ac.abort(new Error(`no answer within ${timeoutMs} ms`)); }, timeoutMs);
  try {
    const res = await fetchFn(url, { method: 'POST', headers, body, signal: ac.signal });
    const text = await res.text().catch(() => '');
    if (res.status >= 200 && res.status < 300) return { kind: 'sent', status: res.status };
    if (res.status === 429 || res.status >= 500) {
      return { kind: 'retry', status: res.status, reason: reasonOf(text, res.status), retryAfterMs: retryAfter(res.headers.get('retry-after')) };
    }
    return { kind: 'refused', status: res.status, reason: reasonOf(text, res.status) };
  } catch (err) {
    // undici puts the cause under `cause`; node:http's error carries its `code`.
    const e = err as { message?: string; code?: string; cause?: { code?: string; message?: string } };
    const why = e.cause?.code ?? e.code ?? e.cause?.message ?? e.message ?? String(err);
    return { kind: 'retry', status: undefined, reason: `unreachable: ${why}`, retryAfterMs: undefined };
  } finally {
    clearTimeout(timer);
  }
}
