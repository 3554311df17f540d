import { describe, expect, it } from 'vitest';
import { loadCatalog, parseRuleFile } from '../../src/catalog/load-catalog.js';
import { CatalogError } from '../../src/errors.js';

const base = `id: ack-test-rule
title: A test rule
severity: warning
subject: Node
spec: [ack-conntrack-full]
source: { doc: ack, section: 如何提升Linux连接跟踪Conntrack数量限制? }
needs: [nodes]
messages:
  full: "{{subject}} dropped {{count}} packets"
data:
  count: conntrackTableFull.count
checks:
  - messageId: full
    conditions:
      all:
        - { fact: conntrackTableFull, path: count, operator: greaterThan, value: 0 }
remediation: Raise maxPerCore.
`;
const file = 'rules/ack/ack-test-rule.yaml';

function catalogError(text: string, path = file): CatalogError {
  try {
    parseRuleFile({ file: path, text });
  } catch (error) {
    if (error instanceof CatalogError) return error;
    throw error;
  }
  throw new Error('expected a CatalogError');
}

describe('rule files', () => {
  it('parses a valid rule, normalising source to a list', () => {
    const rule = parseRuleFile({ file, text: base });
    expect(rule.source).toEqual([{ doc: 'ack', section: '如何提升Linux连接跟踪Conntrack数量限制?' }]);
    expect(rule.file).toBe(file);
  });

  it.each([
    ['an unknown fact', base.replace('{ fact: conntrackTableFull,', '{ fact: conntrackTableFul,'), 'unknown fact "conntrackTableFul"', 16],
    ['an unknown operator', base.replace('operator: greaterThan', 'operator: greaterThen'), 'unknown operator "greaterThen"', 16],
    ['an unknown spec id', base.replace('spec: [ack-conntrack-full]', 'spec: [ack-conntrack-ful]'), 'unknown spec id "ack-conntrack-ful"', 5],
    ['an unknown message id', base.replace('- messageId: full', '- messageId: fuller'), 'unknown message id "fuller"', 13],
    ['a placeholder without data', base.replace('{{count}}', '{{packets}}'), 'placeholder {{packets}} has no entry in data', 9],
    ['an unknown requirement', base.replace('needs: [nodes]', 'needs: [nodez]'), 'unknown requirement "nodez"', 7],
    ['a selector of another kind', base.replace('subject: Node', 'subject: Node\nselect: servicesWithSelector'), 'selects Service, not Node', 5],
    ['a fact about another subject', base.replace('subject: Node', 'subject: Service'), 'is about Node, not Service', 16],
    ['a JSONPath', base.replace('path: count', 'path: $.count'), 'not a plain dot path', 16],
  ])('rejects %s with the file, line and path', (_name, text, message, line) => {
    const error = catalogError(text);
    expect(error.code).toBe('rule-invalid');
    expect(error.message).toContain(message);
    expect(error.file).toBe(file);
    expect(error.line).toBe(line);
  });

  it('rejects unknown keys (strict schema) and bad severities', () => {
    expect(catalogError(`${base}extra: 1\n`).message).toContain('Unrecognized key');
    expect(catalogError(base.replace('severity: warning', 'severity: fatal')).code).toBe('rule-schema');
  });

  it('requires the id to equal the file name and to start with its folder', () => {
    expect(catalogError(base, 'rules/ack/other.yaml').message).toContain('must equal the file name');
    expect(catalogError(base.replaceAll('ack-test-rule', 'tke-test-rule'), 'rules/ack/tke-test-rule.yaml').message).toContain('starting with "ack-"');
  });

  it('reports YAML syntax errors with their line', () => {
    const error = catalogError('id: x\ntitle: [unclosed\n');
    expect(error.code).toBe('rule-syntax');
    expect(error.line).toBeGreaterThanOrEqual(2);
  });

  it('rejects duplicate ids across files', () => {
    expect(() => loadCatalog([{ file, text: base }, { file, text: base }])).toThrow(/defined in/);
  });
});
