export { createAlertEngine, kDefaults as kAlertEngineDefaults, kDefaultTickMs } from './engine.js';
export type { AlertEngine, AlertEngineOptions, AlertEngineStats } from './engine.js';
export {
  parseAlertRules,
  resolveAlertRule,
  AlertRuleError,
  kAlertOperators,
  kAlertAggregates,
  kBuiltInRuleNames,
  kDefaultCooldownMs,
  kDefaultMinR2,
  kMaxWindowSamples,
} from './rules.js';
export type {
  AlertRule,
  AlertRuleConfig,
  AlertRuleErrorCode,
  AlertOperator,
  AlertAggregate,
  AlertSeverityName,
  AlertWindowConfig,
  AlertBaselineConfig,
  ResolvedWindow,
} from './rules.js';
export { kDefaultAlertRuleConfigs, kDefaultAlertRuleNames, defaultAlertRules, effectiveAlertRules } from './defaults.js';
export { kAlertSources, fieldsOf } from './figures.js';
export type { AlertSource } from './figures.js';
export { OrphanTracker } from '../bus/index.js';
export { parseDuration, formatPromDuration } from './duration.js';
export { renderTemplate, formatValue } from './template.js';
