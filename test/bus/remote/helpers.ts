// Shared by the transport tests: short temp socket paths, sample payloads,
// bounded polling, and a raw socket that speaks (or mangles) the wire.
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { RunBus } from '../../../src/bus/index.js';
import { serveBus } from '../../../src/bus/remote/index.js';
import type { BusServer, BusServerOptions } from '../../../src/bus/remote/index.js';
import { FrameReader, decodeFrame, encodeFrame, kProtocolVersion, Topic } from '../../../src/wire/index.js';
import type { Frame, ResourceSnapshot } from '../../../src/wire/index.js';

/** A fresh directory under /tmp with a short name (socket paths max 107 bytes). */
export function tempDir(): { dir: string; sock: string; cleanup: () => void } {
  const dir = mkdtempSync('/tmp/rb-');
  return {
    dir,
    sock: path.join(dir, 'h.sock'),
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function snapshot(i: number, over: Partial<ResourceSnapshot> = {}): ResourceSnapshot {
  return { tsMs: Date.now(), runId: 'run-1', component: 'worker', pid: 1000 + (i % 1000), rssBytes: i, ...over };
}

/** Per test: a fresh temp dir and a quiet RunBus served on its socket, closed after the test. Read the fields inside tests. */
export function hubPerTest(opts: Omit<BusServerOptions, 'socketPath' | 'logger'> = {}): { t: ReturnType<typeof tempDir>; bus: RunBus; server: BusServer } {
  const h = {} as { t: ReturnType<typeof tempDir>; bus: RunBus; server: BusServer };
  beforeEach(async () => {
    h.t = tempDir();
    h.bus = new RunBus({ logger: quietLogger() });
    h.server = await serveBus(h.bus, { ...opts, socketPath: h.t.sock, logger: quietLogger() });
  });
  afterEach(async () => {
    await h.server.close();
    await h.bus.close();
    h.t.cleanup();
  });
  return h;
}

/** Polls `cond` until true; throws after `timeoutMs`. */
export async function waitFor(cond: () => boolean, what = 'condition', timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export interface Collected {
  warnings: string[];
  warn(m: string): void;
}

export function quietLogger(): Collected {
  const warnings: string[] = [];
  return {
    warnings,
    warn: (m: string) => {
      warnings.push(m);
    },
  };
}

/** A raw client: writes whatever it is told, decodes what the hub sends. */
export class RawClient {
  readonly socket: net.Socket;
  readonly frames: Frame[] = [];
  readonly connected: Promise<void>;
  readonly closed: Promise<void>;
  #reader = new FrameReader();
  isClosed = false;

  constructor(sock: string) {
    this.socket = net.connect(sock);
    this.connected = new Promise((resolve, reject) => {
      this.socket.once('connect', resolve);
      this.socket.once('error', reject);
    });
    this.socket.on('error', () => {
      // ECONNRESET / EPIPE after the hub closes us: expected in these tests.
    });
    this.socket.on('data', (chunk: Buffer) => {
      this.#reader.push(chunk, (b) => this.frames.push(decodeFrame(b)));
    });
    this.closed = new Promise((resolve) => {
      this.socket.once('close', () => {
        this.isClosed = true;
        resolve();
      });
    });
  }

  static async open(sock: string): Promise<RawClient> {
    const c = new RawClient(sock);
    await c.connected;
    return c;
  }

  write(bytes: Uint8Array): void {
    if (!this.socket.destroyed) this.socket.write(bytes);
  }

  hello(over: Partial<{ protocolVersion: number; component: string; pid: number; runId: string; token: string }> = {}): void {
    this.write(encodeFrame({ kind: 'hello', hello: { protocolVersion: kProtocolVersion, component: 'raw', pid: process.pid, runId: 'run-1', token: '', ...over } }));
  }

  subscribe(topics: Topic[] = [Topic.RESOURCE], runId = '', component = ''): void {
    this.write(encodeFrame({ kind: 'subscribe', subscribe: { topics, runId, component } }));
  }

  errorCode(): string | undefined {
    for (const f of this.frames) if (f.kind === 'error') return f.error.code;
    return undefined;
  }

  destroy(): void {
    this.socket.destroy();
  }
}
