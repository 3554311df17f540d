import { describe, expect, it } from 'vitest';
import { parseRuleFile } from '../../src/catalog/load-catalog.js';
import { maxRuleFileChars, maxRuleNesting } from '../../src/catalog/rule-file-limits.js';
import { resolvePath } from '../../src/engine/path-resolver.js';
import { CatalogError } from '../../src/errors.js';

const rule = (condition: string, data = 'conntrackTableFull.count') => `id: ack-test-rule
title: A test rule
severity: warning
subject: Node
spec: [ack-conntrack-full]
source: { doc: ack, section: 如何提升Linux连接跟踪Conntrack数量限制? }
needs: [nodes]
messages:
  full: "{{subject}} dropped {{count}} packets"
data:
  count: ${data}
checks:
  - messageId: full
    conditions:
      ${condition}
remediation: Raise maxPerCore.
`;
const file = 'rules/ack/ack-test-rule.yaml';
const plain = 'all: [{ fact: conntrackTableFull, path: count, operator: greaterThan, value: 0 }]';

function problem(text: string): { code: string; message: string } {
  try {
    parseRuleFile({ file, text });
  } catch (error) {
    if (error instanceof CatalogError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a CatalogError');
}

describe('user rules are data', () => {
  it('the path resolver reads own properties only, never the prototype chain', () => {
    const value = { a: { b: 1 }, list: [5, 6] };
    expect(resolvePath(value, 'a.b')).toBe(1);
    expect(resolvePath(value, 'list.1')).toBe(6);
    expect(resolvePath(value, 'list.length')).toBe(2);
    for (const path of ['__proto__', 'constructor', 'a.constructor.name', 'prototype', 'toString', 'a.__proto__.polluted', 'a.hasOwnProperty']) {
      expect(resolvePath(value, path)).toBeUndefined();
    }
    expect(resolvePath(JSON.parse('{"__proto__": {"x": 1}}'), '__proto__.x')).toBeUndefined();
  });

  it.each(['constructor', 'count.constructor.name', '__proto__', 'x.prototype'])('a rule whose path is %s is refused with its place', (path) => {
    const { code, message } = problem(rule(`all: [{ fact: conntrackTableFull, path: ${path}, operator: greaterThan, value: 0 }]`));
    expect(code).toBe('rule-invalid');
    expect(message).toContain(`checks.0.conditions.all.0: path "${path}" names __proto__, constructor or prototype`);
  });

  it('a data reference through constructor is refused too', () => {
    expect(problem(rule(plain, 'conntrackTableFull.constructor')).message).toContain('data.count: path "constructor"');
  });

  it('refuses a rule file over the size limit before parsing it', () => {
    const text = rule(plain) + `# ${'x'.repeat(maxRuleFileChars)}\n`;
    expect(problem(text)).toEqual({ code: 'rule-too-large', message: expect.stringContaining(`over the limit of ${maxRuleFileChars}`) });
  });

  it('refuses conditions nested past the limit, and accepts the usual depth', () => {
    const nest = (n: number) => `${'{ not: '.repeat(n)}{ all: [{ fact: conntrackTableFull, path: count, operator: greaterThan, value: 0 }] }${' }'.repeat(n)}`;
    expect(() => parseRuleFile({ file, text: rule(`not: ${nest(3)}`) })).not.toThrow();
    expect(problem(rule(`not: ${nest(maxRuleNesting)}`))).toEqual({ code: 'rule-too-deep', message: expect.stringContaining(`nested more than ${maxRuleNesting} levels`) });
    expect(problem(rule(`not: ${'['.repeat(20_000)}`)).code).toBe('rule-syntax');
  });
});
