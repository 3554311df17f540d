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

  // Known defect, left to the kube-proxy facts (src/facts/kube-proxy/, being reworked elsewhere): ipvsadm run
  // without -n prints host and service names, the parser skips those rows (warning names-resolved), and the
  // node still counts as checked, so every ClusterIP is reported missing. Expected: the node is not evaluated,
  // with "capture ipvsadm -Ln". When that is fixed this test fails: drop `.fails`.
  it.fails('ipvsadm -L without -n (kube-router#415): the node is not evaluated rather than missing every ClusterIP', async () => {
    const report = await run(real('ipvsadm/real-kube-router-415-hostnames.txt'), '10.0.62.121');
    expect(report.findings).toEqual([]);
  });
});
