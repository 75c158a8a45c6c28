import { execFile } from 'node:child_process';
import os from 'node:os';
import type { FigureError, GpuDevice, GpuProcess, GpuSnapshot } from '../wire/index.js';
import { kDefaultGpuTimeoutMs } from './options.js';

// NVIDIA GPUs through nvidia-smi's CSV query interface, run with execFile (no
// shell) and a timeout. The first failure before any success (no binary, no
// driver, a hang, output we cannot parse) turns the sampler off for good with
// one log line; later failures give a snapshot with no devices and the reason
// in `errors`. A value nvidia-smi cannot give ("[N/A]", "[Not Supported]")
// is absent, never 0.

/** GpuSnapshot device fields (wire names) this sampler produces. */
export const kGpuFigures = [
  'util_percent',
  'mem_used_bytes',
  'mem_total_bytes',
  'temperature_c',
  'power_w',
  'processes',
] as const;

export const kGpuQueryArgs = [
  '--query-gpu=index,uuid,name,utilization.gpu,memory.used,memory.total,temperature.gpu,power.draw',
  '--format=csv,noheader,nounits',
] as const;
export const kGpuAppsArgs = ['--query-compute-apps=gpu_uuid,pid,used_memory,process_name', '--format=csv,noheader,nounits'] as const;
/** One `pmon` sample of utilisation per process (sm %, the share of the GPU's time running its kernels). */
export const kGpuPmonArgs = ['pmon', '-c', '1', '-s', 'u'] as const;


const kMiB = 1024 * 1024;

export interface GpuSamplerOptions {
  /**
   * The nvidia-smi executable (a name looked up on PATH, or a path).
   * @default 'nvidia-smi'
   */
  command?: string;
  /**
   * Kill nvidia-smi after this long.
   * @default 3000
   */
  timeoutMs?: number;
}

export interface GpuSampler {
  /**
   * One reading, or null when the sampler is off. Never rejects. When this
   * call turns the sampler off, `note` says why (log it once).
   */
  sample(runId: string, tsMs: number): Promise<{ snapshot: GpuSnapshot | null; note?: string; utilByPid?: Map<number, number> }>;
  readonly enabled: boolean;
}

class GpuQueryError extends Error {
  constructor(readonly reason: string, message: string) {
    super(message);
  }
}

function run(command: string, args: readonly string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: timeoutMs, killSignal: 'SIGKILL', windowsHide: true, maxBuffer: 4 * kMiB }, (err, stdout) => {
      if (err === null) {
        resolve(stdout);
        return;
      }
      const e = err as { code?: unknown; killed?: boolean; signal?: unknown; message: string };
      const code = e.code;
      if (code === 'ENOENT') reject(new GpuQueryError('ENOENT', `${command} not found`));
      else if (e.killed === true) reject(new GpuQueryError('timeout', `${command} did not answer within ${timeoutMs} ms`));
      else if (typeof code === 'number') reject(new GpuQueryError(`exit ${code}`, `${command} exited with code ${code}`));
      else if (typeof e.signal === 'string') reject(new GpuQueryError(e.signal, `${command} was killed by ${e.signal}`));
      else reject(new GpuQueryError(typeof code === 'string' ? code : 'error', `${command}: ${e.message}`));
    });
  });
}

/** A number, or undefined for "[N/A]", "[Not Supported]", "" and the like. */
export function parseGpuNumber(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const t = s.trim();
  if (t === '' || t.startsWith('[') || t === 'N/A') return undefined;
  const v = Number(t);
  return Number.isFinite(v) && v >= 0 ? v : undefined;
}

function splitCsv(line: string, fields: number): string[] | null {
  const parts = line.split(',');
  if (parts.length < fields) return null;
  if (parts.length > fields) {
    // Only the last field (a name or a path) may contain commas.
    parts.splice(fields - 1, parts.length - fields + 1, parts.slice(fields - 1).join(','));
  }
  return parts.map((p) => p.trim());
}

/** Parses `--query-gpu` output; throws GpuQueryError('malformed') on nonsense. */
export function parseGpuDevices(stdout: string): GpuDevice[] {
  const out: GpuDevice[] = [];
  for (const raw of stdout.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const f = splitCsv(line, 8);
    const index = f === null ? undefined : parseGpuNumber(f[0]);
    if (f === null || index === undefined || !Number.isInteger(index)) {
      throw new GpuQueryError('malformed', `unexpected nvidia-smi line: ${JSON.stringify(line.slice(0, 200))}`);
    }
    const d: GpuDevice = { index, uuid: f[1] ?? '', name: f[2] ?? '', processes: [] };
    const util = parseGpuNumber(f[3]);
    const used = parseGpuNumber(f[4]);
    const total = parseGpuNumber(f[5]);
    const temp = parseGpuNumber(f[6]);
    const power = parseGpuNumber(f[7]);
    if (util !== undefined) d.utilPercent = util;
    if (used !== undefined) d.memUsedBytes = Math.round(used * kMiB);
    if (total !== undefined) d.memTotalBytes = Math.round(total * kMiB);
    if (temp !== undefined) d.temperatureC = temp;
    if (power !== undefined) d.powerW = power;
    out.push(d);
  }
  if (out.length === 0) throw new GpuQueryError('malformed', 'nvidia-smi listed no GPUs');
  return out;
}

/** Parses `--query-compute-apps` output into uuid → processes; skips bad lines. */
export function parseGpuApps(stdout: string): Map<string, GpuProcess[]> {
  const byUuid = new Map<string, GpuProcess[]>();
  for (const raw of stdout.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const f = splitCsv(line, 4);
    const pid = f === null ? undefined : parseGpuNumber(f[1]);
    if (f === null || pid === undefined || !Number.isInteger(pid) || pid <= 0) continue;
    const p: GpuProcess = { pid, name: f[3] ?? '' };
    const mem = parseGpuNumber(f[2]);
    if (mem !== undefined) p.usedMemBytes = Math.round(mem * kMiB);
    const list = byUuid.get(f[0] ?? '') ?? [];
    list.push(p);
    byUuid.set(f[0] ?? '', list);
  }
  return byUuid;
}

/**
 * Parses `nvidia-smi pmon -c 1 -s u` into pid → sm % summed over the GPUs
 * the process runs on (100 = one GPU busy, as 100 = one core for cpu).
 * Lines starting with `#` are headers; `-` is no figure (an idle GPU's line,
 * or a process with no kernel running in the sample).
 */
export function parseGpuPmon(stdout: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const raw of stdout.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const f = line.split(/\s+/);
    const pid = parseGpuNumber(f[1]);
    const sm = f[3] === '-' ? undefined : parseGpuNumber(f[3]);
    if (pid === undefined || !Number.isInteger(pid) || pid <= 0 || sm === undefined) continue;
    out.set(pid, (out.get(pid) ?? 0) + sm);
  }
  return out;
}

export function createGpuSampler(options: GpuSamplerOptions = {}): GpuSampler {
  const command = options.command ?? 'nvidia-smi';
  const timeoutMs = options.timeoutMs ?? kDefaultGpuTimeoutMs;
  const hostname = os.hostname();
  let enabled = true;
  let everWorked = false;

  return {
    get enabled() {
      return enabled;
    },
    async sample(runId, tsMs) {
      if (!enabled) return { snapshot: null };
      const errors: FigureError[] = [];
      const snapshot: GpuSnapshot = { tsMs, runId, host: hostname, devices: [], errors };
      let devices: GpuDevice[];
      try {
        devices = parseGpuDevices(await run(command, kGpuQueryArgs, timeoutMs));
      } catch (err) {
        const reason = err instanceof GpuQueryError ? err.reason : 'error';
        const message = err instanceof Error ? err.message : String(err);
        if (!everWorked) {
          enabled = false;
          return { snapshot: null, note: `runbus: GPU sampling off (${message})` };
        }
        errors.push({ figure: 'devices', reason });
        return { snapshot };
      }
      everWorked = true;
      // pmon samples for about a second: run it beside the apps query.
      const [apps, pmon] = await Promise.allSettled([run(command, kGpuAppsArgs, timeoutMs), run(command, kGpuPmonArgs, timeoutMs)]);
      const reason = (err: unknown): string => (err instanceof GpuQueryError ? err.reason : 'error');
      if (apps.status === 'fulfilled') {
        const byUuid = parseGpuApps(apps.value);
        for (const d of devices) d.processes = byUuid.get(d.uuid ?? '') ?? [];
      } else {
        errors.push({ figure: 'processes', reason: reason(apps.reason) });
      }
      snapshot.devices = devices;
      if (pmon.status === 'rejected') {
        errors.push({ figure: 'process_util', reason: reason(pmon.reason) });
        return { snapshot };
      }
      return { snapshot, utilByPid: parseGpuPmon(pmon.value) };
    },
  };
}
