// The /metrics and /healthz HTTP server (node:http), with optional bearer
// or basic auth that guards every path but /healthz (and the dashboard's
// data-free page assets when it is mounted). Binds 127.0.0.1 unless told
// otherwise.

import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { RunBus } from '../bus/index.js';
import { bearerOf, tokenChecker } from '../http-auth.js';
import { RunbusError } from '../errors.js';
import { listen } from '../listen.js';
import { checkInt, checkObject, checkString } from '../options.js';
import { createMetricsCollectorResolved, resolveCollectorOptions } from './collector.js';
import type { MetricsCollector, MetricsCollectorOptions } from './collector.js';

/** Scrape credentials; with none, /metrics is open (on loopback by default). */
export interface ExporterAuth {
  /** `Authorization: Bearer <token>`. */
  bearer?: string;
  /** `Authorization: Basic base64(user:pass)`. */
  basic?: { user: string; pass: string };
}

/** Options of {@link startPrometheusExporter}. */
export interface PrometheusExporterOptions extends Omit<MetricsCollectorOptions, 'bus'> {
  /** The bus to read; give this or `collector`. */
  bus?: RunBus;
  /** An existing collector to serve (then collector options are not taken). */
  collector?: MetricsCollector;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Credentials /metrics requires. @default none */
  auth?: ExporterAuth;
  /**
   * More routes on the same server (the dashboard): asked first for every
   * request; returns true when it answered.
   * @default none
   */
  routes?: ExporterRoutes;
}

/** Extra routes served beside /metrics; see {@link PrometheusExporterOptions.routes}. */
export interface ExporterRoutes {
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /**
   * Whether the request is for code that carries no data (the dashboard's
   * page, script and styles), served without credentials so a browser can
   * load the page that then sends them. Everything else needs them.
   * @default nothing is public
   */
  isPublic?(req: IncomingMessage): boolean;
  close?(): Promise<void>;
}

/** A running exporter; see {@link startPrometheusExporter}. */
export interface PrometheusExporter {
  /** `http://host:port/metrics`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly registry: Registry;
  readonly collector: MetricsCollector;
  metricsText(): Promise<string>;
  /** Stops the server (and the collector, if the exporter made it). Idempotent. */
  close(): Promise<void>;
}

/** Codes of {@link ExporterError}. */
export type ExporterErrorCode = 'ERR_EXPORTER_LISTEN';

/** The exporter could not start. */
export class ExporterError extends RunbusError {
  declare readonly code: ExporterErrorCode;

  constructor(code: ExporterErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'ExporterError';
  }
}

const kServerKeys = ['bus', 'collector', 'host', 'port', 'auth', 'routes'] as const;

function resolveAuth(auth: unknown): ((header: string | undefined) => boolean) | undefined {
  if (auth === undefined) return undefined;
  checkObject(auth, 'options.auth');
  const a = auth as ExporterAuth;
  for (const k of Object.keys(a)) if (k !== 'bearer' && k !== 'basic') throw new TypeError(`options.auth: unknown option "${k}" (use "bearer" or "basic")`);
  if (a.bearer !== undefined && a.basic !== undefined) throw new TypeError('options.auth takes "bearer" or "basic", not both');
  if (a.bearer !== undefined) {
    const token = checkString(a.bearer, 'options.auth.bearer');
    if (token === '') throw new TypeError('options.auth.bearer must not be empty');
    // Digests of equal length are compared, so neither the token nor its length leaks through timing.
    const same = tokenChecker(token);
    return (h) => same(bearerOf(h));
  }
  if (a.basic !== undefined) {
    checkObject(a.basic, 'options.auth.basic');
    const user = checkString(a.basic.user, 'options.auth.basic.user');
    const pass = checkString(a.basic.pass, 'options.auth.basic.pass');
    if (user.includes(':')) throw new TypeError('options.auth.basic.user must not contain ":"');
    const same = tokenChecker(`${user}:${pass}`);
    return (h) => h !== undefined && /^basic /i.test(h) && same(Buffer.from(h.slice(6).trim(), 'base64').toString('utf8'));
  }
  return undefined;
}

/**
 * Serves Prometheus metrics: GET /metrics (text format 0.0.4) and GET
 * /healthz ("ok", never behind auth). Resolves once listening; rejects with
 * {@link ExporterError} `ERR_EXPORTER_LISTEN` if the port cannot be bound,
 * and with TypeError/RangeError on bad options.
 */
export async function startPrometheusExporter(options: PrometheusExporterOptions): Promise<PrometheusExporter> {
  checkObject(options, 'options');
  const { bus, collector: given, host: hostOpt, port: portOpt, auth: authOpt, routes, ...collectorOpts } = options;
  if (routes !== undefined && typeof (routes as Partial<ExporterRoutes>).handle !== 'function') throw new TypeError('options.routes must have a handle(req, res) method');
  const host = checkString(hostOpt ?? '127.0.0.1', 'options.host');
  const port = checkInt(portOpt, 'options.port', 0, 65_535);
  const check = resolveAuth(authOpt);
  let collector: MetricsCollector;
  let owned = false;
  if (given !== undefined) {
    if (bus !== undefined) throw new TypeError('options: give "bus" or "collector", not both');
    if (Object.keys(collectorOpts).length > 0) throw new TypeError(`options.${Object.keys(collectorOpts)[0]!} is a collector option; set it on the collector`);
    collector = given;
  } else {
    if (bus === undefined || typeof (bus as Partial<RunBus>).subscribe !== 'function') throw new TypeError('options.bus must be a RunBus (or give options.collector)');
    const resolved = resolveCollectorOptions(collectorOpts, 'startPrometheusExporter', kServerKeys);
    collector = createMetricsCollectorResolved(bus, resolved);
    owned = true;
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0];
    const read = req.method === 'GET' || req.method === 'HEAD';
    if (path === '/healthz' && read) {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(req.method === 'HEAD' ? undefined : 'ok\n');
      return;
    }
    // With credentials configured, every request but /healthz and the
    // dashboard's data-free page assets needs them — unknown paths too, so
    // nothing about the server is learnt without them.
    if (check !== undefined && routes?.isPublic?.(req) !== true && !check(req.headers.authorization)) {
      res.writeHead(401, {
        'content-type': 'text/plain; charset=utf-8',
        'www-authenticate': authOpt?.bearer !== undefined ? 'Bearer realm="runbus"' : 'Basic realm="runbus", charset="UTF-8"',
      }).end(authOpt?.bearer !== undefined ? 'unauthorized: send Authorization: Bearer <token>\n' : 'unauthorized\n');
      return;
    }
    if (routes?.handle(req, res) === true) return;
    if (!read) {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found; try /metrics or /healthz\n');
      return;
    }
    const body = await collector.metricsText();
    res.writeHead(200, { 'content-type': collector.registry.contentType }).end(req.method === 'HEAD' ? undefined : body);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // A scrape that fails answers 500; the server goes on.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    });
  });
  server.keepAliveTimeout = 5000;
  try {
    await listen(server, host, port);
  } catch (err) {
    if (owned) await collector.close();
    throw new ExporterError('ERR_EXPORTER_LISTEN', `Prometheus exporter: cannot listen on ${host}:${port}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  server.unref();
  server.on('error', () => { /* after listening: nothing to report to; requests fail individually */ });
  const addr = server.address() as AddressInfo;
  const urlHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${addr.port}/metrics`,
    host: addr.address,
    port: addr.port,
    registry: collector.registry,
    collector,
    metricsText: () => collector.metricsText(),
    close: () => {
      closing ??= (async () => {
        await routes?.close?.();
        await new Promise<void>((resolve) => {
          server.close(() => { resolve(); });
          server.closeAllConnections();
        });
        if (owned) await collector.close();
      })();
      return closing;
    },
  };
}
