import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { parseRuleFile } from '../../src/catalog/load-catalog.js';
import { defineOperator } from '../../src/engine/define-operator.js';
import { CatalogError } from '../../src/errors.js';
import { defineFact, defineSelector } from '../../src/facts/define.js';
import { definePlugin } from '../../src/plugins/define-plugin.js';
import { builtinRegistry, registryFor } from '../../src/plugins/registry.js';
import { buildSnapshot } from '../../src/snapshot/build-snapshot.js';
import { RuleTester } from '../../src/testing/index.js';

// A tool's plugin: a fact (the Service's declared ports), an operator and a selector.
const acme = definePlugin({
  name: 'acme',
  facts: [
    defineFact({
      id: 'acmeServicePorts',
      subject: 'Service',
      description: 'Number of spec.ports of the Service and their numbers.',
      reads: ['Service spec.ports'],
      compute: (service) => ({ count: service.ports.length, ports: service.ports.map((p) => p.port) }),
    }),
  ],
  operators: [
    defineOperator<number, number>({
      name: 'acmeAtMost',
      description: 'fact ≤ value',
      factType: 'number',
      valueType: 'number',
      evaluate: (fact, value) => typeof fact === 'number' && fact <= value,
      example: { fact: 'acmeServicePorts', path: 'count', operator: 'acmeAtMost', value: 1 },
    }),
  ],
  selectors: [
    defineSelector({ id: 'acmeShopServices', subject: 'Service', description: 'Services in namespace shop', select: (index) => index.snapshot.services.filter((s) => s.namespace === 'shop') }),
  ],
});

const ruleText = `id: acme-svc-one-port
title: Service declares a single port
severity: info
subject: Service
select: acmeShopServices
source: { title: Acme service guide, section: Ports }
needs: [services]
messages:
  onePort: "{{subject}} declares only port {{ports}}."
data:
  ports: acmeServicePorts.ports
checks:
  - messageId: onePort
    conditions:
      all:
        - { fact: acmeServicePorts, path: count, operator: acmeAtMost, value: 1 }
remediation: Declare the health port as well (an example rule).
`;
const file = 'acme-rules/acme-svc-one-port.yaml';

const service = (namespace: string, name: string, ports: number[]) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace },
  spec: { clusterIP: '10.96.0.10', ports: ports.map((port) => ({ port, protocol: 'TCP' })) },
});
const { snapshot } = buildSnapshot([
  { path: 'services.json', text: JSON.stringify({ kind: 'List', items: [service('shop', 'cart', [80]), service('shop', 'web', [80, 8081]), service('ops', 'log', [514])] }) },
]);

describe('plugins', () => {
  it('lets a rule use the plugin fact, operator and selector', async () => {
    const rule = parseRuleFile({ file, text: ruleText }, { plugins: [acme] });
    const report = await analyze(snapshot, { extraRules: [rule], plugins: [acme] });
    const own = report.findings.filter((f) => f.ruleId === 'acme-svc-one-port');
    expect(own.map((f) => [f.subject.name, f.message, f.data])).toEqual([['cart', 'Service shop/cart declares only port 80.', { ports: '80' }]]);
    expect(own[0]!.evidence).toEqual([{ fact: 'acmeServicePorts', path: 'count', operator: 'acmeAtMost', expected: 1, actual: 1 }]);
    expect(report.rules.find((r) => r.ruleId === 'acme-svc-one-port')).toEqual({ ruleId: 'acme-svc-one-port', status: 'evaluated', subjects: 2, findings: 1 });
    // The built-in catalog ran too.
    expect(report.rules.length).toBe((await analyze(snapshot)).rules.length + 1);
  });

  it('runs under RuleTester with the plugin passed in', () => {
    const rule = parseRuleFile({ file, text: ruleText }, { plugins: [acme] });
    const cases: Array<() => Promise<void>> = [];
    new RuleTester({ extraRules: [rule], plugins: [acme], describe: (_n, b) => b(), it: (_n, b) => void cases.push(b) }).run('acme-svc-one-port', {
      valid: [{ name: 'two ports', snapshot: { objects: [service('shop', 'web', [80, 8081])] } }],
      invalid: [{ name: 'one port', snapshot: { objects: [service('shop', 'cart', [80])] }, findings: [{ messageId: 'onePort', subject: { name: 'cart' }, data: { ports: '80' } }] }],
    });
    return Promise.all(cases.map((c) => c()));
  });

  it('is not registered globally: without the plugin the rule is rejected, and other analyses never see it', async () => {
    expect(() => parseRuleFile({ file, text: ruleText })).toThrow('acme-rules/acme-svc-one-port.yaml:5: select: unknown selector "acmeShopServices"; checks.0.conditions.all.0: unknown fact "acmeServicePorts"; checks.0.conditions.all.0.operator: unknown operator "acmeAtMost"');
    const rule = parseRuleFile({ file, text: ruleText }, { plugins: [acme] });
    await analyze(snapshot, { extraRules: [rule], plugins: [acme] });
    expect(builtinRegistry.facts.has('acmeServicePorts')).toBe(false);
    expect(builtinRegistry.operatorNames.has('acmeAtMost')).toBe(false);
    expect(registryFor([]).selectors.has('acmeShopServices')).toBe(false);
    // A rule loaded with the plugin but analysed without it fails alone, with a diagnostic; the rest still runs.
    const report = await analyze(snapshot, { extraRules: [rule] });
    expect(report.rules.find((r) => r.ruleId === 'acme-svc-one-port')?.status).toBe('failed');
    expect(report.diagnostics.find((d) => d.code === 'rule-invalid')?.message).toContain('rule acme-svc-one-port was not run: select: unknown selector "acmeShopServices"');
    expect(report.rules.filter((r) => r.status === 'failed').map((r) => r.ruleId)).toEqual(['acme-svc-one-port']);
    expect(report.rules.length).toBe((await analyze(snapshot)).rules.length + 1);
  });

  it('rejects ids that clash with built-in ones or another plugin', () => {
    const clash = definePlugin({ name: 'clash', facts: [{ ...acme.facts[0], id: 'serviceEndpoints' }] });
    expect(() => registryFor([clash])).toThrow(new CatalogError('plugin-conflict', 'plugin "clash" defines fact "serviceEndpoints", which kube-netdoctor already defines'));
    expect(() => registryFor([acme, { ...acme, name: 'acme2' }])).toThrow('plugin "acme2" defines fact "acmeServicePorts", which plugin "acme" already defines');
    expect(() => registryFor([definePlugin({ name: 'ops', operators: [{ ...acme.operators[0], name: 'equal' }] })])).toThrow('defines operator "equal", which kube-netdoctor already defines');
  });
});
