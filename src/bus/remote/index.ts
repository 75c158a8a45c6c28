export { serveBus, BusServer } from './server.js';
export type { BusServerStats, BusServerEvents, SocketCheck } from './server.js';
export {
  resolveBusServerOptions,
  kDefaults as kServerDefaults,
  kDefaultMaxConnections,
  kDefaultMaxPendingConnections,
  kDefaultDrainTimeoutMs,
} from './server-options.js';
export type { BusServerOptions, ResolvedBusServerOptions } from './server-options.js';
export type { ClientInfo, ClientStats } from './connection.js';
export { peerCredUnavailable } from './peer-cred.js';
export { connectBus, RemoteBus } from './client.js';
export type { RemoteBusStats, RemoteBusEvents, RemoteBusState } from './client.js';
export { resolveRemoteBusOptions, kDefaults as kClientDefaults } from './client-options.js';
export type { RemoteBusOptions, ResolvedRemoteBusOptions } from './client-options.js';
export { RemoteBusError, RemoteErrorCode, CloseReason, kReasonClientEnd, kReasonHubClose } from './errors.js';
export type { ConnectionErrorCode } from './errors.js';
export { defaultSocketPath, defaultSocketDir, kMaxSocketPathBytes } from './socket-path.js';
