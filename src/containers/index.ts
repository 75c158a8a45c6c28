// The containers module: Docker containers watched beside processes.
//
//   DockerClient            Engine API over its Unix socket (list, inspect, events, stop, remove, stats)
//   parseContainerFilter()  `--containers label=app=sandbox` → Docker's filters object
//   createContainerSampler() cgroup v1/v2 figures of running containers (runs in the sampler worker)
//   cgroup helpers          exported for tests and embedders that run their own loop
export { ContainerError } from './errors.js';
export type { ContainerErrorCode } from './errors.js';
export { parseContainerFilter, kContainerFilterKeys } from './filter.js';
export type { ContainerFilter } from './filter.js';
export {
  DockerClient,
  parseDockerHost,
  describeEndpoint,
  parseApiStats,
  kDefaultDockerSocket,
  kDefaultStatsTimeoutMs,
  kDefaultCallTimeoutMs,
} from './docker-client.js';
export type { DockerEndpoint, DockerClientOptions, ContainerSummary, ContainerDetails, ContainerEvent, ApiStats, EventStream } from './docker-client.js';
export {
  findCgroupPaths,
  cgroupPathsOfPid,
  parseCgroupMounts,
  parseProcCgroup,
  parseFlatKeyed,
  parseBlkio,
  parseIoStat,
  readCgroup,
  newSlowFiles,
  CgroupFiles,
  hostMemTotal,
} from './cgroup.js';
export type { CgroupPaths, CgroupReading, CgroupSlowFiles, CgroupVersion, ReadText } from './cgroup.js';
export { createContainerSampler, kContainerFigures, kDefaultSlowFilesEvery } from './container-sampler.js';
export type { ContainerSampler, ContainerSamplerOptions, ContainerSampleResult, ContainerTarget } from './container-sampler.js';
export { ContainerMonitor, kRunLabel, kDefaultStopTimeoutS, kOrphanMetric, kCleanupFailuresMetric } from './monitor.js';
export type { ContainerMonitorOptions, ContainerMonitorStats, ContainerRecord, ContainerLogger, ContainerSamplerLink } from './monitor.js';
export { resolveContainersOptions } from './options.js';
export type { HubContainersOptions, ResolvedContainersOptions } from './options.js';
