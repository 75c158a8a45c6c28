// Alert rules: the config shape (JSON or YAML), validation with messages that
// name the rule and the field, and the resolved form the engine runs.

import { parseDocument } from 'yaml';
import { RunbusError } from '../errors.js';
import { describe, suggest } from '../options.js';
import { kSeverityNames } from '../wire/index.js';
import type { Severity, SeverityName } from '../wire/index.js';
import { parseDuration } from './duration.js';
import { fieldsOf, kAlertSources } from './figures.js';
import type { AlertSource } from './figures.js';

export type AlertOperator = '>' | '>=' | '<' | '<=' | '==' | '!=';
export const kAlertOperators: readonly AlertOperator[] = ['>', '>=', '<', '<=', '==', '!='];

/**
 * How a rule turns the samples of a series into the value it compares:
 * - `last`: the sample itself;
 * - `avg`, `min`, `max`: over the window;
 * - `rate`: increase per second over the window (counter resets handled);
 * - `increase`: total increase over the window (counter resets handled);
 * - `slope`: least-squares slope per second over the window, counted only
 *   when the fit's R² reaches `minR2` (a steady trend, e.g. a leak);
 * - `unchanged`: how many samples in a row since the value last changed
 *   (staleness).
 */
export type AlertAggregate = 'last' | 'avg' | 'min' | 'max' | 'rate' | 'increase' | 'slope' | 'unchanged';
export const kAlertAggregates: readonly AlertAggregate[] = ['last', 'avg', 'min', 'max', 'rate', 'increase', 'slope', 'unchanged'];

export type AlertSeverityName = SeverityName;
const kSeverityOf = Object.fromEntries(Object.entries(kSeverityNames).map(([n, name]) => [name, Number(n) as Severity])) as Readonly<Record<AlertSeverityName, Severity>>;
const kSeverityList: readonly AlertSeverityName[] = Object.values(kSeverityNames);

/** A window of samples: the last N samples, or the samples of the last T. */
export interface AlertWindowConfig {
  /** The last this many samples. */
  samples?: number;
  /** The samples of the last this long ("30s", "5m", or milliseconds). */
  duration?: string | number;
  /**
   * Fewer samples than this in the window: no value yet.
   * @default `samples`, or 2 for a duration window
   */
  minSamples?: number;
  /**
   * The window's samples must span at least this long (first to last) —
   * so a trend over a few seconds of start-up is not a "steady" trend.
   * @default 0
   */
  minDuration?: string | number;
}

/** The reference a degradation rule compares the current window against. */
export interface AlertBaselineConfig extends AlertWindowConfig {
  /**
   * `first`: the first samples of the series (the start of the run);
   * `preceding`: the samples just before the current window.
   * @default 'first'
   */
  mode?: 'first' | 'preceding';
}

/** One rule as written in a config file. */
export interface AlertRuleConfig {
  /** Unique name, `[a-zA-Z_][a-zA-Z0-9_]*`; a default rule's name overrides it. */
  name: string;
  /** Free text, shown in docs and exported rules. @default '' */
  description?: string;
  /** @default 'warning' */
  severity?: AlertSeverityName;
  /** Where the figure comes from. */
  source?: AlertSource;
  /** The figure, for resource, host, gpu and heartbeat sources (e.g. `rss_bytes`). */
  field?: string;
  /** The METRIC sample name, for the metric source. */
  metric?: string;
  /** Only series whose labels include these (metric labels, `mount`, `gpu`). @default {} */
  labels?: Record<string, string>;
  /** Only this component. @default every component */
  component?: string;
  /** @default 'last' */
  aggregate?: AlertAggregate;
  /** The samples `aggregate` runs over. @default none (the last sample) */
  window?: AlertWindowConfig;
  /**
   * Degradation: the value becomes the percent change of the window's
   * aggregate against the baseline's ((current − base) / |base| × 100).
   * @default none
   */
  baseline?: AlertBaselineConfig;
  /** Minimum R² for `slope`. @default 0.8 */
  minR2?: number;
  /** @default '>' */
  op?: AlertOperator;
  /** What the value is compared with; required unless `absentFor` is set. */
  threshold?: number;
  /** Absence: fires when a series (or the source as a whole) sends nothing for this long. */
  absentFor?: string | number;
  /** The condition must hold this long before the alert fires. @default 0 */
  for?: string | number;
  /** … and for this many consecutive samples. @default 1 */
  forSamples?: number;
  /** After a series resolves, it cannot fire again for this long. @default '1m' */
  cooldown?: string | number;
  /**
   * Message template: `{{rule}}`, `{{value}}`, `{{threshold}}`, `{{op}}`,
   * `{{component}}`, `{{pid}}`, `{{severity}}`, `{{field}}`, and any series
   * label by name (`{{strategy}}`, or `{{labels.strategy}}`).
   * @default a sentence naming the figure, value, operator and threshold
   */
  message?: string;
  /** Turns the rule (typically a built-in default) off. @default false */
  disabled?: boolean;
}

export interface ResolvedWindow {
  samples: number | undefined;
  durationMs: number | undefined;
  minSamples: number;
  minDurationMs: number;
}

/** A validated rule, as the engine and the exporters use it. */
export interface AlertRule {
  readonly name: string;
  readonly description: string;
  readonly severity: Severity;
  readonly severityName: AlertSeverityName;
  readonly source: AlertSource;
  readonly field: string | undefined;
  readonly metric: string | undefined;
  readonly labels: Readonly<Record<string, string>>;
  readonly component: string | undefined;
  readonly aggregate: AlertAggregate;
  readonly window: ResolvedWindow | undefined;
  readonly baseline: (ResolvedWindow & { mode: 'first' | 'preceding' }) | undefined;
  readonly minR2: number;
  readonly op: AlertOperator;
  readonly threshold: number;
  readonly absentForMs: number | undefined;
  readonly forMs: number;
  readonly forSamples: number;
  readonly cooldownMs: number;
  readonly message: string | undefined;
  readonly disabled: boolean;
}

/** Codes of {@link AlertRuleError}. */
export type AlertRuleErrorCode = 'ERR_ALERT_RULE_INVALID' | 'ERR_ALERT_RULE_SYNTAX' | 'ERR_ALERT_RULE_DUPLICATE';

/** A rule file or rule that cannot be used; `rule` and `field` say where. */
export class AlertRuleError extends RunbusError {
  declare readonly code: AlertRuleErrorCode;
  /** The rule's name, or `#<index>` when it has none. */
  readonly rule: string | undefined;
  /** The offending field, e.g. `window.samples`. */
  readonly field: string | undefined;

  constructor(code: AlertRuleErrorCode, message: string, where: { rule?: string; field?: string } = {}, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'AlertRuleError';
    this.rule = where.rule;
    this.field = where.field;
  }
}

const kRuleKeys = [
  'name', 'description', 'severity', 'source', 'field', 'metric', 'labels', 'component', 'aggregate', 'window', 'baseline',
  'minR2', 'op', 'threshold', 'absentFor', 'for', 'forSamples', 'cooldown', 'message', 'disabled',
] as const;
const kWindowKeys = ['samples', 'duration', 'minSamples', 'minDuration'] as const;
const kBaselineKeys = [...kWindowKeys, 'mode'] as const;
/** The built-in rule names (src/alerts/defaults.ts; a test checks they agree). */
export const kBuiltInRuleNames: readonly string[] = ['host_memory_high', 'rss_leak', 'orphan_processes', 'orphaned_containers', 'event_loop_lag', 'samples_dropped'];
const kNamePattern = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** Samples kept per series at most, whatever the window says. */
export const kMaxWindowSamples = 10_000;
/** @default cooldown */
export const kDefaultCooldownMs = 60_000;
export const kDefaultMinR2 = 0.8;

class RuleChecker {
  readonly #rule: string;

  constructor(rule: string) {
    this.#rule = rule;
  }

  fail(field: string, what: string): never {
    throw new AlertRuleError('ERR_ALERT_RULE_INVALID', `alert rule "${this.#rule}": ${field} ${what}`, { rule: this.#rule, field });
  }

  keys(obj: object, allowed: readonly string[], prefix: string): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) {
        const s = suggest(key, allowed);
        this.fail(`${prefix}${key}`, `is not a known field${s === undefined ? '' : ` (did you mean "${prefix}${s}"?)`}`);
      }
    }
  }

  object(v: unknown, field: string): Record<string, unknown> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(field, `must be an object (got ${describe(v)})`);
    return v as Record<string, unknown>;
  }

  string(v: unknown, field: string): string {
    if (typeof v !== 'string') this.fail(field, `must be a string (got ${describe(v)})`);
    return v;
  }

  number(v: unknown, field: string): number {
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(field, `must be a finite number (got ${describe(v)})`);
    return v;
  }

  int(v: unknown, field: string, min: number, max: number): number {
    if (typeof v !== 'number' || !Number.isInteger(v)) this.fail(field, `must be an integer (got ${describe(v)})`);
    if (v < min || v > max) this.fail(field, `must be from ${min} to ${max} (got ${v})`);
    return v;
  }

  duration(v: unknown, field: string): number {
    const ms = parseDuration(v);
    if (ms === undefined) this.fail(field, `must be a duration like "30s", "5m", "1h30m" or a number of milliseconds (got ${describe(v)})`);
    return ms;
  }

  oneOf<T extends string>(v: unknown, field: string, allowed: readonly T[]): T {
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      const s = typeof v === 'string' ? suggest(v, allowed) : undefined;
      this.fail(field, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')} (got ${describe(v)})${s === undefined ? '' : `; did you mean "${s}"?`}`);
    }
    return v as T;
  }

  window(v: unknown, field: string, allowed: readonly string[]): ResolvedWindow & { mode?: unknown } {
    const w = this.object(v, field);
    this.keys(w, allowed, `${field}.`);
    const samples = w.samples === undefined ? undefined : this.int(w.samples, `${field}.samples`, 1, kMaxWindowSamples);
    const durationMs = w.duration === undefined ? undefined : this.duration(w.duration, `${field}.duration`);
    if (samples === undefined && durationMs === undefined) this.fail(field, 'needs "samples" or "duration"');
    if (samples !== undefined && durationMs !== undefined) this.fail(field, 'takes "samples" or "duration", not both');
    if (durationMs === 0) this.fail(`${field}.duration`, 'must be more than 0');
    const minSamples = w.minSamples === undefined ? (samples ?? 2) : this.int(w.minSamples, `${field}.minSamples`, 1, samples ?? kMaxWindowSamples);
    const minDurationMs = w.minDuration === undefined ? 0 : this.duration(w.minDuration, `${field}.minDuration`);
    if (durationMs !== undefined && minDurationMs > durationMs) this.fail(`${field}.minDuration`, `must not exceed ${field}.duration`);
    return { samples, durationMs, minSamples, minDurationMs, mode: w.mode };
  }
}

/**
 * Validates one rule. Throws {@link AlertRuleError} (code
 * `ERR_ALERT_RULE_INVALID`) naming the rule and the field.
 * A bare `{ name, disabled: true }` is accepted: it turns a default rule off.
 */
export function resolveAlertRule(input: unknown, index = 0): AlertRule {
  const label = typeof input === 'object' && input !== null && typeof (input as { name?: unknown }).name === 'string'
    ? (input as { name: string }).name : `#${index}`;
  const c = new RuleChecker(label);
  const r = c.object(input, 'rule');
  c.keys(r, kRuleKeys, '');
  const name = c.string(r.name, 'name');
  if (!kNamePattern.test(name)) c.fail('name', 'must match [a-zA-Z_][a-zA-Z0-9_]* (it becomes a Prometheus alert name)');
  const disabled = r.disabled === undefined ? false : r.disabled === true || r.disabled === false ? r.disabled : c.fail('disabled', 'must be true or false');
  const severityName = r.severity === undefined ? 'warning' : c.oneOf(r.severity, 'severity', kSeverityList);
  if (r.source === undefined && disabled) {
    // `{ name: host_memory_high, disabled: true }` switches a default off.
    if (!kBuiltInRuleNames.includes(name)) {
      const s = suggest(name, kBuiltInRuleNames);
      c.fail('source', `is required: "${name}" is not a built-in rule${s === undefined ? '' : ` (did you mean "${s}"?)`}, so disabling it needs a full rule`);
    }
    return {
      name, description: '', severity: kSeverityOf[severityName], severityName, source: 'metric', field: undefined, metric: name,
      labels: {}, component: undefined, aggregate: 'last', window: undefined, baseline: undefined, minR2: kDefaultMinR2, op: '>',
      threshold: 0, absentForMs: undefined, forMs: 0, forSamples: 1, cooldownMs: kDefaultCooldownMs, message: undefined, disabled,
    };
  }
  if (r.source === undefined) c.fail('source', `is required: one of ${kAlertSources.map((s) => `"${s}"`).join(', ')}`);
  const source = c.oneOf(r.source, 'source', kAlertSources);
  let field: string | undefined;
  let metric: string | undefined;
  if (source === 'metric') {
    if (r.field !== undefined) c.fail('field', 'is not used by a metric rule; name the sample with "metric"');
    metric = c.string(r.metric, 'metric');
    if (metric === '') c.fail('metric', 'must not be empty');
  } else if (source === 'orphans') {
    if (r.field !== undefined || r.metric !== undefined) c.fail(r.field !== undefined ? 'field' : 'metric', 'is not used by an orphans rule');
  } else {
    if (r.metric !== undefined) c.fail('metric', `is only for source "metric"; a ${source} rule names a "field"`);
    if (r.field === undefined) c.fail('field', `is required for source "${source}": one of ${fieldsOf(source).join(', ')}`);
    field = c.oneOf(r.field, 'field', fieldsOf(source));
  }
  const labels: Record<string, string> = {};
  if (r.labels !== undefined) {
    for (const [k, v] of Object.entries(c.object(r.labels, 'labels'))) labels[k] = c.string(v, `labels.${k}`);
  }
  const component = r.component === undefined ? undefined : c.string(r.component, 'component');
  if (component !== undefined && (source === 'host' || source === 'gpu' || source === 'orphans')) {
    c.fail('component', `does not apply to source "${source}" (its series have no component)`);
  }
  const aggregate = r.aggregate === undefined ? 'last' : c.oneOf(r.aggregate, 'aggregate', kAlertAggregates);
  const win = r.window === undefined ? undefined : c.window(r.window, 'window', kWindowKeys);
  const window: ResolvedWindow | undefined = win === undefined ? undefined : { samples: win.samples, durationMs: win.durationMs, minSamples: win.minSamples, minDurationMs: win.minDurationMs };
  const needsWindow = aggregate !== 'last' && aggregate !== 'unchanged';
  if (needsWindow && window === undefined) c.fail('window', `is required for aggregate "${aggregate}" (e.g. { samples: 10 } or { duration: "1m" })`);
  if ((aggregate === 'rate' || aggregate === 'increase' || aggregate === 'slope') && window !== undefined && window.minSamples < 2) {
    c.fail('window.minSamples', `must be at least 2 for aggregate "${aggregate}"`);
  }
  let baseline: AlertRule['baseline'];
  if (r.baseline !== undefined) {
    const b = c.window(r.baseline, 'baseline', kBaselineKeys);
    const mode = b.mode === undefined ? 'first' : c.oneOf(b.mode, 'baseline.mode', ['first', 'preceding'] as const);
    if (aggregate === 'unchanged') c.fail('baseline', 'cannot be combined with aggregate "unchanged"');
    if (mode === 'preceding' && window !== undefined && (window.samples === undefined) !== (b.samples === undefined)) {
      c.fail('baseline', 'must count the same way as "window" (both "samples" or both "duration") in mode "preceding"');
    }
    baseline = { samples: b.samples, durationMs: b.durationMs, minSamples: b.minSamples, minDurationMs: b.minDurationMs, mode };
  }
  const minR2 = r.minR2 === undefined ? kDefaultMinR2 : c.number(r.minR2, 'minR2');
  if (minR2 < 0 || minR2 > 1) c.fail('minR2', `must be from 0 to 1 (got ${minR2})`);
  if (r.minR2 !== undefined && aggregate !== 'slope') c.fail('minR2', 'is only used with aggregate "slope"');
  const op = r.op === undefined ? '>' : c.oneOf(r.op, 'op', kAlertOperators);
  const absentForMs = r.absentFor === undefined ? undefined : c.duration(r.absentFor, 'absentFor');
  if (absentForMs === 0) c.fail('absentFor', 'must be more than 0');
  let threshold: number;
  if (absentForMs !== undefined) {
    if (r.threshold !== undefined || r.op !== undefined) c.fail(r.threshold !== undefined ? 'threshold' : 'op', 'is not used by an absence rule (absentFor)');
    if (r.window !== undefined || r.baseline !== undefined || r.aggregate !== undefined) {
      c.fail(r.window !== undefined ? 'window' : r.baseline !== undefined ? 'baseline' : 'aggregate', 'is not used by an absence rule (absentFor)');
    }
    threshold = absentForMs / 1000;
  } else {
    if (r.threshold === undefined) c.fail('threshold', 'is required (or make it an absence rule with "absentFor")');
    threshold = c.number(r.threshold, 'threshold');
  }
  const forMs = r.for === undefined ? 0 : c.duration(r.for, 'for');
  const forSamples = r.forSamples === undefined ? 1 : c.int(r.forSamples, 'forSamples', 1, kMaxWindowSamples);
  const cooldownMs = r.cooldown === undefined ? kDefaultCooldownMs : c.duration(r.cooldown, 'cooldown');
  const message = r.message === undefined ? undefined : c.string(r.message, 'message');
  const description = r.description === undefined ? '' : c.string(r.description, 'description');
  return {
    name, description, severity: kSeverityOf[severityName], severityName, source, field, metric, labels, component, aggregate, window,
    baseline, minR2, op, threshold, absentForMs, forMs, forSamples, cooldownMs, message, disabled,
  };
}

/**
 * Parses rules from a config value or YAML/JSON text: an array of rules,
 * `{ rules: [...] }`, or `{ alerts: { rules: [...] } }`. Every rule is
 * validated; names must be unique. Throws {@link AlertRuleError}.
 */
export function parseAlertRules(input: unknown): AlertRule[] {
  let value = input;
  if (typeof input === 'string') {
    // YAML is a superset of JSON. Warnings (an unknown tag, …) are errors
    // too: a rule file should mean exactly what it says.
    const doc = parseDocument(input, { logLevel: 'silent' });
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem !== undefined) {
      throw new AlertRuleError('ERR_ALERT_RULE_SYNTAX', `alert rules: not valid YAML or JSON: ${problem.message}`, {}, { cause: problem });
    }
    try {
      value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    } catch (err) {
      // An unresolved alias, an alias bomb: yaml throws while building values.
      throw new AlertRuleError('ERR_ALERT_RULE_SYNTAX', `alert rules: not valid YAML or JSON: ${err instanceof Error ? err.message : String(err)}`, {}, { cause: err });
    }
  }
  if (value === null || value === undefined) return [];
  if (typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    if ('alerts' in o && Object.keys(o).length === 1) value = o.alerts;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      if (key !== 'rules') {
        const s = suggest(key, ['rules']);
        throw new AlertRuleError('ERR_ALERT_RULE_INVALID', `alert rules: unknown key "${key}"${s === undefined ? '' : ` (did you mean "${s}"?)`}; expected { rules: [...] }`, { field: key });
      }
    }
    value = o.rules ?? [];
  }
  if (!Array.isArray(value)) {
    throw new AlertRuleError('ERR_ALERT_RULE_INVALID', `alert rules: expected a list of rules (got ${describe(value)})`);
  }
  const rules = (value as unknown[]).map((r, i) => resolveAlertRule(r, i));
  const seen = new Set<string>();
  for (const r of rules) {
    if (seen.has(r.name)) throw new AlertRuleError('ERR_ALERT_RULE_DUPLICATE', `alert rule "${r.name}": defined twice`, { rule: r.name, field: 'name' });
    seen.add(r.name);
  }
  return rules;
}

/** Whether `v op t` holds. */
export function compare(v: number, op: AlertOperator, t: number): boolean {
  switch (op) {
    case '>': return v > t;
    case '>=': return v >= t;
    case '<': return v < t;
    case '<=': return v <= t;
    case '==': return v === t;
    case '!=': return v !== t;
  }
}

/** What a rule watches, for messages. */
export function figureName(rule: AlertRule): string {
  if (rule.source === 'metric') return rule.metric!;
  if (rule.source === 'orphans') return 'orphaned processes';
  return rule.field!;
}
