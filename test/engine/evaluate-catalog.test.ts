import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { parseRuleFile } from '../../src/catalog/load-catalog.js';
import { buildSnapshot } from '../../src/snapshot/build-snapshot.js';

// Two checks on one subject: one needs only the Node object, the other the node's dmesg.
const rule = parseRuleFile({
  file: 'rules/ack/ack-two-checks.yaml',
  text: `id: ack-two-checks
title: Two independent checks
severity: warning
subject: Node
spec: [ack-conntrack-full]
source: { doc: ack, section: 如何提升Linux连接跟踪Conntrack数量限制? }
needs: [nodes]
messages:
  annotations: "{{subject}} lacks {{missing}}"
  dropping: "{{subject}} drops packets"
data:
  missing: nodeFlannelAnnotations.missing
checks:
  - messageId: annotations
    conditions: { all: [{ fact: nodeFlannelAnnotations, path: missingCount, operator: greaterThan, value: 0 }] }
  - messageId: dropping
    conditions: { all: [{ fact: conntrackTableFull, path: count, operator: greaterThan, value: 0 }] }
remediation: n/a
`,
});

const node = (name: string) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, annotations: {} } });

describe('evaluateCatalog', () => {
  it('runs each check on its own: a check lacking data does not hide one that can run', async () => {
    const { snapshot } = buildSnapshot([
      { path: 'nodes.json', text: JSON.stringify({ kind: 'List', apiVersion: 'v1', items: [node('a'), node('b')] }) },
      { path: 'nodes/b/dmesg', text: '[ 1.0] nf_conntrack: table full, dropping packet\n' },
    ]);
    const report = await analyze(snapshot, { rules: [rule] });
    expect(report.findings.map((f) => [f.messageId, f.subject.name])).toEqual([
      ['annotations', 'a'],
      ['annotations', 'b'],
      ['dropping', 'b'],
    ]);
    expect(report.notEvaluated).toEqual([
      {
        ruleId: 'ack-two-checks',
        title: 'Two independent checks',
        missing: [{ reason: 'missing-data', capture: 'nodes/<node>/dmesg (dmesg -T on each node)', subjects: [{ kind: 'Node', name: 'a', node: 'a' }] }],
      },
    ]);
    expect(report.rules).toEqual([{
      ruleId: 'ack-two-checks',
      status: 'partial',
      subjects: 2,
      findings: 3,
      checked: [{ kind: 'Node', name: 'a', node: 'a' }, { kind: 'Node', name: 'b', node: 'b' }],
    }]);
  });

  it('gives the same answer once most subjects lack a check\'s data (the checks then run one engine each)', async () => {
    // 12 nodes, only the last with dmesg: after 8 runs, most of them rejected, the shared run is not tried again.
    const names = Array.from({ length: 12 }, (_, i) => `n${String(i).padStart(2, '0')}`);
    const { snapshot } = buildSnapshot([
      { path: 'nodes.json', text: JSON.stringify({ kind: 'List', apiVersion: 'v1', items: names.map(node) }) },
      { path: 'nodes/n11/dmesg', text: '[ 1.0] nf_conntrack: table full, dropping packet\n' },
      { path: 'nodes/n05/dmesg', text: '[ 1.0] nothing to see\n' },
    ]);
    const report = await analyze(snapshot, { rules: [rule] });
    expect(report.findings.map((f) => [f.messageId, f.subject.name])).toEqual([...names.map((n) => ['annotations', n]), ['dropping', 'n11']]);
    expect(report.notEvaluated[0]!.missing[0]!.subjects.map((s) => s.name)).toEqual(names.filter((n) => n !== 'n05' && n !== 'n11'));
    expect(report.rules[0]).toMatchObject({ status: 'partial', subjects: 12, findings: 13 });
  });

  it('reports a rule whose required data is absent as not evaluated, with what to capture', async () => {
    const report = await analyze(buildSnapshot([]).snapshot, { rules: [rule] });
    expect(report.findings).toEqual([]);
    expect(report.notEvaluated).toEqual([
      { ruleId: 'ack-two-checks', title: 'Two independent checks', missing: [{ reason: 'missing-data', capture: 'kubectl get nodes -o json > nodes.json', subjects: [] }] },
    ]);
    expect(report.rules[0]?.status).toBe('not-evaluated');
  });

  const perCheck = parseRuleFile({ file: 'rules/ack/ack-per-check.yaml', text: perCheckText() });

  it('runs a check whose data is present and lists a sibling whose data is missing, naming the check', async () => {
    const { snapshot } = buildSnapshot([{ path: 'nodes.json', text: JSON.stringify({ kind: 'List', apiVersion: 'v1', items: [node('a')] }) }]);
    const report = await analyze(snapshot, { rules: [perCheck] });
    expect(report.findings.map((f) => [f.messageId, f.subject.name])).toEqual([['annotations', 'a']]);
    expect(report.notEvaluated).toEqual([
      {
        ruleId: 'ack-per-check',
        title: 'Per-check data',
        missing: [
          { reason: 'missing-data', capture: 'kubectl get pods -A -o json > pods.json', checks: ['withPods'], subjects: [] },
          { reason: 'missing-data', capture: 'kubectl get services -A -o json > services.json', checks: ['withPods'], subjects: [] },
        ],
      },
    ]);
    expect(report.rules).toEqual([{ ruleId: 'ack-per-check', status: 'partial', subjects: 1, findings: 1, checked: [{ kind: 'Node', name: 'a', node: 'a' }] }]);
  });

  it('lists every missing capture of a rule in one entry when no check can run', async () => {
    const report = await analyze(buildSnapshot([]).snapshot, { rules: [perCheck] });
    expect(report.notEvaluated).toHaveLength(1);
    expect(report.notEvaluated[0]!.missing.map((m) => [m.capture, m.checks])).toEqual([
      ['kubectl get nodes -o json > nodes.json', undefined],
      ['kubectl get pods -A -o json > pods.json', ['withPods']],
      ['kubectl get services -A -o json > services.json', ['withPods']],
    ]);
    expect(report.rules[0]?.status).toBe('not-evaluated');
  });

  it('rejects a check need that is unknown or already needed by the rule', () => {
    expect(() =>
      parseRuleFile({ file: 'rules/ack/ack-per-check.yaml', text: perCheckText().replace('needs: [pods, services]', 'needs: [nodes, podz]') }),
    ).toThrow(/checks\.1\.needs\.0.*already in the rule's needs[\s\S]*checks\.1\.needs\.1.*unknown requirement "podz"/);
  });
});

function perCheckText(): string {
  return `id: ack-per-check
title: Per-check data
severity: warning
subject: Node
spec: [ack-conntrack-full]
source: { doc: ack, section: 如何提升Linux连接跟踪Conntrack数量限制? }
needs: [nodes]
messages:
  annotations: "{{subject}} lacks annotations"
  withPods: "{{subject}} and pods"
checks:
  - messageId: annotations
    conditions: { all: [{ fact: nodeFlannelAnnotations, path: missingCount, operator: greaterThan, value: 0 }] }
  - messageId: withPods
    needs: [pods, services]
    conditions: { all: [{ fact: nodeFlannelAnnotations, path: missingCount, operator: greaterThan, value: 0 }] }
remediation: n/a
`;
}

describe('applicability: provider before CNI', () => {
  it('treats ACK rules as not applicable on another provider, even with Terway-looking names, and asks nothing of them', async () => {
    const { snapshot } = buildSnapshot([
      {
        path: 'nodes.json',
        text: JSON.stringify({
          kind: 'List',
          items: [{ apiVersion: 'v1', kind: 'Node', metadata: { name: 'aks-nodepool1-12345678-vmss000000', labels: { 'kubernetes.azure.com/cluster': 'MC_rg_aks_westeurope' } }, spec: { providerID: 'azure:///subscriptions/0000/resourceGroups/mc_rg/providers/Microsoft.Compute/virtualMachineScaleSets/aks-nodepool1-12345678-vmss/virtualMachines/0' } }],
        }),
      },
      { path: 'daemonsets.json', text: JSON.stringify({ kind: 'List', items: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'terway-eniip', namespace: 'kube-system' } }] }) },
    ]);
    expect(snapshot.cluster.provider?.value).toBe('aks');
    expect(snapshot.cluster.cni?.value).toBe('terway');
    const report = await analyze(snapshot);
    const ackOnly = report.rules.filter((r) => r.ruleId.startsWith('ack-') && r.status === 'not-applicable').map((r) => r.ruleId);
    expect(ackOnly).toContain('ack-terway-vswitch-exhausted');
    expect(report.notEvaluated.filter((n) => ackOnly.includes(n.ruleId))).toEqual([]);
  });
});

describe('applicability: operating system', () => {
  const windowsRule = (select: string) =>
    parseRuleFile({
      file: 'rules/win/win-os-only.yaml',
      text: `id: win-os-only
title: A rule for clusters with Windows nodes
severity: warning
subject: Node
select: ${select}
appliesTo: { os: [windows], cni: [flannel] }
spec: [win-flannel-subnet-env]
source: { doc: win, section: 我的 Windows 節點無法存取 NodePort 服務 }
needs: [nodes]
messages:
  annotations: "{{subject}} lacks {{missing}}"
data:
  missing: nodeFlannelAnnotations.missing
checks:
  - messageId: annotations
    needs: [pods]
    conditions: { all: [{ fact: nodeFlannelAnnotations, path: missingCount, operator: greaterThan, value: 0 }] }
remediation: n/a
`,
    });
  const nodes = (...items: object[]) => ({ path: 'nodes.json', text: JSON.stringify({ kind: 'List', items }) });
  const linux = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'l', labels: { 'kubernetes.io/os': 'linux' } }, status: { nodeInfo: { operatingSystem: 'linux' } } };
  const windows = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'w', labels: { 'kubernetes.io/os': 'windows' } }, status: { nodeInfo: { operatingSystem: 'windows' } } };

  it('is not applicable when the captured nodes have none of its OS, and asks nothing (not even the CNI)', async () => {
    const { snapshot } = buildSnapshot([nodes(linux)]);
    const report = await analyze(snapshot, { rules: [windowsRule('windowsNodes')] });
    expect(report.rules.map((r) => [r.ruleId, r.status])).toEqual([['win-os-only', 'not-applicable']]);
    expect(report.notEvaluated).toEqual([]);
  });

  it('still asks for the CNI and the check\'s data when a node of its OS is there', async () => {
    const { snapshot } = buildSnapshot([nodes(linux, windows)]);
    const report = await analyze(snapshot, { rules: [windowsRule('windowsNodes')] });
    expect(report.notEvaluated.map((n) => n.missing.map((m) => m.reason))).toEqual([['unknown-cni', 'missing-data']]);
  });

  it('without the nodes it cannot know: asks for them', async () => {
    const { snapshot } = buildSnapshot([{ path: 'pods.json', text: JSON.stringify({ kind: 'List', items: [] }) }]);
    const report = await analyze(snapshot, { rules: [windowsRule('windowsNodes')] });
    expect(report.notEvaluated[0]?.missing.map((m) => m.capture)).toContain('kubectl get nodes -o json > nodes.json');
  });

  it('a check\'s own missing data is not reported when the selector picks no subject', async () => {
    const { snapshot } = buildSnapshot([
      { path: 'snapshot.yaml', text: 'cluster:\n  cni: flannel\n' },
      nodes({ ...windows, metadata: { name: 'w', labels: { 'kubernetes.io/os': 'windows' } } }),
    ]);
    // A selector that picks nothing here: Windows nodes with a pod CIDR (none has one).
    const report = await analyze(snapshot, { rules: [windowsRule('nodesWithPodCidr')] });
    expect(report.rules.map((r) => [r.ruleId, r.status, r.subjects])).toEqual([['win-os-only', 'evaluated', 0]]);
    expect(report.notEvaluated).toEqual([]);
  });
});
