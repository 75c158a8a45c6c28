// Configuration of the `runbus` command: flags > RUNBUS_* environment >
// runbus.config.json / .yaml > defaults.
export {
  loadConfig,
  findConfigFile,
  readConfigFile,
  readConfigEnv,
  checkFlagValue,
  describeSetting,
  readLibraryEnv,
  runIdFromEnv,
  socketPathOf,
  kMetricsPort,
  kOrphanGraceMs,
  ConfigError,
  kConfigSpec,
  kConfigKeys,
  kConfigDefaults,
  kConfigFileNames,
  kOtherEnv,
} from './config.js';
export type { LibraryEnv, RunbusConfig, AlertsConfig, ConfigKey, ConfigSource, ResolvedConfig, LoadConfigOptions, ConfigErrorCode } from './config.js';
