import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { parseRuleFile } from '../../src/catalog/load-catalog.js';
import { buildSnapshot } from '../../src/snapshot/build-snapshot.js';

// What `kubectl get nodes -o json` prints for one node, trimmed.
const node = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { 'kubernetes.io/os': 'linux' }, annotations: {} },
  spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'] },
  status: { capacity: { pods: '110' }, nodeInfo: { kubeletVersion: 'v1.29.4' } },
});
// client-go list items carry no TypeMeta: support bundles and some tools write them without kind/apiVersion.
const untyped = ({ apiVersion: _a, kind: _k, ...rest }: Record<string, unknown>) => rest;

const countNodes = parseRuleFile({
  file: 'rules/x/x-count-nodes.yaml',
  text: `id: x-count-nodes
title: Nodes
severity: info
subject: Node
spec: [x-cidr-overlap]
source: { doc: tke, section: x }
needs: [nodes]
messages: { seen: "{{subject}}" }
checks:
  - messageId: seen
    conditions: { all: [{ fact: nodePodCidrCapacity, path: usable, operator: greaterThan, value: 0 }] }
remediation: n/a
`,
});

describe('which kinds count as captured', () => {
  it('reads a bare JSON array of objects as a List', () => {
    const { snapshot, diagnostics } = buildSnapshot([{ path: 'nodes.json', text: JSON.stringify([node('a'), node('b')]) }]);
    expect(snapshot.nodes.map((n) => n.name)).toEqual(['a', 'b']);
    expect(snapshot.captured).toEqual(['Node']);
    expect(diagnostics).toEqual([]);
  });

  it('reads untyped items by the kind their file name or folder names, and says so', () => {
    const { snapshot, diagnostics } = buildSnapshot([
      { path: 'nodes.json', text: JSON.stringify([untyped(node('a'))]) },
      { path: 'cluster-resources/pods/default.json', text: JSON.stringify({ kind: 'PodList', apiVersion: 'v1', items: [] }) },
    ]);
    expect(snapshot.nodes.map((n) => n.name)).toEqual(['a']);
    expect(snapshot.captured).toEqual(['Node', 'Pod']);
    expect(diagnostics.map((d) => [d.severity, d.code, d.file])).toEqual([['info', 'kind-from-file-name', 'nodes.json']]);
  });

  it('does not count a kind as captured when none of its file could be read, and names the file', async () => {
    const { snapshot, diagnostics } = buildSnapshot([
      { path: 'events.json', text: JSON.stringify({ kind: 'List', items: [{ metadata: {} }, 42] }) },
      { path: 'nodes.json', text: '{"apiVersion": "v1", "items": [' },
    ]);
    expect(snapshot.captured).toEqual([]);
    expect(snapshot.unreadable).toEqual({ Event: ['events.json'], Node: ['nodes.json'] });
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).toEqual(['events.json', 'nodes.json']);
    expect(diagnostics.find((d) => d.file === 'events.json' && d.severity === 'error')?.code).toBe('no-objects-read');
    const report = await analyze(snapshot, { rules: [countNodes], diagnostics });
    expect(report.rules[0]?.status).toBe('not-evaluated');
    expect(report.notEvaluated[0]?.missing[0]?.capture).toBe('nodes.json could not be read (see its diagnostics); kubectl get nodes -o json > nodes.json');
  });

  it('counts a kind whose objects another file supplied', () => {
    const { snapshot } = buildSnapshot([
      { path: 'nodes.json', text: '{ truncated' },
      { path: 'more/nodes.yaml', text: 'apiVersion: v1\nkind: Node\nmetadata:\n  name: a\n' },
    ]);
    expect(snapshot.captured).toEqual(['Node']);
    expect(snapshot.unreadable).toEqual({});
  });
});

describe('CNI inference', () => {
  const ds = (name: string, namespace: string) => ({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name, namespace } });

  it('finds the CNI DaemonSet in any namespace (kube-flannel, calico-system)', () => {
    const flannel = buildSnapshot([{ path: 'ds.json', text: JSON.stringify({ kind: 'List', items: [ds('kube-flannel-ds', 'kube-flannel')] }) }]).snapshot;
    expect(flannel.cluster.cni).toMatchObject({ value: 'flannel', from: 'DaemonSet kube-flannel/kube-flannel-ds' });
    const calico = buildSnapshot([{ path: 'ds.json', text: JSON.stringify({ kind: 'List', items: [ds('calico-node', 'calico-system')] }) }]).snapshot;
    expect(calico.cluster.cni).toMatchObject({ value: 'calico', from: 'DaemonSet calico-system/calico-node' });
  });

  it("recognises k3s' embedded flannel from the node annotations it writes", () => {
    const k3s = {
      ...node('k3s-server'),
      metadata: {
        name: 'k3s-server',
        annotations: {
          'flannel.alpha.coreos.com/backend-data': '{"VNI":1,"VtepMAC":"2a:6e:1f:0c:9b:55"}',
          'flannel.alpha.coreos.com/backend-type': 'vxlan',
          'flannel.alpha.coreos.com/kube-subnet-manager': 'true',
          'flannel.alpha.coreos.com/public-ip': '192.168.1.20',
          'k3s.io/hostname': 'k3s-server',
          'k3s.io/internal-ip': '192.168.1.20',
        },
      },
      spec: { podCIDR: '10.42.0.0/24', podCIDRs: ['10.42.0.0/24'], providerID: 'k3s://k3s-server' },
      status: { nodeInfo: { kubeletVersion: 'v1.28.5+k3s1' } },
    };
    const { snapshot } = buildSnapshot([{ path: 'nodes.json', text: JSON.stringify({ kind: 'List', items: [k3s] }) }]);
    expect(snapshot.cluster.cni).toMatchObject({
      value: 'flannel',
      from: 'annotation flannel.alpha.coreos.com/backend-type on node k3s-server (k3s embedded flannel)',
    });
  });

  it('knows CNIs no rule is about (AKS azure CNI from its node label, aws-node), so Flannel/Terway rules do not ask for more', () => {
    const aksNode = { ...node('aks-nodepool1-28993262-vmss000000'), metadata: { name: 'aks-nodepool1-28993262-vmss000000', labels: { 'kubernetes.azure.com/network-plugin': 'azure' } } };
    const aks = buildSnapshot([{ path: 'nodes.json', text: JSON.stringify({ kind: 'List', items: [aksNode] }) }]).snapshot;
    expect(aks.cluster.cni).toMatchObject({ value: 'other', from: 'label kubernetes.azure.com/network-plugin on node aks-nodepool1-28993262-vmss000000' });
    const eks = buildSnapshot([{ path: 'ds.json', text: JSON.stringify({ kind: 'List', items: [ds('aws-node', 'kube-system')] }) }]).snapshot;
    expect(eks.cluster.cni).toMatchObject({ value: 'other', from: 'DaemonSet kube-system/aws-node' });
  });
});
