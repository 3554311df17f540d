import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { builtinRules } from '../../src/catalog/builtin-catalog.js';
import { checkRuleFile, parseRuleFile } from '../../src/catalog/load-catalog.js';
import { deferFindings } from '../../src/findings/defer-findings.js';
import type { Finding } from '../../src/findings/schema.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';

const root = new URL('../../snapshots/', import.meta.url).pathname;
const run = async (dir: string, ids: string[]) => {
  const { snapshot, diagnostics } = await loadSnapshot(`${root}${dir}`);
  return analyze(snapshot, { diagnostics, rules: builtinRules().filter((r) => ids.includes(r.id)) });
};
const brief = (f: Finding) => [f.ruleId, f.messageId, f.subject.name, (f.related ?? []).map((r) => `${r.relation} ${r.ruleId}/${r.messageId} ${r.subject.name}`)];

describe('one problem, one finding', () => {
  it('a DNS ClusterIP missing on a node is tke-dns\'s finding; tke-service-rules and x-kube-proxy-rules-missing reference it', async () => {
    const ids = ['tke-dns', 'tke-service-rules', 'x-kube-proxy-rules-missing'];
    const report = await run('scenarios/tke-service-unreachable', ids);
    expect(report.findings.filter((f) => f.messageId !== 'namedTargetPortUnresolved').map(brief)).toEqual([
      [
        'tke-dns',
        'nodeRulesMissing',
        'kube-dns',
        ['repeats tke-service-rules/clusterIPMissingOnNodes kube-dns', 'repeats x-kube-proxy-rules-missing/rulesMissing 10.0.0.13'],
      ],
      // Node 10.0.0.13 lacks kube-dns and orders: both are reported per Service, so the node's finding is folded in.
      ['tke-service-rules', 'clusterIPMissingOnNodes', 'orders', ['repeats x-kube-proxy-rules-missing/rulesMissing 10.0.0.13']],
    ]);
    expect(report.rules.find((r) => r.ruleId === 'x-kube-proxy-rules-missing')).toMatchObject({ status: 'evaluated', findings: 0 });
    expect(report.summary.findings.error).toBe(3);
  });

  it('the node finding stays, pointing at the Service findings, when it lacks more than they report', async () => {
    // Without tke-service-rules, nothing reports orders' missing rule: the node finding is the only one that names it.
    const report = await run('scenarios/tke-service-unreachable', ['tke-dns', 'x-kube-proxy-rules-missing']);
    expect(report.findings.map(brief)).toEqual([
      ['tke-dns', 'nodeRulesMissing', 'kube-dns', []],
      ['x-kube-proxy-rules-missing', 'rulesMissing', '10.0.0.13', ['details tke-dns/nodeRulesMissing kube-dns']],
    ]);
  });

  it('a node tainted because of several route tables is ack-multiple-route-tables\' finding', async () => {
    const report = await run('rules/ack-node-network-unavailable/fires-multiple-route-tables', ['ack-node-network-unavailable', 'ack-multiple-route-tables']);
    expect(report.findings.map(brief)).toEqual([
      ['ack-multiple-route-tables', 'ccmMultipleRouteTables', 'ack-hz-prod', ['repeats ack-node-network-unavailable/multipleRouteTables cn-hangzhou.192.168.0.92']],
    ]);
    // The other causes are not that rule's: a full route table stays the node rule's finding.
    const full = await run('rules/ack-node-network-unavailable/fires-route-table-full', ['ack-node-network-unavailable', 'ack-multiple-route-tables']);
    expect(full.findings.map(brief)).toEqual([['ack-node-network-unavailable', 'routeTableFull', 'cn-hangzhou.192.168.0.92', []]]);
  });

  it('resolves chains and ignores cycles', () => {
    const finding = (ruleId: string, name: string): Finding => ({
      ruleId, title: ruleId, spec: [], severity: 'error', subject: { kind: 'Service', name }, messageId: 'm', data: {}, message: '', evidence: [], remediation: '', source: [],
    });
    const rule = (id: string, defersTo: string) =>
      parseRuleFile({
        file: `${id}.yaml`,
        text: `id: ${id}\ntitle: t\nseverity: error\nsubject: Service\nsource: { title: t }\nmessages: { m: m }\nchecks: [{ messageId: m, conditions: { all: [{ fact: serviceEndpoints, path: ready, operator: equal, value: 0 }] } }]\nremediation: r\ndefersTo: [{ rule: ${defersTo} }]\n`,
      });
    // a → b → c: a and b are left out, c references both.
    const chain = deferFindings([finding('x-a', 's'), finding('x-b', 's'), finding('x-c', 's')], [rule('x-a', 'x-b'), rule('x-b', 'x-c')]);
    expect(chain.findings.map(brief)).toEqual([['x-c', 'm', 's', ['repeats x-a/m s', 'repeats x-b/m s']]]);
    // a ↔ b: neither can be the more specific one, both stay.
    const cycle = deferFindings([finding('x-a', 's'), finding('x-b', 's')], [rule('x-a', 'x-b'), rule('x-b', 'x-a')]);
    expect(cycle.findings.map((f) => f.ruleId)).toEqual(['x-a', 'x-b']);
    // Different subjects: nothing to fold.
    expect(deferFindings([finding('x-a', 's'), finding('x-b', 't')], [rule('x-a', 'x-b')]).left).toEqual([]);
  });

  it('built-in defersTo name existing rules and message ids; a rule file is told when its own ids are wrong', () => {
    const rules = builtinRules();
    for (const r of rules) {
      for (const d of r.defersTo ?? []) {
        const target = rules.find((t) => t.id === d.rule);
        expect(target, `${r.id} → ${d.rule}`).toBeDefined();
        if (d.messageId) expect(Object.keys(target!.messages), `${r.id} → ${d.rule}`).toContain(d.messageId);
        if (typeof d.when === 'object') expect(Object.keys(target!.data), `${r.id} → ${d.rule}`).toContain(d.when.foundIn);
      }
    }
    const { problems } = checkRuleFile({
      file: 'x-bad.yaml',
      text: 'id: x-bad\ntitle: t\nseverity: error\nsubject: Node\nsource: { title: t }\nmessages: { m: m }\nchecks: [{ messageId: m, conditions: { all: [{ fact: nodeKubeProxyRules, path: missingCount, operator: greaterThan, value: 0 }] } }]\nremediation: r\ndefersTo: [{ rule: x-bad, from: [nope], when: { items: missing, foundIn: x } }]\n',
    });
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['defersTo.0.rule', 'defersTo.0.from.0', 'defersTo.0.when.items']));
  });
});
