// Options of createDashboard / startDashboardServer, resolved in one place.

import type { RunBus } from '../bus/index.js';
import { checkKeys, checkObject, checkSettingOr, checkString, int } from '../options.js';

/** The dashboard's numeric settings: default, range and help, written once. */
export const kDefaults = {
  pushIntervalMs: int(20, 60_000, 500, 'interval between live pushes to browsers, ms'),
  maxPoints: int(10, 10_000, 1000, 'most points per series in any response or live buffer'),
  clientQueue: int(1, 100_000, 64, 'frames one browser may have waiting before the oldest are dropped'),
  stallMs: int(0, 3_600_000, 10_000, "how long a browser's queue may keep overflowing before it is closed, ms"),
  maxClients: int(1, 10_000, 32, 'concurrent /events connections'),
  maxComponents: int(1, 100_000, 200, 'components kept in the live view; the least recently seen go first'),
  rawRangeMs: int(0, Number.MAX_SAFE_INTEGER, 60 * 60 * 1000, 'history ranges up to this long are read from raw snapshots, longer ones from rollups_1m, ms'),
} as const;

export const kDefaultMaxPoints = kDefaults.maxPoints.default;
export const kDefaultPushIntervalMs = kDefaults.pushIntervalMs.default;
export const kDefaultClientQueue = kDefaults.clientQueue.default;
export const kDefaultStallMs = kDefaults.stallMs.default;
export const kDefaultMaxClients = kDefaults.maxClients.default;
export const kDefaultMaxComponents = kDefaults.maxComponents.default;
export const kDefaultRawRangeMs = kDefaults.rawRangeMs.default;

/** Options of {@link createDashboard}. */
export interface DashboardOptions {
  /**
   * The bus the live view reads (the hub's `hub.bus`). Without it the
   * dashboard serves the stored runs of `dbPath` only (`runbus dashboard`):
   * /events and /api/live answer 404 `no_live_hub`. @default none (needs `dbPath`)
   */
  bus?: RunBus;
  /** SQLite file whose runs the run picker lists. @default none (live view only) */
  dbPath?: string;
  /** The run shown live; other runs on the bus are ignored. @default every run on the bus */
  runId?: string;
  /**
   * Token the APIs and /events require, as `Authorization: Bearer <token>`
   * only (a `?token=` in the URL is refused). The page, its script and styles carry no data and
   * are served without it. @default none (open; bind to loopback)
   */
  token?: string;
  /** Interval between live pushes to browsers, ms. @default 500 */
  pushIntervalMs?: number;
  /** Most points per series sent in any response and kept live. @default 1000 */
  maxPoints?: number;
  /** Frames one browser may have waiting (drop-oldest beyond). @default 64 */
  clientQueue?: number;
  /** A browser whose queue keeps overflowing this long is disconnected, ms. @default 10000 */
  stallMs?: number;
  /** Concurrent /events connections; more get 503. @default 32 */
  maxClients?: number;
  /** Components kept live; the least recently seen are evicted. @default 200 */
  maxComponents?: number;
  /** History ranges up to this long use raw snapshots; longer ones rollups_1m, ms. @default 3600000 */
  rawRangeMs?: number;
}

export interface ResolvedDashboardOptions {
  bus: RunBus | undefined;
  dbPath: string | undefined;
  runId: string | undefined;
  token: string | undefined;
  pushIntervalMs: number;
  maxPoints: number;
  clientQueue: number;
  stallMs: number;
  maxClients: number;
  maxComponents: number;
  rawRangeMs: number;
}

export const kDashboardKeys = [
  'bus', 'dbPath', 'runId', 'token', 'pushIntervalMs', 'maxPoints', 'clientQueue', 'stallMs', 'maxClients', 'maxComponents', 'rawRangeMs',
] as const;

/** Validates `options` (unknown keys, types, ranges) and fills the defaults. */
export function resolveDashboardOptions(options: DashboardOptions, where = 'createDashboard', extraKeys: readonly string[] = []): ResolvedDashboardOptions {
  checkObject(options, 'options');
  if (options === undefined) throw new TypeError('options must be an object with "bus" or "dbPath"');
  checkKeys(options, [...kDashboardKeys, ...extraKeys], where);
  const bus = options.bus as Partial<RunBus> | undefined;
  if (bus !== undefined && (typeof bus.subscribe !== 'function' || typeof bus.stats !== 'function')) throw new TypeError('options.bus must be a RunBus');
  const dbPath = options.dbPath === undefined ? undefined : checkString(options.dbPath, 'options.dbPath');
  if (dbPath === '') throw new TypeError('options.dbPath must not be empty');
  if (bus === undefined && dbPath === undefined) throw new TypeError('options.bus must be a RunBus (or options.dbPath given, for stored runs only)');
  const runId = options.runId === undefined ? undefined : checkString(options.runId, 'options.runId');
  const token = options.token === undefined ? undefined : checkString(options.token, 'options.token');
  if (token === '') throw new TypeError('options.token must not be empty');
  return {
    bus: options.bus,
    dbPath,
    runId,
    token,
    pushIntervalMs: checkSettingOr(options.pushIntervalMs, 'options.pushIntervalMs', kDefaults.pushIntervalMs),
    maxPoints: checkSettingOr(options.maxPoints, 'options.maxPoints', kDefaults.maxPoints),
    clientQueue: checkSettingOr(options.clientQueue, 'options.clientQueue', kDefaults.clientQueue),
    stallMs: checkSettingOr(options.stallMs, 'options.stallMs', kDefaults.stallMs),
    maxClients: checkSettingOr(options.maxClients, 'options.maxClients', kDefaults.maxClients),
    maxComponents: checkSettingOr(options.maxComponents, 'options.maxComponents', kDefaults.maxComponents),
    rawRangeMs: checkSettingOr(options.rawRangeMs, 'options.rawRangeMs', kDefaults.rawRangeMs),
  };
}
