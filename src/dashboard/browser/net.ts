// Talking to the dashboard: the token, JSON requests, and the live stream.
//
// The token comes once, in the fragment (/#token=…, which the browser never
// sends to a server, so it lands in no log) — or in the query of an old
// link — and is kept in sessionStorage, removed from the address bar, and
// sent only as an Authorization header.

const kTokenKey = 'runbus-token';

/** A failed request; `unauthorized` when the token is missing or wrong (retrying cannot help). */
export class RequestError extends Error {
  readonly unauthorized: boolean;

  constructor(message: string, unauthorized = false) {
    super(message);
    this.unauthorized = unauthorized;
  }
}

function takeToken(): string {
  const params = new URLSearchParams(location.search);
  const frag = new URLSearchParams(location.hash.replace(/^#/, ''));
  const given = frag.get('token') ?? params.get('token') ?? '';
  let token = given;
  if (token === '') {
    try {
      token = sessionStorage.getItem(kTokenKey) ?? '';
    } catch {
      token = ''; // storage disabled
    }
  }
  if (frag.has('token') || params.has('token')) {
    try {
      if (given !== '') sessionStorage.setItem(kTokenKey, given);
    } catch {
      // Private mode: the token lives for this page only.
    }
    params.delete('token');
    frag.delete('token');
    const rest = params.toString();
    const restFrag = frag.toString();
    history.replaceState(null, '', location.pathname + (rest === '' ? '' : `?${rest}`) + (restFrag === '' ? '' : `#${restFrag}`));
  }
  return token;
}

const token = takeToken();

function headers(extra: Record<string, string> = {}): Record<string, string> {
  return token === '' ? extra : { ...extra, authorization: `Bearer ${token}` };
}

export async function getJson<T>(path: string): Promise<T> {
  const r = await fetch(path, { headers: headers(), cache: 'no-store' });
  if (r.status === 401) throw new RequestError('unauthorized', true);
  if (!r.ok) throw new RequestError(`${path}: HTTP ${r.status}`);
  return (await r.json()) as T;
}

export interface StreamHandlers {
  /** One event: its type ('message' when none was named) and data. */
  event(type: string, data: string): void;
  /** The stream ended or failed (not when aborted); `retryMs` is what the server asked. */
  closed(err: unknown, retryMs: number): void;
}

/**
 * Server-Sent Events read with fetch() rather than EventSource, which cannot
 * send an Authorization header. The stream is parsed as the SSE spec says
 * for the fields the server uses (event, data, retry, comments). Abort the
 * returned controller to stop it.
 */
export function openStream(path: string, h: StreamHandlers): AbortController {
  const ac = new AbortController();
  let retryMs = 3000;
  let type = '';
  let data: string[] = [];
  const line = (raw: string): void => {
    const l = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (l === '') {
      if (data.length > 0) h.event(type === '' ? 'message' : type, data.join('\n'));
      type = '';
      data = [];
      return;
    }
    if (l.startsWith(':')) return;
    const i = l.indexOf(':');
    const field = i < 0 ? l : l.slice(0, i);
    let value = i < 0 ? '' : l.slice(i + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
    else if (field === 'retry' && /^[0-9]+$/.test(value)) retryMs = Number(value);
  };
  const run = async (): Promise<void> => {
    const r = await fetch(path, { headers: headers({ accept: 'text/event-stream' }), cache: 'no-store', signal: ac.signal });
    if (r.status === 401) throw new RequestError('unauthorized', true);
    if (!r.ok || r.body === null) throw new RequestError(`${path}: HTTP ${r.status}`);
    const reader = r.body.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    for (;;) {
      const x = await reader.read();
      if (x.done) return;
      buf += decoder.decode(x.value, { stream: true });
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      lines.forEach(line);
    }
  };
  run().then(
    () => { if (!ac.signal.aborted) h.closed(null, retryMs); },
    (err: unknown) => { if (!ac.signal.aborted) h.closed(err, retryMs); },
  );
  return ac;
}
