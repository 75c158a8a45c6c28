// Remote-write options: one table of defaults, one resolver. Credentials
// arrive already read (from a file or the environment, by src/config); a URL
// carrying credentials is refused, since a flag's value shows in `ps`.
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolveCollectorOptions } from '../export/index.js';
import { checkInt, checkKeys, checkObject, checkString } from '../options.js';
import type { RemoteAuth } from './send.js';
import { checkRemoteUrl, RemoteWriteError } from './url.js';

export { checkRemoteUrl, RemoteWriteError } from './url.js';
export type { RemoteWriteErrorCode } from './url.js';
import type { RemoteWriterSettings } from './writer.js';

export interface RemoteWriteOptions {
  /** Receivers' URLs (http or https, e.g. `http://prom:9090/api/v1/write`). */
  urls: string[];
  /** Sent as `Authorization: Bearer …` (read it from a file or the environment). @default none */
  bearerToken?: string;
  /** Sent as HTTP basic auth. @default none */
  basicAuth?: { username: string; password: string };
  /** Store rows in one request, all tables together. @default 2000 */
  maxRowsPerRequest?: number;
  /** Samples in one request (a row's samples never straddle two). @default 10000 */
  maxSamplesPerRequest?: number;
  /** Catch-up is held to this many samples a second. @default 200000 */
  maxSamplesPerSecond?: number;
  /** How often the store is read for new rows, ms. @default 1000 */
  pollMs?: number;
  /** One request's timeout, ms. @default 10000 */
  timeoutMs?: number;
  /** First retry's wait, ms (doubling, with jitter). @default 500 */
  minBackoffMs?: number;
  /** Longest wait between retries, ms. @default 30000 */
  maxBackoffMs?: number;
  /** At close, how long the last samples may take to send, ms. @default 5000 */
  drainTimeoutMs?: number;
  /** The `remote_write_failing` alert fires after failing this long, ms. @default 60000 */
  failingAlertMs?: number;
  /** The `host` label. @default os.hostname() */
  host?: string;
  /** The `host_id` label. @default the hub's stable host id */
  hostId?: string;
}

export interface ResolvedRemoteWriteOptions extends Omit<RemoteWriterSettings, 'hostId'> {
  readonly hostId: string | undefined;
  readonly drainTimeoutMs: number;
  readonly failingAlertMs: number;
}

const kKeys = ['urls', 'bearerToken', 'basicAuth', 'maxRowsPerRequest', 'maxSamplesPerRequest', 'maxSamplesPerSecond', 'pollMs', 'timeoutMs', 'minBackoffMs', 'maxBackoffMs', 'drainTimeoutMs', 'failingAlertMs', 'host', 'hostId'] as const;

export function resolveRemoteWriteOptions(o: RemoteWriteOptions): ResolvedRemoteWriteOptions {
  checkObject(o, 'options.remoteWrite');
  checkKeys(o, kKeys, 'remoteWrite');
  if (!Array.isArray(o.urls)) throw new TypeError('options.remoteWrite.urls must be an array of URLs');
  const urls = [...new Set(o.urls.map(checkRemoteUrl))];
  if (o.bearerToken !== undefined && o.basicAuth !== undefined) throw new TypeError('options.remoteWrite: give bearerToken or basicAuth, not both');
  let auth: RemoteAuth = { kind: 'none' };
  if (o.bearerToken !== undefined) auth = { kind: 'bearer', token: checkString(o.bearerToken, 'options.remoteWrite.bearerToken') };
  if (o.basicAuth !== undefined) {
    checkObject(o.basicAuth, 'options.remoteWrite.basicAuth');
    checkKeys(o.basicAuth, ['username', 'password'], 'remoteWrite.basicAuth');
    auth = { kind: 'basic', username: checkString(o.basicAuth.username, 'options.remoteWrite.basicAuth.username'), password: checkString(o.basicAuth.password, 'options.remoteWrite.basicAuth.password') };
  }
  // The caps are the exporter's own defaults (one description of each).
  const caps = resolveCollectorOptions({}, 'remoteWrite');
  const minBackoffMs = checkInt(o.minBackoffMs ?? 500, 'options.remoteWrite.minBackoffMs', 1);
  const maxBackoffMs = checkInt(o.maxBackoffMs ?? 30_000, 'options.remoteWrite.maxBackoffMs', 1);
  if (maxBackoffMs < minBackoffMs) throw new RangeError('options.remoteWrite.maxBackoffMs must be at least minBackoffMs');
  return {
    targets: urls.map((url) => ({ url, auth })),
    host: o.host === undefined ? hostname() : checkString(o.host, 'options.remoteWrite.host'),
    hostId: o.hostId === undefined ? undefined : checkString(o.hostId, 'options.remoteWrite.hostId'),
    maxRowsPerRequest: checkInt(o.maxRowsPerRequest ?? 2000, 'options.remoteWrite.maxRowsPerRequest', 1, 1_000_000),
    maxSamplesPerRequest: checkInt(o.maxSamplesPerRequest ?? 10_000, 'options.remoteWrite.maxSamplesPerRequest', 1, 1_000_000),
    maxSamplesPerSecond: checkInt(o.maxSamplesPerSecond ?? 200_000, 'options.remoteWrite.maxSamplesPerSecond', 1),
    pollMs: checkInt(o.pollMs ?? 1000, 'options.remoteWrite.pollMs', 1),
    timeoutMs: checkInt(o.timeoutMs ?? 10_000, 'options.remoteWrite.timeoutMs', 1),
    minBackoffMs,
    maxBackoffMs,
    drainTimeoutMs: checkInt(o.drainTimeoutMs ?? 5000, 'options.remoteWrite.drainTimeoutMs', 0),
    failingAlertMs: checkInt(o.failingAlertMs ?? 60_000, 'options.remoteWrite.failingAlertMs', 0),
    maxProcesses: caps.maxProcesses,
    maxAppMetrics: caps.maxAppMetrics,
    maxSeriesPerMetric: caps.maxSeriesPerMetric,
    maxLabelsPerMetric: caps.maxLabelsPerMetric,
    staleAfterMs: caps.staleAfterMs,
  };
}

/**
 * Reads a credential file: a bearer token (the whole file, trimmed), or for
 * basic auth `username:password` on its first line. Errors name the file.
 */
export function readCredentialFile(path: string, kind: 'bearer' | 'basic'): Pick<RemoteWriteOptions, 'bearerToken' | 'basicAuth'> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new RemoteWriteError('ERR_REMOTE_WRITE_AUTH', `remote write: cannot read the credential file ${JSON.stringify(path)}: ${(err as Error).message}`, { cause: err });
  }
  if (kind === 'bearer') {
    const token = text.trim();
    if (token === '') throw new RemoteWriteError('ERR_REMOTE_WRITE_AUTH', `remote write: the token file ${JSON.stringify(path)} is empty`);
    return { bearerToken: token };
  }
  const line = text.split(/\r?\n/)[0] ?? '';
  const i = line.indexOf(':');
  if (i <= 0) throw new RemoteWriteError('ERR_REMOTE_WRITE_AUTH', `remote write: the password file ${JSON.stringify(path)} must hold "username:password" on its first line`);
  return { basicAuth: { username: line.slice(0, i), password: line.slice(i + 1) } };
}
