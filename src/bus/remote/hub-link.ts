import type { Duplex } from 'node:stream';
import { FrameReader, decodeFrame, encodeFrame, kProtocolVersion } from '../../wire/index.js';
import type { Envelope, Frame, Welcome } from '../../wire/index.js';
import { RunbusError } from '../../errors.js';
import { RemoteBusError, RemoteErrorCode, kFatalCodes } from './errors.js';
import type { ResolvedRemoteBusOptions } from './client-options.js';

/*
 * One connection of a remote bus to the hub, from connect to close:
 *
 *   connect ──Hello──► (handshakeTimeoutMs) ──Welcome──► welcomed ──► closed
 *                 └── timeout, bad bytes, ErrorFrame, socket error ──► closed (with the reason)
 *
 * It frames what comes in and counts traffic; the remote bus decides what
 * to send, when to reconnect and what to tell its listeners.
 */

/** Traffic counters a remote bus keeps across its connections. */
export interface LinkCounters {
  framesIn: number;
  framesOut: number;
  bytesIn: number;
  bytesOut: number;
}

/** What a HubLink tells its remote bus. */
export interface HubLinkHost {
  welcome(w: Welcome): void;
  /** Envelopes the hub sent (only after Welcome). */
  publish(envelopes: Envelope[]): void;
  /** The socket takes more. */
  drain(): void;
  /** The connection is gone: why (null for a clean end), and whether retrying can help. */
  closed(err: RunbusError | null, fatal: boolean): void;
}

export class HubLink {
  readonly socket: Duplex;
  readonly #opts: ResolvedRemoteBusOptions;
  readonly #counters: LinkCounters;
  readonly #host: HubLinkHost;
  readonly #reader: FrameReader;
  #welcomed = false;
  #handshakeTimer: NodeJS.Timeout | null = null;
  #lastError: RunbusError | null = null;
  #fatal = false;

  constructor(socket: Duplex, opts: ResolvedRemoteBusOptions, counters: LinkCounters, host: HubLinkHost) {
    this.socket = socket;
    this.#opts = opts;
    this.#counters = counters;
    this.#host = host;
    this.#reader = new FrameReader({ maxFrameBytes: opts.maxFrameBytes });
    socket.on('connect', this.#onConnect);
    socket.on('data', this.#onData);
    socket.on('drain', () => {
      host.drain();
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      this.#lastError ??= new RemoteBusError(this.#welcomed ? RemoteErrorCode.SOCKET : RemoteErrorCode.HUB_UNREACHABLE, `hub socket ${opts.socket}: ${err.code ?? err.message}`, { cause: err });
    });
    socket.on('close', this.#onClose);
  }

  /** Writes one frame unless the socket is gone or ending; the socket's answer (false: wait for 'drain'). */
  write(bytes: Uint8Array): boolean {
    const s = this.socket;
    if (s.destroyed || !s.writable) return false;
    this.#counters.framesOut++;
    this.#counters.bytesOut += bytes.length;
    return s.write(bytes);
  }

  #onConnect = (): void => {
    const o = this.#opts;
    this.write(encodeFrame({ kind: 'hello', hello: { protocolVersion: kProtocolVersion, component: o.component, pid: o.pid, runId: o.runId, token: o.token } }));
    this.#handshakeTimer = setTimeout(() => {
      // Late when this process was held up (a long synchronous stretch of the
      // app): judge after the poll phase has read a Welcome already here.
      setImmediate(() => {
        if (this.#welcomed || this.#handshakeTimer === null) return;
        this.#handshakeTimer = null;
        this.#drop(new RemoteBusError(RemoteErrorCode.HANDSHAKE_TIMEOUT, `the hub did not answer Hello within ${o.handshakeTimeoutMs} ms`));
      });
    }, o.handshakeTimeoutMs);
    this.#handshakeTimer.unref();
  };

  #onData = (chunk: Buffer): void => {
    this.#counters.bytesIn += chunk.length;
    try {
      this.#reader.push(chunk, (body) => {
        this.#onFrame(decodeFrame(body));
      });
    } catch (err) {
      this.#drop(err instanceof RunbusError ? err : new RemoteBusError('ERR_WIRE_UNDECODABLE', String(err), { cause: err }));
    }
  };

  // Throws to stop reading; #onData turns the throw into the reason for closing.
  #onFrame(frame: Frame): void {
    this.#counters.framesIn++;
    switch (frame.kind) {
      case 'welcome':
        if (this.#welcomed) throw new RemoteBusError(RemoteErrorCode.UNEXPECTED_FRAME, 'a second welcome from the hub');
        this.#welcomed = true;
        this.#clearHandshake();
        this.#host.welcome(frame.welcome);
        break;
      case 'publish':
        if (!this.#welcomed) throw new RemoteBusError(RemoteErrorCode.UNEXPECTED_FRAME, 'publish from the hub before welcome');
        this.#host.publish(frame.envelopes);
        break;
      case 'error': {
        const code = frame.error.code === '' ? RemoteErrorCode.PEER_ERROR : frame.error.code;
        this.#lastError = new RemoteBusError(code as `ERR_${string}`, `the hub closed the connection: ${code}: ${frame.error.message ?? ''}`);
        if (kFatalCodes.has(code)) this.#fatal = true;
        break;
      }
      case 'hello':
      case 'subscribe':
      case 'loop':
        throw new RemoteBusError(RemoteErrorCode.UNEXPECTED_FRAME, `unexpected ${frame.kind} frame from the hub`);
      default: {
        const never: never = frame;
        throw new RemoteBusError(RemoteErrorCode.UNEXPECTED_FRAME, `unknown frame kind ${String((never as { kind: unknown }).kind)}`);
      }
    }
  }

  #drop(err: RunbusError): void {
    this.#lastError ??= err;
    this.socket.destroy();
  }

  #clearHandshake(): void {
    if (this.#handshakeTimer !== null) clearTimeout(this.#handshakeTimer);
    this.#handshakeTimer = null;
  }

  #onClose = (): void => {
    this.#clearHandshake();
    this.#host.closed(this.#lastError, this.#fatal);
  };
}
