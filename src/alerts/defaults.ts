// The built-in rules. A user rule with the same name replaces one; a rule
// `{ name, disabled: true }` switches it off; `defaults: false` drops them all.
//
// Not here: `store_unwritable` (CRITICAL) — the hub publishes it itself when
// a store write fails and resolves it when writes succeed again, so a rule
// would only duplicate it.

import { resolveAlertRule } from './rules.js';
import type { AlertRule, AlertRuleConfig } from './rules.js';

/** The built-in rules as config, for docs and `runbus export --format prom-rules`. */
export const kDefaultAlertRuleConfigs: readonly AlertRuleConfig[] = [
  {
    name: 'host_memory_high',
    description: 'Host memory use above 80 %.',
    severity: 'warning',
    source: 'host',
    field: 'mem_percent',
    op: '>',
    threshold: 80,
    forSamples: 3,
    message: 'host memory at {{value}} % (threshold {{threshold}} %)',
  },
  {
    name: 'rss_leak',
    description: 'A process whose resident memory grows steadily: least-squares slope above 64 KiB/s with R² ≥ 0.9 over 5 minutes (at least 30 samples spanning 2 minutes).',
    severity: 'warning',
    source: 'resource',
    field: 'rss_bytes',
    aggregate: 'slope',
    window: { duration: '5m', minSamples: 30, minDuration: '2m' },
    minR2: 0.9,
    op: '>',
    threshold: 65_536,
    cooldown: '10m',
    message: '{{component}} (pid {{pid}}) rss grows steadily at {{value}} bytes/s',
  },
  {
    name: 'orphan_processes',
    description: 'More than 3 processes of the run outlived their parent.',
    severity: 'warning',
    source: 'orphans',
    op: '>',
    threshold: 3,
    message: '{{value}} orphaned processes (threshold {{threshold}})',
  },
  {
    // Containers: the monitor publishes the count as a METRIC sample (seed 004 R3.5).
    name: 'orphaned_containers',
    description: 'More than 3 orphaned Docker containers: left by earlier runs (reported without --clean-containers) or whose cleanup failed.',
    severity: 'warning',
    source: 'metric',
    metric: 'orphaned_containers',
    op: '>',
    threshold: 3,
    message: 'Container cleanup failures detected: {{value}} orphaned containers (threshold {{threshold}})',
  },
  {
    name: 'event_loop_lag',
    description: 'Event-loop lag p99 above 100 ms for 3 samples in a row.',
    severity: 'warning',
    source: 'resource',
    field: 'loop_lag_p99_ms',
    op: '>',
    threshold: 100,
    forSamples: 3,
    message: '{{component}} (pid {{pid}}) event-loop lag p99 {{value}} ms > {{threshold}} ms',
  },
  {
    name: 'samples_dropped',
    description: 'The hub dropped samples since its previous heartbeat (dropped_total increased).',
    severity: 'warning',
    source: 'heartbeat',
    field: 'dropped_total',
    aggregate: 'increase',
    window: { samples: 2 },
    op: '>',
    threshold: 0,
    cooldown: '5m',
    message: '{{component}} dropped {{value}} samples since the last heartbeat',
  },
];

/** Names of the built-in rules, plus `store_unwritable` (published by the hub). */
export const kDefaultAlertRuleNames: readonly string[] = [...kDefaultAlertRuleConfigs.map((r) => r.name), 'store_unwritable'];

/** The built-in rules, validated. */
export function defaultAlertRules(): AlertRule[] {
  return kDefaultAlertRuleConfigs.map((r, i) => resolveAlertRule(r, i));
}

/**
 * The rules an engine runs: the defaults (unless `defaults` is false) with
 * user rules of the same name replacing them, then the other user rules;
 * disabled rules removed.
 */
export function effectiveAlertRules(rules: readonly AlertRule[], defaults = true): AlertRule[] {
  const byName = new Map<string, AlertRule>();
  if (defaults) for (const r of defaultAlertRules()) byName.set(r.name, r);
  for (const r of rules) byName.set(r.name, r);
  return [...byName.values()].filter((r) => !r.disabled);
}
