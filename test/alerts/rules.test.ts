import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AlertRuleError, defaultAlertRules, effectiveAlertRules, kBuiltInRuleNames, kDefaultAlertRuleConfigs, parseAlertRules, parseDuration,
} from '../../src/alerts/index.js';
import { Severity } from '../../src/wire/index.js';

function errorOf(fn: () => unknown): AlertRuleError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AlertRuleError);
    return err as AlertRuleError;
  }
  throw new Error('expected an AlertRuleError');
}

describe('alert rule parsing', () => {
  it('reads YAML, JSON text, arrays and { rules } / { alerts: { rules } } objects', () => {
    const yaml = readFileSync(new URL('../fixtures/alerts/domain-rules.yaml', import.meta.url), 'utf8');
    const rules = parseAlertRules(yaml);
    expect(rules.map((r) => r.name)).toEqual(['low_diversity', 'champion_stale', 'low_success_rate', 'memory_high', 'orphans_high']);
    expect(rules[2]).toMatchObject({ source: 'metric', metric: 'success', aggregate: 'avg', window: { samples: 10, minSamples: 10 }, op: '<', severity: Severity.CRITICAL });
    const one = { name: 'x', source: 'host', field: 'mem_percent', threshold: 90 };
    expect(parseAlertRules(JSON.stringify([one]))).toHaveLength(1);
    expect(parseAlertRules({ rules: [one] })[0]).toMatchObject({ op: '>', severityName: 'warning', forSamples: 1, forMs: 0, cooldownMs: 60_000 });
    expect(parseAlertRules({ alerts: { rules: [one] } })).toHaveLength(1);
    expect(parseAlertRules('')).toEqual([]);
  });

  it('durations accept units and milliseconds', () => {
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration(1500)).toBe(1500);
    expect(parseDuration('5 minutes')).toBeUndefined();
    const r = parseAlertRules([{ name: 'x', source: 'resource', field: 'rss_bytes', threshold: 1, for: '2m', cooldown: '10s' }])[0]!;
    expect([r.forMs, r.cooldownMs]).toEqual([120_000, 10_000]);
  });

  it('an unknown key names the rule and the field, with a suggestion', () => {
    const e = errorOf(() => parseAlertRules([{ name: 'mem', source: 'host', field: 'mem_percent', treshold: 80 }]));
    expect(e.code).toBe('ERR_ALERT_RULE_INVALID');
    expect(e.rule).toBe('mem');
    expect(e.field).toBe('treshold');
    expect(e.message).toBe('alert rule "mem": treshold is not a known field (did you mean "threshold"?)');
    const w = errorOf(() => parseAlertRules([{ name: 'w', source: 'metric', metric: 'm', aggregate: 'avg', window: { sample: 3 }, threshold: 1 }]));
    expect([w.rule, w.field]).toEqual(['w', 'window.sample']);
    expect(w.message).toMatch(/did you mean "window.samples"/);
  });

  it.each([
    [{ name: 'a', source: 'hots', field: 'x', threshold: 1 }, 'source', /did you mean "host"/],
    [{ name: 'a', source: 'host', field: 'memory', threshold: 1 }, 'field', /one of/],
    [{ name: 'a', source: 'host', threshold: 1 }, 'field', /required/],
    [{ name: 'a', source: 'metric', threshold: 1 }, 'metric', /string/],
    [{ name: 'a', source: 'host', field: 'mem_percent' }, 'threshold', /required/],
    [{ name: 'a', source: 'host', field: 'mem_percent', threshold: '80' }, 'threshold', /finite number/],
    [{ name: 'a', source: 'host', field: 'mem_percent', threshold: 1, op: '=>' }, 'op', /one of/],
    [{ name: 'a', source: 'host', field: 'mem_percent', threshold: 1, for: '5 min' }, 'for', /duration/],
    [{ name: 'a', source: 'host', field: 'mem_percent', threshold: 1, forSamples: 0 }, 'forSamples', /from 1/],
    [{ name: 'a', source: 'host', field: 'mem_percent', threshold: 1, aggregate: 'avg' }, 'window', /required/],
    [{ name: 'a', source: 'host', field: 'mem_percent', threshold: 1, aggregate: 'avg', window: {} }, 'window', /samples.*duration/],
    [{ name: 'a', source: 'host', field: 'mem_percent', threshold: 1, aggregate: 'rate', window: { samples: 1 } }, 'window.minSamples', /at least 2/],
    [{ name: 'a', source: 'host', field: 'mem_percent', threshold: 1, minR2: 0.5 }, 'minR2', /slope/],
    [{ name: 'a', source: 'host', field: 'mem_percent', absentFor: '10s', threshold: 1 }, 'threshold', /absence/],
    [{ name: 'a', source: 'host', field: 'mem_percent', threshold: 1, severity: 'fatal' }, 'severity', /one of/],
    [{ name: 'bad-name', source: 'host', field: 'mem_percent', threshold: 1 }, 'name', /match/],
    [{ name: 'a', source: 'host', field: 'mem_percent', threshold: 1, labels: { mount: 1 } }, 'labels.mount', /string/],
    [{ name: 'nope', disabled: true }, 'source', /not a built-in rule/],
    [{ name: 'a', source: 'host', field: 'mem_percent', threshold: 1, component: 'x' }, 'component', /does not apply/],
  ])('rejects %j at %s', (rule, field, msg) => {
    const e = errorOf(() => parseAlertRules([rule]));
    expect(e.field).toBe(field);
    expect(e.rule).toBe(rule.name);
    expect(e.message).toMatch(msg);
    expect(e.message).toContain(`alert rule "${rule.name}": ${field}`);
  });

  it('a rule without a name is named by its position', () => {
    const e = errorOf(() => parseAlertRules([{ name: 'ok', source: 'orphans', threshold: 3 }, { source: 'host' }]));
    expect(e.rule).toBe('#1');
    expect(e.field).toBe('name');
  });

  it('rejects duplicates, bad YAML and unknown top-level keys with their own codes', () => {
    const r = { name: 'a', source: 'orphans', threshold: 3 };
    expect(errorOf(() => parseAlertRules([r, r])).code).toBe('ERR_ALERT_RULE_DUPLICATE');
    expect(errorOf(() => parseAlertRules('rules: [ {')).code).toBe('ERR_ALERT_RULE_SYNTAX');
    expect(errorOf(() => parseAlertRules('rules: !custom [ ]')).code).toBe('ERR_ALERT_RULE_SYNTAX'); // unknown tag
    expect(errorOf(() => parseAlertRules('rules: *nothing')).code).toBe('ERR_ALERT_RULE_SYNTAX'); // unresolved alias
    const e = errorOf(() => parseAlertRules({ rule: [r] }));
    expect(e.message).toMatch(/unknown key "rule" \(did you mean "rules"\?\)/);
  });

  it('defaults: built-in names agree, a same-named rule replaces one, disabled removes it', () => {
    expect(kDefaultAlertRuleConfigs.map((r) => r.name)).toEqual(kBuiltInRuleNames);
    expect(defaultAlertRules()).toHaveLength(6);
    const user = parseAlertRules([
      { name: 'host_memory_high', source: 'host', field: 'mem_percent', threshold: 95 },
      { name: 'rss_leak', disabled: true },
      { name: 'mine', source: 'orphans', threshold: 10 },
    ]);
    const eff = effectiveAlertRules(user);
    expect(eff.map((r) => r.name).sort()).toEqual(['event_loop_lag', 'host_memory_high', 'mine', 'orphan_processes', 'orphaned_containers', 'samples_dropped']);
    expect(eff.find((r) => r.name === 'host_memory_high')!.threshold).toBe(95);
    expect(effectiveAlertRules(user, false).map((r) => r.name).sort()).toEqual(['host_memory_high', 'mine']);
  });
});
