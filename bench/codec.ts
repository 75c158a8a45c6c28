// Snapshot encode/decode rate (protobuf batch of 1000) beside JSON
// stringify/parse of the same batch, in the same process.
import { decodeBatch, encodeBatch, encodeBatchReference, Topic } from '../src/wire/index.js';
import type { Envelope } from '../src/wire/index.js';
import { median, quick, rate, report } from './lib.js';

const kBatch = 1000;
const ms = quick ? 200 : 1000;
const trials = quick ? 3 : 5;

const batch: Envelope[] = Array.from({ length: kBatch }, (_, i) => ({
  topic: Topic.RESOURCE,
  payload: {
    tsMs: Date.now(), runId: 'run-20261123-abcdef', component: `worker-${i % 8}`, pid: 1000 + i, ppid: 1, command: 'node', state: 'S',
    cpuPercent: 12.5 + i, cpuUserMs: 1234.5, cpuSystemMs: 99.25, rssBytes: 200e6 + i, vmsBytes: 1.2e9, threads: 11, openFds: 24,
    ioReadBytes: 1e6, ioWriteBytes: 2e6, ctxSwitchesVoluntary: 1200, ctxSwitchesInvoluntary: 30,
  },
}));
const bytes = encodeBatch(batch);
const json = JSON.stringify(batch);

const enc: number[] = [], dec: number[] = [], jenc: number[] = [], jdec: number[] = [], penc: number[] = [];
for (let t = 0; t < trials; ++t) {
  enc.push(rate(() => { encodeBatch(batch); return kBatch; }, ms));
  jenc.push(rate(() => { JSON.stringify(batch); return kBatch; }, ms));
  penc.push(rate(() => { encodeBatchReference(batch); return kBatch; }, ms));
  dec.push(rate(() => { decodeBatch(bytes); return kBatch; }, ms));
  jdec.push(rate(() => { JSON.parse(json); return kBatch; }, ms));
}
report('codec', [
  { name: 'encode ResourceSnapshot (batch of 1000)', value: median(enc), unit: 'snapshots/s', better: 'higher', peer: 'JSON.stringify', peerValue: median(jenc), target: '>= 1,000,000' },
  { name: 'encode ResourceSnapshot (batch of 1000)', value: median(enc), unit: 'snapshots/s', better: 'higher', peer: 'protobufjs generated encoder', peerValue: median(penc), note: 'same bytes' },
  { name: 'decode + validate ResourceSnapshot (batch of 1000)', value: median(dec), unit: 'snapshots/s', better: 'higher', peer: 'JSON.parse', peerValue: median(jdec) },
  { name: 'encoded size per snapshot', value: bytes.length / kBatch, unit: 'bytes', better: 'lower', peer: 'JSON', peerValue: Buffer.byteLength(json) / kBatch },
]);
