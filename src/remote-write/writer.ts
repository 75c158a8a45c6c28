// The remote writer: the store is the log. For each target it reads the
// committed rows of every followed table forward from cursors kept in the
// store, turns them into series, and sends one request per pass:
//
//   pass N:  read every table after its cursor (≤ maxRowsPerRequest rows,
//            ≤ maxSamplesPerRequest samples in all)
//            ─► one transaction: pass N-1's cursors + "N in flight" (inflight_to)
//            ─► POST (retry: backoff + jitter, oldest first, never skipping)
//            ─► cursors moved in memory; the store learns them with pass N+1
//
// So a pass costs one request and one cursor transaction. A request in
// flight when the process died — or delivered, but its cursors not yet
// written — is resent first, alone and with the same rows; a receiver that
// commits a request atomically (Prometheus) then either takes it or refuses
// it as out of order because it already has it — both mean "delivered".
// Plain code on whatever thread runs it; the hub runs it in its own worker
// (worker.ts) with real timers.

import type { Database, Statement } from 'better-sqlite3';
import { sendBody } from './send.js';
import type { SendOutcome } from './send.js';
import type { Building, Known, RemoteTarget, RemoteWriterSettings, TargetStats, WriterEnv } from './writer-types.js';

export type { RemoteTarget, RemoteWriterSettings, TargetStats, WriterEnv } from './writer-types.js';
import { sortLabels, writeRequestBody } from './request.js';
import type { LabelPair, Series } from './request.js';
import { kSources } from './sources.js';
import { WriteRequestEncoder } from './encode.js';
import { Cursors, Limiter } from './cursors.js';
import type { Cursor } from './cursors.js';
import type { Row, Source, SourceContext } from './sources.js';

const kOutOfOrder = /out of order|duplicate sample|out of bounds/i;

/** What one pass did: sent (or skipped) a request, and whether rows are left. */
export type PassResult = { readonly sent: boolean; readonly more: boolean } | 'stopped';

class TargetWriter {
  readonly target: RemoteTarget;
  readonly #s: RemoteWriterSettings;
  readonly #env: WriterEnv;
  readonly #cursors: Cursors;
  readonly #reads: Map<string, Statement>;
  readonly #limiter: Limiter;
  /** This target's cursors (the store's copy is written once per pass). */
  readonly #cur: Map<string, Cursor>;
  /** Tables whose cursor moved since the store's copy was written. */
  readonly #dirty = new Set<string>();
  /** Newest rowid of each table at the last pass (kSources order). */
  #maxes: number[];
  /** Newest timestamp sent per series (samples at or before it are dropped). */
  readonly #lastTs = new Map<string, number>();
  /** Each series' encoded labels, kept while the series is in #lastTs. */
  readonly #encoder = new WriteRequestEncoder();
  /**
   * Series by a row's sorted-labels key, then family name: a steady pass
   * finds each of its series here without building its key or labels again.
   * Swept with #lastTs.
   */
  readonly #known = new Map<string, Map<string, Known>>();
  readonly #loggedReasons = new Set<string>();
  #nextAllowedAt = 0;
  #batches = 0;
  /** Which table a pass reads first: turns each pass, so no table starves another in a backlog. */
  #first = 0;
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
    this.#cur = cursors.load(target.url);
    this.#maxes = cursors.maxRowids();
  }

  rowsBehind(): number {
    this.#maxes = this.#cursors.maxRowids();
    let n = 0;
    kSources.forEach((src, i) => { n += Math.max(0, this.#maxes[i]! - this.#cur.get(src.table)!.last); });
    return n;
  }

  #drop(reason: string, n = 1): void {
    this.dropped.set(reason, (this.dropped.get(reason) ?? 0) + n);
  }

  #move(table: string, c: Cursor): void {
    this.#cur.set(table, c);
    this.#dirty.add(table);
  }

  /** Writes the cursors that moved (one transaction); a pass does it with its in-flight mark. */
  flush(): void {
    const changes: [string, Cursor][] = [...this.#dirty].map((t) => [t, this.#cur.get(t)!]);
    this.#dirty.clear();
    this.#cursors.write(this.target.url, changes, this.#env.now());
  }

  /**
   * One pass: what every table has after its cursor, up to the per-request
   * limits, in one request. A request left in flight by an earlier process
   * goes first, alone, with the same rows. 'stopped' when `stopped()` turned
   * true while retrying (the request stays in flight for the next start).
   */
  async pass(stopped: () => boolean): Promise<PassResult> {
    this.#maxes = this.#cursors.maxRowids();
    kSources.forEach((src, i) => {
      // The table was emptied and rowids started again: everything in it is new.
      if (this.#cur.get(src.table)!.last > this.#maxes[i]!) this.#move(src.table, { last: 0, inflight: null });
    });
    const replay = kSources.some((src) => this.#cur.get(src.table)!.inflight !== null);
    const b = new Map<Known, Building>();
    const to = new Map<string, number>();
    let n = 0;
    let rowsLeft = this.#s.maxRowsPerRequest;
    const order = kSources.map((_, i) => kSources[(i + this.#first) % kSources.length]!);
    this.#first = (this.#first + 1) % kSources.length;
    for (const src of order) {
      const cur = this.#cur.get(src.table)!;
      const max = this.#maxes[kSources.indexOf(src)]!;
      if (replay) {
        if (cur.inflight === null) continue;
        // Exactly the rows of the request in flight (some may have gone to retention since).
        const rows = (this.#reads.get(src.table)!.all(cur.last, cur.inflight - cur.last) as Row[]).filter((r) => (r.rid as number) <= cur.inflight!);
        n += this.#add(src, rows, b, Infinity, true).samples;
        to.set(src.table, cur.inflight);
        continue;
      }
      const samplesLeft = this.#s.maxSamplesPerRequest - n;
      if (max <= cur.last || rowsLeft <= 0 || samplesLeft <= 0) continue;
      const rows = this.#reads.get(src.table)!.all(cur.last, Math.min(rowsLeft, samplesLeft)) as Row[];
      const r = this.#add(src, rows, b, samplesLeft, n === 0);
      n += r.samples;
      rowsLeft -= r.rows;
      if (r.rows > 0) to.set(src.table, rows[r.rows - 1]!.rid as number);
    }
    const more = (): boolean => kSources.some((src, i) => this.#maxes[i]! > (to.get(src.table) ?? this.#cur.get(src.table)!.last));
    if (to.size === 0) return { sent: false, more: false };
    const { series, keys } = this.#finish(b);
    n = 0;
    for (const s of series) n += s.samples.length;
    if (n === 0) {
      // Rows with nothing to send (all refused by caps, or no figures): move on.
      for (const [table, rid] of to) this.#move(table, { last: rid, inflight: null });
      return { sent: false, more: more() };
    }
    if (!replay) {
      // One transaction: the previous pass's cursors and this request in flight.
      for (const [table, rid] of to) this.#move(table, { last: this.#cur.get(table)!.last, inflight: rid });
      this.flush();
    }
    const url = this.target.url;
    const body = writeRequestBody(series, [], this.#encoder, keys);
    const done = (now: number): void => {
      for (const [table, rid] of to) this.#move(table, { last: rid, inflight: null });
      series.forEach((s, i) => { this.#lastTs.set(keys[i]!, s.samples.at(-1)!.timestampMs); });
      this.lastSuccessMs = now;
    };
    for (let attempt = 0; ; attempt++) {
      await this.#pace();
      if (stopped()) return 'stopped';
      const out: SendOutcome = await sendBody(url, body, this.target.auth, this.#s.timeoutMs, this.#env.fetch);
      const now = this.#env.now();
      // Told after this attempt's counters are in (the answer is handled synchronously below).
      queueMicrotask(() => { this.#env.changed?.(); });
      if (out.kind === 'sent' || (out.kind === 'refused' && replay && kOutOfOrder.test(out.reason))) {
        if (out.kind === 'sent') {
          this.samplesSent += n;
          this.requestsSent++;
        } else {
          this.replayedRequests++;
        }
        this.#charge(n, now);
        done(now);
        if (this.failingSinceMs !== null) this.#env.log(`runbus remote write: ${url} reachable again after ${attempt} retries`);
        this.failingSinceMs = null;
        return { sent: true, more: more() };
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
        done(now);
        return { sent: true, more: more() };
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

  /**
   * Adds rows' samples to the series being built, oldest row first, while
   * they fit in `room` samples; a row goes whole or not at all (the first
   * row of an empty request always goes). Returns how many rows went (the
   * cursor's next stop) and their samples.
   */
  #add(src: Source, rows: readonly Row[], out: Map<Known, Building>, room: number, empty: boolean): { rows: number; samples: number } {
    const lim = this.#limiter;
    // One row's samples and refusals, kept apart until the row is known to fit.
    const knowns: Known[] = [];
    const values: number[] = [];
    const stamps: number[] = [];
    const rejects: string[] = [];
    let curTs = 0;
    const ctx: SourceContext = {
      host: this.#s.host,
      hostId: this.#s.hostId,
      reject: (reason) => { rejects.push(reason); },
      admitApp: (name, labels) => {
        const why = lim.admitApp(name, labels, curTs);
        if (why !== undefined) rejects.push(why);
        return why === undefined;
      },
    };
    const known = this.#known;
    let lastLabels: unknown;
    let lastSorted: LabelPair[] = [];
    let lastKey = '';
    let byName = new Map<string, Known>();
    const emit = (name: string, labels: [string, string][], value: number, tsMs: number): void => {
      // The figures of one row share one labels array: sort it once.
      if (labels !== lastLabels) {
        lastLabels = labels;
        lastSorted = sortLabels(labels.filter(([, v]) => v !== ''));
        lastKey = seriesKey(lastSorted);
        byName = known.get(lastKey) ?? new Map<string, Known>();
        known.set(lastKey, byName);
      }
      let k = byName.get(name);
      if (k === undefined) {
        const at = lastSorted.findIndex(([l]) => l > '__name__') + 1 || lastSorted.length + 1;
        k = { key: `${name}\u0002${lastKey}`, labels: [...lastSorted.slice(0, at - 1), ['__name__', name], ...lastSorted.slice(at - 1)] };
        byName.set(name, k);
      }
      knowns.push(k);
      values.push(value);
      stamps.push(tsMs);
    };
    const isProcess = src.table === 't_snapshot';
    let taken = 0;
    let samples = 0;
    for (const row of rows) {
      curTs = row.ts_ms as number;
      knowns.length = values.length = stamps.length = rejects.length = 0;
      lim.seen(curTs);
      if (isProcess && !lim.admitProcess(`${String(row.run_id)}\u0000${String(row.pid)}`, curTs)) {
        rejects.push('process_cap');
      } else {
        src.toSamples(row, ctx, emit);
      }
      if (samples + knowns.length > room && (taken > 0 || !empty)) break;
      taken++;
      samples += knowns.length;
      for (const r of rejects) this.#drop(r);
      for (let i = 0; i < knowns.length; i++) {
        const k = knowns[i]!;
        let s = out.get(k);
        if (s === undefined) {
          s = { known: k, samples: [], sorted: true };
          out.set(k, s);
        }
        const last = s.samples.at(-1);
        if (last !== undefined && stamps[i]! <= last.timestampMs) s.sorted = false;
        s.samples.push({ value: values[i]!, timestampMs: stamps[i]! });
      }
    }
    return { rows: taken, samples };
  }

  /** The request's series: each oldest first, one sample per timestamp, nothing at or before what was sent. */
  #finish(out: Map<Known, Building>): { series: Series[]; keys: string[] } {
    const series: Series[] = [];
    const keys: string[] = [];
    for (const s of out.values()) {
      const k = s.known.key;
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
        series.push({ labels: s.known.labels, samples });
        keys.push(k);
      }
    }
    if (++this.#batches % 64 === 0) {
      this.#limiter.sweep();
      // Forget series quiet for staleAfterMs: bounded memory.
      const cut = this.#newestSent() - this.#s.staleAfterMs;
      for (const [k, t] of this.#lastTs) if (t < cut) { this.#lastTs.delete(k); this.#encoder.forget(k); }
      for (const [rowKey, byName] of this.#known) {
        for (const [name, k] of byName) if (!this.#lastTs.has(k.key)) byName.delete(name);
        if (byName.size === 0) this.#known.delete(rowKey);
      }
    }
    return { series, keys };
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

function seriesKey(labels: readonly LabelPair[]): string {
  return labels.map(([k, v]) => `${k}\u0001${v}`).join('\u0000');
}

/**
 * Follows the store for every target: one loop per target (so one request
 * in flight per target, oldest first). `run()` loops until `stop()`;
 * `drain()` asks the loops to send everything committed so far, bounded by
 * a deadline.
 *
 * A loop makes one pass, then sleeps `pollMs`, then — when the environment
 * announces store commits — waits for one newer than those it had seen
 * before the pass: an idle store costs no wake-up. A pass that left rows
 * behind (a backlog over the per-request limits) is followed at once,
 * paced by `maxSamplesPerSecond`.
 */
export class RemoteWriter {
  readonly #s: RemoteWriterSettings;
  readonly #env: WriterEnv;
  readonly #targets: TargetWriter[];
  /** Per target: passes started, and drains waiting for a pass that leaves nothing behind. */
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

  #stopped(): boolean {
    return this.#stopping || (this.#drainUntil !== null && this.#env.now() >= this.#drainUntil);
  }

  /** Runs every target's loop until stop(); never rejects. */
  run(): Promise<void> {
    return Promise.all(this.#targets.map(async (t, i) => {
      const loop = this.#loops[i]!;
      while (!this.#stopping) {
        const seq = ++loop.passes;
        const seen = this.#env.commits?.();
        let r: PassResult;
        try {
          r = await t.pass(() => this.#stopped());
        } catch (err) {
          this.#env.log(`runbus remote write: ${t.target.url}: ${(err as Error).message}`);
          r = { sent: false, more: false };
        }
        if (r === 'stopped') {
          // Stopped, or a drain's deadline passed: the rest waits behind the cursor.
          for (const w of loop.waiters.splice(0)) w.resolve(false);
          if (this.#stopping) break;
          r = { sent: false, more: false };
        } else if (!r.more) {
          const done = loop.waiters.filter((w) => w.from <= seq);
          loop.waiters = loop.waiters.filter((w) => w.from > seq);
          for (const w of done) w.resolve(true);
        }
        if (r.more || this.#stopping || loop.waiters.length > 0) continue;
        await this.#env.sleep(this.#s.pollMs);
        if (seen !== undefined && !this.#stopping && loop.waiters.length === 0) await this.#env.waitCommit?.(seen);
      }
      this.#flush(t);
      for (const w of loop.waiters.splice(0)) w.resolve(false);
    })).then(() => undefined);
  }

  #flush(t: TargetWriter): void {
    try {
      t.flush();
    } catch (err) {
      this.#env.log(`runbus remote write: ${t.target.url}: cursor not saved (${(err as Error).message}); the last request is resent at the next start`);
    }
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
   * Sends until nothing is left, without run()'s loop (tests, benches), and
   * saves the cursors; do not call while run() is running. Resolves false
   * if stop() came first.
   */
  async catchUp(): Promise<boolean> {
    try {
      for (;;) {
        const rs = await Promise.all(this.#targets.map((t) => t.pass(() => this.#stopped())));
        if (rs.includes('stopped')) return false;
        if (!rs.some((r) => r !== 'stopped' && r.more)) return true;
      }
    } finally {
      for (const t of this.#targets) this.#flush(t);
    }
  }

  stop(): void {
    this.#stopping = true;
    this.#env.wake();
  }

  /** Wakes the loops now. */
  kick(): void {
    this.#env.wake();
  }

  stats(): TargetStats[] {
    return this.#targets.map((t) => t.stats());
  }
}
