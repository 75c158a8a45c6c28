export {
  serveBus,
  BusServer,
  resolveBusServerOptions,
  kDefaultMaxConnections,
  kDefaultMaxPendingConnections,
  kDefaultDrainTimeoutMs,
  kReasonClientEnd,
  kReasonHubClose,
} from './server.js';
export type { BusServerOptions, ResolvedBusServerOptions, BusServerStats, BusServerEvents, ClientInfo, ClientStats, CloseReason, SocketCheck } from './server.js';
export { peerCredUnavailable } from './peer-cred.js';
export { connectBus, RemoteBus, resolveRemoteBusOptions } from './client.js';
export type { RemoteBusOptions, ResolvedRemoteBusOptions, RemoteBusStats, RemoteBusEvents, RemoteBusState } from './client.js';
export { RemoteBusError } from './errors.js';
export type { RemoteErrorCode } from './errors.js';
export { defaultSocketPath, defaultSocketDir, kMaxSocketPathBytes } from './socket-path.js';
