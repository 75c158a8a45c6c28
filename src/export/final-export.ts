// The final export a hub or `runbus run` writes when it stops:
// metrics_final.json and prometheus_metrics_final.txt in one directory.
// Each file is written to a temporary name and renamed, so a reader never
// sees half a file.

import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Registry } from 'prom-client';
import { RunbusError } from '../errors.js';
import { checkKeys, checkObject, checkString } from '../options.js';
import type { Alert } from '../wire/index.js';
import type { MetricsCollector } from './collector.js';

export const kFinalJsonFile = 'metrics_final.json';
export const kFinalTextFile = 'prometheus_metrics_final.txt';
/** Bumped when metrics_final.json changes shape. */
export const kFinalExportVersion = 1;

/** What goes into the final export; give `collector`, `registry` or `metricsText`. */
export interface FinalExportOptions {
  /** The exporter's collector (its registry is read). */
  collector?: MetricsCollector;
  /** A prom-client registry to read. */
  registry?: Registry;
  /** Text exposition to write as-is (and parse nothing from). */
  metricsText?: string;
  /** The hub's stats() (any JSON-serialisable object). @default omitted */
  hubStats?: unknown;
  /** @default '' */
  runId?: string;
  /** Alerts firing at the end (e.g. the engine's firing()). @default [] */
  alerts?: readonly Alert[];
  /** More fields for metrics_final.json (command, exit code, …). @default {} */
  extra?: Record<string, unknown>;
  /** Milliseconds since the epoch. @default Date.now */
  clock?: () => number;
}

export interface FinalExportResult {
  readonly jsonPath: string;
  readonly textPath: string;
}

/** Codes of {@link ExportError}. */
export type ExportErrorCode = 'ERR_EXPORT_WRITE';

/** The export directory or a file in it could not be written. */
export class ExportError extends RunbusError {
  declare readonly code: ExportErrorCode;
  readonly path: string;

  constructor(code: ExportErrorCode, message: string, path: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'ExportError';
    this.path = path;
  }
}

const kKeys = ['collector', 'registry', 'metricsText', 'hubStats', 'runId', 'alerts', 'extra', 'clock'] as const;

/** JSON that survives Maps, Sets and BigInts. (The wire layer hands 64-bit fields over as numbers.) */
function replacer(_key: string, v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Map) return Object.fromEntries(v);
  if (v instanceof Set) return [...v];
  return v;
}

async function writeAtomic(path: string, data: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    throw new ExportError('ERR_EXPORT_WRITE', `final export: cannot write ${path}: ${err instanceof Error ? err.message : String(err)}`, path, { cause: err });
  }
}

/**
 * Writes `metrics_final.json` (run id, time, hub stats, firing alerts, every
 * metric family as prom-client JSON) and `prometheus_metrics_final.txt` (the
 * text exposition, exactly what /metrics served last) into `dir`, creating
 * it. Rejects with {@link ExportError} `ERR_EXPORT_WRITE`.
 */
export async function writeFinalExport(dir: string, options: FinalExportOptions): Promise<FinalExportResult> {
  checkString(dir, 'dir');
  checkObject(options, 'options');
  checkKeys(options, kKeys, 'writeFinalExport');
  const registry = options.registry ?? options.collector?.registry;
  if (registry === undefined && options.metricsText === undefined) throw new TypeError('writeFinalExport needs options.collector, options.registry or options.metricsText');
  const clock = options.clock ?? Date.now;
  const text = options.metricsText ?? await registry!.metrics();
  const families = registry === undefined ? null : await registry.getMetricsAsJSON();
  const now = clock();
  const json = {
    version: kFinalExportVersion,
    runId: options.runId ?? '',
    writtenAtMs: now,
    writtenAt: new Date(now).toISOString(),
    ...(options.extra ?? {}),
    hub: options.hubStats ?? null,
    alerts: { firing: options.alerts ?? [] },
    metrics: families,
  };
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw new ExportError('ERR_EXPORT_WRITE', `final export: cannot create ${dir}: ${err instanceof Error ? err.message : String(err)}`, dir, { cause: err });
  }
  const jsonPath = join(dir, kFinalJsonFile);
  const textPath = join(dir, kFinalTextFile);
  await writeAtomic(textPath, text);
  await writeAtomic(jsonPath, `${JSON.stringify(json, replacer, 2)}\n`);
  return { jsonPath, textPath };
}
