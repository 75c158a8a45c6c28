import type { runbus } from './gen/telemetry.js';
import { WireError } from '../errors.js';
import { kHostFigures, kResourceFigures } from './figures.js';
import { kTopicNames } from './types.js';
import type { Envelope, Hello, LoopReport, Subscribe, Topic } from './types.js';

// Decoding proves the bytes are protobuf; these checks prove they mean
// something. Every failure names the envelope and the field.

/** 2000-01-01T00:00:00Z: anything earlier is a unit mistake (seconds, not ms). */
export const kMinTsMs = 946_684_800_000;
/** How far in the future a timestamp may lie (clock skew between hosts). */
export const kMaxFutureMs = 24 * 60 * 60 * 1000;
/** Longest run id, component, metric or rule name accepted. */
export const kMaxNameLength = 512;

// Doubles that must be finite and >= 0: every double figure of the tables.
const kDoubles = {
  resource: kResourceFigures.filter((f) => f.type === 'double').map((f) => f.key),
  host: kHostFigures.flatMap((f) => (f.type === 'double' && 'key' in f ? [f.key] : [])),
  container: ['cpuPercent', 'cpuMs'],
};

function invalid(where: string, what: string): WireError {
  return new WireError('ERR_WIRE_INVALID', `${where}: ${what}`);
}

function checkTs(where: string, ts: unknown, nowMs: number): void {
  if (typeof ts !== 'number' || !Number.isSafeInteger(ts) || ts < kMinTsMs || ts > nowMs + kMaxFutureMs) {
    throw invalid(where, `tsMs ${String(ts)} is not a plausible epoch time in milliseconds`);
  }
}

function checkName(where: string, field: string, v: unknown, required: boolean): void {
  const s = typeof v === 'string' ? v : '';
  if (required && s.length === 0) throw invalid(where, `${field} is empty`);
  if (s.length > kMaxNameLength) throw invalid(where, `${field} is longer than ${kMaxNameLength} characters`);
}

function checkDoubles(where: string, p: object, fields: readonly string[]): void {
  for (const f of fields) {
    const v = (p as Record<string, unknown>)[f];
    if (v != null && !(typeof v === 'number' && Number.isFinite(v) && v >= 0)) {
      throw invalid(where, `${f} ${typeof v === 'number' ? String(v) : typeof v} must be a finite number >= 0`);
    }
  }
}

const kPayloadOf: Readonly<Record<number, string>> = kTopicNames;

/** Checks one decoded envelope and returns it in bus form. */
export function validateEnvelope(e: runbus.v1.Envelope, index: number, nowMs: number): Envelope {
  const where = `envelope ${index}`;
  const topic = e.topic as number;
  const field = kPayloadOf[topic];
  if (field === undefined) throw invalid(where, `topic ${topic} is not a known topic`);
  const got = e.payload;
  if (got !== field) {
    throw invalid(where, `topic ${field.toUpperCase()} must carry a ${field} payload (got ${got ?? 'none'})`);
  }
  const p = (e as unknown as Record<string, Record<string, unknown>>)[field]!;
  const at = `${where} (${field})`;
  checkTs(at, p.tsMs, nowMs);
  checkName(at, 'runId', p.runId, false);
  switch (topic as Topic) {
    case 1:
      if (!p.pid) throw invalid(at, 'pid must be > 0');
      checkName(at, 'component', p.component, false);
      checkDoubles(at, p, kDoubles.resource);
      break;
    case 2:
      checkDoubles(at, p, kDoubles.host);
      break;
    case 4:
      checkName(at, 'name', p.name, true);
      if (typeof p.value !== 'number' || !Number.isFinite(p.value)) throw invalid(at, `value ${String(p.value)} must be a finite number`);
      break;
    case 5:
      checkName(at, 'rule', p.rule, true);
      break;
    case 7:
      if (!(typeof p.kind === 'number' && p.kind >= 1 && p.kind <= 9)) throw invalid(at, `kind ${String(p.kind)} is not a known lifecycle kind`);
      break;
    case 8:
      if (typeof p.containerId !== 'string' || !/^[0-9a-f]{12,64}$/.test(p.containerId)) throw invalid(at, 'containerId must be 12 to 64 lower-case hex digits');
      checkName(at, 'name', p.name, false);
      checkDoubles(at, p, kDoubles.container);
      break;
    default:
      break;
  }
  return { topic, payload: p } as unknown as Envelope;
}

export function validateHello(h: runbus.v1.Hello.$Properties): Hello {
  checkName('hello', 'component', h.component, false);
  checkName('hello', 'runId', h.runId, false);
  return {
    protocolVersion: h.protocolVersion ?? 0,
    component: h.component ?? '',
    pid: h.pid ?? 0,
    runId: h.runId ?? '',
    token: h.token ?? '',
  };
}

export function validateSubscribe(s: runbus.v1.Subscribe.$Properties): Subscribe {
  const topics = (s.topics ?? []) as number[];
  for (const t of topics) {
    if (kPayloadOf[t] === undefined) throw invalid('subscribe', `topic ${t} is not a known topic`);
  }
  checkName('subscribe', 'runId', s.runId, false);
  checkName('subscribe', 'component', s.component, false);
  return { topics: topics as Topic[], runId: s.runId ?? '', component: s.component ?? '' };
}

export function validateLoopReport(l: runbus.v1.LoopReport.$Properties, nowMs: number): LoopReport {
  checkTs('loop', l.tsMs, nowMs);
  checkDoubles('loop', l, ['loopLagP50Ms', 'loopLagP99Ms', 'loopLagMaxMs', 'loopUtilization', 'gcMinorMs', 'gcMajorMs', 'gcIncrementalMs', 'gcWeakcbMs']);
  return {
    tsMs: l.tsMs!,
    loopLagP50Ms: l.loopLagP50Ms ?? null,
    loopLagP99Ms: l.loopLagP99Ms ?? null,
    loopLagMaxMs: l.loopLagMaxMs ?? null,
    loopUtilization: l.loopUtilization ?? null,
    heapUsedBytes: l.heapUsedBytes ?? null,
    heapTotalBytes: l.heapTotalBytes ?? null,
    externalBytes: l.externalBytes ?? null,
    arrayBuffersBytes: l.arrayBuffersBytes ?? null,
    gcMinorMs: l.gcMinorMs ?? null,
    gcMajorMs: l.gcMajorMs ?? null,
    gcIncrementalMs: l.gcIncrementalMs ?? null,
    gcWeakcbMs: l.gcWeakcbMs ?? null,
    activeResources: l.activeResources ?? null,
  };
}
