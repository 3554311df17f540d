import { describe, expect, it } from 'vitest';
import { checkRuleFile, formatRuleFileProblem, loadCatalog, parseRuleFile } from '../../src/catalog/load-catalog.js';
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
    parseRuleFile({ file: path, text }, { origin: 'builtin' });
  } catch (error) {
    if (error instanceof CatalogError) return error;
    throw error;
  }
  throw new Error('expected a CatalogError');
}

describe('rule files', () => {
  it('parses a valid rule, normalising source to a list', () => {
    const rule = parseRuleFile({ file, text: base }, { origin: 'builtin' });
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

const userRule = `id: acme-svc-single-endpoint
title: Service has a single ready endpoint
severity: warning
subject: Service
source: { url: https://wiki.example.com/ha, section: HA policy }
needs: [services, endpoints]
messages:
  single: "{{subject}} has one ready endpoint: a single pod failure takes it down."
checks:
  - messageId: single
    conditions:
      all:
        - { fact: serviceEndpoints, path: ready, operator: equal, value: 1 }
remediation: Run at least two replicas behind every Service.
`;

describe('rules from outside the catalog', () => {
  const userFile = 'my-rules/acme-svc-single-endpoint.yaml';

  it('accepts { url, section } or { title } as source, and no spec ids', () => {
    const rule = parseRuleFile({ file: userFile, text: userRule });
    expect(rule.source).toEqual([{ url: 'https://wiki.example.com/ha', section: 'HA policy' }]);
    expect(rule.spec).toEqual([]);
    expect(rule.file).toBe(userFile);
    const titled = parseRuleFile({ file: userFile, text: userRule.replace('{ url: https://wiki.example.com/ha, section: HA policy }', '{ title: Acme runbook }') });
    expect(titled.source).toEqual([{ title: 'Acme runbook' }]);
  });

  it('does not check spec ids or the folder of a user rule', () => {
    const text = userRule.replace('severity: warning', 'severity: warning\nspec: [acme-ha-1]');
    expect(parseRuleFile({ file: 'rules/rules/acme-svc-single-endpoint.yaml', text }).spec).toEqual(['acme-ha-1']);
  });

  it('explains the accepted source forms, naming the real file, line and path', () => {
    let error: CatalogError | undefined;
    try {
      parseRuleFile({ file: '/home/me/proj/my-rules/acme-svc-single-endpoint.yaml', text: userRule.replace('{ url: https://wiki.example.com/ha, section: HA policy }', '{ doc: acme }') });
    } catch (e) {
      error = e as CatalogError;
    }
    expect(error?.code).toBe('rule-schema');
    expect(error?.file).toBe('/home/me/proj/my-rules/acme-svc-single-endpoint.yaml');
    expect(error?.line).toBe(5);
    expect(error?.message).toContain('/home/me/proj/my-rules/acme-svc-single-endpoint.yaml:5: source: source must be { doc, section }');
    expect(error?.message).toContain('{ url, section } or { title, section }');
  });

  it('lists every problem of a file with its line and path', () => {
    const text = userRule.replace('operator: equal', 'operator: equals').replace('fact: serviceEndpoints', 'fact: serviceEndpoint');
    const { rule, problems } = checkRuleFile({ file: userFile, text });
    expect(rule).toBeUndefined();
    expect(problems.map(formatRuleFileProblem)).toEqual([
      `${userFile}:13: checks.0.conditions.all.0: unknown fact "serviceEndpoint"`,
      `${userFile}:13: checks.0.conditions.all.0.operator: unknown operator "equals"`,
    ]);
  });

  it('still holds built-in rules to a document and known spec ids', () => {
    const asBuiltin = (text: string) => checkRuleFile({ file: 'rules/acme/acme-svc-single-endpoint.yaml', text }, { origin: 'builtin' }).problems.map((p) => p.message);
    expect(asBuiltin(userRule)).toEqual([
      'a built-in rule names at least one spec id (see spec/catalog.md)',
      'a built-in rule cites one of the five documents: { doc, section }',
    ]);
    expect(asBuiltin(userRule.replace('severity: warning', 'severity: warning\nspec: [acme-ha-1]'))).toContain('unknown spec id "acme-ha-1" (see spec/catalog.md)');
  });
});
