import type { RunbusConfig } from '../config/index.js';
import { ContainerError, parseContainerFilter } from '../containers/index.js';
import type { HubContainersOptions } from '../containers/index.js';
import { CliError } from './errors.js';

// `--containers FILTER` and `--clean-containers` into createHub's
// `containers` option, checked before anything starts: a malformed filter
// is a usage error (exit 2) naming it.

export function containersOption(cfg: RunbusConfig, env: NodeJS.ProcessEnv): { containers?: HubContainersOptions } {
  if (cfg.containers === undefined) {
    if (cfg.cleanContainers) {
      throw new CliError('ERR_CLI_USAGE', 'runbus: --clean-containers needs --containers FILTER (e.g. --containers label=app=sandbox, or all)');
    }
    return {};
  }
  try {
    parseContainerFilter(cfg.containers);
  } catch (err) {
    if (err instanceof ContainerError) throw new CliError('ERR_CLI_USAGE', `runbus: --containers: ${err.message}`, { cause: err });
    throw err;
  }
  return {
    containers: {
      filter: cfg.containers,
      clean: cfg.cleanContainers,
      ...(env['DOCKER_HOST'] === undefined || env['DOCKER_HOST'] === '' ? {} : { dockerHost: env['DOCKER_HOST'] }),
    },
  };
}
