import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHub } from '../../src/hub/index.js';
import { Topic } from '../../src/wire/index.js';
import type { ContainerSnapshot, HostSnapshot } from '../../src/wire/index.js';
import { dockerEngine, haveBusybox, haveDockerd, kNeedsBusybox, kNeedsDockerIo, kTestImage, useEngine } from '../support/docker.js';
import { useTmpDir, waitFor } from '../support/tmp.js';

const skipWhy = !haveBusybox() ? kNeedsBusybox : !haveDockerd() ? kNeedsDockerIo : '';
const kTag = `runbus.test=faults-${process.pid}`;

describe('faults: no Docker socket', () => {
  const tmp = useTmpDir();
  it('one clear log line, no container figures, everything else goes on', async () => {
    const logs: string[] = [];
    const hub = await createHub({
      db: `${tmp()}/runbus.db`, self: false, gpu: false, handleSignals: false, intervalMs: 100, alerts: false,
      logger: { warn: (m) => logs.push(m) },
      containers: { filter: 'all', dockerHost: `unix://${tmp()}/no-such/docker.sock` },
    });
    const hosts: HostSnapshot[] = [];
    const ctrs: ContainerSnapshot[] = [];
    hub.bus.subscribe([Topic.HOST, Topic.CONTAINER], (p, t) => { if (t === Topic.HOST) hosts.push(p); else ctrs.push(p as ContainerSnapshot); });
    await waitFor(() => hosts.length >= 3, 10_000, 'host samples');
    await hub.close();
    const docker = logs.filter((l) => l.includes('Docker'));
    expect(docker).toHaveLength(1);
    expect(docker[0]).toMatch(/cannot reach the Docker Engine at unix:\/\/.*no socket there; no container figures/);
    expect(ctrs).toEqual([]);
    expect(hub.stats().containers).toMatchObject({ connected: false, active: 0 });
  });
});

describe.skipIf(skipWhy !== '')(`faults with a real engine ${skipWhy}`, () => {
  const engine = useEngine(kTag);
  const tmp = useTmpDir();

  it('a container removed under the monitor: dropped, no zero figures, nothing else disturbed', async () => {
    const label = `${kTag}-rm`;
    const logs: string[] = [];
    const hub = await createHub({
      db: `${tmp()}/runbus.db`, self: false, gpu: false, handleSignals: false, intervalMs: 100, alerts: false,
      logger: { warn: (m) => logs.push(m) },
      containers: { filter: `label=${label}`, dockerHost: engine().dockerHost },
    });
    const ctrs: ContainerSnapshot[] = [];
    hub.bus.subscribe([Topic.CONTAINER], (p) => { ctrs.push(p); });
    const id = (await engine().docker('run', '-d', '--label', kTag, '--label', label, kTestImage, 'sleep', '300')).trim();
    await waitFor(() => ctrs.some((c) => c.containerId === id), 20_000, 'first reading');
    await engine().docker('rm', '-f', id);
    await waitFor(() => hub.stats().containers?.active === 0, 20_000, 'container dropped');
    const n = ctrs.length;
    await hub.sampleNow();
    await hub.sampleNow();
    expect(ctrs.length).toBe(n);
    expect(ctrs.every((c) => c.memBytes === undefined || c.memBytes === null || c.memBytes > 0)).toBe(true);
    await hub.close();
    expect(logs.filter((l) => /failed|cannot/.test(l))).toEqual([]);
  }, 60_000);
});

// A daemon of the test's own, restarted mid-run (the shared one stays up
// for the other tests).
describe.skipIf(skipWhy !== '')(`faults: the daemon restarted mid-run ${skipWhy}`, () => {
  const tmp = useTmpDir();
  it('one line when it goes, one when it is back; containers started after the restart are read', async () => {
    const dir = join(tmp(), 'd');
    mkdirSync(dir);
    const sock = join(dir, 'docker.sock');
    const args = ['--iptables=false', '--bridge=none', '--storage-driver=vfs', '--data-root', join(dir, 'data'), '--exec-root', join(dir, 'exec'), '--pidfile', join(dir, 'pid'), '-H', `unix://${sock}`];
    const start = async (): Promise<number> => {
      const child = spawn('dockerd', args, { detached: true, stdio: 'ignore' });
      child.unref();
      await waitFor(() => existsSync(sock) && existsSync(join(dir, 'pid')), 60_000, 'dockerd socket');
      return child.pid!;
    };
    const stop = async (pid: number): Promise<void> => {
      process.kill(pid, 'SIGTERM');
      await waitFor(() => { try { process.kill(pid, 0); return false; } catch { return true; } }, 30_000, 'dockerd exit');
    };
    const dockerEnv = { ...process.env, DOCKER_HOST: `unix://${sock}` };
    const docker = (...a: string[]) => new Promise<string>((res, rej) => {
      const c = spawn('docker', a, { env: dockerEnv });
      let out = '';
      c.stdout.on('data', (d: Buffer) => { out += d.toString(); });
      c.on('close', (code) => { if (code === 0) res(out); else rej(new Error(`docker ${a.join(' ')} exited ${code}`)); });
    });
    let pid = await start();
    try {
      // The test image, from the shared engine's export of it.
      const shared = await dockerEngine();
      if (shared === null) throw new Error('no engine');
      await new Promise<void>((res, rej) => {
        const save = spawn('docker', ['save', kTestImage], { env: { ...process.env, DOCKER_HOST: shared.dockerHost } });
        const load = spawn('docker', ['load'], { env: dockerEnv, stdio: ['pipe', 'ignore', 'inherit'] });
        save.stdout.pipe(load.stdin);
        load.on('close', (c) => { if (c === 0) res(); else rej(new Error('docker load failed')); });
      });
      const logs: string[] = [];
      const hub = await createHub({
        db: `${tmp()}/runbus.db`, self: false, gpu: false, handleSignals: false, intervalMs: 100, alerts: false,
        logger: { warn: (m) => logs.push(m) },
        containers: { filter: 'label=restart', dockerHost: `unix://${sock}` },
      });
      const ctrs: ContainerSnapshot[] = [];
      hub.bus.subscribe([Topic.CONTAINER], (p) => { ctrs.push(p); });
      const before = (await docker('run', '-d', '--label', 'restart', kTestImage, 'sleep', '300')).trim();
      await waitFor(() => ctrs.some((c) => c.containerId === before), 20_000, 'reading before the restart');
      await stop(pid);
      await waitFor(() => logs.some((l) => l.includes('lost the Docker Engine')), 20_000, 'lost line');
      pid = await start();
      await waitFor(() => logs.some((l) => l.includes('reachable again')), 30_000, 'back line');
      const after = (await docker('run', '-d', '--label', 'restart', kTestImage, 'sleep', '300')).trim();
      await waitFor(() => ctrs.some((c) => c.containerId === after), 20_000, 'reading after the restart');
      await hub.close();
      expect(logs.filter((l) => l.includes('lost the Docker Engine'))).toHaveLength(1);
      expect(logs.filter((l) => l.includes('reachable again'))).toHaveLength(1);
      await docker('rm', '-f', before, after);
    } finally {
      await stop(Number(readFileSync(join(dir, 'pid'), 'utf8')) || pid).catch(() => undefined);
    }
  }, 180_000);
});
