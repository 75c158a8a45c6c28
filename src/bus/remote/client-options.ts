import { kDefaultMaxFrameBytes } from '../../wire/index.js';
import { checkInt, checkKeys, checkLogger, checkObject, checkOneOf, checkSettingOr, checkString, int } from '../../options.js';
import type { Logger } from '../../options.js';
import { kOverflowPolicies } from '../bounded-queue.js';
import type { OverflowPolicy } from '../bounded-queue.js';
import { defaultSocketPath } from './socket-path.js';

/** A remote bus's numeric settings: default, range and help, written once. */
export const kDefaults = {
  outboxCapacity: int(1, 2 ** 24, 10_000, 'envelopes held while the socket is slow or the hub is away'),
  maxFrameBytes: int(64, 0xffffffff, kDefaultMaxFrameBytes, 'largest frame sent to or accepted from the hub, bytes'),
  reconnectMinMs: int(1, Number.MAX_SAFE_INTEGER, 50, 'first reconnect delay, ms (doubles per failed attempt)'),
  reconnectMaxMs: int(1, Number.MAX_SAFE_INTEGER, 5_000, 'longest reconnect delay, ms (at least reconnectMinMs)'),
  handshakeTimeoutMs: int(1, Number.MAX_SAFE_INTEGER, 5_000, 'time the hub has to answer Hello, ms'),
  closeTimeoutMs: int(0, Number.MAX_SAFE_INTEGER, 2_000, 'how long close() waits for a connection and for the outbox to drain, ms'),
  logIntervalMs: int(1, Number.MAX_SAFE_INTEGER, 10_000, 'outbox drops and hub outages are logged at most once per this many ms'),
  loopIntervalMs: int(0, 3_600_000, 1000, "interval of this process's event-loop reports to the hub, ms; 0 off"),
} as const;

/** Default outbox capacity. */
export const kDefaultOutboxCapacity = kDefaults.outboxCapacity.default;
/** Default first reconnect delay. */
export const kDefaultReconnectMinMs = kDefaults.reconnectMinMs.default;
/** Default longest reconnect delay. */
export const kDefaultReconnectMaxMs = kDefaults.reconnectMaxMs.default;

export interface RemoteBusOptions {
  /**
   * Path of the hub's Unix socket.
   * @default defaultSocketPath()
   */
  socket?: string;
  /**
   * Talk to the hub over this process's fork() IPC channel instead of the
   * socket (the parent calls `server.attachChild(child)`). The channel is
   * held open (the process kept alive) until close() or until the parent
   * disconnects.
   * @default false
   */
  ipc?: boolean;
  /** This process's role, e.g. "trainer"; sent in Hello. Required. */
  component: string;
  /**
   * Run id sent in Hello.
   * @default ''
   */
  runId?: string;
  /**
   * Shared secret sent in Hello; callers usually pass `process.env.RUNBUS_TOKEN`.
   * @default ''
   */
  token?: string;
  /**
   * pid announced in Hello (the hub samples it). The hub checks it against
   * the kernel's record of who connected and refuses any other pid with
   * ERR_PID_UNVERIFIED (a failed state, no retry); 0 asks for no sampling.
   * @default process.pid
   */
  pid?: number;
  /**
   * Envelopes held while the socket is slow or the hub is away.
   * @default 10000
   */
  outboxCapacity?: number;
  /**
   * What a full outbox does with the next publish(): `drop-oldest` evicts
   * the oldest, `drop-newest` refuses the new one, `block` refuses it and
   * publishAsync() waits for room. Every loss is counted in stats().dropped.
   * @default 'drop-oldest'
   */
  outboxOverflow?: OverflowPolicy;
  /**
   * Largest frame sent to or accepted from the hub.
   * @default 1048576 (1 MiB)
   */
  maxFrameBytes?: number;
  /**
   * First reconnect delay; it doubles per failed attempt up to
   * reconnectMaxMs, and each delay is jittered to 50–100 %.
   * @default 50
   */
  reconnectMinMs?: number;
  /**
   * Longest reconnect delay.
   * @default 5000
   */
  reconnectMaxMs?: number;
  /**
   * Time the hub has to answer Hello before the attempt counts as failed.
   * @default 5000
   */
  handshakeTimeoutMs?: number;
  /**
   * How long close() waits for a connection and for the outbox to drain.
   * @default 2000
   */
  closeTimeoutMs?: number;
  /**
   * Outbox drops and hub outages are logged at most once per this many ms.
   * @default 10000
   */
  logIntervalMs?: number;
  /**
   * Send this process's event-loop figures (lag p50/p99/max, utilization)
   * to the hub every this many ms; the hub merges them into this process's
   * ResourceSnapshot. 0 turns it off.
   * @default 1000
   */
  loopIntervalMs?: number;
  /**
   * Where outbox drops and hub outages are reported.
   * @default silent: util.debuglog('runbus') (NODE_DEBUG=runbus shows it)
   */
  logger?: Logger;
}

export interface ResolvedRemoteBusOptions {
  ipc: boolean;
  socket: string;
  component: string;
  runId: string;
  token: string;
  pid: number;
  outboxCapacity: number;
  outboxOverflow: OverflowPolicy;
  maxFrameBytes: number;
  reconnectMinMs: number;
  reconnectMaxMs: number;
  handshakeTimeoutMs: number;
  closeTimeoutMs: number;
  logIntervalMs: number;
  loopIntervalMs: number;
  logger: Logger;
}

const kClientKeys = [
  'ipc',
  'socket',
  'component',
  'runId',
  'token',
  'pid',
  'outboxCapacity',
  'outboxOverflow',
  'maxFrameBytes',
  'reconnectMinMs',
  'reconnectMaxMs',
  'handshakeTimeoutMs',
  'closeTimeoutMs',
  'logIntervalMs',
  'loopIntervalMs',
  'logger',
] as const;

export function resolveRemoteBusOptions(options: RemoteBusOptions): ResolvedRemoteBusOptions {
  if (options === undefined) throw new TypeError('connectBus() needs options with at least { component }');
  checkObject(options, 'options');
  checkKeys(options, kClientKeys, 'connectBus');
  const o = options;
  const component = checkString(o.component, 'options.component');
  const logger = checkLogger(o.logger);
  const reconnectMinMs = checkSettingOr(o.reconnectMinMs, 'options.reconnectMinMs', kDefaults.reconnectMinMs);
  // The longest delay defaults to at least the first one.
  const reconnectMaxMs = checkSettingOr(o.reconnectMaxMs ?? Math.max(kDefaultReconnectMaxMs, reconnectMinMs), 'options.reconnectMaxMs', kDefaults.reconnectMaxMs);
  if (reconnectMaxMs < reconnectMinMs) {
    throw new RangeError(`options.reconnectMaxMs (${reconnectMaxMs}) must be >= options.reconnectMinMs (${reconnectMinMs})`);
  }
  const socket = o.socket === undefined ? defaultSocketPath() : checkString(o.socket, 'options.socket');
  if (socket === '') throw new TypeError('options.socket must not be empty');
  const ipc = o.ipc ?? false;
  if (typeof ipc !== 'boolean') throw new TypeError('options.ipc must be a boolean');
  if (ipc && typeof process.send !== 'function') throw new TypeError('options.ipc needs a process started with child_process.fork() (process.send is missing)');
  return {
    ipc,
    socket,
    component,
    runId: o.runId === undefined ? '' : checkString(o.runId, 'options.runId'),
    token: o.token === undefined ? '' : checkString(o.token, 'options.token'),
    pid: checkInt(o.pid ?? process.pid, 'options.pid', 0, 0xffffffff),
    outboxCapacity: checkSettingOr(o.outboxCapacity, 'options.outboxCapacity', kDefaults.outboxCapacity),
    outboxOverflow: checkOneOf(o.outboxOverflow ?? 'drop-oldest', 'options.outboxOverflow', kOverflowPolicies),
    maxFrameBytes: checkSettingOr(o.maxFrameBytes, 'options.maxFrameBytes', kDefaults.maxFrameBytes),
    reconnectMinMs,
    reconnectMaxMs,
    handshakeTimeoutMs: checkSettingOr(o.handshakeTimeoutMs, 'options.handshakeTimeoutMs', kDefaults.handshakeTimeoutMs),
    closeTimeoutMs: checkSettingOr(o.closeTimeoutMs, 'options.closeTimeoutMs', kDefaults.closeTimeoutMs),
    logIntervalMs: checkSettingOr(o.logIntervalMs, 'options.logIntervalMs', kDefaults.logIntervalMs),
    loopIntervalMs: checkSettingOr(o.loopIntervalMs, 'options.loopIntervalMs', kDefaults.loopIntervalMs),
    logger,
  };
}
