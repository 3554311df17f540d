/**
 * The ports other nodes must reach on a Rancher-launched (RKE) node, by its roles, and what the
 * node's host firewall does with each. Shared by the required-ports and overlay-test facts.
 *
 * The Rancher document only says to open "所需的端口" (the required ports) and that the overlay uses
 * UDP; the table is Rancher's "Port Requirements" page it links to ("Ports for Rancher Launched
 * Kubernetes Clusters using Custom Nodes"), node-to-node inbound ports only (9099 and 10254 are
 * local traffic to the node itself; 443 and 80 come from Rancher and clients, not from nodes).
 */
import { MissingDataError } from '../../errors.js';
import { parseFlannelNetConf } from '../../parsers/configs/flannel-net-conf.js';
import { scanIptablesSaveHostFilter } from '../../parsers/linux/iptables-save-host-filter-scan.js';
import type { NodeObject } from '../../snapshot/objects.js';
import { configMapText } from '../config-map-text.js';
import type { SnapshotIndex } from '../snapshot-index.js';
import { type FirewallVerdict, type PortProbe, firewallVerdict } from './host-firewall-verdict.js';

export type RancherRole = 'etcd' | 'controlplane' | 'worker';

interface RequiredPort extends PortProbe {
  purpose: string;
  roles: readonly RancherRole[];
}

const TCP_PORTS: readonly RequiredPort[] = [
  { protocol: 'tcp', port: 2379, purpose: 'etcd client', roles: ['etcd'] },
  { protocol: 'tcp', port: 2380, purpose: 'etcd peer', roles: ['etcd'] },
  { protocol: 'tcp', port: 6443, purpose: 'Kubernetes API server', roles: ['controlplane'] },
  { protocol: 'tcp', port: 10250, purpose: 'kubelet', roles: ['etcd', 'controlplane', 'worker'] },
];

// RKE: node-role.kubernetes.io/{etcd,controlplane,worker}=true; RKE2/kubeadm: control-plane, master.
const ROLE_LABELS: Record<string, RancherRole> = {
  'node-role.kubernetes.io/etcd': 'etcd',
  'node-role.kubernetes.io/controlplane': 'controlplane',
  'node-role.kubernetes.io/control-plane': 'controlplane',
  'node-role.kubernetes.io/master': 'controlplane',
  'node-role.kubernetes.io/worker': 'worker',
};

export function nodeRoles(node: NodeObject): RancherRole[] {
  const roles = new Set<RancherRole>();
  for (const [label, role] of Object.entries(ROLE_LABELS)) if (label in node.labels && node.labels[label] !== 'false') roles.add(role);
  return (['etcd', 'controlplane', 'worker'] as const).filter((r) => roles.has(r));
}

export interface OverlayPort {
  /** Undefined when the overlay sends no UDP (flannel host-gw) or the CNI is not canal/flannel. */
  port?: number;
  from: string;
}

/** The overlay's UDP port: net-conf.json Backend.Port, else flannel's VXLAN default (8472 on Linux; 4789 with Windows nodes). */
export function overlayPort(index: SnapshotIndex): OverlayPort {
  const cni = index.snapshot.cluster.cni?.value;
  if (cni !== undefined && cni !== 'canal' && cni !== 'flannel') return { from: `the CNI is ${cni}, not canal or flannel` };
  const text = configMapText(index, ['canal-config', 'rke2-canal-config', 'kube-flannel-cfg'], ['net-conf.json']);
  const conf = text ? index.parsed(text.file, parseFlannelNetConf) : undefined;
  const where = text ? `net-conf.json of ConfigMap kube-system/${text.configMap.name}` : undefined;
  if (conf?.backendType && conf.backendType.toLowerCase() !== 'vxlan') return { from: `${where} sets Backend.Type ${conf.backendType} (no VXLAN)` };
  if (conf?.port !== undefined) return { port: conf.port, from: `Backend.Port in ${where}` };
  const windows = index.snapshot.nodes.some((n) => n.os === 'windows');
  const reason = where ? `${where} sets no Backend.Port` : 'no canal-config or kube-flannel-cfg ConfigMap captured';
  return windows
    ? { port: 4789, from: `flannel's VXLAN port with Windows nodes; ${reason}` }
    : { port: 8472, from: `flannel's default VXLAN port on Linux; ${reason}` };
}

export interface PortCheck {
  protocol: 'tcp' | 'udp';
  port: number;
  purpose: string;
  verdict: FirewallVerdict;
}

export interface NodePortChecks {
  file: string;
  roles: RancherRole[];
  overlay: OverlayPort;
  checks: PortCheck[];
}

/**
 * Each port the node must accept from other nodes, with the firewall's verdict. Throws MissingDataError
 * when the node has no readable iptables-save with a filter table.
 */
export function nodePortChecks(index: SnapshotIndex, node: NodeObject): NodePortChecks {
  const file = index.nodeOutputs(node.name)?.commands['iptables-save'];
  const capture = 'nodes/<node>/iptables-save: iptables-save (as root) on the node';
  if (!file) throw new MissingDataError(capture);
  const { filter } = index.parsed(file, scanIptablesSaveHostFilter);
  if (!filter) {
    throw new MissingDataError(`${capture} (${file.file} holds no IPv4 filter table: see its diagnostics)`);
  }
  // Rules after the cut are unknown: an accepted port or the policy's verdict would be a guess.
  if (!filter.committed) throw new MissingDataError(`${capture} (${file.file} is cut before the filter table's COMMIT: capture it whole)`);
  const roles = nodeRoles(node);
  const overlay = overlayPort(index);
  const wanted: { protocol: 'tcp' | 'udp'; port: number; purpose: string }[] = [];
  if (overlay.port !== undefined) wanted.push({ protocol: 'udp', port: overlay.port, purpose: "the overlay's VXLAN port" });
  // Without role labels only what every role needs is checked.
  for (const p of TCP_PORTS) if (roles.length === 0 ? p.roles.length === 3 : p.roles.some((r) => roles.includes(r))) wanted.push(p);
  const internal = (n: NodeObject) => n.addresses.filter((a) => a.type === 'InternalIP').map((a) => a.address);
  // Connections come from the other nodes to this one: `-s`/`-d` rules are read against their InternalIPs.
  const sources = index.snapshot.nodes.filter((n) => n.name !== node.name).flatMap(internal);
  const destinations = internal(node);
  const checks = wanted.map((p) => ({
    protocol: p.protocol,
    port: p.port,
    purpose: p.purpose,
    verdict: firewallVerdict(filter, { protocol: p.protocol, port: p.port, sources, destinations }),
  }));
  return { file: file.file, roles, overlay, checks };
}
