import { runbus } from './gen/telemetry.js';
import { NumberReader } from './number-reader.js';
import { encodeBatchFast, encodeBatchFastTransferable } from './fast-encode.js';
import { WireError } from '../errors.js';
import { validateEnvelope, validateHello, validateLoopReport, validateSubscribe } from './validate.js';
import { kTopicNames } from './types.js';
import type { Envelope, Frame, Topic, TopicPayloads } from './types.js';

const pb = runbus.v1;

/** The protocol version a client announces in Hello. */
export const kProtocolVersion = 1;
/** Largest frame a reader accepts unless told otherwise: 1 MiB. */
export const kDefaultMaxFrameBytes = 1024 * 1024;

// The oneof field that carries each topic's payload is the topic's name.
const kPayloadField = kTopicNames;

type WireEnvelope = runbus.v1.Envelope.$Properties;

function toWire(envelopes: readonly Envelope[]): WireEnvelope[] {
  const out = new Array<WireEnvelope>(envelopes.length);
  for (let i = 0; i < envelopes.length; ++i) {
    const e = envelopes[i]!;
    const field = kPayloadField[e.topic];
    // One small object per envelope; protobufjs reads only own properties.
    out[i] = field === undefined ? { topic: e.topic } : { topic: e.topic, [field]: e.payload };
  }
  return out;
}

function fromWire(list: runbus.v1.Envelope[], nowMs: number): Envelope[] {
  const out = new Array<Envelope>(list.length);
  for (let i = 0; i < list.length; ++i) {
    out[i] = validateEnvelope(list[i]!, i, nowMs);
  }
  return out;
}

/** Encodes a batch of envelopes as one `Publish` message (no length prefix). */
export function encodeBatch(envelopes: readonly Envelope[]): Uint8Array {
  return encodeBatchFast(envelopes);
}

/** The same bytes as {@link encodeBatch}, by protobufjs alone (tests, bench). */
export function encodeBatchReference(envelopes: readonly Envelope[]): Uint8Array {
  return pb.Publish.encode({ envelopes: toWire(envelopes) }).finish();
}

/**
 * Encodes a batch into an ArrayBuffer of its own, ready for a transfer list.
 * (Node's pooled small Buffers cannot be transferred.)
 */
export function encodeBatchTransferable(envelopes: readonly Envelope[]): ArrayBuffer {
  return encodeBatchFastTransferable(envelopes);
}

function undecodable(what: string, err: unknown): WireError {
  const reason = err instanceof Error ? err.message : String(err);
  return new WireError('ERR_WIRE_UNDECODABLE', `${what} does not decode: ${reason}`, { cause: err });
}

/** Decodes and validates a `Publish` batch. Throws {@link WireError}. */
export function decodeBatch(bytes: Uint8Array): Envelope[] {
  let msg: runbus.v1.Publish;
  try {
    msg = pb.Publish.decode(new NumberReader(bytes));
  } catch (err) {
    throw undecodable('batch', err);
  }
  return fromWire(msg.envelopes as unknown as runbus.v1.Envelope[], Date.now());
}

/** Encodes one envelope's payload alone (no envelope, no prefix). */
export function encodePayload<T extends Topic>(topic: T, payload: TopicPayloads[T]): Uint8Array {
  return encodeBatch([{ topic, payload } as Envelope]);
}

/** Encodes a frame with its varint length prefix, ready for a socket. */
export function encodeFrame(frame: Frame): Uint8Array {
  let props: runbus.v1.Frame.$Properties;
  switch (frame.kind) {
    case 'hello':
      props = { hello: frame.hello };
      break;
    case 'publish':
      props = { publish: { envelopes: toWire(frame.envelopes) } };
      break;
    case 'subscribe':
      props = { subscribe: frame.subscribe };
      break;
    case 'error':
      props = { error: frame.error };
      break;
    case 'welcome':
      props = { welcome: frame.welcome };
      break;
    case 'loop':
      props = { loop: frame.loop };
      break;
    default: {
      const never: never = frame;
      throw new TypeError(`unknown frame kind ${String((never as { kind: unknown }).kind)}`);
    }
  }
  return pb.Frame.encodeDelimited(props).finish();
}

/**
 * Decodes and validates one frame body (the bytes after the length prefix,
 * as a {@link FrameReader} yields them). Throws {@link WireError}.
 */
export function decodeFrame(body: Uint8Array): Frame {
  let f: runbus.v1.Frame;
  try {
    f = pb.Frame.decode(new NumberReader(body));
  } catch (err) {
    throw undecodable('frame', err);
  }
  switch (f.kind) {
    case 'hello':
      return { kind: 'hello', hello: validateHello(f.hello!) };
    case 'publish':
      return { kind: 'publish', envelopes: fromWire((f.publish!.envelopes ?? []) as runbus.v1.Envelope[], Date.now()) };
    case 'subscribe':
      return { kind: 'subscribe', subscribe: validateSubscribe(f.subscribe!) };
    case 'error': {
      const e = f.error!;
      return { kind: 'error', error: { code: e.code ?? '', message: e.message ?? '' } };
    }
    case 'welcome': {
      const w = f.welcome!;
      return { kind: 'welcome', welcome: { protocolVersion: w.protocolVersion ?? 0, pid: w.pid ?? 0, component: w.component ?? '' } };
    }
    case 'loop':
      return { kind: 'loop', loop: validateLoopReport(f.loop!, Date.now()) };
    default:
      throw new WireError('ERR_WIRE_INVALID', 'frame carries no known kind (hello, publish, subscribe, error, welcome, loop)');
  }
}
