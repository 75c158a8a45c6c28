// A real Prometheus server (Debian package `prometheus`) with its remote
// write receiver on, on a free loopback port; its HTTP query API is the
// oracle of the remote-write tests.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export async function freePort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

export interface QueryResult { metric: Record<string, string>; value: [number, string] }
export interface RangeResult { metric: Record<string, string>; values: [number, string][] }

export class PromServer {
  readonly base: string;
  readonly writeUrl: string;
  log = '';
  #proc: ChildProcess | undefined;
  readonly #dir: string;
  readonly #port: number;

  private constructor(dir: string, port: number) {
    this.#dir = dir;
    this.#port = port;
    this.base = `http://127.0.0.1:${port}`;
    this.writeUrl = `${this.base}/api/v1/write`;
  }

  /** Starts a server keeping its TSDB under `dir` (a restart reuses it). */
  static async start(dir: string): Promise<PromServer> {
    const s = new PromServer(dir, await freePort());
    await s.restart();
    return s;
  }

  async restart(): Promise<void> {
    mkdirSync(join(this.#dir, 'data'), { recursive: true });
    const config = join(this.#dir, 'prometheus.yml');
    writeFileSync(config, 'global:\n  scrape_interval: 1h\n');
    mkdirSync(join(this.#dir, 'data'), { recursive: true });
    this.#proc = spawn('prometheus', [
      `--config.file=${config}`, `--storage.tsdb.path=${join(this.#dir, 'data')}`, `--web.listen-address=127.0.0.1:${this.#port}`,
      '--web.enable-remote-write-receiver', '--log.level=warn',
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.#proc.stdout!.on('data', (b: Buffer) => { this.log += b.toString(); });
    this.#proc.stderr!.on('data', (b: Buffer) => { this.log += b.toString(); });
    const end = Date.now() + 30_000;
    for (;;) {
      if (this.#proc.exitCode !== null) throw new Error(`prometheus exited (${String(this.#proc.exitCode)}):\n${this.log}`);
      try {
        const r = await fetch(`${this.base}/-/ready`);
        if (r.status === 200) return;
      } catch { /* not up yet */ }
      if (Date.now() > end) throw new Error(`prometheus did not get ready:\n${this.log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop(): Promise<void> {
    const p = this.#proc;
    if (p === undefined || p.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once('exit', () => { resolve(); });
      p.kill('SIGTERM');
      setTimeout(() => { p.kill('SIGKILL'); }, 5000).unref();
    });
  }

  async #api<T>(path: string): Promise<T> {
    const res = await fetch(`${this.base}${path}`);
    const body = (await res.json()) as { status: string; data: { result: T }; error?: string };
    if (body.status !== 'success') throw new Error(`query failed: ${body.error ?? res.status}`);
    return body.data.result;
  }

  query(q: string): Promise<QueryResult[]> {
    return this.#api(`/api/v1/query?query=${encodeURIComponent(q)}`);
  }

  /** Every stored sample of the series `selector` matches, over the last hour. */
  async samples(selector: string): Promise<RangeResult[]> {
    const r = await this.#api<{ metric: Record<string, string>; values: [number, string][] }[]>(`/api/v1/query?query=${encodeURIComponent(`${selector}[2h]`)}`);
    return r;
  }

  /** Polls until `ok` holds. */
  async until<T>(read: () => Promise<T>, ok: (r: T) => boolean, ms = 30_000): Promise<T> {
    const end = Date.now() + ms;
    let last: T | undefined;
    for (;;) {
      try {
        last = await read();
        if (ok(last)) return last;
      } catch { /* not up yet */ }
      if (Date.now() > end) throw new Error(`timed out; last ${JSON.stringify(last)}\n${this.log}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** A tiny proxy in front of a server that lets through only `Bearer <token>`. */
export async function bearerProxy(target: string, token: string): Promise<{ url: string; refused: number; close(): Promise<void> }> {
  const t = new URL(target);
  const state = { refused: 0 };
  const server: Server = createServer((req, res) => {
    if (req.headers.authorization !== `Bearer ${token}`) {
      state.refused++;
      res.writeHead(401, { 'content-type': 'text/plain' }).end('bad token');
      req.resume();
      return;
    }
    const up = request({ host: t.hostname, port: t.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => { res.writeHead(502).end('upstream down'); });
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${t.pathname}`,
    get refused() { return state.refused; },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => { r(); }); }),
  };
}
