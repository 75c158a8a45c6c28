// The samplers module: the eyes of runbus.
//
//   createSampler()        the scheduler + one-thread piscina pool; publishes
//                          RESOURCE, HOST, GPU, LIFECYCLE onto a RunBus
//   createLoopSampler()    event-loop lag/utilization of this process (main thread)
//   createProcessSampler() the Linux /proc fast path, one pid at a time
//   createProcessTree()    descendants of root pids by a ppid scan
//   createHostSampler()    machine cpu/memory/swap/disks/load
//   createGpuSampler()     nvidia-smi queries with a timeout
//   createPidusageSampler() the portable fallback
//
// The pieces other than createSampler/createLoopSampler are exported for
// tests, benches and embedders that run their own loop.
export { createSampler } from './sampler.js';
export type { Sampler, SamplerStats, SamplerEvents, SamplerErrorCode } from './sampler.js';
export type { ExitInfo } from './exit-notes.js';
export {
  resolveSamplerOptions,
  kDefaults as kSamplerDefaults,
  kDefaultIntervalMs,
  kDefaultGpuIntervalMs,
  kDefaultGpuTimeoutMs,
  kDefaultSmapsEveryTicks,
  kDefaultStatusEveryTicks,
  kBackends,
} from './options.js';
export type { SamplerOptions, ResolvedSamplerOptions, GpuOptions, SamplerRoot, SamplerLogger, BackendOption } from './options.js';
export { createLoopSampler, kLoopFigures, kDefaultLoopResolutionMs } from '../bus/index.js';
export type { LoopSampler, LoopSamplerOptions, LoopFigures } from '../bus/index.js';
export { createProcessSampler, kProcessFigures, kClockTicksPerSecond } from './process-sampler.js';
export type { ProcessSampler, ProcessSamplerOptions, SampleResult } from './process-sampler.js';
export { createProcessTree } from './process-tree.js';
export type { ProcessTree, TreeMember } from './process-tree.js';
export { createHostSampler, kHostFigures } from './host-sampler.js';
export type { HostSampler, HostSamplerOptions } from './host-sampler.js';
export {
  createGpuSampler,
  parseGpuDevices,
  parseGpuApps,
  parseGpuNumber,
  parseGpuPmon,
  kGpuAppsArgs,
  kGpuFigures,
} from './gpu-sampler.js';
export type { GpuSampler, GpuSamplerOptions } from './gpu-sampler.js';
export { createPidusageSampler, kPidusageFigures } from './pidusage-sampler.js';
export type { PidusageSampler } from './pidusage-sampler.js';
