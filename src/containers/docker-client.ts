import http from 'node:http';
import { ContainerError } from './errors.js';
import type { ContainerFilter } from './filter.js';

// A small Docker Engine API client over node:http: the few calls runbus needs,
// no `docker` process per tick. Unversioned paths: the daemon answers in its
// own (newest) API version, and every field read here exists since 1.24.
//
//   list(filter) ── GET /containers/json?all=1&filters=…
//   inspect(id)  ── GET /containers/{id}/json
//   events(…)    ── GET /events?filters={"type":["container"],"event":[…]}  (JSON lines, kept open)
//   stop(id, t)  ── POST /containers/{id}/stop?t=…
//   remove(id)   ── DELETE /containers/{id}?force=1&v=1
//   stats(id)    ── GET /containers/{id}/stats?stream=false&one-shot=true  (timeout 2 s)

/** Where the Engine listens. */
export type DockerEndpoint = { kind: 'unix'; socketPath: string } | { kind: 'tcp'; host: string; port: number };

export const kDefaultDockerSocket = '/var/run/docker.sock';
/** The one-shot stats call gives up after this long (seed 002's risk table). */
export const kDefaultStatsTimeoutMs = 2000;
/** Every other call gives up after this long. */
export const kDefaultCallTimeoutMs = 10_000;

/**
 * DOCKER_HOST as the docker CLI reads it: `unix:///path`, `tcp://host:port`
 * (plain HTTP only), or unset for the default socket. Throws ContainerError
 * ERR_CONTAINERS_UNREACHABLE for a form runbus cannot use (ssh://, npipe://).
 */
export function parseDockerHost(dockerHost: string | undefined): DockerEndpoint {
  if (dockerHost === undefined || dockerHost === '') return { kind: 'unix', socketPath: kDefaultDockerSocket };
  if (dockerHost.startsWith('unix://')) {
    const p = dockerHost.slice('unix://'.length);
    if (p === '') throw new ContainerError('ERR_CONTAINERS_UNREACHABLE', `runbus containers: DOCKER_HOST ${JSON.stringify(dockerHost)} names no socket`);
    return { kind: 'unix', socketPath: p };
  }
  if (dockerHost.startsWith('/')) return { kind: 'unix', socketPath: dockerHost };
  const m = /^tcp:\/\/([^:/]+)(?::(\d+))?\/?$/.exec(dockerHost);
  if (m !== null) return { kind: 'tcp', host: m[1]!, port: m[2] === undefined ? 2375 : Number(m[2]) };
  throw new ContainerError(
    'ERR_CONTAINERS_UNREACHABLE',
    `runbus containers: DOCKER_HOST ${JSON.stringify(dockerHost)} is not a unix:// or tcp:// address runbus can use`,
  );
}

export function describeEndpoint(e: DockerEndpoint): string {
  return e.kind === 'unix' ? `unix://${e.socketPath}` : `tcp://${e.host}:${e.port}`;
}

/** One row of GET /containers/json (the fields runbus uses). */
export interface ContainerSummary {
  id: string;
  /** Without Docker's leading slash. */
  name: string;
  image: string;
  labels: Record<string, string>;
  createdAtMs: number;
  /** created, running, paused, restarting, removing, exited, dead. */
  state: string;
}

/** GET /containers/{id}/json, reduced. */
export interface ContainerDetails extends ContainerSummary {
  /** Host pid of the container's init process; 0 when not running. */
  pid: number;
  running: boolean;
  exitCode: number | null;
  startedAtMs: number | null;
  finishedAtMs: number | null;
  /** HostConfig.Memory; 0 = no limit. */
  memoryLimitBytes: number;
}

/** One event from GET /events. */
export interface ContainerEvent {
  /** start, die, destroy, … */
  action: string;
  id: string;
  name: string;
  image: string;
  labels: Record<string, string>;
  /** Event time, ms. */
  tsMs: number;
  /** For `die`: the exit code. */
  exitCode: number | null;
}

/** Figures from the one-shot stats endpoint, as `docker stats` derives them. */
export interface ApiStats {
  /** When the daemon read them, ms. */
  readAtMs: number;
  /** Cumulative cpu time of the container, ns. */
  cpuTotalNs: number | undefined;
  /** usage minus inactive file cache (cgroup v1: total_inactive_file; v2: inactive_file). */
  memBytes: number | undefined;
  memLimitBytes: number | undefined;
  pids: number | undefined;
  ioReadBytes: number | undefined;
  ioWriteBytes: number | undefined;
}

export interface EventStream {
  /** Ends the stream. Idempotent. */
  close(): void;
}

export interface DockerClientOptions {
  endpoint: DockerEndpoint;
  /** @default 2000 */
  statsTimeoutMs?: number;
  /** @default 10000 */
  callTimeoutMs?: number;
}

interface Answer {
  status: number;
  body: string;
}

function toMs(iso: unknown): number | null {
  if (typeof iso !== 'string' || iso.startsWith('0001-')) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
}

function labelsOf(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (typeof x === 'string') out[k] = x;
  }
  return out;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
/** A string field of an Engine answer; '' when absent or not a string. */
const str = (...vs: unknown[]): string => {
  for (const v of vs) if (typeof v === 'string') return v;
  return '';
};

/** Reduces a stats document (either cgroup version) to {@link ApiStats}. Exported for tests. */
export function parseApiStats(doc: unknown): ApiStats {
  const d = (doc ?? {}) as Record<string, unknown>;
  const cpu = (d['cpu_stats'] ?? {}) as { cpu_usage?: { total_usage?: unknown } };
  const mem = (d['memory_stats'] ?? {}) as { usage?: unknown; limit?: unknown; stats?: Record<string, unknown> };
  const usage = num(mem.usage);
  const st = mem.stats ?? {};
  // What `docker stats` shows (docker/cli calculateMemUsageUnixNoCache).
  const inactive = num(st['total_inactive_file']) ?? num(st['inactive_file']);
  let memBytes: number | undefined;
  if (usage !== undefined) memBytes = inactive !== undefined && inactive < usage ? usage - inactive : usage;
  let rd: number | undefined;
  let wr: number | undefined;
  const blk = (d['blkio_stats'] ?? {}) as { io_service_bytes_recursive?: unknown };
  if (Array.isArray(blk.io_service_bytes_recursive)) {
    rd = 0;
    wr = 0;
    for (const e of blk.io_service_bytes_recursive as { op?: unknown; value?: unknown }[]) {
      const op = typeof e.op === 'string' ? e.op.toLowerCase() : '';
      const v = num(e.value) ?? 0;
      if (op === 'read') rd += v;
      else if (op === 'write') wr += v;
    }
  }
  return {
    readAtMs: toMs(d['read']) ?? Date.now(),
    cpuTotalNs: num(cpu.cpu_usage?.total_usage),
    memBytes,
    memLimitBytes: num(mem.limit),
    pids: num((d['pids_stats'] as { current?: unknown } | undefined)?.current),
    ioReadBytes: rd,
    ioWriteBytes: wr,
  };
}

function summaryOf(c: Record<string, unknown>): ContainerSummary {
  const names = Array.isArray(c['Names']) ? (c['Names'] as unknown[]) : [];
  const first = typeof names[0] === 'string' ? names[0] : '';
  return {
    id: str(c['Id']),
    name: first.replace(/^\//, ''),
    image: str(c['Image']),
    labels: labelsOf(c['Labels']),
    createdAtMs: (num(c['Created']) ?? 0) * 1000,
    state: str(c['State']),
  };
}

function detailsOf(c: Record<string, unknown>): ContainerDetails {
  const s = (c['State'] ?? {}) as Record<string, unknown>;
  const cfg = (c['Config'] ?? {}) as Record<string, unknown>;
  const hc = (c['HostConfig'] ?? {}) as Record<string, unknown>;
  const running = s['Running'] === true;
  const finished = toMs(s['FinishedAt']);
  return {
    id: str(c['Id']),
    name: str(c['Name']).replace(/^\//, ''),
    image: str(cfg['Image'], c['Image']),
    labels: labelsOf(cfg['Labels']),
    createdAtMs: toMs(c['Created']) ?? 0,
    state: str(s['Status']),
    pid: num(s['Pid']) ?? 0,
    running,
    exitCode: running || finished === null ? null : (num(s['ExitCode']) ?? null),
    startedAtMs: toMs(s['StartedAt']),
    finishedAtMs: finished,
    memoryLimitBytes: num(hc['Memory']) ?? 0,
  };
}

/** The client. Every method rejects with a {@link ContainerError}. */
export class DockerClient {
  readonly #endpoint: DockerEndpoint;
  readonly #statsTimeoutMs: number;
  readonly #callTimeoutMs: number;
  readonly #agent: http.Agent;

  constructor(options: DockerClientOptions) {
    this.#endpoint = options.endpoint;
    this.#statsTimeoutMs = options.statsTimeoutMs ?? kDefaultStatsTimeoutMs;
    this.#callTimeoutMs = options.callTimeoutMs ?? kDefaultCallTimeoutMs;
    // One kept-alive connection serves the per-tick calls without a new
    // socket (and a new dockerd goroutine) each time.
    this.#agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  }

  get endpoint(): string {
    return describeEndpoint(this.#endpoint);
  }

  /** GET /_ping: resolves when an Engine answers. */
  async ping(): Promise<void> {
    const a = await this.#call('GET', '/_ping', this.#callTimeoutMs);
    this.#expect(a, [200], 'ping');
  }

  /** Containers matching `filter` (running or not). */
  async list(filter: ContainerFilter): Promise<ContainerSummary[]> {
    const q = new URLSearchParams({ all: '1' });
    if (Object.keys(filter.filters).length > 0) q.set('filters', JSON.stringify(filter.filters));
    const a = await this.#call('GET', `/containers/json?${q.toString()}`, this.#callTimeoutMs);
    this.#expect(a, [200], `list (filter ${filter.text})`);
    const rows = this.#json(a, 'list');
    if (!Array.isArray(rows)) throw new ContainerError('ERR_CONTAINERS_API', 'runbus containers: list did not answer an array');
    return (rows as Record<string, unknown>[]).map(summaryOf);
  }

  async inspect(id: string): Promise<ContainerDetails> {
    const a = await this.#call('GET', `/containers/${encodeURIComponent(id)}/json`, this.#callTimeoutMs);
    this.#expect(a, [200], `inspect ${id}`);
    return detailsOf(this.#json(a, 'inspect') as Record<string, unknown>);
  }

  /**
   * Stops a container (SIGTERM, then SIGKILL after `timeoutS`). Resolves
   * also when it was not running (304).
   */
  async stop(id: string, timeoutS: number): Promise<void> {
    const a = await this.#call('POST', `/containers/${encodeURIComponent(id)}/stop?t=${Math.max(0, Math.round(timeoutS))}`, this.#callTimeoutMs + timeoutS * 1000);
    this.#expect(a, [204, 304], `stop ${id}`);
  }

  /** Removes a container and its anonymous volumes (force: running ones too). */
  async remove(id: string): Promise<void> {
    const a = await this.#call('DELETE', `/containers/${encodeURIComponent(id)}?force=1&v=1`, this.#callTimeoutMs);
    this.#expect(a, [204], `remove ${id}`);
  }

  /** One-shot stats; rejects with ERR_CONTAINERS_TIMEOUT after the stats timeout (2 s). */
  async stats(id: string): Promise<ApiStats> {
    const a = await this.#call('GET', `/containers/${encodeURIComponent(id)}/stats?stream=false&one-shot=true`, this.#statsTimeoutMs);
    this.#expect(a, [200], `stats ${id}`);
    return parseApiStats(this.#json(a, 'stats'));
  }

  /**
   * Follows container events (`actions`, e.g. start and die) until closed.
   * `onError` gets the reason the stream ended when it was not closed by us
   * (daemon restarted, socket gone): the caller decides when to reopen.
   */
  events(actions: readonly string[], onEvent: (e: ContainerEvent) => void, onError: (err: ContainerError) => void): EventStream {
    const filters = JSON.stringify({ type: ['container'], event: actions });
    let closed = false;
    let ended = false;
    const fail = (err: ContainerError): void => {
      if (closed || ended) return;
      ended = true;
      onError(err);
    };
    const req = http.request({ ...this.#target(), method: 'GET', path: `/events?filters=${encodeURIComponent(filters)}` }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        fail(new ContainerError('ERR_CONTAINERS_API', `runbus containers: events answered HTTP ${res.statusCode ?? 0}`, { status: res.statusCode }));
        return;
      }
      res.setEncoding('utf8');
      let buf = '';
      res.on('data', (chunk: string) => {
        buf += chunk;
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl).trim();
          buf = buf.slice(nl + 1);
          if (line === '') continue;
          let e: Record<string, unknown>;
          try {
            e = JSON.parse(line) as Record<string, unknown>;
          } catch {
            continue; // one bad line is skipped; the stream goes on
          }
          const actor = (e['Actor'] ?? {}) as { ID?: unknown; Attributes?: unknown };
          const attrs = labelsOf(actor.Attributes);
          const { name = '', image = '', exitCode, ...labels } = attrs;
          const timeNano = num(e['timeNano']);
          onEvent({
            action: str(e['Action'], e['status']),
            id: str(actor.ID, e['id']),
            name,
            image,
            labels,
            tsMs: timeNano !== undefined ? Math.floor(timeNano / 1e6) : (num(e['time']) ?? 0) * 1000,
            exitCode: exitCode === undefined || exitCode === '' ? null : Number(exitCode),
          });
        }
      });
      res.on('end', () => { fail(new ContainerError('ERR_CONTAINERS_UNREACHABLE', 'runbus containers: the event stream ended (daemon stopped?)')); });
      res.on('error', (err) => { fail(this.#unreachable(err)); });
    });
    req.on('error', (err) => { fail(this.#unreachable(err)); });
    req.end();
    return {
      close: () => {
        if (closed) return;
        closed = true;
        req.destroy();
      },
    };
  }

  /** Closes kept-alive connections. */
  close(): void {
    this.#agent.destroy();
  }

  #target(): http.RequestOptions {
    const e = this.#endpoint;
    return e.kind === 'unix' ? { socketPath: e.socketPath } : { host: e.host, port: e.port };
  }

  #unreachable(err: unknown): ContainerError {
    const code = (err as { code?: unknown }).code;
    const where = describeEndpoint(this.#endpoint);
    let why = err instanceof Error ? err.message : String(err);
    if (code === 'ENOENT') why = 'no socket there';
    else if (code === 'EACCES') why = 'permission denied on the socket (join the docker group or point DOCKER_HOST elsewhere)';
    else if (code === 'ECONNREFUSED') why = 'connection refused (is dockerd running?)';
    return new ContainerError('ERR_CONTAINERS_UNREACHABLE', `runbus containers: cannot reach the Docker Engine at ${where}: ${why}`, { cause: err });
  }

  #call(method: string, path: string, timeoutMs: number): Promise<Answer> {
    return new Promise((resolve, reject) => {
      let done = false;
      const req = http.request({ ...this.#target(), agent: this.#agent, method, path, headers: { Host: 'docker' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', (err) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          reject(this.#unreachable(err));
        });
      });
      const timer = setTimeout(() => {
        if (done) return;
        done = true;
        req.destroy();
        reject(new ContainerError('ERR_CONTAINERS_TIMEOUT', `runbus containers: ${method} ${path.split('?')[0] ?? path} took longer than ${timeoutMs} ms`));
      }, timeoutMs);
      timer.unref();
      req.on('error', (err) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        reject(this.#unreachable(err));
      });
      req.end();
    });
  }

  #expect(a: Answer, ok: number[], what: string): void {
    if (ok.includes(a.status)) return;
    let msg = a.body.trim();
    try {
      const m = (JSON.parse(a.body) as { message?: unknown }).message;
      if (typeof m === 'string') msg = m;
    } catch {
      // not JSON: keep the text
    }
    const code = a.status === 404 ? 'ERR_CONTAINERS_NOT_FOUND' : 'ERR_CONTAINERS_API';
    throw new ContainerError(code, `runbus containers: ${what}: HTTP ${a.status}: ${msg}`, { status: a.status });
  }

  #json(a: Answer, what: string): unknown {
    try {
      return JSON.parse(a.body) as unknown;
    } catch (err) {
      throw new ContainerError('ERR_CONTAINERS_API', `runbus containers: ${what} answered something that is not JSON`, { cause: err });
    }
  }
}
