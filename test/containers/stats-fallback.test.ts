import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import { join } from 'node:path';
import { RunBus } from '../../src/bus/index.js';
import { ContainerMonitor, DockerClient, parseContainerFilter } from '../../src/containers/index.js';
import type { ContainerTarget } from '../../src/containers/index.js';
import { Topic } from '../../src/wire/index.js';
import type { ContainerSnapshot } from '../../src/wire/index.js';
import { useTmpDir, waitFor } from '../support/tmp.js';

// When the worker cannot read a container's cgroup files, the monitor asks
// the Engine's one-shot stats; a call over the stats timeout (2 s by
// default, 100 ms here) repeats the last figures marked stale. A fake
// Engine on a Unix socket answers with knobs for delay and failure.

const kId = 'c'.repeat(64);

function fakeEngine(sock: string, knobs: { statsDelayMs: number; statsCalls: number; cpuNs: number }): Promise<http.Server> {
  const srv = http.createServer((req, res) => {
    const url = req.url ?? '';
    const json = (v: unknown): void => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify(v)); };
    if (url.startsWith('/_ping')) { res.end('OK'); return; }
    if (url.startsWith('/events')) { res.writeHead(200); res.flushHeaders(); return; } // held open, silent
    if (url.startsWith('/containers/json')) {
      json([{ Id: kId, Names: ['/eval-1'], Image: 'img', Labels: {}, Created: Math.floor(Date.now() / 1000) + 5, State: 'running' }]);
      return;
    }
    if (url.startsWith(`/containers/${kId}/json`)) {
      json({ Id: kId, Name: '/eval-1', Created: new Date().toISOString(), Config: { Image: 'img', Labels: {} }, State: { Status: 'running', Running: true, Pid: 424242, StartedAt: new Date().toISOString() }, HostConfig: { Memory: 0 } });
      return;
    }
    if (url.startsWith(`/containers/${kId}/stats`)) {
      knobs.statsCalls++;
      knobs.cpuNs += 500_000_000;
      const body = { read: new Date().toISOString(), cpu_stats: { cpu_usage: { total_usage: knobs.cpuNs } }, memory_stats: { usage: 3000, limit: 8000, stats: { total_inactive_file: 1000 } }, pids_stats: { current: 2 } };
      setTimeout(() => { json(body); }, knobs.statsDelayMs).unref();
      return;
    }
    res.writeHead(404);
    res.end('{"message":"no such thing"}');
  });
  return new Promise((r) => srv.listen(sock, () => r(srv)));
}

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

describe('stats fallback', () => {
  const tmp = useTmpDir();
  it('API figures when the cgroup is unreadable; the last ones again, stale, when the call times out', async () => {
    const knobs = { statsDelayMs: 0, statsCalls: 0, cpuNs: 0 };
    const sock = join(tmp(), 'docker.sock');
    const srv = await fakeEngine(sock, knobs);
    const bus = new RunBus();
    const snaps: ContainerSnapshot[] = [];
    bus.subscribe([Topic.CONTAINER], (p) => { snaps.push(p); });
    let unread: ((ids: string[]) => void) | null = null;
    let targets: readonly ContainerTarget[] = [];
    const link = { setContainers: (t: readonly ContainerTarget[]) => { targets = t; }, onUnreadContainers: (fn: (ids: string[]) => void) => { unread = fn; return () => { unread = null; }; } };
    const logs: string[] = [];
    const monitor = new ContainerMonitor({
      bus, runId: 'r', client: new DockerClient({ endpoint: { kind: 'unix', socketPath: sock }, statsTimeoutMs: 100 }),
      filter: parseContainerFilter('all'), sampler: link, clean: false, logger: { warn: (m) => logs.push(m) },
    });
    cleanup = async () => { await monitor.close(); srv.closeAllConnections(); srv.close(); await bus.close(); };
    await monitor.start();
    expect(targets.map((t) => t.id)).toEqual([kId]);
    // The worker could not read it: twice from the API (cpu % needs two).
    unread!([kId]);
    await waitFor(() => snaps.length === 1, 5000, 'first api snapshot');
    await new Promise((r) => setTimeout(r, 20));
    unread!([kId]);
    await waitFor(() => snaps.length === 2, 5000, 'second api snapshot');
    expect(snaps[1]).toMatchObject({ source: 'api', stale: false, memBytes: 2000, memLimitBytes: 8000, pids: 2 });
    expect(snaps[1]!.cpuPercent).toBeGreaterThan(0);
    // Now the Engine is slow: the last figures, marked stale, with the reason.
    knobs.statsDelayMs = 1000;
    unread!([kId]);
    await waitFor(() => snaps.length === 3, 5000, 'stale snapshot');
    expect(snaps[2]).toMatchObject({ source: 'api', stale: true, memBytes: 2000 });
    expect(snaps[2]!.errors?.[0]?.reason).toMatch(/longer than 100 ms/);
    expect(monitor.stats().statsFallbackFailures).toBe(1);
    expect(logs).toEqual([]);
  });
});
