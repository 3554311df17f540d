import { cloudInventory } from './cloud-inventory.js';
import { defineRequirement, type Requirement } from './define.js';
import type { SnapshotIndex } from './snapshot-index.js';

const kind = (id: string, kindName: string, capture: string): Requirement =>
  defineRequirement({
    id,
    description: `${kindName} objects were captured`,
    capture,
    present: (index: SnapshotIndex) => index.snapshot.captured.includes(kindName),
    captureFor: (index: SnapshotIndex) => unreadableHint(index, [kindName], capture),
  });

/** The capture hint, preceded by the files that should have held the kind but could not be read. */
function unreadableHint(index: SnapshotIndex, kinds: string[], capture: string): string {
  const unreadable: Record<string, string[]> = index.snapshot.unreadable ?? {};
  const files = kinds.flatMap((k) => unreadable[k] ?? []);
  return files.length === 0 ? capture : `${files.join(', ')} could not be read (see its diagnostics); ${capture}`;
}

const clusterField = (field: 'cni' | 'provider' | 'kubernetesVersion' | 'podCIDRs' | 'serviceCIDRs' | 'nodeCIDRs' | 'externalCIDRs', capture: string): Requirement =>
  defineRequirement({
    id: `cluster.${field}`,
    description: `the cluster's ${field} is known (snapshot.yaml or inferred)`,
    capture,
    present: (index) => index.snapshot.cluster[field] !== undefined,
  });

/** Data a rule can name in `needs:`; when absent the rule is reported as not evaluated with `capture`. */
export const requirements: Requirement[] = [
  kind('nodes', 'Node', 'kubectl get nodes -o json > nodes.json'),
  kind('pods', 'Pod', 'kubectl get pods -A -o json > pods.json'),
  kind('services', 'Service', 'kubectl get services -A -o json > services.json'),
  defineRequirement({
    id: 'endpoints',
    description: 'Endpoints or EndpointSlice objects were captured',
    capture: 'kubectl get endpoints -A -o json > endpoints.json (or endpointslices)',
    present: (index) => index.snapshot.captured.includes('Endpoints') || index.snapshot.captured.includes('EndpointSlice'),
    captureFor: (index) => unreadableHint(index, ['Endpoints', 'EndpointSlice'], 'kubectl get endpoints -A -o json > endpoints.json (or endpointslices)'),
  }),
  kind('events', 'Event', 'kubectl get events -A -o json > events.json'),
  kind('configmaps', 'ConfigMap', 'kubectl -n kube-system get configmaps -o json > configmaps.json'),
  kind('daemonsets', 'DaemonSet', 'kubectl get daemonsets -A -o json > daemonsets.json'),
  kind('ingresses', 'Ingress', 'kubectl get ingresses -A -o json > ingresses.json'),
  kind('networkpolicies', 'NetworkPolicy', 'kubectl get networkpolicies -A -o json > networkpolicies.json'),
  defineRequirement({
    id: 'nodeOutputs',
    description: 'outputs of commands run on at least one node',
    capture: 'nodes/<node-name>/<command> files (see snapshot.md)',
    present: (index) => Object.keys(index.snapshot.nodeOutputs).length > 0,
  }),
  defineRequirement({
    id: 'tencentSecurityGroups',
    description: 'Tencent Cloud security group rules (cloud/tencent-security-groups*.json)',
    capture:
      'cloud/tencent-security-groups-node-<sg-id>.json: tccli vpc DescribeSecurityGroupPolicies --SecurityGroupId <sg-id> for the groups bound to the nodes (see docs/snapshot-format.md)',
    present: (index) => cloudInventory(index).files.securityGroups.length > 0,
  }),
  defineRequirement({
    id: 'kubeProxyRuleOutputs',
    description: 'iptables-save, ip6tables-save or ipvsadm -Ln output of at least one node',
    capture: 'nodes/<node>/iptables-save (iptables-save) or nodes/<node>/ipvsadm (ipvsadm -Ln) from the nodes',
    present: (index) =>
      Object.values(index.snapshot.nodeOutputs).some((o) => ['iptables-save', 'ip6tables-save', 'ipvsadm'].some((c) => o.commands[c] !== undefined)),
  }),
  clusterField('cni', 'cluster.cni in snapshot.yaml, or the DaemonSets (kubectl get daemonsets -A -o json > daemonsets.json)'),
  clusterField('provider', 'cluster.provider in snapshot.yaml, or the nodes (their providerID tells)'),
  clusterField('kubernetesVersion', 'cluster.kubernetesVersion in snapshot.yaml, or the nodes (status.nodeInfo.kubeletVersion)'),
  clusterField('podCIDRs', 'cluster.podCIDRs in snapshot.yaml, or the kube-proxy / kube-flannel-cfg ConfigMaps'),
  clusterField('serviceCIDRs', 'cluster.serviceCIDRs in snapshot.yaml (the --service-cluster-ip-range of kube-apiserver)'),
  clusterField('nodeCIDRs', 'cluster.nodeCIDRs in snapshot.yaml: the host / management / VPC subnets'),
  clusterField('externalCIDRs', 'cluster.externalCIDRs in snapshot.yaml: destinations outside the cluster that must work (e.g. the IDC range)'),
];

export const requirementsById = new Map(requirements.map((r) => [r.id, r]));
