import type protobuf from 'protobufjs/minimal.js';
import { runbus } from './gen/telemetry.js';
import { NumberReader } from './number-reader.js';
import { BatchScanner } from './resource-decoder.js';
import { ContainerReader } from './container-decode.js';
import { HostReader } from './host-decode.js';
import { encodeBatchFast, encodeBatchFastTransferable, encodePublishFrameFast } from './fast-encode.js';
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

/**
 * One `publish` frame with its length prefix, ready for a socket: the bytes
 * of `encodeFrame({ kind: 'publish', envelopes })`, by the batch encoder.
 */
export function encodePublishFrame(envelopes: readonly Envelope[]): Uint8Array {
  return encodePublishFrameFast(envelopes);
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

// protobufjs's generated decode(reader, length, endGroup, depth): the depth
// is passed so that an envelope decoded on its own meets the recursion limit
// exactly where it would inside its Publish.
interface DecodesAt<T> {
  decode(r: protobuf.Reader, length: undefined, endGroup: undefined, depth: number): T;
}
const kEnvelopeAt = pb.Envelope as unknown as DecodesAt<runbus.v1.Envelope>;

/**
 * The fast way through a `Publish` in bytes[start, end): RESOURCE envelopes
 * read and validated in one pass by {@link BatchScanner}, CONTAINER ones by
 * {@link ContainerReader}, HOST ones by {@link HostReader}, others by protobufjs one at a time. Returns null on anything it refuses — bytes
 * that do not decode, an envelope that fails validation, an encoding it
 * does not handle — and the caller then decodes the whole message again
 * the reference way, so errors (code, message, and which one comes first)
 * are exactly the reference's. `depth` is the Publish's nesting depth;
 * `keep`: see {@link decodeBatchKeepingBytes}. Exported for tests only.
 */
export function decodePublishFast(bytes: Uint8Array, start: number, end: number, nowMs: number, depth: number, keep = false): Envelope[] | null {
  try {
    const sc = new BatchScanner(bytes, nowMs, start, end, false, keep);
    const out: Envelope[] = [];
    let containers: ContainerReader | null = null;
    let hosts: HostReader | null = null;
    for (let k = sc.next(); k !== 'done'; k = sc.next()) {
      if (k === 'resource') {
        out.push({ topic: 1, payload: sc.snapshot! });
      } else {
        const c = (containers ??= new ContainerReader(bytes, keep)).read(sc.otherStart, sc.otherEnd, nowMs);
        if (c !== null) {
          out.push({ topic: 8, payload: c });
          continue;
        }
        const h = (hosts ??= new HostReader(bytes, keep)).read(sc.otherStart, sc.otherEnd, nowMs);
        if (h !== null) {
          out.push({ topic: 2, payload: h });
          continue;
        }
        const e = kEnvelopeAt.decode(new NumberReader(bytes.subarray(sc.otherStart, sc.otherEnd)), undefined, undefined, depth + 1);
        out.push(validateEnvelope(e, sc.index, nowMs));
      }
    }
    return out;
  } catch {
    return null;
  }
}

/** decodeBatch by protobufjs's generated decoder and validateEnvelope alone (tests, bench). */
export function decodeBatchReference(bytes: Uint8Array, nowMs = Date.now()): Envelope[] {
  let msg: runbus.v1.Publish;
  try {
    msg = pb.Publish.decode(new NumberReader(bytes));
  } catch (err) {
    throw undecodable('batch', err);
  }
  return fromWire(msg.envelopes as unknown as runbus.v1.Envelope[], nowMs);
}

/** Decodes and validates a `Publish` batch. Throws {@link WireError}. */
export function decodeBatch(bytes: Uint8Array): Envelope[] {
  const nowMs = Date.now();
  return decodePublishFast(bytes, 0, bytes.length, nowMs, 0) ?? decodeBatchReference(bytes, nowMs);
}

/**
 * decodeBatch, for bytes handed over for good (a batch transferred from the
 * sampler's worker, written by the fast encoder): each RESOURCE payload it
 * reads keeps its bytes (a KeptSnapshot, kept-snapshot.ts), and encoding it
 * again copies them. The caller must never change `bytes`; whoever changes a
 * field of such a payload calls KeptSnapshot.forget() first.
 */
export function decodeBatchKeepingBytes(bytes: Uint8Array): Envelope[] {
  const nowMs = Date.now();
  return decodePublishFast(bytes, 0, bytes.length, nowMs, 0, true) ?? decodeBatchReference(bytes, nowMs);
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
  const nowMs = Date.now();
  // The bulk of the traffic: a frame that is one Publish (tag 0x12) and
  // nothing else goes the fast way.
  const at = body.length > 1 && body[0] === 0x12 ? publishStart(body) : -1;
  if (at > 0) {
    const envelopes = decodePublishFast(body, at, body.length, nowMs, 1);
    if (envelopes !== null) return { kind: 'publish', envelopes };
  }
  return decodeFrameReference(body, nowMs);
}

// Where the Publish of a frame that holds only `0x12 size Publish` starts, or -1.
// The size is read as protobufjs's Reader.size() reads it.
function publishStart(body: Uint8Array): number {
  let n = 0;
  let p = 1;
  for (let i = 0; i < 5; ++i) {
    if (p >= body.length) return -1;
    const b = body[p++]!;
    if (i === 4) {
      if (b > 7) return -1;
      n += b * 2 ** 28;
      break;
    }
    n += (b & 0x7f) * 2 ** (7 * i);
    if (b < 0x80) break;
  }
  return p + n === body.length ? p : -1;
}

/** decodeFrame by protobufjs's generated decoder alone (tests). */
export function decodeFrameReference(body: Uint8Array, nowMs = Date.now()): Frame {
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
      return { kind: 'publish', envelopes: fromWire((f.publish!.envelopes ?? []) as runbus.v1.Envelope[], nowMs) };
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
      return { kind: 'loop', loop: validateLoopReport(f.loop!, nowMs) };
    default:
      throw new WireError('ERR_WIRE_INVALID', 'frame carries no known kind (hello, publish, subscribe, error, welcome, loop)');
  }
}
