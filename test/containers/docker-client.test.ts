import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContainerError, DockerClient, parseContainerFilter, parseDockerHost } from '../../src/containers/index.js';
import type { ContainerEvent } from '../../src/containers/index.js';
import { dockerEngine, haveBusybox, haveDockerd, kNeedsBusybox, kNeedsDockerIo, kTestImage, removeLabelled } from '../support/docker.js';
import type { Engine } from '../support/docker.js';
import { waitFor } from '../support/tmp.js';

const kLabel = `runbus.test=client-${process.pid}`;
const skipWhy = !haveBusybox() ? kNeedsBusybox : !haveDockerd() ? kNeedsDockerIo : '';

describe('filter', () => {
  it('parses label, name, several keys and all', () => {
    expect(parseContainerFilter('label=app=sandbox').filters).toEqual({ label: ['app=sandbox'] });
    expect(parseContainerFilter('name=eval-').filters).toEqual({ name: ['eval-'] });
    expect(parseContainerFilter('label=a=1,name=x').filters).toEqual({ label: ['a=1'], name: ['x'] });
    expect(parseContainerFilter('all').filters).toEqual({});
  });

  it.each(['', 'label', 'labl=app=x', 'name=', 'label=a,=b'])('a malformed filter %j is a typed error naming it', (text) => {
    let err: unknown;
    try {
      parseContainerFilter(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ContainerError);
    expect((err as ContainerError).code).toBe('ERR_CONTAINERS_FILTER');
    expect((err as ContainerError).message).toContain(JSON.stringify(text));
  });
});

describe('DOCKER_HOST', () => {
  it('unix, tcp and the default', () => {
    expect(parseDockerHost(undefined)).toEqual({ kind: 'unix', socketPath: '/var/run/docker.sock' });
    expect(parseDockerHost('unix:///run/user/1000/docker.sock')).toEqual({ kind: 'unix', socketPath: '/run/user/1000/docker.sock' });
    expect(parseDockerHost('tcp://127.0.0.1:2375')).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 2375 });
    expect(() => parseDockerHost('ssh://me@box')).toThrow(ContainerError);
  });
});

describe('faults without an engine', () => {
  it('no socket: one clear typed error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rb-nosock-'));
    try {
      const c = new DockerClient({ endpoint: { kind: 'unix', socketPath: join(dir, 'docker.sock') } });
      await expect(c.ping()).rejects.toMatchObject({ code: 'ERR_CONTAINERS_UNREACHABLE', message: expect.stringContaining('no socket there') as unknown });
      c.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Root passes any socket's permissions, so as root the client runs in a
  // child with the uid of nobody (from the build: npm run build first).
  it('permission denied on the socket names the cause', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rb-eacces-'));
    chmodSync(dir, 0o755);
    const sock = join(dir, 'docker.sock');
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(sock, r));
    chmodSync(sock, 0o600);
    try {
      let message: string;
      if (process.getuid?.() === 0) {
        const dist = fileURLToPath(new URL('../../dist/containers/index.js', import.meta.url));
        const script = `import(${JSON.stringify(dist)}).then(async (m) => { const c = new m.DockerClient({ endpoint: { kind: 'unix', socketPath: ${JSON.stringify(sock)} } }); try { await c.ping(); console.log('ok'); } catch (e) { console.log(e.code + ' ' + e.message); } c.close(); });`;
        message = execFileSync(process.execPath, ['-e', script], { uid: 65534, gid: 65534, encoding: 'utf8' });
      } else {
        chmodSync(sock, 0o000);
        const c = new DockerClient({ endpoint: { kind: 'unix', socketPath: sock } });
        message = await c.ping().then(() => 'ok', (e: unknown) => `${(e as ContainerError).code} ${(e as ContainerError).message}`);
        c.close();
      }
      expect(message).toMatch(/^ERR_CONTAINERS_UNREACHABLE .*permission denied on the socket/);
    } finally {
      srv.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stats give up after the stats timeout with a typed error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rb-slow-'));
    const sock = join(dir, 'docker.sock');
    // An engine that accepts and never answers.
    const srv = createServer(() => undefined);
    await new Promise<void>((r) => srv.listen(sock, r));
    try {
      const c = new DockerClient({ endpoint: { kind: 'unix', socketPath: sock }, statsTimeoutMs: 50 });
      await expect(c.stats('abc')).rejects.toMatchObject({ code: 'ERR_CONTAINERS_TIMEOUT' });
      c.close();
    } finally {
      srv.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(skipWhy !== '')(`Docker Engine API against a real engine ${skipWhy}`, () => {
  let e: Engine;
  let c: DockerClient;
  beforeAll(async () => {
    const got = await dockerEngine();
    if (got === null) throw new Error(`no Docker engine could be started ${kNeedsDockerIo}`);
    e = got;
    c = new DockerClient({ endpoint: parseDockerHost(e.dockerHost) });
  }, 120_000);
  afterAll(async () => {
    c.close();
    await removeLabelled(e, kLabel);
  });

  it('lists by label and name, inspects, follows start/die, stops and removes', async () => {
    const events: ContainerEvent[] = [];
    const errors: ContainerError[] = [];
    const stream = c.events(['start', 'die'], (ev) => events.push(ev), (err) => errors.push(err));
    const name = `eval-client-${process.pid}`;
    const id = (await e.docker('run', '-d', '--name', name, '--label', kLabel, '--label', 'app=sandbox', kTestImage, 'sleep', '300')).trim();
    const other = (await e.docker('run', '-d', '--label', kLabel, kTestImage, 'sh', '-c', 'exit 3')).trim();

    const byLabel = await c.list(parseContainerFilter(`label=${kLabel},label=app=sandbox`));
    expect(byLabel.map((x) => x.id)).toEqual([id]);
    expect(byLabel[0]).toMatchObject({ name, image: kTestImage, labels: { app: 'sandbox' } });
    const byName = await c.list(parseContainerFilter(`name=eval-client-${process.pid}`));
    expect(byName.map((x) => x.id)).toEqual([id]);
    const all = await c.list(parseContainerFilter(`label=${kLabel}`));
    expect(all.map((x) => x.id).sort()).toEqual([id, other].sort());

    const d = await c.inspect(id);
    expect(d.running).toBe(true);
    expect(d.pid).toBeGreaterThan(0);
    await waitFor(() => events.some((x) => x.id === other && x.action === 'die'), 20_000, 'die event');
    expect(events.find((x) => x.id === other && x.action === 'die')?.exitCode).toBe(3);
    expect(events.some((x) => x.id === id && x.action === 'start')).toBe(true);

    await c.stop(id, 1);
    await c.stop(id, 1); // already stopped: 304, resolves
    expect((await c.inspect(id)).running).toBe(false);
    await c.remove(id);
    await expect(c.inspect(id)).rejects.toMatchObject({ code: 'ERR_CONTAINERS_NOT_FOUND', status: 404 });
    await expect(c.remove(id)).rejects.toMatchObject({ code: 'ERR_CONTAINERS_NOT_FOUND' });
    stream.close();
    expect(errors).toEqual([]);
  });

  it('one-shot stats of a running container', async () => {
    const id = (await e.docker('run', '-d', '--label', kLabel, '--memory', '64m', kTestImage, 'sleep', '300')).trim();
    const s = await c.stats(id);
    expect(s.memLimitBytes).toBe(64 * 1024 * 1024);
    expect(s.pids).toBe(1);
    expect(s.cpuTotalNs).toBeGreaterThanOrEqual(0);
    await c.remove(id);
  });
});
