// Property tests: the rule parser only ever returns rules or throws its own
// typed error, whatever it is given; sanitised names are always valid.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AlertRuleError, parseAlertRules } from '../../src/alerts/index.js';
import { appMetricName, labelName } from '../../src/export/index.js';

const ruleish = fc.record({
  name: fc.oneof(fc.constantFrom('a', 'mem', 'x_1'), fc.string(), fc.integer()),
  source: fc.oneof(fc.constantFrom('resource', 'host', 'gpu', 'heartbeat', 'metric', 'orphans'), fc.string()),
  field: fc.oneof(fc.constantFrom('rss_bytes', 'mem_percent', 'util_percent', 'dropped_total'), fc.string(), fc.constant(undefined)),
  metric: fc.oneof(fc.string(), fc.constant(undefined)),
  op: fc.oneof(fc.constantFrom('>', '<', '>=', '<=', '==', '!='), fc.string(), fc.constant(undefined)),
  threshold: fc.oneof(fc.double(), fc.integer(), fc.string(), fc.constant(undefined)),
  aggregate: fc.oneof(fc.constantFrom('last', 'avg', 'min', 'max', 'rate', 'increase', 'slope', 'unchanged'), fc.constant(undefined)),
  window: fc.oneof(fc.record({ samples: fc.integer({ min: -2, max: 20 }) }), fc.record({ duration: fc.oneof(fc.string(), fc.integer()) }), fc.constant(undefined), fc.anything()),
  baseline: fc.oneof(fc.record({ samples: fc.integer({ min: 0, max: 20 }), mode: fc.constantFrom('first', 'preceding', 'x') }), fc.constant(undefined)),
  for: fc.oneof(fc.string(), fc.integer(), fc.constant(undefined)),
  forSamples: fc.oneof(fc.integer({ min: -1, max: 10 }), fc.constant(undefined)),
  absentFor: fc.oneof(fc.constantFrom('5s', '1m', 'x'), fc.constant(undefined)),
  labels: fc.oneof(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())), fc.constant(undefined)),
}, { requiredKeys: [] });

function parseOk(input: unknown): void {
  try {
    const rules = parseAlertRules(input);
    expect(Array.isArray(rules)).toBe(true);
  } catch (err) {
    expect(err).toBeInstanceOf(AlertRuleError);
  }
}

describe('rule parser fuzz', () => {
  it('arbitrary values: rules or an AlertRuleError, nothing else', () => {
    fc.assert(fc.property(fc.anything(), (v) => { parseOk(v); }), { numRuns: 500 });
  });

  it('rule-shaped objects: rules or an AlertRuleError naming a field', () => {
    fc.assert(fc.property(fc.array(ruleish, { maxLength: 3 }), (rules) => {
      try {
        parseAlertRules(rules);
      } catch (err) {
        expect(err).toBeInstanceOf(AlertRuleError);
        expect((err as AlertRuleError).message).toMatch(/^alert rule/);
      }
    }), { numRuns: 1000 });
  });

  it('arbitrary text: rules or an AlertRuleError', () => {
    fc.assert(fc.property(fc.string(), (t) => { parseOk(t); }), { numRuns: 500 });
  });
});

describe('name sanitiser fuzz', () => {
  it('any METRIC name gives a valid runbus_app_ family; any label a valid label name', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const { name, type, factor } = appMetricName(s);
      expect(name).toMatch(/^runbus_app_[a-z0-9_]+$/);
      expect(name.endsWith('_total')).toBe(type === 'counter');
      expect(Number.isFinite(factor) && factor > 0).toBe(true);
      expect(labelName(s)).toMatch(/^[a-zA-Z_][a-zA-Z0-9_]*$/);
      expect(labelName(s).startsWith('__')).toBe(false);
    }), { numRuns: 2000 });
  });
});
