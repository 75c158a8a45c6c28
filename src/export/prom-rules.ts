// Alert rules as Prometheus alerting rules over the exported names, for
// `runbus export --format prom-rules`. Most conditions map one to one; a few
// have no PromQL equivalent and are listed in `skipped` (and as comments in
// the YAML) instead of being approximated silently:
//   - `baseline.mode: first` (Prometheus has no "start of the series");
//   - figures the exporter does not export (swap_percent, gpu mem_percent,
//     queue_fill_percent, context switches).
// Sample-count windows and `forSamples` become durations: N × `interval`
// (the scrape interval). `slope` becomes deriv() — PromQL has no R², so
// `minR2` is dropped (noted in the annotation).

import { stringify } from 'yaml';
import { effectiveAlertRules, formatPromDuration, formatValue } from '../alerts/index.js';
import type { AlertRule } from '../alerts/index.js';
import { checkKeys, checkObject, checkString } from '../options.js';
import { parseDuration } from '../alerts/index.js';
import { appMetricName, kFigureFamilies, kMetricNames, labelName } from './names.js';

export interface PromRulesOptions {
  /** The rule group's name. @default 'runbus' */
  groupName?: string;
  /** The scrape interval, for sample-count windows ("15s" or milliseconds). @default '15s' */
  interval?: string | number;
  /** Add the built-in rules (user rules of the same name replace them). @default true */
  defaults?: boolean;
  /**
   * The exporter labels process series with `pid` (its `withPid` option).
   * Without it a message's "(pid {{pid}})" is left out: the series have no
   * such label to fill it. @default false
   */
  withPid?: boolean;
}

export interface PromAlertingRule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface PromRulesResult {
  readonly groups: { name: string; rules: PromAlertingRule[] }[];
  readonly skipped: readonly { rule: string; reason: string }[];
}

const kKeys = ['groupName', 'interval', 'defaults', 'withPid'] as const;
const kTopicOfSource: Readonly<Record<string, string>> = { resource: 'resource', host: 'host', gpu: 'gpu', heartbeat: 'heartbeat', metric: 'metric' };

function quote(v: string): string {
  return JSON.stringify(v);
}

function selector(name: string, matchers: Record<string, string>): string {
  const parts = Object.entries(matchers).map(([k, v]) => `${k}=${quote(v)}`);
  return parts.length === 0 ? name : `${name}{${parts.join(',')}}`;
}

function promNumber(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(12)));
}

/**
 * A message template with Prometheus template syntax. `{{value}}` is the
 * alert's value, which the expression keeps in the rule's own units.
 */
function promTemplate(template: string, rule: AlertRule, withPid: boolean): string {
  const t = withPid ? template : template.replace(/\s*\(pid \{\{\s*pid\s*\}\}\)/g, '');
  return t.replace(/\{\{\s*([a-zA-Z_][a-zA-Z0-9_.]*)\s*\}\}/g, (_w, key: string) => {
    switch (key) {
      case 'value': return '{{ $value | printf "%.4g" }}';
      case 'threshold': return formatValue(rule.threshold);
      case 'rule': return rule.name;
      case 'op': return rule.op;
      case 'severity': return rule.severityName;
      case 'field': return rule.field ?? rule.metric ?? rule.source;
      default: {
        const label = key.startsWith('labels.') ? key.slice(7) : key;
        if (label === 'pid' && !withPid) return '-';
        return `{{ $labels.${label === 'run_id' || label === 'component' || label === 'pid' ? label : labelName(label)} }}`;
      }
    }
  });
}

/** Converts rules to Prometheus alerting rules; see the file comment. */
export function promRules(rules: readonly AlertRule[], options: PromRulesOptions = {}): PromRulesResult {
  checkObject(options, 'options');
  checkKeys(options, kKeys, 'promRules');
  const groupName = checkString(options.groupName ?? 'runbus', 'options.groupName');
  const intervalMs = parseDuration(options.interval ?? '15s');
  if (intervalMs === undefined || intervalMs <= 0) throw new TypeError('options.interval must be a duration like "15s"');
  const withPid = options.withPid ?? false;
  if (typeof withPid !== 'boolean') throw new TypeError('options.withPid must be a boolean');
  const out: PromAlertingRule[] = [];
  const skipped: { rule: string; reason: string }[] = [];
  const effective = effectiveAlertRules(rules, options.defaults ?? true);
  const clashes = metricNameClashes(effective);
  for (const rule of effective) {
    const clash = clashes.get(rule);
    const r = clash?.skip ?? convert(rule, intervalMs, withPid);
    if (typeof r !== 'string' && clash?.note !== undefined) {
      r.annotations.runbus_conversion = r.annotations.runbus_conversion === undefined ? clash.note : `${r.annotations.runbus_conversion}; ${clash.note}`;
    }
    if (typeof r === 'string') skipped.push({ rule: rule.name, reason: r });
    else out.push(r);
  }
  return { groups: [{ name: groupName, rules: out }], skipped };
}

/**
 * What to say about rules whose names sanitise to the same Prometheus name
 * as another's. The exporter keeps such names apart (the one it sees later
 * gets a suffixed name), so:
 *   - two label keys of one rule that collide cannot both be matched: the
 *     rule is skipped, naming both;
 *   - METRIC names of different rules that collide (`x.y`, `x_y`; or
 *     `iteration_ms`, `iteration_seconds`) are fine while the app publishes
 *     only one of them; the rule gets a note naming both, since the series
 *     it selects is the suffixed one if the app publishes both.
 */
function metricNameClashes(rules: readonly AlertRule[]): Map<AlertRule, { skip?: string; note?: string }> {
  const byFamily = new Map<string, Set<string>>();
  for (const r of rules) {
    if (r.source !== 'metric' || r.metric === undefined) continue;
    const name = appMetricName(r.metric).name;
    const set = byFamily.get(name) ?? new Set<string>();
    set.add(r.metric);
    byFamily.set(name, set);
  }
  const out = new Map<AlertRule, { skip?: string; note?: string }>();
  for (const r of rules) {
    if (r.source !== 'metric' || r.metric === undefined) continue;
    const byLabel = new Map<string, string>();
    for (const k of Object.keys(r.labels)) {
      const l = labelName(k);
      const other = byLabel.get(l);
      if (other !== undefined) {
        out.set(r, { skip: `labels ${JSON.stringify(other)} and ${JSON.stringify(k)} both map to ${l}; rename one of them` });
        break;
      }
      byLabel.set(l, k);
    }
    if (out.has(r)) continue;
    const name = appMetricName(r.metric).name;
    const raws = [...byFamily.get(name)!];
    if (raws.length > 1) {
      out.set(r, { note: `METRIC names ${raws.map((x) => JSON.stringify(x)).join(' and ')} all map to ${name}; if the app publishes more than one, the exporter gives the later ones suffixed names and this selects only the first` });
    }
  }
  return out;
}

function windowMs(w: { samples: number | undefined; durationMs: number | undefined }, intervalMs: number): number {
  return w.durationMs ?? (w.samples ?? 1) * intervalMs;
}

function convert(rule: AlertRule, intervalMs: number, withPid: boolean): PromAlertingRule | string {
  let family: string;
  let factor = 1;
  const matchers: Record<string, string> = {};
  if (rule.component !== undefined) matchers.component = rule.component;
  switch (rule.source) {
    case 'metric': {
      const m = appMetricName(rule.metric!);
      family = m.name;
      factor = m.factor;
      for (const [k, v] of Object.entries(rule.labels)) matchers[labelName(k)] = v;
      break;
    }
    case 'orphans':
      family = kMetricNames.orphans;
      break;
    default: {
      const f = kFigureFamilies[rule.source]?.[rule.field!];
      if (f === undefined) return `the ${rule.source} figure "${rule.field!}" is not exported to Prometheus`;
      [family, factor] = f;
      for (const [k, v] of Object.entries(rule.labels)) matchers[k] = v;
    }
  }
  const notes: string[] = [];
  let expr: string;
  if (rule.absentForMs !== undefined) {
    const sel = selector(kMetricNames.lastSample, { topic: kTopicOfSource[rule.source] ?? 'resource', ...(rule.component === undefined ? {} : { component: rule.component }) });
    // max_over_time keeps the last time seen after the series itself is removed.
    expr = `(time() - max by (run_id, component) (max_over_time(${sel}[1h]))) > ${promNumber(rule.absentForMs / 1000)}`;
  } else {
    const sel = selector(family, matchers);
    const range = rule.window === undefined ? undefined : formatPromDuration(windowMs(rule.window, intervalMs));
    const over = (fn: string, r: string | undefined, offset?: string): string => `${fn}(${sel}[${r!}]${offset === undefined ? '' : ` offset ${offset}`})`;
    const value = (offset?: string, r = range): string => {
      switch (rule.aggregate) {
        case 'last': return offset === undefined ? sel : `${sel} offset ${offset}`;
        case 'avg': return over('avg_over_time', r, offset);
        case 'min': return over('min_over_time', r, offset);
        case 'max': return over('max_over_time', r, offset);
        case 'rate': return over('rate', r, offset);
        case 'increase': return over('increase', r, offset);
        case 'slope': return over('deriv', r, offset);
        case 'unchanged': return sel;
      }
    };
    if (rule.aggregate === 'slope') notes.push(`minR2 ${rule.minR2} is not checked by Prometheus (deriv() only)`);
    if (rule.aggregate === 'unchanged') {
      if (rule.op !== '>=' && rule.op !== '>') return 'aggregate "unchanged" only converts with op ">=" or ">"';
      const samples = rule.op === '>' ? rule.threshold + 1 : rule.threshold;
      expr = `changes(${sel}[${formatPromDuration(Math.max(1, samples) * intervalMs)}]) == 0`;
      notes.push(`${samples} samples taken as ${samples} scrape intervals`);
    } else if (rule.baseline !== undefined) {
      if (rule.baseline.mode === 'first') return 'baseline mode "first" has no PromQL equivalent (use mode "preceding")';
      const offset = formatPromDuration(rule.window === undefined ? intervalMs : windowMs(rule.window, intervalMs));
      const base = value(offset, formatPromDuration(windowMs(rule.baseline, intervalMs)));
      expr = `((${value()} - ${base}) / abs(${base}) * 100) ${rule.op} ${promNumber(rule.threshold)}`;
    } else {
      // The series is in base units (seconds, bytes); scaling it back to the
      // rule's units keeps $value, the threshold and the message in one unit.
      const scaled = factor === 1 ? value() : `${value()} * ${promNumber(1 / factor)}`;
      expr = `${scaled} ${rule.op} ${promNumber(rule.threshold)}`;
    }
  }
  if (rule.window?.samples !== undefined || rule.forSamples > 1) notes.push(`sample counts taken as scrape intervals of ${formatPromDuration(intervalMs)}`);
  const forMs = rule.forMs + (rule.forSamples - 1) * intervalMs;
  const message = rule.message ?? (rule.absentForMs !== undefined
    ? `${rule.name}: no samples from {{ $labels.component }} for {{ $value | printf "%.0f" }} s`
    : `${rule.name}: {{ $labels.component }} value {{ $value | printf "%.4g" }} ${rule.op} ${formatValue(rule.threshold)}`);
  const annotations: Record<string, string> = { summary: rule.message === undefined ? message : promTemplate(message, rule, withPid) };
  if (rule.description !== '') annotations.description = rule.description;
  if (notes.length > 0) annotations.runbus_conversion = notes.join('; ');
  return {
    alert: rule.name,
    expr,
    ...(forMs > 0 ? { for: formatPromDuration(forMs) } : {}),
    labels: { severity: rule.severityName, source: 'runbus' },
    annotations,
  };
}

/**
 * Prometheus alerting-rule YAML (a rule file for `rule_files:`) for `rules`
 * plus the built-in ones; rules that cannot be converted are listed as
 * comments at the top.
 */
export function promRulesYaml(rules: readonly AlertRule[], options: PromRulesOptions = {}): string {
  const { groups, skipped } = promRules(rules, options);
  const head = [
    '# Prometheus alerting rules generated by runbus from its alert rules.',
    '# Check with: promtool check rules <this file>',
    ...skipped.map((s) => `# skipped ${s.rule}: ${s.reason}`),
  ].join('\n');
  return `${head}\n${stringify({ groups }, { lineWidth: 0 })}`;
}
