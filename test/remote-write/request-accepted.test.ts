// The request encoder's bytes (protobuf WriteRequest, snappy block, the
// protocol's headers) are accepted by a real Prometheus receiver, and the
// samples read back exactly.
import { afterEach, describe, expect, it } from 'vitest';
import { sendBody } from '../../src/remote-write/send.js';
import { writeRequestBody } from '../../src/remote-write/request.js';
import type { Series } from '../../src/remote-write/request.js';
import { useTmpDir } from '../support/tmp.js';
import { kHavePrometheus, kNeedsPrometheusPackage } from '../export/helpers.js';
import { PromServer } from '../../support/prom-server.js';

const tmp = useTmpDir();
let prom: PromServer | undefined;
afterEach(async () => { await prom?.stop(); prom = undefined; });

describe.skipIf(!kHavePrometheus)(`remote write into a real Prometheus ${kHavePrometheus ? '' : kNeedsPrometheusPackage}`, () => {
  it('accepts a snappy-compressed WriteRequest; values and timestamps read back', async () => {
    prom = await PromServer.start(tmp());
    const t0 = Date.now() - 60_000;
    const series: Series[] = [
      { labels: [['__name__', 'runbus_test_gauge'], ['host', 'h1'], ['run_id', 'r1']], samples: Array.from({ length: 50 }, (_, i) => ({ value: i * 1.5, timestampMs: t0 + i * 1000 })) },
      { labels: [['__name__', 'runbus_test_total'], ['run_id', 'r1']], samples: [{ value: 7, timestampMs: t0 }] },
    ];
    const out = await sendBody(prom.writeUrl, writeRequestBody(series, [{ name: 'runbus_test_gauge', type: 'gauge', help: 'A test.' }]), { kind: 'none' }, 5000);
    expect(out).toEqual({ kind: 'sent', status: 204 });
    const r = await prom.samples('runbus_test_gauge');
    expect(r).toHaveLength(1);
    expect(r[0]!.metric).toEqual({ __name__: 'runbus_test_gauge', host: 'h1', run_id: 'r1' });
    expect(r[0]!.values.map(([t, v]) => [Math.round(t * 1000), Number(v)])).toEqual(series[0]!.samples.map((s) => [s.timestampMs, s.value]));
  }, 60_000);

  it('a malformed body is a refusal (4xx) with the server\'s reason; an unreachable URL is a retry', async () => {
    prom = await PromServer.start(tmp());
    const bad = await sendBody(prom.writeUrl, Uint8Array.from([5, 1, 2]), { kind: 'none' }, 5000);
    expect(bad.kind).toBe('refused');
    if (bad.kind === 'refused') {
      expect(bad.status).toBe(400);
      expect(bad.reason).toMatch(/^HTTP 400: ./);
    }
    await prom.stop();
    const down = await sendBody(prom.writeUrl, writeRequestBody([]), { kind: 'none' }, 5000);
    expect(down).toMatchObject({ kind: 'retry', status: undefined });
  }, 60_000);
});
