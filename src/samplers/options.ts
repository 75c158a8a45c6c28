import type { RunBus } from '../bus/index.js';
import { checkBool, checkInt, checkKeys, checkLogger, checkObject, checkOneOf, checkSettingOr, checkString, describe, int } from '../options.js';
import type { Logger } from '../options.js';

/**
 * Every numeric setting of the samplers: default, range and help, written
 * once. The hub, the config layer (flags, RUNBUS_* and the config file) and
 * `runbus --help` read the cadence from here.
 */
export const kDefaults = {
  intervalMs: int(10, 3_600_000, 1000, 'sampling interval in ms'),
  smapsEveryTicks: int(0, 1_000_000, 60, 'read USS/PSS (smaps_rollup) every this many samples of a pid; 0 never'),
  statusEveryTicks: int(0, 1_000_000, 10, 'read /proc/<pid>/status every this many samples of a pid; 0 never'),
  gpuIntervalMs: int(100, 3_600_000, 5000, 'GPU sampling interval in ms'),
  gpuTimeoutMs: int(10, 600_000, 3000, 'nvidia-smi is killed after this many ms'),
  poolRetryMs: int(1, 3_600_000, 5000, 'shortest time between two starts of a pool worker that fails to start, ms'),
} as const;

/** Default tick cadence. */
export const kDefaultIntervalMs = kDefaults.intervalMs.default;
/** Default cadence of the GPU sampler (nvidia-smi is slow), ms. */
export const kDefaultGpuIntervalMs = kDefaults.gpuIntervalMs.default;
/** nvidia-smi is killed after this long, ms. */
export const kDefaultGpuTimeoutMs = kDefaults.gpuTimeoutMs.default;
/** USS/PSS are read on a pid's first sample and then every this many samples. */
export const kDefaultSmapsEveryTicks = kDefaults.smapsEveryTicks.default;
/** /proc/<pid>/status is read on a pid's first sample and then every this many samples. */
export const kDefaultStatusEveryTicks = kDefaults.statusEveryTicks.default;
/**
 * With more than kManyPids pids sampled, io and the fd count (figures that
 * rarely change) are read on a pid's first sample and then every this many
 * samples of it, staggered across pids; absent in between.
 */
export const kDefaultRareEveryTicks = 10;
/** Above this many sampled pids, io and the fd count take the slower cadence. */
export const kDefaultManyPids = 100;
export const kBackends = ['auto', 'procfs', 'pidusage'] as const;
export type BackendOption = (typeof kBackends)[number];

export type SamplerLogger = Logger;

export interface GpuOptions {
  /**
   * GPU cadence in ms.
   * @default 5000
   */
  intervalMs?: number;
  /**
   * The nvidia-smi executable: a name looked up on PATH or a path. Run with
   * execFile (no shell).
   * @default 'nvidia-smi'
   */
  command?: string;
  /**
   * nvidia-smi is killed after this long.
   * @default 3000
   */
  timeoutMs?: number;
}

export interface SamplerRoot {
  pid: number;
  /** Component tag of the process; its descendants get `<component>/<command>`. */
  component: string;
}

export interface SamplerOptions {
  /** Where RESOURCE, HOST, GPU and LIFECYCLE envelopes are published. */
  bus: RunBus;
  /** Run id stamped on every payload. */
  runId: string;
  /**
   * Tick cadence in ms (the caller may take it from RUNBUS_SAMPLE_INTERVAL_MS).
   * @default 1000
   */
  intervalMs?: number;
  /**
   * Publish a HostSnapshot each tick.
   * @default true
   */
  host?: boolean;
  /**
   * Mount points whose usage goes into HostSnapshot.disks.
   * @default ['/']
   */
  disks?: string[];
  /**
   * NVIDIA GPU sampling: true for the defaults, false for none, or options.
   * Without nvidia-smi or a driver it turns itself off with one log line.
   * @default true
   */
  gpu?: boolean | GpuOptions;
  /**
   * Read USS/PSS (smaps_rollup: ~50 µs for a small process, ~1 ms for a
   * node process) on a pid's first sample and then every this many samples;
   * 0 never. Pids tracked together are staggered over the cadence.
   * @default 60
   */
  smapsEveryTicks?: number;
  /**
   * Read /proc/<pid>/status (voluntary/involuntary context switches; the
   * priciest file of a sample, about a third of its cost) on a pid's first
   * sample and then every this many samples; 0 never. In between those two
   * figures are absent. 1 reads them every tick.
   * @default 10
   */
  statusEveryTicks?: number;
  /**
   * Processes tracked from the start, with their descendants.
   * @default []
   */
  roots?: SamplerRoot[];
  /**
   * Process sampler: 'procfs' (Linux fast path), 'pidusage' (portable, roots
   * only, cpu % and rss), or 'auto' (procfs when /proc is readable).
   * @default 'auto'
   */
  backend?: BackendOption;
  /**
   * Shortest time between two starts of the pool's worker when it cannot
   * start (starting one costs tens of ms of CPU); ticks due in between are
   * skipped.
   * @default 5000
   */
  poolRetryMs?: number;
  /**
   * Where one-off notes go (GPU off, first unhandled error).
   * @default silent: util.debuglog('runbus') (NODE_DEBUG=runbus shows it)
   */
  logger?: SamplerLogger;
}

export interface ResolvedSamplerOptions {
  bus: RunBus;
  runId: string;
  intervalMs: number;
  host: boolean;
  disks: string[];
  gpu: { intervalMs: number; command: string; timeoutMs: number } | null;
  smapsEveryTicks: number;
  statusEveryTicks: number;
  roots: SamplerRoot[];
  backend: BackendOption;
  poolRetryMs: number;
  logger: SamplerLogger;
}

const kKeys = ['bus', 'runId', 'intervalMs', 'host', 'disks', 'gpu', 'smapsEveryTicks', 'statusEveryTicks', 'roots', 'backend', 'poolRetryMs', 'logger'] as const;
const kGpuKeys = ['intervalMs', 'command', 'timeoutMs'] as const;
const kRootKeys = ['pid', 'component'] as const;
const kMaxPid = 2 ** 22;

/** Checks a pid and component pair (also used by track()). */
export function checkRoot(pid: unknown, component: unknown, where: string): SamplerRoot {
  return { pid: checkInt(pid, `${where}.pid`, 1, kMaxPid), component: checkString(component, `${where}.component`) };
}

export function resolveSamplerOptions(options: SamplerOptions): ResolvedSamplerOptions {
  if (options === undefined) throw new TypeError('options must be an object with at least bus and runId');
  checkObject(options, 'options');
  checkKeys(options, kKeys, 'createSampler');
  const bus = options.bus as unknown;
  if (typeof bus !== 'object' || bus === null || typeof (bus as { publish?: unknown }).publish !== 'function') {
    throw new TypeError('options.bus must be a RunBus');
  }
  const runId = checkString(options.runId, 'options.runId');

  let gpu: ResolvedSamplerOptions['gpu'] = null;
  const g = options.gpu ?? true;
  if (g === true || (typeof g === 'object' && g !== null && !Array.isArray(g))) {
    const o: GpuOptions = g === true ? {} : g;
    checkKeys(o, kGpuKeys, 'createSampler: options.gpu');
    gpu = {
      intervalMs: checkSettingOr(o.intervalMs, 'options.gpu.intervalMs', kDefaults.gpuIntervalMs),
      command: checkString(o.command ?? 'nvidia-smi', 'options.gpu.command'),
      timeoutMs: checkSettingOr(o.timeoutMs, 'options.gpu.timeoutMs', kDefaults.gpuTimeoutMs),
    };
    if (gpu.command === '') throw new TypeError('options.gpu.command must not be empty');
  } else if (g !== false) {
    throw new TypeError(`options.gpu must be a boolean or an object (got ${describe(g)})`);
  }

  const disksIn = (options.disks ?? ['/']) as unknown;
  if (!Array.isArray(disksIn)) throw new TypeError(`options.disks must be an array of mount points (got ${describe(disksIn)})`);
  const disks = disksIn.map((d, i) => checkString(d, `options.disks[${i}]`));

  const rootsIn = (options.roots ?? []) as unknown;
  if (!Array.isArray(rootsIn)) throw new TypeError(`options.roots must be an array (got ${describe(rootsIn)})`);
  const roots = rootsIn.map((r: unknown, i) => {
    const where = `options.roots[${i}]`;
    checkObject(r, where);
    if (r === undefined) throw new TypeError(`${where} must be an object`);
    checkKeys(r, kRootKeys, `createSampler: ${where}`);
    const { pid, component } = r as Record<string, unknown>;
    return checkRoot(pid, component, where);
  });

  const logger = checkLogger(options.logger);

  return {
    bus: options.bus,
    runId,
    intervalMs: checkSettingOr(options.intervalMs, 'options.intervalMs', kDefaults.intervalMs),
    host: checkBool(options.host ?? true, 'options.host'),
    disks,
    gpu,
    smapsEveryTicks: checkSettingOr(options.smapsEveryTicks, 'options.smapsEveryTicks', kDefaults.smapsEveryTicks),
    statusEveryTicks: checkSettingOr(options.statusEveryTicks, 'options.statusEveryTicks', kDefaults.statusEveryTicks),
    roots,
    backend: checkOneOf(options.backend ?? 'auto', 'options.backend', kBackends),
    poolRetryMs: checkSettingOr(options.poolRetryMs, 'options.poolRetryMs', kDefaults.poolRetryMs),
    logger,
  };
}
