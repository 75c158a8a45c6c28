// The dashboard as a request handler (mounted on the /metrics server, which
// calls handle() first) and as a standalone server.
//
//   bus ─▶ subscription 'dashboard' (bounded, drop-oldest) ─▶ LiveState
//                                       every pushIntervalMs ─▶ one 'tick' frame
//                                                     ─▶ SseClient queue per browser (bounded)

import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Subscription } from '../bus/index.js';
import { listen } from '../listen.js';
import { checkInt, checkString } from '../options.js';
import { openReader } from '../store/index.js';
import type { StoreReader } from '../store/index.js';
import { Topic } from '../wire/index.js';
import { presentedToken, tokenChecker } from '../http-auth.js';
import { DashboardError } from './errors.js';
import type { HelloFrame, LiveAnswer, PageStats, RunsAnswer } from './browser/api.js';
import { hostInventory, readHistory, runView } from './history.js';
import { LiveState } from './live-state.js';
import { resolveDashboardOptions } from './options.js';
import type { DashboardOptions, ResolvedDashboardOptions } from './options.js';
import { PageFiles } from './page-assets.js';
import { SseClient, sseFrame } from './sse-client.js';

/** Capacity of the dashboard's own bus subscription. */
const kBusCapacity = 4096;
/** An SSE comment goes out this often so proxies keep the stream open, ms. */
const kPingMs = 15_000;
/** What the page (or an EventSource) waits before reconnecting, ms. */
const kRetryMs = 3000;

/** The page's files, read once per process and shared by every dashboard. */
const kFiles = new PageFiles();

/** Sent with every response of the dashboard. */
export const kSecurityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

/** Counters of a dashboard. */
export interface DashboardStats {
  /** Browsers on /events now. */
  readonly clients: number;
  /** SSE frames written to browsers. */
  readonly sentFrames: number;
  /** Frames dropped because a browser's queue was full (or it went away with frames queued). */
  readonly droppedFrames: number;
  /** Browsers disconnected because their queue overflowed for `stallMs`. */
  readonly droppedClients: number;
  /** /events requests refused with 503 (over `maxClients`). */
  readonly refusedClients: number;
  /** Bus messages the dashboard's own subscription dropped. */
  readonly busDropped: number;
}

/** The dashboard as a request handler; see {@link createDashboard}. */
export interface Dashboard {
  /**
   * Answers the request if its path is one of the dashboard's (`/`,
   * `/js/*.js`, `/app.css`, `/vendor/*`, `/events`, `/api/*`) and returns
   * true; returns false, touching nothing, for any other path.
   */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /**
   * Whether the request is for the page, its script, styles or uPlot: code
   * that carries no data, served without the token (the page then sends it
   * with every data request). The APIs and /events are never public.
   */
  isPublic(req: IncomingMessage): boolean;
  stats(): DashboardStats;
  /** Ends every /events stream, unsubscribes and closes the database. Idempotent. */
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown, head = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...kSecurityHeaders, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(head ? undefined : text);
}

function sendError(res: ServerResponse, status: number, code: string, message: string, head = false): void {
  sendJson(res, status, { error: { code, message } }, head);
}

/** The request's URL, or undefined when it is not a plain path. */
function urlOf(req: IncomingMessage): URL | undefined {
  const raw = req.url ?? '/';
  if (!raw.startsWith('/')) return undefined;
  try {
    // Appended, not resolved: '//host/x' stays a path here.
    return new URL(`http://dashboard.invalid${raw}`);
  } catch {
    return undefined;
  }
}

function optionalInt(url: URL, name: string, min: number, max: number): number | undefined {
  const v = url.searchParams.get(name);
  if (v === null || v === '') return undefined;
  if (!/^-?\d+$/.test(v)) throw new TypeError(`query parameter ${name} must be an integer`);
  return checkInt(Number(v), `query parameter ${name}`, min, max);
}

class DashboardImpl implements Dashboard {
  readonly #o: ResolvedDashboardOptions;
  readonly #live: LiveState;
  /** Undefined without a bus: stored runs only. */
  readonly #sub: Subscription | undefined;
  readonly #clients = new Set<SseClient>();
  readonly #check: ((t: string | undefined) => boolean) | undefined;
  readonly #timer: NodeJS.Timeout | undefined;
  #reader: StoreReader | undefined;
  #lastPing = Date.now();
  #sentGone = 0;
  #droppedGone = 0;
  #droppedClients = 0;
  #refused = 0;
  #closing: Promise<void> | undefined;

  constructor(o: ResolvedDashboardOptions) {
    this.#o = o;
    this.#live = new LiveState({ maxPoints: o.maxPoints, maxComponents: o.maxComponents });
    this.#check = o.token === undefined ? undefined : tokenChecker(o.token);
    if (o.bus === undefined) return;
    this.#sub = o.bus.subscribe(
      [Topic.RESOURCE, Topic.HOST, Topic.GPU, Topic.ALERT, Topic.HEARTBEAT, Topic.LIFECYCLE, Topic.CONTAINER],
      (payload, topic) => { this.#live.ingest(payload, topic); },
      // view: the page's buffer; its drops are not the user's data (no samples_dropped alert).
      { name: 'dashboard', capacity: kBusCapacity, overflow: 'drop-oldest', view: true, ...(o.runId === undefined ? {} : { runId: o.runId }) },
    ) as unknown as Subscription;
    this.#timer = setInterval(this.#push, o.pushIntervalMs);
    this.#timer.unref();
  }

  stats(): DashboardStats {
    let sent = this.#sentGone;
    let dropped = this.#droppedGone;
    for (const c of this.#clients) {
      const s = c.stats();
      sent += s.sent;
      dropped += s.dropped;
    }
    return { clients: this.#clients.size, sentFrames: sent, droppedFrames: dropped, droppedClients: this.#droppedClients, refusedClients: this.#refused, busDropped: this.#sub?.stats().dropped ?? 0 };
  }

  #pageStats(): PageStats {
    const s = this.stats();
    return { clients: s.clients, droppedFrames: s.droppedFrames, droppedClients: s.droppedClients, busDropped: s.busDropped };
  }

  #push = (): void => {
    try {
      const delta = this.#live.takeDelta();
      const now = Date.now();
      if (delta !== null && this.#clients.size > 0) {
        const frame = sseFrame('tick', { ...delta, dashboard: this.#pageStats() });
        for (const c of this.#clients) c.send(frame);
      } else if (now - this.#lastPing >= kPingMs) {
        this.#lastPing = now;
        for (const c of this.#clients) c.send(': ping\n\n');
      }
      for (const c of this.#clients) c.check();
    } catch {
      // A background loop never throws (STYLE 6); the next push tries again.
    }
  };

  isPublic(req: IncomingMessage): boolean {
    const url = urlOf(req);
    return url !== undefined && kFiles.asset(url.pathname, false) !== undefined;
  }

  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const url = urlOf(req);
    if (url === undefined) return false;
    const path = url.pathname;
    const asset = kFiles.asset(path, this.#sub === undefined);
    const api = path === '/events' || path === '/api' || path.startsWith('/api/');
    if (asset === undefined && !api) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...kSecurityHeaders, allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
      return true;
    }
    const head = req.method === 'HEAD';
    if (this.#closing !== undefined) {
      sendError(res, 503, 'closed', 'the dashboard is closed', head);
      return true;
    }
    try {
      if (asset !== undefined) {
        const a = asset();
        res.writeHead(200, { ...kSecurityHeaders, 'content-type': a.type, 'cache-control': 'no-cache' });
        res.end(head ? undefined : a.body);
        return true;
      }
      if (this.#check !== undefined && !this.#check(presentedToken(req))) {
        res.setHeader('www-authenticate', 'Bearer realm="runbus"');
        const inUrl = url.searchParams.has('token');
        sendError(res, 401, 'unauthorized', inUrl
          ? 'a token in the URL is not accepted (URLs land in logs): send Authorization: Bearer <token>, or open the page as /#token=<token>'
          : 'this dashboard needs a token: Authorization: Bearer <token> (in a browser, open the page as /#token=<token>)', head);
        return true;
      }
      if ((path === '/events' || path === '/api/live') && this.#sub === undefined) {
        sendError(res, 404, 'no_live_hub', 'this dashboard serves stored runs only: there is no live hub', head);
      } else if (path === '/events') this.#events(req, res);
      else if (path === '/api/live') sendJson(res, 200, this.#liveJson(), head);
      else if (path === '/api/runs') sendJson(res, 200, this.#runsJson(), head);
      else if (path.startsWith('/api/runs/')) this.#runJson(path.slice('/api/runs/'.length), url, res, head);
      else sendError(res, 404, 'not_found', `no such API: ${path}`, head);
    } catch (err) {
      if (err instanceof TypeError || err instanceof RangeError) sendError(res, 400, 'bad_request', err.message, head);
      else if (err instanceof DashboardError) sendError(res, 503, err.code, err.message, head);
      else if (!res.headersSent) sendError(res, 500, 'internal', err instanceof Error ? err.message : String(err), head);
      else res.destroy();
    }
    return true;
  }

  #events(req: IncomingMessage, res: ServerResponse): void {
    if (this.#clients.size >= this.#o.maxClients) {
      this.#refused++;
      res.setHeader('retry-after', '10');
      sendError(res, 503, 'too_many_clients', `at most ${this.#o.maxClients} live connections`);
      return;
    }
    res.writeHead(200, {
      ...kSecurityHeaders,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    req.socket.setNoDelay(true);
    const client = new SseClient(res, {
      capacity: this.#o.clientQueue,
      stallMs: this.#o.stallMs,
      onClose: (c) => {
        this.#clients.delete(c);
        const s = c.stats();
        this.#sentGone += s.sent;
        this.#droppedGone += s.dropped;
        if (s.closeReason === 'stalled') this.#droppedClients++;
      },
    });
    this.#clients.add(client);
    client.send(`retry: ${kRetryMs}\n\n`);
    // The whole live state rides in the first frame: the page paints from it
    // without a second round trip, and every later tick is newer than it.
    const hello: HelloFrame = { runId: this.#o.runId ?? null, pushIntervalMs: this.#o.pushIntervalMs, maxPoints: this.#o.maxPoints, live: this.#liveJson() };
    client.send(sseFrame('hello', hello));
  }

  #liveJson(): LiveAnswer {
    return { runId: this.#o.runId ?? null, nowMs: Date.now(), pushIntervalMs: this.#o.pushIntervalMs, maxPoints: this.#o.maxPoints, ...this.#live.snapshot(), dashboard: this.#pageStats() };
  }

  #store(): StoreReader | undefined {
    if (this.#o.dbPath === undefined) return undefined;
    try {
      this.#reader ??= openReader(this.#o.dbPath);
      return this.#reader;
    } catch (err) {
      throw new DashboardError('ERR_DASHBOARD_STORE', `cannot open the database ${JSON.stringify(this.#o.dbPath)}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  }

  #query<T>(fn: (r: StoreReader) => T): T | undefined {
    const r = this.#store();
    if (r === undefined) return undefined;
    try {
      return fn(r);
    } catch (err) {
      // Reopen next time: the file may have been replaced or the connection broken.
      r.close();
      this.#reader = undefined;
      throw new DashboardError('ERR_DASHBOARD_STORE', `cannot read the database ${JSON.stringify(this.#o.dbPath)}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  }

  #runsJson(): RunsAnswer {
    const { runs, hosts } = this.#query((r) => ({ runs: r.runs(), hosts: r.hosts() })) ?? { runs: [], hosts: [] };
    return { live: this.#o.runId ?? null, liveHub: this.#sub !== undefined, store: this.#o.dbPath !== undefined, runs: runs.map(runView).reverse(), hosts: hosts.map(hostInventory) };
  }

  #runJson(rest: string, url: URL, res: ServerResponse, head: boolean): void {
    let runId: string;
    try {
      runId = decodeURIComponent(rest.endsWith('/series') ? rest.slice(0, -'/series'.length) : rest);
    } catch {
      sendError(res, 400, 'bad_request', 'malformed run id', head);
      return;
    }
    checkString(runId, 'run id');
    if (runId === '') {
      sendError(res, 400, 'bad_request', 'missing run id', head);
      return;
    }
    const fromMs = optionalInt(url, 'fromMs', 0, Number.MAX_SAFE_INTEGER);
    const toMs = optionalInt(url, 'toMs', 0, Number.MAX_SAFE_INTEGER);
    const maxPoints = optionalInt(url, 'points', 2, this.#o.maxPoints) ?? this.#o.maxPoints;
    if (this.#o.dbPath === undefined) {
      sendError(res, 404, 'no_store', 'this dashboard has no database; only the live view is available', head);
      return;
    }
    const h = this.#query((r) => readHistory(r, { runId, maxPoints, rawRangeMs: this.#o.rawRangeMs, ...(fromMs === undefined ? {} : { fromMs }), ...(toMs === undefined ? {} : { toMs }) }));
    if (h === undefined) {
      sendError(res, 404, 'no_such_run', `no run ${JSON.stringify(runId)} in the database`, head);
      return;
    }
    sendJson(res, 200, h, head);
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      clearInterval(this.#timer);
      for (const c of [...this.#clients]) c.close('shutdown');
      this.#sub?.unsubscribe();
      this.#reader?.close();
      this.#reader = undefined;
      await Promise.resolve();
    })();
    return this.#closing;
  }
}

/**
 * Makes the dashboard: subscribes to `options.bus` at once and pushes to
 * browsers every `pushIntervalMs`. Without a bus (only `dbPath`) it serves
 * the stored runs alone: no subscription, no timer, and /events and
 * /api/live answer 404 `no_live_hub`. Mount it by calling `handle(req, res)`
 * first in an HTTP server's request listener. Throws TypeError/RangeError on
 * bad options.
 */
export function createDashboard(options: DashboardOptions): Dashboard {
  return new DashboardImpl(resolveDashboardOptions(options));
}

/** Options of {@link startDashboardServer}. */
export interface DashboardServerOptions extends DashboardOptions {
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  /** TCP port; 0 picks a free one. */
  port: number;
}

/** A standalone dashboard server; see {@link startDashboardServer}. */
export interface DashboardServer {
  /** `http://host:port/`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly dashboard: Dashboard;
  /** Closes the dashboard and the server. Idempotent. */
  close(): Promise<void>;
}

/**
 * Serves the dashboard on a server of its own (127.0.0.1 by default).
 * Resolves once listening; rejects with {@link DashboardError}
 * `ERR_DASHBOARD_LISTEN` if the port cannot be bound, and with
 * TypeError/RangeError on bad options.
 */
export async function startDashboardServer(options: DashboardServerOptions): Promise<DashboardServer> {
  if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
  const { host: hostOpt, port: portOpt, ...rest } = options;
  const host = checkString(hostOpt ?? '127.0.0.1', 'options.host');
  const port = checkInt(portOpt, 'options.port', 0, 65_535);
  const resolved = resolveDashboardOptions(rest, 'startDashboardServer', ['host', 'port']);
  const dashboard = new DashboardImpl(resolved);
  const check = resolved.token === undefined ? undefined : tokenChecker(resolved.token);
  const server: Server = createServer((req, res) => {
    if (dashboard.handle(req, res)) return;
    if ((req.url ?? '/').split('?')[0] === '/healthz') {
      res.writeHead(200, { ...kSecurityHeaders, 'content-type': 'text/plain; charset=utf-8' }).end('ok\n');
      return;
    }
    // With a token, nothing but /healthz and the page's assets answers without it, not even "not found".
    if (check !== undefined && !check(presentedToken(req))) {
      res.setHeader('www-authenticate', 'Bearer realm="runbus"');
      sendError(res, 401, 'unauthorized', 'this dashboard needs a token: Authorization: Bearer <token>');
      return;
    }
    res.writeHead(404, { ...kSecurityHeaders, 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
  });
  server.keepAliveTimeout = 5000;
  try {
    await listen(server, host, port);
  } catch (err) {
    await dashboard.close();
    throw new DashboardError('ERR_DASHBOARD_LISTEN', `dashboard: cannot listen on ${host}:${port}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  server.unref();
  server.on('error', () => { /* after listening: requests fail individually */ });
  const addr = server.address() as AddressInfo;
  const urlHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${addr.port}/`,
    host: addr.address,
    port: addr.port,
    dashboard,
    close: () => {
      closing ??= (async () => {
        await dashboard.close();
        await new Promise<void>((resolve) => {
          server.close(() => { resolve(); });
          server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}
