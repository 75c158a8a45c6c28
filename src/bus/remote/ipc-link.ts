import { Duplex } from 'node:stream';

/*
 * The same byte stream as the socket (varint-delimited Frames), carried over
 * a fork() IPC channel instead, so a forked child can reach the hub without
 * a socket file. Each message is tagged so the app's own IPC traffic passes
 * untouched:
 *
 *   { runbus: { c: <link id>, d: <base64 bytes> } }     data
 *   { runbus: { c: <link id>, end: true } }             end of that link
 *
 * The client numbers its links 1, 2, … (a reconnect opens the next one); the
 * hub opens a link when it first sees a new, higher id and ignores messages
 * of links it has closed. base64 because the default 'json' serialization
 * would turn a Buffer into an array of numbers.
 */

/** The part of `process` / a `ChildProcess` a link uses. */
export interface IpcEndpoint {
  send?: ((message: unknown, callback?: (error: Error | null) => void) => boolean) | undefined;
  readonly connected: boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'disconnect', listener: () => void): unknown;
  off(event: 'disconnect', listener: () => void): unknown;
}

export interface LinkMessage {
  c: number;
  d?: string;
  end?: boolean;
}

/** The runbus part of an IPC message, or null when it is the app's own. */
export function linkMessage(m: unknown): LinkMessage | null {
  if (typeof m !== 'object' || m === null) return null;
  const w = (m as { runbus?: unknown }).runbus;
  if (typeof w !== 'object' || w === null) return null;
  const c = (w as LinkMessage).c;
  return typeof c === 'number' && Number.isSafeInteger(c) && c > 0 ? (w as LinkMessage) : null;
}

/** One connection over an IPC channel, as a Duplex of frame bytes. */
export class IpcLink extends Duplex {
  readonly id: number;
  readonly #ep: IpcEndpoint;

  constructor(ep: IpcEndpoint, id: number) {
    super({ allowHalfOpen: false });
    this.#ep = ep;
    this.id = id;
  }

  override _read(): void {
    // Data is pushed by deliver() as messages arrive.
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (!this.#ep.connected || this.#ep.send === undefined) {
      callback(new Error('the IPC channel is closed'));
      return;
    }
    // The callback runs once the message is written to the channel: that
    // is the backpressure the Duplex passes on as 'drain'.
    this.#ep.send({ runbus: { c: this.id, d: chunk.toString('base64') } }, (err) => {
      callback(err);
    });
  }

  override _final(callback: (error?: Error | null) => void): void {
    if (this.#ep.connected && this.#ep.send !== undefined) {
      this.#ep.send({ runbus: { c: this.id, end: true } }, () => {
        callback();
      });
    } else callback();
  }

  /** Hands over one message of this link. */
  deliver(m: LinkMessage): void {
    if (m.end === true) this.push(null);
    else if (typeof m.d === 'string') this.push(Buffer.from(m.d, 'base64'));
  }
}

/**
 * A forked child's side: links to the parent over this process's IPC
 * channel, one at a time, numbered 1, 2, … (a reconnect opens the next).
 */
export class ParentChannel {
  #lastId = 0;
  #current: IpcLink | null = null;
  #listener: ((m: unknown) => void) | null = null;

  /** A new link; like a socket, it emits 'connect' at once (or fails when the channel is gone). */
  open(): IpcLink {
    if (this.#listener === null) {
      this.#listener = (m: unknown): void => {
        const w = linkMessage(m);
        const link = this.#current;
        if (w !== null && link !== null && w.c === link.id) link.deliver(w);
      };
      process.on('message', this.#listener);
    }
    const link = new IpcLink(process as unknown as IpcEndpoint, ++this.#lastId);
    this.#current = link;
    link.once('close', () => {
      if (this.#current === link) this.#current = null;
    });
    queueMicrotask(() => {
      if (process.connected) link.emit('connect');
      else link.destroy(new Error('the IPC channel to the parent is closed'));
    });
    return link;
  }

  /** Stops listening to the channel (the app's own messages were never touched). */
  close(): void {
    if (this.#listener === null) return;
    process.off('message', this.#listener);
    this.#listener = null;
  }
}
