import { checkInt, checkKeys, checkObject, checkString } from '../options.js';
import { parseDockerHost } from './docker-client.js';
import type { DockerEndpoint } from './docker-client.js';
import { parseContainerFilter } from './filter.js';
import type { ContainerFilter } from './filter.js';
import { kDefaultStopTimeoutS } from './monitor.js';

/** `createHub({ containers })`: watch Docker containers beside processes. */
export interface HubContainersOptions {
  /**
   * Which containers: a Docker filter such as `label=app=sandbox`,
   * `name=eval-`, several joined by commas, or `all`.
   */
  filter: string;
  /**
   * Stop and remove orphans at start (containers matching the filter from
   * earlier runs) and, at the end, the run's own containers that still exist.
   * @default false
   */
  clean?: boolean;
  /** The Engine: `unix:///path` or `tcp://host:port`. @default `DOCKER_HOST`, else unix:///var/run/docker.sock */
  dockerHost?: string;
  /** Seconds a stop waits before Docker kills the container. @default 10 */
  stopTimeoutS?: number;
}

export interface ResolvedContainersOptions {
  filter: ContainerFilter;
  clean: boolean;
  endpoint: DockerEndpoint;
  stopTimeoutS: number;
}

const kKeys = ['filter', 'clean', 'dockerHost', 'stopTimeoutS'] as const;

/**
 * Validates `options.containers`. A malformed filter throws ContainerError
 * ERR_CONTAINERS_FILTER naming it; misuse throws TypeError/RangeError.
 * `dockerHostEnv` is DOCKER_HOST as the caller read it.
 */
export function resolveContainersOptions(o: HubContainersOptions, dockerHostEnv: string | undefined): ResolvedContainersOptions {
  checkObject(o, 'options.containers');
  checkKeys(o, kKeys, 'options.containers');
  const filter = parseContainerFilter(checkString(o.filter, 'options.containers.filter'));
  if (o.clean !== undefined && typeof o.clean !== 'boolean') throw new TypeError('options.containers.clean must be a boolean');
  const host = o.dockerHost === undefined ? dockerHostEnv : checkString(o.dockerHost, 'options.containers.dockerHost');
  return {
    filter,
    clean: o.clean ?? false,
    endpoint: parseDockerHost(host),
    stopTimeoutS: checkInt(o.stopTimeoutS ?? kDefaultStopTimeoutS, 'options.containers.stopTimeoutS', 0, 3600),
  };
}
