import type { RunBus } from '../bus/index.js';
import type { SocketCheck } from '../bus/remote/index.js';
import { RunbusError } from '../errors.js';
import type { Logger } from '../options.js';
import type { RemoteWrite } from '../remote-write/index.js';
import { AlertState, Severity, Topic } from '../wire/index.js';
import type { Alert } from '../wire/index.js';

// The alerts the hub raises about itself, beside the rule engine's: the store
// cannot be written, the socket file went missing, remote write keeps
// failing. Each is a FIRING once when the trouble starts and a RESOLVED once
// when it ends; `since` is 0 while all is well.
//
//   batcher write error ──► storeFailed ──► FIRING store_unwritable
//   batcher write ok    ──► storeRecovered ─► RESOLVED
//   lstat each tick     ──► socketChecked ──► FIRING / RESOLVED socket_missing
//   each heartbeat      ──► remoteChecked ──► FIRING / RESOLVED remote_write_failing

const kStoreAlertRule = 'store_unwritable';
const kSocketAlertRule = 'socket_missing';
const kRemoteWriteAlertRule = 'remote_write_failing';

export interface HubAlertsOptions {
  bus: RunBus;
  runId: string;
  logger: Logger;
  /** What the store's pending buffer holds and how often it retries, for the warning. */
  pendingCapacity: number;
  retryMs: number;
}

export class HubAlerts {
  readonly #o: HubAlertsOptions;
  #storeSince = 0;
  #socketSince = 0;
  #remoteSince = 0;

  constructor(options: HubAlertsOptions) {
    this.#o = options;
  }

  storeFailed(err: unknown): void {
    if (this.#storeSince !== 0) return;
    this.#storeSince = Date.now();
    const code = err instanceof RunbusError ? err.code : 'ERR_STORE';
    const msg = err instanceof Error ? err.message : String(err);
    this.#o.logger.warn(`runbus hub: store write failed (${code}): ${msg}; holding up to ${this.#o.pendingCapacity} envelopes and retrying every ${this.#o.retryMs} ms`);
    this.#publish(kStoreAlertRule, Severity.CRITICAL, AlertState.FIRING, `store unwritable (${code}): ${msg}`, this.#storeSince);
  }

  storeRecovered(): void {
    if (this.#storeSince === 0) return;
    this.#o.logger.warn('runbus hub: store writable again');
    this.#publish(kStoreAlertRule, Severity.CRITICAL, AlertState.RESOLVED, 'store writable again', this.#storeSince);
    this.#storeSince = 0;
  }

  /** One look at the socket file (`path`); nothing is said once the hub is closing. */
  socketChecked(r: SocketCheck, path: string): void {
    if (r.state === 'ok') return;
    if (this.#socketSince === 0) {
      this.#socketSince = Date.now();
      this.#o.logger.warn(`runbus hub: the socket file ${path} was deleted or replaced; clients could not connect`);
      this.#publish(kSocketAlertRule, Severity.CRITICAL, AlertState.FIRING, `socket file ${path} missing`, this.#socketSince);
    }
    if (r.state === 'recreated') {
      this.#o.logger.warn(`runbus hub: listening again on ${path}`);
      this.#publish(kSocketAlertRule, Severity.CRITICAL, AlertState.RESOLVED, `socket file ${path} recreated`, this.#socketSince);
      this.#socketSince = 0;
    }
  }

  /** At each heartbeat: fresh counters for the next one, and the failing alert. */
  remoteChecked(r: RemoteWrite, now: number): void {
    void r.refresh();
    const since = r.stats().failingSinceMs;
    if (since !== null && now - since >= r.options.failingAlertMs && this.#remoteSince === 0) {
      this.#remoteSince = since;
      const t = r.stats().targets.find((x) => x.failingSinceMs !== null);
      this.#publish(kRemoteWriteAlertRule, Severity.WARNING, AlertState.FIRING,
        `remote write failing for ${Math.round((now - since) / 1000)} s: ${t?.lastError ?? 'unknown'}`, this.#remoteSince, now);
    } else if (since === null && this.#remoteSince !== 0) {
      this.#publish(kRemoteWriteAlertRule, Severity.WARNING, AlertState.RESOLVED, 'remote write delivering again', this.#remoteSince, now);
      this.#remoteSince = 0;
    }
  }

  #publish(rule: string, severity: Severity, state: AlertState, message: string, firedAtMs: number, now = Date.now()): void {
    const alert: Alert = {
      tsMs: now, runId: this.#o.runId, rule, severity, state, message, component: 'hub', pid: process.pid, firedAtMs,
      ...(state === AlertState.RESOLVED ? { resolvedAtMs: now } : {}),
    };
    // publishAsync: under storeOverflow 'block' a full queue must not refuse
    // the hub's own alert. It never rejects.
    void this.#o.bus.publishAsync(Topic.ALERT, alert);
  }
}
