// A fake remote-write receiver for the writer's unit tests: decodes each
// body (snappy, then protobuf) and answers from a script of outcomes.
import { prometheus } from '../../src/remote-write/gen/remote.js';
import { snappyDecompress } from '../../src/remote-write/snappy.js';
import type { FetchLike } from '../../src/remote-write/send.js';

export interface Received { labels: Record<string, string>; samples: [ts: number, value: number][] }

export class FakeReceiver {
  /** What each next request gets: a status, or 'throw' (unreachable); then 204 for ever. */
  script: (number | 'throw')[] = [];
  readonly accepted: Received[][] = [];
  requests = 0;
  concurrent = 0;
  maxConcurrent = 0;
  headers: Record<string, string>[] = [];
  /** Reason text for a refusal. */
  reason = 'bad request';

  readonly fetch: FetchLike = async (_url, init) => {
    this.requests++;
    this.concurrent++;
    this.maxConcurrent = Math.max(this.maxConcurrent, this.concurrent);
    this.headers.push(init.headers);
    try {
      await Promise.resolve();
      const next = this.script.shift() ?? 204;
      if (next === 'throw') throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
      if (next === 204) this.accepted.push(decode(init.body));
      return { status: next, headers: { get: () => null }, text: () => Promise.resolve(next === 204 ? '' : this.reason) };
    } finally {
      this.concurrent--;
    }
  };

  /** Every accepted sample, per series key (sorted label pairs). */
  series(): Map<string, [number, number][]> {
    const m = new Map<string, [number, number][]>();
    for (const req of this.accepted) {
      for (const s of req) {
        const k = Object.entries(s.labels).map(([a, b]) => `${a}=${b}`).join(',');
        m.set(k, [...(m.get(k) ?? []), ...s.samples]);
      }
    }
    return m;
  }
}

export function decode(body: Uint8Array): Received[] {
  const req = prometheus.WriteRequest.decode(snappyDecompress(body));
  return req.timeseries.map((t) => ({
    labels: Object.fromEntries((t.labels ?? []).map((l) => [l.name ?? '', l.value ?? ''])),
    samples: (t.samples ?? []).map((s): [number, number] => [Number(s.timestamp), s.value ?? 0]),
  }));
}
