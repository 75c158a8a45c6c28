export { serveBus, BusServer, resolveBusServerOptions, kDefaultMaxConnections, kReasonClientEnd, kReasonHubClose } from './server.js';
export type { BusServerOptions, ResolvedBusServerOptions, BusServerStats, BusServerEvents, ClientInfo, ClientStats, CloseReason } from './server.js';
export { connectBus, RemoteBus, resolveRemoteBusOptions } from './client.js';
export type { RemoteBusOptions, ResolvedRemoteBusOptions, RemoteBusStats, RemoteBusEvents, RemoteBusState } from './client.js';
export { RemoteBusError } from './errors.js';
export type { RemoteErrorCode } from './errors.js';
export { defaultSocketPath, defaultSocketDir, kMaxSocketPathBytes } from './socket-path.js';
