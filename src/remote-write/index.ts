// Prometheus remote write from the store: the module's one door.
export { startRemoteWrite, startRemoteWriteResolved, summarize } from './remote-write.js';
export type { RemoteWrite, RemoteWriteStats } from './remote-write.js';
export { RemoteWriteError, resolveRemoteWriteOptions, checkRemoteUrl, readCredentialFile } from './options.js';
export { machineHostId, collectHostRecord } from './host.js';
export type { RemoteWriteOptions, ResolvedRemoteWriteOptions, RemoteWriteErrorCode } from './options.js';
export { RemoteWriter } from './writer.js';
export type { RemoteTarget, RemoteWriterSettings, TargetStats, WriterEnv } from './writer.js';
export { snappyCompress, snappyDecompress, SnappyError } from './snappy.js';
export { encodeWriteRequest, writeRequestBody, remoteWriteHeaders } from './request.js';
export type { Series, LabelPair } from './request.js';
export { sendBody } from './send.js';
export type { RemoteAuth, SendOutcome, FetchLike } from './send.js';
export { kSources } from './sources.js';
