// One remote-write request: series → WriteRequest protobuf → snappy block,
// and the headers remote write 1.0 requires.
import { prometheus } from './gen/remote.js';
import { WriteRequestEncoder } from './encode.js';
import { snappyCompress } from './snappy.js';

/** A label pair; a series' labels are sorted by name and include `__name__`. */
export type LabelPair = readonly [name: string, value: string];

/** One series and its samples, oldest first. */
export interface Series {
  readonly labels: readonly LabelPair[];
  readonly samples: { value: number; timestampMs: number }[];
}

/** Metadata of one family (sent with the first request that names it). */
export interface FamilyMeta {
  readonly name: string;
  readonly type: 'gauge' | 'counter' | 'info';
  readonly help: string;
}

export const kRemoteWriteVersion = '0.1.0';
export const kUserAgent = 'runbus-remote-write/0.1';

const kMetaType: Readonly<Record<FamilyMeta['type'], prometheus.MetricMetadata.MetricType>> = {
  gauge: prometheus.MetricMetadata.MetricType.GAUGE,
  counter: prometheus.MetricMetadata.MetricType.COUNTER,
  info: prometheus.MetricMetadata.MetricType.INFO,
};

/** Keeps nothing between calls; its scratch buffer is reused (each call finishes before the next). */
const kUncached = new WriteRequestEncoder(0);

/** The uncompressed protobuf bytes of a WriteRequest (the hand-written encoder, see encode.ts). */
export function encodeWriteRequest(series: readonly Series[], metadata: readonly FamilyMeta[] = []): Uint8Array {
  return kUncached.encode(series, metadata).slice();
}

/** The same bytes by protobufjs from the compiled contract: the reference the hand-written encoder is tested and benched against. */
export function encodeWriteRequestProtobufjs(series: readonly Series[], metadata: readonly FamilyMeta[] = []): Uint8Array {
  return prometheus.WriteRequest.encode({
    timeseries: series.map((s) => ({
      labels: s.labels.map(([name, value]) => ({ name, value })),
      samples: s.samples.map((x) => ({ value: x.value, timestamp: x.timestampMs })),
    })),
    metadata: metadata.map((m) => ({ type: kMetaType[m.type], metricFamilyName: m.name, help: m.help })),
  }).finish();
}

/**
 * The request body: the WriteRequest, snappy block-compressed. With an
 * encoder and the series' keys, each series' label bytes are kept by that
 * encoder between calls.
 */
export function writeRequestBody(series: readonly Series[], metadata: readonly FamilyMeta[] = [], encoder = kUncached, keys: readonly (string | undefined)[] = []): Uint8Array {
  return snappyCompress(encoder.encode(series, metadata, keys));
}

/** Headers of every request (auth is added by the sender). */
export function remoteWriteHeaders(): Record<string, string> {
  return {
    'Content-Encoding': 'snappy',
    'Content-Type': 'application/x-protobuf',
    'X-Prometheus-Remote-Write-Version': kRemoteWriteVersion,
    'User-Agent': kUserAgent,
  };
}

/** Sorts labels by name, as receivers require. */
export function sortLabels(labels: LabelPair[]): LabelPair[] {
  return labels.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
