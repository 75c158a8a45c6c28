import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// A real Docker Engine for the container tests. When DOCKER_HOST (or the
// default socket) answers, that engine is used. Otherwise the first test file
// that needs one starts dockerd under a shared temp dir (no networking, vfs
// storage, its own data and exec roots), and later files reuse it; the
// global teardown (support/docker-teardown.ts) stops it. No registry is
// needed: the test image is imported from a tar holding busybox-static.

const run = promisify(execFile);

export const kNeedsDockerIo = '(needs dockerd: apt-get install docker.io)';
export const kNeedsBusybox = '(needs /bin/busybox: apt-get install busybox-static)';
export const kTestImage = 'runbus-test-busybox:latest';
/** Every container a test creates carries this label, so a test cleans only its own. */
export const kTestLabel = 'runbus.test';

export const kSharedDir = join(tmpdir(), `runbus-test-dockerd-${process.getuid?.() ?? 0}`);

/** Whether process `pid` exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function haveDockerd(): boolean {
  for (const d of ['/usr/sbin', '/usr/bin', '/usr/local/bin', '/sbin']) if (existsSync(join(d, 'dockerd'))) return true;
  return false;
}

export function haveBusybox(): boolean {
  return existsSync('/bin/busybox');
}

function ping(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.request({ socketPath, path: '/_ping', method: 'GET', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => { resolve(false); });
    req.on('timeout', () => { req.destroy(); resolve(false); });
    req.end();
  });
}

export interface Engine {
  /** unix://… for DOCKER_HOST. */
  dockerHost: string;
  socketPath: string;
  /** Runs the docker CLI against this engine. */
  docker(...args: string[]): Promise<string>;
}

let gEngine: Promise<Engine | null> | null = null;

async function startShared(): Promise<string | null> {
  const sock = join(kSharedDir, 'docker.sock');
  if (await ping(sock)) return sock;
  let starter = false;
  try {
    mkdirSync(kSharedDir, { mode: 0o700 });
    starter = true;
  } catch {
    // another test file is starting it, or an old dir with a dead daemon
    if (existsSync(join(kSharedDir, 'pid'))) {
      const pid = Number(readFileSync(join(kSharedDir, 'pid'), 'utf8'));
      if (!alive(pid)) {
        rmSync(kSharedDir, { recursive: true, force: true });
        mkdirSync(kSharedDir, { mode: 0o700 });
        starter = true;
      }
    }
  }
  if (starter) {
    const child = spawn('dockerd', [
      '--iptables=false', '--bridge=none', '--storage-driver=vfs',
      '--data-root', join(kSharedDir, 'data'), '--exec-root', join(kSharedDir, 'exec'),
      '--pidfile', join(kSharedDir, 'pid'), '-H', `unix://${sock}`,
    ], { detached: true, stdio: ['ignore', 'ignore', 'ignore'] });
    child.unref();
    writeFileSync(join(kSharedDir, 'started-by-tests'), String(child.pid ?? ''));
  }
  const end = Date.now() + 60_000;
  while (Date.now() < end) {
    if (await ping(sock)) return sock;
    await new Promise((r) => setTimeout(r, 200));
  }
  return null;
}

async function ensureImage(e: Engine): Promise<void> {
  const have = await e.docker('images', '-q', kTestImage);
  if (have.trim() !== '') return;
  const dir = mkdtempSync(join(tmpdir(), 'rb-image-'));
  try {
    const root = join(dir, 'rootfs');
    mkdirSync(join(root, 'bin'), { recursive: true });
    copyFileSync('/bin/busybox', join(root, 'bin', 'busybox'));
    for (const a of ['sh', 'yes', 'sleep', 'cat', 'head', 'dd', 'true', 'false', 'mkdir', 'tail']) symlinkSync('busybox', join(root, 'bin', a));
    execFileSync('tar', ['-C', root, '-cf', join(dir, 'rootfs.tar'), '.']);
    await e.docker('import', join(dir, 'rootfs.tar'), kTestImage);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The engine to test against, with the test image present; null when none
 * can be had (the caller skips, naming docker.io or busybox-static).
 */
export function dockerEngine(): Promise<Engine | null> {
  gEngine ??= (async () => {
    if (!haveBusybox()) return null;
    let socketPath: string | null = null;
    const env = process.env['DOCKER_HOST'];
    if (env?.startsWith('unix://') === true && (await ping(env.slice(7)))) socketPath = env.slice(7);
    else if (env === undefined && (await ping('/var/run/docker.sock'))) socketPath = '/var/run/docker.sock';
    else if (haveDockerd()) socketPath = await startShared();
    if (socketPath === null) return null;
    const dockerHost = `unix://${socketPath}`;
    const e: Engine = {
      dockerHost,
      socketPath,
      docker: async (...args) => (await run('docker', args, { env: { ...process.env, DOCKER_HOST: dockerHost }, maxBuffer: 16 << 20 })).stdout,
    };
    await ensureImage(e);
    return e;
  })();
  return gEngine;
}

/** Removes every container carrying `label` (a test's own). */
export async function removeLabelled(e: Engine, label: string): Promise<void> {
  const ids = (await e.docker('ps', '-aq', '--filter', `label=${label}`)).split('\n').filter((s) => s !== '');
  if (ids.length > 0) await e.docker('rm', '-f', ...ids);
}

/** A dockerd of one's own: its pid, its directories, and how to stop it. */
export interface PrivateEngine extends Engine {
  readonly pid: number;
  /** The daemon's exec root: its containerd socket and shims live under it. */
  readonly execRoot: string;
  /** Stops the daemon (its containers with it) and removes its directory. */
  stop(): Promise<void>;
}

/**
 * Starts a dockerd that nothing else shares (no networking, vfs storage,
 * data, exec root and socket in a new temp dir) with the test image
 * imported: for a bench, whose engine CPU must be its own. Null when
 * dockerd or busybox is missing or the daemon does not answer.
 */
export async function startPrivateEngine(): Promise<PrivateEngine | null> {
  if (!haveDockerd() || !haveBusybox()) return null;
  // Short: the socket paths under it must fit in sun_path.
  const dir = mkdtempSync(join(tmpdir(), 'rb-dk-'));
  const socketPath = join(dir, 'docker.sock');
  const execRoot = join(dir, 'exec');
  const child = spawn('dockerd', [
    '--iptables=false', '--bridge=none', '--storage-driver=vfs',
    '--data-root', join(dir, 'data'), '--exec-root', execRoot, '--pidfile', join(dir, 'pid'), '-H', `unix://${socketPath}`,
  ], { stdio: ['ignore', 'ignore', 'ignore'] });
  const exited = new Promise<void>((r) => { child.once('exit', () => { r(); }); });
  const docker = async (...args: string[]): Promise<string> => (await run('docker', args, { env: { ...process.env, DOCKER_HOST: `unix://${socketPath}` }, maxBuffer: 16 << 20 })).stdout;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      // Its containers first: a daemon stopped under running containers can
      // leave their shims behind.
      try {
        const ids = (await docker('ps', '-aq')).split('\n').filter((x) => x !== '');
        if (ids.length > 0) await docker('rm', '-f', ...ids);
      } catch { /* the daemon is going anyway */ }
      child.kill('SIGTERM');
      const t = setTimeout(() => { child.kill('SIGKILL'); }, 30_000);
      await exited;
      clearTimeout(t);
    }
    // dockerd bind-mounts its data root onto itself; what it left mounted goes first, deepest first.
    const mounts = readFileSync('/proc/self/mountinfo', 'utf8').split('\n').map((l) => l.split(' ')[4] ?? '').filter((m) => m.startsWith(`${dir}/`)).sort().reverse();
    for (const m of mounts) {
      try {
        execFileSync('umount', ['-l', m]);
      } catch { /* not ours to unmount after all */ }
    }
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch (err) {
      process.stderr.write(`docker engine: ${dir} not removed: ${(err as Error).message}\n`);
    }
  };
  const end = Date.now() + 60_000;
  while (!(await ping(socketPath))) {
    if (child.exitCode !== null || Date.now() > end) {
      await stop();
      return null;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const dockerHost = `unix://${socketPath}`;
  const e: PrivateEngine = { dockerHost, socketPath, pid: child.pid!, execRoot, stop, docker };
  try {
    await ensureImage(e);
  } catch (err) {
    await stop();
    throw err;
  }
  return e;
}
