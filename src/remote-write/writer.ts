// The remote writer: the store is the log. For each target it reads the
// committed rows of each followed table forward from a cursor kept in the
// store, turns them into series, and sends one request at a time:
//
//   cursor.last ──► read ≤ maxRows rows ──► mark in flight (cursor.inflight_to)
//        ▲                                        │ POST (retry: backoff + jitter,
//        └──── commit cursor.last = to ◄──────────┘  oldest first, never skipping)
//
// A request in flight when the process died is resent first, alone and with
// the same rows; a receiver that commits a request atomically (Prometheus)
// then either takes it or refuses it as out of order because it already has
// it — both mean "delivered". Plain code on whatever thread runs it; the hub
// runs it in its own worker (worker.ts) with real timers.

import type { Database, Statement } from 'better-sqlite3';
import { sendBody } from './send.js';
import type { FetchLike, RemoteAuth, SendOutcome } from './send.js';
import { sortLabels, writeRequestBody } from './request.js';
import type { LabelPair, Series } from './request.js';
import { kSources } from './sources.js';
import { Cursors, Limiter } from './cursors.js';
import type { Row, Source, SourceContext } from './sources.js';

export interface RemoteTarget {
  /** The receiver's URL (no credentials in it). */
  readonly url: string;
  readonly auth: RemoteAuth;
}

/** Resolved writer settings (see options.ts for defaults and ranges). */
export interface RemoteWriterSettings {
  readonly targets: readonly RemoteTarget[];
  readonly host: string;
  readonly hostId: string;
  readonly maxRowsPerRequest: number;
  readonly maxSamplesPerSecond: number;
  readonly pollMs: number;
  readonly timeoutMs: number;
  readonly minBackoffMs: number;
  readonly maxBackoffMs: number;
  readonly maxProcesses: number;
  readonly maxAppMetrics: number;
  readonly maxSeriesPerMetric: number;
  readonly maxLabelsPerMetric: number;
  readonly staleAfterMs: number;
}

/** What the writer needs from its surroundings (real ones in the worker, fakes in tests). */
export interface WriterEnv {
  now(): number;
  /** Resolves after `ms`, or early when `wake` is called. */
  sleep(ms: number): Promise<void>;
  /** Resolves after `ms` (wake does not shorten it). */
  delay(ms: number): Promise<void>;
  /** Ends every pending sleep now. */
  wake(): void;
  random(): number;
  fetch?: FetchLike;
  log(message: string): void;
}

export interface TargetStats {
  readonly url: string;
  /** Rows of followed tables not yet sent. */
  readonly rowsBehind: number;
  readonly samplesSent: number;
  readonly requestsSent: number;
  readonly retries: number;
  /** Requests the receiver refused for good (4xx other than 429), skipped. */
  readonly refusedRequests: number;
  readonly refusedSamples: number;
  /** Resent after a restart and found already delivered. */
  readonly replayedRequests: number;
  /** Samples not sent, by reason (caps, out of order, bad rows). */
  readonly dropped: Readonly<Record<string, number>>;
  /** Since when every attempt has failed (ms since the epoch), or null. */
  readonly failingSinceMs: number | null;
  readonly lastError: string | null;
  readonly lastSuccessMs: number | null;
}

const kOutOfOrder = /out of order|duplicate sample|out of bounds/i;

class TargetWriter {
  readonly target: RemoteTarget;
  readonly #s: RemoteWriterSettings;
  readonly #env: WriterEnv;
  readonly #cursors: Cursors;
  readonly #reads: Map<string, Statement>;
  readonly #limiter: Limiter;
  /** Newest timestamp sent per series (samples at or before it are dropped). */
  readonly #lastTs = new Map<string, number>();
  readonly #loggedReasons = new Set<string>();
  #nextAllowedAt = 0;
  #batches = 0;
  samplesSent = 0;
  requestsSent = 0;
  retries = 0;
  refusedRequests = 0;
  refusedSamples = 0;
  replayedRequests = 0;
  readonly dropped = new Map<string, number>();
  failingSinceMs: number | null = null;
  lastError: string | null = null;
  lastSuccessMs: number | null = null;

  constructor(target: RemoteTarget, s: RemoteWriterSettings, env: WriterEnv, cursors: Cursors, reads: Map<string, Statement>) {
    this.target = target;
    this.#s = s;
    this.#env = env;
    this.#cursors = cursors;
    this.#reads = reads;
    this.#limiter = new Limiter(s);
  }

  rowsBehind(): number {
    let n = 0;
    for (const src of kSources) n += Math.max(0, this.#cursors.maxRowid(src.table) - this.#cursors.get(this.target.url, src.table).last);
    return n;
  }

  #drop(reason: string, n = 1): void {
    this.dropped.set(reason, (this.dropped.get(reason) ?? 0) + n);
  }

  /**
   * Sends what one table has after the cursor (one request). Returns false
   * when there was nothing to send, 'stopped' when `stopped()` turned true
   * while retrying (the request stays in flight for the next start).
   */
  async pump(src: Source, stopped: () => boolean): Promise<boolean | 'stopped'> {
    const url = this.target.url;
    let cur = this.#cursors.get(url, src.table);
    const max = this.#cursors.maxRowid(src.table);
    if (cur.last > max) {
      // The table was emptied and rowids started again: everything in it is new.
      cur = { last: 0, inflight: null };
      this.#cursors.set(url, src.table, cur, this.#env.now());
    }
    const replay = cur.inflight !== null;
    let rows = this.#reads.get(src.table)!.all(cur.last, this.#s.maxRowsPerRequest) as Row[];
    if (replay) rows = rows.filter((r) => (r.rid as number) <= cur.inflight!);
    if (rows.length === 0) {
      if (replay) this.#cursors.set(url, src.table, { last: cur.inflight!, inflight: null }, this.#env.now());
      return false;
    }
    const to = rows.at(-1)!.rid as number;
    const series = this.#build(src, rows);
    let n = 0;
    for (const s of series) n += s.samples.length;
    if (n === 0) {
      this.#cursors.set(url, src.table, { last: to, inflight: null }, this.#env.now());
      return true;
    }
    if (!replay) this.#cursors.set(url, src.table, { last: cur.last, inflight: to }, this.#env.now());
    const body = writeRequestBody(series);
    for (let attempt = 0; ; attempt++) {
      await this.#pace();
      if (stopped()) return 'stopped';
      const out: SendOutcome = await sendBody(url, body, this.target.auth, this.#s.timeoutMs, this.#env.fetch);
      const now = this.#env.now();
      if (out.kind === 'sent' || (out.kind === 'refused' && replay && kOutOfOrder.test(out.reason))) {
        if (out.kind === 'sent') {
          this.samplesSent += n;
          this.requestsSent++;
        } else {
          this.replayedRequests++;
        }
        this.#charge(n, now);
        this.#commit(src, to, series, now);
        if (this.failingSinceMs !== null) this.#env.log(`runbus remote write: ${url} reachable again after ${attempt} retries`);
        this.failingSinceMs = null;
        this.lastSuccessMs = now;
        return true;
      }
      if (out.kind === 'refused') {
        this.refusedRequests++;
        this.refusedSamples += n;
        this.lastError = out.reason;
        const key = `${out.status}`;
        if (!this.#loggedReasons.has(key)) {
          this.#loggedReasons.add(key);
          this.#env.log(`runbus remote write: ${url} refused ${n} samples (${out.reason}); skipped, and further refusals with HTTP ${out.status} are only counted`);
        }
        this.#commit(src, to, series, now);
        return true;
      }
      this.retries++;
      this.lastError = out.reason;
      if (this.failingSinceMs === null) {
        this.failingSinceMs = now;
        this.#env.log(`runbus remote write: ${url} failed (${out.reason}); retrying with backoff, the rows wait in the store`);
      }
      if (stopped()) return 'stopped';
      await this.#env.sleep(this.#backoff(attempt, out.retryAfterMs));
    }
  }

  /** Exponential backoff with full jitter over the upper half: [d/2, d). */
  #backoff(attempt: number, retryAfterMs: number | undefined): number {
    const d = Math.min(this.#s.maxBackoffMs, this.#s.minBackoffMs * 2 ** Math.min(attempt, 30));
    const j = d / 2 + this.#env.random() * (d / 2);
    return Math.max(j, Math.min(retryAfterMs ?? 0, this.#s.maxBackoffMs));
  }

  /** Catch-up at a bounded rate: waits until the samples already sent are paid for. */
  async #pace(): Promise<void> {
    const wait = this.#nextAllowedAt - this.#env.now();
    if (wait > 0) await this.#env.sleep(wait);
  }

  #charge(samples: number, now: number): void {
    this.#nextAllowedAt = Math.max(this.#nextAllowedAt, now - 1000) + (samples * 1000) / this.#s.maxSamplesPerSecond;
  }

  #commit(src: Source, to: number, series: readonly Series[], now: number): void {
    this.#cursors.set(this.target.url, src.table, { last: to, inflight: null }, now);
    for (const s of series) this.#lastTs.set(keyOf(s), s.samples.at(-1)!.timestampMs);
  }

  #build(src: Source, rows: readonly Row[]): Series[] {
    const out = new Map<string, { labels: LabelPair[]; samples: { value: number; timestampMs: number }[]; sorted: boolean }>();
    const lim = this.#limiter;
    const ctx: SourceContext = {
      host: this.#s.host,
      hostId: this.#s.hostId,
      reject: (reason) => { this.#drop(reason); },
      admitApp: (name, labels) => {
        const why = lim.admitApp(name, labels, curTs);
        if (why !== undefined) this.#drop(why);
        return why === undefined;
      },
    };
    let curTs = 0;
    let lastLabels: unknown;
    let lastSorted: LabelPair[] = [];
    let lastAt = 0;
    let lastKey = '';
    const isProcess = src.table === 't_snapshot';
    for (const row of rows) {
      curTs = row.ts_ms as number;
      lim.seen(curTs);
      if (isProcess && !lim.admitProcess(`${String(row.run_id)}\u0000${String(row.pid)}`, curTs)) {
        this.#drop('process_cap');
        continue;
      }
      src.toSamples(row, ctx, (name, labels, value, tsMs) => {
        // The figures of one row share one labels array: sort it once.
        if (labels !== lastLabels) {
          lastLabels = labels;
          lastSorted = sortLabels(labels.filter(([, v]) => v !== ''));
          lastAt = lastSorted.findIndex(([n]) => n > '__name__');
          if (lastAt < 0) lastAt = lastSorted.length;
          lastKey = seriesKey(lastSorted);
        }
        const k = `${name}\u0002${lastKey}`;
        let s = out.get(k);
        if (s === undefined) {
          const all: LabelPair[] = [...lastSorted.slice(0, lastAt), ['__name__', name], ...lastSorted.slice(lastAt)];
          s = { labels: all, samples: [], sorted: true };
          out.set(k, s);
        }
        const last = s.samples.at(-1);
        if (last !== undefined && tsMs <= last.timestampMs) s.sorted = false;
        s.samples.push({ value, timestampMs: tsMs });
      });
    }
    const series: Series[] = [];
    for (const [k, s] of out) {
      let samples = s.samples;
      if (!s.sorted) {
        // Oldest first, one sample per timestamp (the last one stored wins).
        samples = samples.map((x, i) => [x, i] as const).sort((a, b) => a[0].timestampMs - b[0].timestampMs || a[1] - b[1]).map(([x]) => x);
        samples = samples.filter((x, i) => i === samples.length - 1 || samples[i + 1]!.timestampMs !== x.timestampMs);
      }
      const prev = this.#lastTs.get(k);
      if (prev !== undefined) {
        const kept = samples.filter((x) => x.timestampMs > prev);
        if (kept.length < samples.length) this.#drop('out_of_order', samples.length - kept.length);
        samples = kept;
      }
      if (samples.length > 0) {
        const x: Series = { labels: s.labels, samples };
        seriesKeys.set(x, k);
        series.push(x);
      }
    }
    if (++this.#batches % 64 === 0) {
      lim.sweep();
      // Forget series quiet for staleAfterMs: bounded memory.
      for (const [k, t] of this.#lastTs) if (t < this.#newestSent() - this.#s.staleAfterMs) this.#lastTs.delete(k);
    }
    return series;
  }

  #newestSent(): number {
    let m = 0;
    for (const t of this.#lastTs.values()) if (t > m) m = t;
    return m;
  }

  stats(): TargetStats {
    return {
      url: this.target.url,
      rowsBehind: this.rowsBehind(),
      samplesSent: this.samplesSent,
      requestsSent: this.requestsSent,
      retries: this.retries,
      refusedRequests: this.refusedRequests,
      refusedSamples: this.refusedSamples,
      replayedRequests: this.replayedRequests,
      dropped: Object.fromEntries(this.dropped),
      failingSinceMs: this.failingSinceMs,
      lastError: this.lastError,
      lastSuccessMs: this.lastSuccessMs,
    };
  }
}

/** The key each built series was made under (its name and sorted labels). */
const seriesKeys = new WeakMap<Series, string>();
function keyOf(s: Series): string {
  return seriesKeys.get(s)!;
}

function seriesKey(labels: readonly LabelPair[]): string {
  return labels.map(([k, v]) => `${k}\u0001${v}`).join('\u0000');
}

/**
 * Follows the store for every target: one loop per target (so one request
 * in flight per target, oldest first). `run()` loops until `stop()`;
 * `drain()` asks the loops to send everything committed so far, bounded by
 * a deadline.
 */
export class RemoteWriter {
  readonly #s: RemoteWriterSettings;
  readonly #env: WriterEnv;
  readonly #targets: TargetWriter[];
  /** Per target: passes started, and drains waiting for an empty pass. */
  readonly #loops: { passes: number; waiters: { from: number; resolve: (ok: boolean) => void }[] }[];
  #stopping = false;
  #drainUntil: number | null = null;

  constructor(db: Database, s: RemoteWriterSettings, env: WriterEnv) {
    this.#s = s;
    this.#env = env;
    const cursors = new Cursors(db);
    const reads = new Map<string, Statement>();
    for (const src of kSources) reads.set(src.table, db.prepare(src.sql));
    this.#targets = s.targets.map((t) => new TargetWriter(t, s, env, cursors, reads));
    this.#loops = this.#targets.map(() => ({ passes: 0, waiters: [] }));
  }

  /** One pass over every table for one target; true if anything was sent. */
  async #pass(t: TargetWriter): Promise<boolean | 'stopped'> {
    let any = false;
    for (const src of kSources) {
      const r = await t.pump(src, () => this.#stopped());
      if (r === 'stopped') return 'stopped';
      any ||= r;
    }
    return any;
  }

  #stopped(): boolean {
    return this.#stopping || (this.#drainUntil !== null && this.#env.now() >= this.#drainUntil);
  }

  /** Runs every target's loop until stop(); never rejects. */
  run(): Promise<void> {
    return Promise.all(this.#targets.map(async (t, i) => {
      const loop = this.#loops[i]!;
      while (!this.#stopping) {
        const seq = ++loop.passes;
        let r: boolean | 'stopped';
        try {
          r = await this.#pass(t);
        } catch (err) {
          this.#env.log(`runbus remote write: ${t.target.url}: ${(err as Error).message}`);
          r = false;
        }
        if (r === 'stopped') {
          // Stopped, or a drain's deadline passed: the rest waits behind the cursor.
          for (const w of loop.waiters.splice(0)) w.resolve(false);
          if (this.#stopping) break;
          r = false;
        } else if (!r) {
          const done = loop.waiters.filter((w) => w.from <= seq);
          loop.waiters = loop.waiters.filter((w) => w.from > seq);
          for (const w of done) w.resolve(true);
        }
        if (!r && !this.#stopping && loop.waiters.length === 0) await this.#env.sleep(this.#s.pollMs);
      }
      for (const w of loop.waiters.splice(0)) w.resolve(false);
    })).then(() => undefined);
  }

  /**
   * Sends what is committed now, for at most `timeoutMs` (run() must be
   * running); what is left, and a request in flight, stays behind the
   * cursor for the next start. Resolves true when every target caught up.
   */
  async drain(timeoutMs: number): Promise<boolean> {
    this.#drainUntil = this.#env.now() + timeoutMs;
    const all = Promise.all(this.#loops.map((loop) => new Promise<boolean>((resolve) => {
      loop.waiters.push({ from: loop.passes + 1, resolve });
    })));
    this.#env.wake();
    let timer = false;
    const ok = await Promise.race([all.then((r) => r.every(Boolean)), this.#env.delay(timeoutMs).then(() => { timer = true; return false; })]);
    if (timer) this.#env.wake();
    this.#drainUntil = null;
    return ok;
  }

  /**
   * Sends until nothing is left, without run()'s loop (tests, benches); do
   * not call while run() is running. Resolves false if stop() came first.
   */
  async catchUp(): Promise<boolean> {
    for (;;) {
      const rs = await Promise.all(this.#targets.map((t) => this.#pass(t)));
      if (rs.includes('stopped')) return false;
      if (!rs.includes(true)) return true;
    }
  }

  stop(): void {
    this.#stopping = true;
    this.#env.wake();
  }

  /** Wakes the loops now (new rows were committed). */
  kick(): void {
    this.#env.wake();
  }

  stats(): TargetStats[] {
    return this.#targets.map((t) => t.stats());
  }
}
