// Configuration of the `runbus` command: flags > RUNBUS_* environment >
// runbus.config.json / .yaml > defaults.
export {
  loadConfig,
  findConfigFile,
  readConfigFile,
  readConfigEnv,
  readLibraryEnv,
  runIdFromEnv,
  socketPathOf,
  kConfigFileNames,
  kOtherEnv,
} from './sources.js';
export type { LibraryEnv, LoadConfigOptions } from './sources.js';
export {
  checkFlagValue,
  describeSetting,
  kMetricsPort,
  kOrphanGraceMs,
  ConfigError,
  kConfigSpec,
  kConfigKeys,
  kConfigDefaults,
} from './config.js';
export type { RunbusConfig, AlertsConfig, ConfigKey, ConfigSource, ResolvedConfig, ConfigErrorCode } from './config.js';
