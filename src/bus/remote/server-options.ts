import path from 'node:path';
import { kDefaultMaxFrameBytes } from '../../wire/index.js';
import { checkKeys, checkLogger, checkObject, checkOneOf, checkSettingOr, checkString, int } from '../../options.js';
import type { Logger } from '../../options.js';
import { kOverflowPolicies } from '../bounded-queue.js';
import type { OverflowPolicy } from '../bounded-queue.js';
import { defaultSocketDir, defaultSocketPath } from './socket-path.js';

/** The hub socket's numeric settings: default, range and help, written once. */
export const kDefaults = {
  maxConnections: int(1, 65_536, 128, 'most simultaneous clients that said Hello'),
  maxPendingConnections: int(1, 65_536, 64, 'most simultaneous connections that have not said Hello yet'),
  drainTimeoutMs: int(0, Number.MAX_SAFE_INTEGER, 2_000, 'how long close() keeps reading what clients already sent, ms'),
  maxFrameBytes: int(64, 0xffffffff, kDefaultMaxFrameBytes, 'largest frame accepted from or sent to a client, bytes'),
  helloTimeoutMs: int(1, Number.MAX_SAFE_INTEGER, 5_000, 'time a new connection has to send Hello, ms'),
  frameTimeoutMs: int(1, Number.MAX_SAFE_INTEGER, 10_000, 'time a begun frame has to arrive whole, ms'),
  subscriberCapacity: int(1, 2 ** 24, 10_000, "capacity of each remote subscriber's queue"),
  closeTimeoutMs: int(0, Number.MAX_SAFE_INTEGER, 1_000, "how long close() lets each client's queue drain, ms"),
  logIntervalMs: int(1, Number.MAX_SAFE_INTEGER, 10_000, 'rejections of one reason code are logged at most once per this many ms'),
} as const;

/** Default cap on simultaneous client connections. */
export const kDefaultMaxConnections = kDefaults.maxConnections.default;
/** Default time a new connection has to send Hello. */
export const kDefaultHelloTimeoutMs = kDefaults.helloTimeoutMs.default;
/** Default time a started frame has to be completed. */
export const kDefaultFrameTimeoutMs = kDefaults.frameTimeoutMs.default;
/** Default capacity of each remote subscriber's queue. */
export const kDefaultSubscriberCapacity = kDefaults.subscriberCapacity.default;
/** Default flush budget of close(). */
export const kDefaultCloseTimeoutMs = kDefaults.closeTimeoutMs.default;
/** Default cap on connections that have not said Hello yet. */
export const kDefaultMaxPendingConnections = kDefaults.maxPendingConnections.default;
/** Default time close() keeps reading what clients already sent. */
export const kDefaultDrainTimeoutMs = kDefaults.drainTimeoutMs.default;

export interface BusServerOptions {
  /**
   * Path of the Unix socket. Its directory is created (0700) when missing.
   * @default defaultSocketPath(): `$XDG_RUNTIME_DIR/runbus/hub.sock`, else `<tmpdir>/runbus-<uid>/hub.sock`
   */
  socketPath?: string;
  /**
   * Shared secret every client must present in Hello (compared in constant
   * time). Empty or absent: no token needed. Callers usually pass
   * `process.env.RUNBUS_TOKEN`.
   * @default undefined (no token)
   */
  token?: string;
  /**
   * Most simultaneous connections; one more gets ERR_TOO_MANY_CONNECTIONS.
   * @default 128
   */
  maxConnections?: number;
  /**
   * Most simultaneous connections that have not said Hello yet, a pool of
   * their own apart from maxConnections. When it is full, a new connection
   * evicts the oldest silent one (ERR_TOO_MANY_PENDING): a flood of idle
   * connects takes no slot of a client that says Hello, and cannot keep one
   * that does from saying it.
   * @default 64
   */
  maxPendingConnections?: number;
  /**
   * How long close() keeps reading and publishing what open connections had
   * already sent (after telling them it is closing) before it abandons the
   * rest; envelopes it still reads after that are counted in
   * stats().abandoned.
   * @default 2000
   */
  drainTimeoutMs?: number;
  /**
   * Largest frame accepted from a client, and largest frame sent to one.
   * @default 1048576 (1 MiB)
   */
  maxFrameBytes?: number;
  /**
   * Time a new connection has to send its Hello (ERR_HELLO_TIMEOUT).
   * @default 5000
   */
  helloTimeoutMs?: number;
  /**
   * Time a frame, once begun, has to arrive whole (ERR_FRAME_TIMEOUT): a
   * client that trickles a frame out (slowloris) is closed. A client that is
   * silent between frames is fine.
   * @default 10000
   */
  frameTimeoutMs?: number;
  /**
   * Queue capacity of each remote subscriber (one queue per client per topic).
   * @default 10000
   */
  subscriberCapacity?: number;
  /**
   * Overflow policy of remote subscriber queues. `block` would make the hub's
   * publish() return false for a slow client; the drop policies never do.
   * @default 'drop-oldest'
   */
  subscriberOverflow?: OverflowPolicy;
  /**
   * How long close() lets each client's queue drain before cutting it off.
   * @default 1000
   */
  closeTimeoutMs?: number;
  /**
   * The hub's component name, sent in Welcome.
   * @default 'hub'
   */
  component?: string;
  /**
   * Rejections of one reason code are logged at most once per this many ms.
   * @default 10000
   */
  logIntervalMs?: number;
  /**
   * Where rejected connections and send failures are reported.
   * @default silent: util.debuglog('runbus') (NODE_DEBUG=runbus shows it)
   */
  logger?: Logger;
}

export interface ResolvedBusServerOptions {
  socketPath: string;
  isDefaultPath: boolean;
  token: string;
  maxConnections: number;
  maxPendingConnections: number;
  drainTimeoutMs: number;
  maxFrameBytes: number;
  helloTimeoutMs: number;
  frameTimeoutMs: number;
  subscriberCapacity: number;
  subscriberOverflow: OverflowPolicy;
  closeTimeoutMs: number;
  component: string;
  logIntervalMs: number;
  logger: Logger;
}

const kServerKeys = [
  'socketPath',
  'token',
  'maxConnections',
  'maxPendingConnections',
  'drainTimeoutMs',
  'maxFrameBytes',
  'helloTimeoutMs',
  'frameTimeoutMs',
  'subscriberCapacity',
  'subscriberOverflow',
  'closeTimeoutMs',
  'component',
  'logIntervalMs',
  'logger',
] as const;

export function resolveBusServerOptions(options: BusServerOptions = {}): ResolvedBusServerOptions {
  checkObject(options, 'options');
  checkKeys(options, kServerKeys, 'serveBus');
  const socketPath = options.socketPath === undefined ? defaultSocketPath() : checkString(options.socketPath, 'options.socketPath');
  if (socketPath === '') throw new TypeError('options.socketPath must not be empty');
  const o = options;
  return {
    socketPath,
    // The default directory gets the strict check however the path was given
    // (callers often pass defaultSocketPath() explicitly).
    isDefaultPath: path.resolve(path.dirname(socketPath)) === path.resolve(defaultSocketDir()),
    token: o.token === undefined ? '' : checkString(o.token, 'options.token'),
    maxConnections: checkSettingOr(o.maxConnections, 'options.maxConnections', kDefaults.maxConnections),
    maxPendingConnections: checkSettingOr(o.maxPendingConnections, 'options.maxPendingConnections', kDefaults.maxPendingConnections),
    drainTimeoutMs: checkSettingOr(o.drainTimeoutMs, 'options.drainTimeoutMs', kDefaults.drainTimeoutMs),
    maxFrameBytes: checkSettingOr(o.maxFrameBytes, 'options.maxFrameBytes', kDefaults.maxFrameBytes),
    helloTimeoutMs: checkSettingOr(o.helloTimeoutMs, 'options.helloTimeoutMs', kDefaults.helloTimeoutMs),
    frameTimeoutMs: checkSettingOr(o.frameTimeoutMs, 'options.frameTimeoutMs', kDefaults.frameTimeoutMs),
    subscriberCapacity: checkSettingOr(o.subscriberCapacity, 'options.subscriberCapacity', kDefaults.subscriberCapacity),
    subscriberOverflow: checkOneOf(o.subscriberOverflow ?? 'drop-oldest', 'options.subscriberOverflow', kOverflowPolicies),
    closeTimeoutMs: checkSettingOr(o.closeTimeoutMs, 'options.closeTimeoutMs', kDefaults.closeTimeoutMs),
    component: o.component === undefined ? 'hub' : checkString(o.component, 'options.component'),
    logIntervalMs: checkSettingOr(o.logIntervalMs, 'options.logIntervalMs', kDefaults.logIntervalMs),
    logger: checkLogger(o.logger),
  };
}
