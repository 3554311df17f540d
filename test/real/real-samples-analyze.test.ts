import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildSnapshot } from '../../src/snapshot/build-snapshot.js';

// Real node outputs (provenance: test/fixtures/outputs/REAL-SAMPLES.md) in the smallest snapshot a rule reads
// them in: one Linux node, the `kubernetes` Service and its Endpoints, no pods, kube-proxy in IPVS mode.
const real = (path: string) => readFileSync(new URL(`../fixtures/outputs/${path}`, import.meta.url), 'utf8');
const objects = (apiServer: string) => ({
  kind: 'List',
  apiVersion: 'v1',
  items: [
    { kind: 'Node', apiVersion: 'v1', metadata: { name: 'n1', labels: { 'kubernetes.io/os': 'linux' } }, status: { nodeInfo: { operatingSystem: 'linux' }, conditions: [{ type: 'Ready', status: 'True' }] } },
    { kind: 'Service', apiVersion: 'v1', metadata: { name: 'kubernetes', namespace: 'default' }, spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, targetPort: 6443, protocol: 'TCP' }] } },
    { kind: 'Endpoints', apiVersion: 'v1', metadata: { name: 'kubernetes', namespace: 'default' }, subsets: [{ addresses: [{ ip: apiServer }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }] },
    { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'kube-proxy', namespace: 'kube-system' }, data: { 'config.conf': 'kind: KubeProxyConfiguration\nmode: ipvs\n' } },
  ],
});
const run = async (ipvsadm: string, apiServer: string) => {
  const { snapshot, diagnostics } = buildSnapshot([
    { path: 'objects.json', text: JSON.stringify(objects(apiServer)) },
    { path: 'pods.json', text: JSON.stringify({ kind: 'PodList', apiVersion: 'v1', items: [] }) },
    { path: 'nodes/n1/ipvsadm', text: ipvsadm },
  ]);
  return analyze(snapshot, { diagnostics, only: ['x-kube-proxy-rules-missing', 'tke-service-rules'] });
};

describe('real ipvsadm outputs through the kube-proxy rules', () => {
  it('ipvsadm -ln of a kubeadm node (kubeadm#2205): the kubernetes Service has its virtual server and real server', async () => {
    const report = await run(real('ipvsadm/real-kubeadm-2205-nodeports.txt'), '192.168.9.101');
    expect(report.findings).toEqual([]);
    expect(report.notEvaluated).toEqual([]);
    expect(report.rules.map((r) => [r.ruleId, r.status, r.findings])).toEqual([
      ['tke-service-rules', 'evaluated', 0],
      ['x-kube-proxy-rules-missing', 'evaluated', 0],
    ]);
  });

  it('the same output when the API server endpoint is another address: the real server mismatch is reported', async () => {
    const report = await run(real('ipvsadm/real-kubeadm-2205-nodeports.txt'), '192.168.9.102');
    expect(report.findings.map((f) => [f.ruleId, f.messageId, f.subject.name])).toEqual([['tke-service-rules', 'realServersMismatch', 'kubernetes']]);
    expect(report.findings[0]!.message).toContain('ready endpoints without a real server: 192.168.9.102:6443');
  });

  // ipvsadm run without -n prints host and service names; the parser skips those rows (warning names-resolved), so
  // the node cannot be compared: not evaluated, with what to capture — not every ClusterIP reported missing.
  it('ipvsadm -L without -n (kube-router#415): the node is not evaluated rather than missing every ClusterIP', async () => {
    const report = await run(real('ipvsadm/real-kube-router-415-hostnames.txt'), '10.0.62.121');
    const gaps = report.notEvaluated.filter((n) => n.ruleId === 'tke-service-rules' || n.ruleId === 'x-kube-proxy-rules-missing');
    expect(gaps.map((n) => n.ruleId).sort()).toEqual(['tke-service-rules', 'x-kube-proxy-rules-missing']);
    for (const n of gaps) expect(n.missing.map((m) => m.capture)).toContain('nodes/<node>/ipvsadm captured with -n (ipvsadm -Ln): nodes/n1/ipvsadm shows names instead of addresses');
    expect(report.findings).toEqual([]);
  });
});

const node = (name: string, os: string) => ({
  kind: 'Node',
  apiVersion: 'v1',
  metadata: { name, labels: { 'kubernetes.io/os': os } },
  status: { nodeInfo: { operatingSystem: os }, conditions: [{ type: 'Ready', status: 'True' }] },
});
const nodeList = (...items: object[]) => ({ path: 'nodes.json', text: JSON.stringify({ kind: 'List', apiVersion: 'v1', items }) });

describe('real dmesg through ack-conntrack-full', () => {
  it('dmesg -T of kubernetes#71261 (CentOS 7, Kubernetes 1.12): four drops, their first and last time', async () => {
    const { snapshot, diagnostics } = buildSnapshot([nodeList(node('n1', 'linux')), { path: 'nodes/n1/dmesg', text: real('dmesg/real-k8s-71261-dmesg-T.txt') }]);
    const report = await analyze(snapshot, { diagnostics, only: ['ack-conntrack-full'] });
    expect(report.findings.map((f) => [f.ruleId, f.messageId, f.subject.name, f.severity])).toEqual([['ack-conntrack-full', 'tableFull', 'n1', 'error']]);
    expect(report.findings[0]!.data).toMatchObject({ count: 4, first: 'Tue Nov 20 22:30:22 2018', last: 'Tue Nov 20 22:30:27 2018' });
    expect(report.findings[0]!.evidence[0]!.source).toMatchObject({ file: 'nodes/n1/dmesg' });
  });
});

describe("Rancher's Windows CNI config (rancher#19230) through the ExceptionList rules", () => {
  // The ranges: cluster 10.42.0.0/16, Service 10.43.0.0/16, nodes in 10.73.2.0/24.
  const files = [
    { path: 'snapshot.yaml', text: 'cluster:\n  provider: rancher\n  cni: flannel\n  podCIDRs: [10.42.0.0/16]\n  serviceCIDRs: [10.43.0.0/16]\n  nodeCIDRs: [10.73.2.0/24]\n' },
    nodeList(node('win1', 'windows')),
    { path: 'nodes/win1/cni/cni.conf', text: real('cni/real-rancher-19230-win-bridge.conf') },
  ];
  it('holds exactly the cluster, Service and management subnets the guide asks for: silent; what must stay NATed is asked for', async () => {
    const { snapshot, diagnostics } = buildSnapshot(files);
    const report = await analyze(snapshot, { diagnostics, only: ['win-exceptionlist-coverage', 'win-exceptionlist-external'] });
    expect(report.findings).toEqual([]);
    expect(report.rules.map((r) => [r.ruleId, r.status])).toEqual([
      ['win-exceptionlist-coverage', 'evaluated'],
      ['win-exceptionlist-external', 'not-evaluated'],
    ]);
    expect(report.notEvaluated[0]!.missing.map((m) => m.capture)).toEqual([
      'cluster.externalCIDRs in snapshot.yaml: destinations outside the cluster that Windows pods must reach',
    ]);
  });
});

describe('plain Get-HnsNetwork of the Windows guide through win-hns-network-missing', () => {
  // microsoft/SDN's transcript prints it just before "Waiting for the Network (vxlan0) to be created by flanneld".
  it('only the External network exists yet: the overlay network vxlan0 is reported missing, from the Format-List text', async () => {
    const { snapshot, diagnostics } = buildSnapshot([
      { path: 'snapshot.yaml', text: 'cluster:\n  cni: flannel\n' },
      nodeList(node('k8swinworker2', 'windows')),
      { path: 'nodes/k8swinworker2/hns-networks.txt', text: real('hns-networks/real-sdn-kubecluster-format-list.txt') },
    ]);
    const report = await analyze(snapshot, { diagnostics, only: ['win-hns-network-missing'] });
    expect(report.diagnostics).toEqual([]);
    expect(report.findings.map((f) => [f.ruleId, f.subject.name, f.severity])).toEqual([['win-hns-network-missing', 'k8swinworker2', 'error']]);
    expect(report.findings[0]!.message).toContain('its HNS networks are [External (overlay)]');
    expect(report.findings[0]!.evidence[0]!.source).toMatchObject({ file: 'nodes/k8swinworker2/hns-networks.txt', line: 16 });
  });
});
