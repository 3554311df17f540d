import { MissingDataError } from '../../errors.js';
import type { IptablesKubeProxyScan } from '../../parsers/linux/iptables-save-kube-proxy-scan.js';
import type { IpvsForwarding } from '../../parsers/linux/ipvsadm-forwarding-scan.js';
import { parseKubeProxyConfig } from '../../parsers/configs/kube-proxy-config.js';
import type { NodeObject } from '../../snapshot/objects.js';
import { kubeProxyConfigTextForNode } from './kube-proxy-configs.js';
import { norm } from './ipvs-address-keys.js';
import type { ProxiedPorts } from './kube-proxy-service-ports.js';
import type { SnapshotIndex } from '../snapshot-index.js';

/**
 * Which proxier programs a node: what the node shows first (IPVS virtual
 * servers on cluster IPs, per-Service iptables rules, the IPVS-mode ipset
 * match), then the kube-proxy ConfigMap, then kube-proxy's Linux default.
 * Node evidence wins over the ConfigMap because kube-proxy falls back to
 * iptables when IPVS cannot be used (ACK: "Using iptables Proxier.").
 * Helper for the kube-proxy facts; no fact lives here.
 */
export interface ProxyMode {
  mode: 'iptables' | 'ipvs';
  from: string;
}

export interface NodeRuleOutputs {
  /** Scanned on first call: not at all when ipvsadm already shows IPVS mode. */
  iptables: () => IptablesKubeProxyScan[];
  ipvs?: IpvsForwarding;
}

/** Whether IPVS virtual server `vs` is on a cluster IP (FWM virtual servers are on none). */
export function onClusterIP(ipvs: IpvsForwarding, vs: number, clusterIPs: Pick<ProxiedPorts, 'clusterIPs' | 'clusterIPv4'>): boolean {
  const ipv4 = ipvs.vsIPv4[vs]!;
  if (ipv4 >= 0) return clusterIPs.clusterIPv4.get(ipv4, 0) >= 0;
  const address = norm(ipvs.vsAddressText.get(vs));
  return address !== undefined && clusterIPs.clusterIPs.has(address);
}

export function proxyModeOf(node: NodeObject, outputs: NodeRuleOutputs, clusterIPs: Pick<ProxiedPorts, 'clusterIPs' | 'clusterIPv4'>, index: SnapshotIndex): ProxyMode {
  const ipvs = outputs.ipvs;
  let onCluster = false;
  for (let vs = 0; ipvs && vs < ipvs.vsIPv4.length && !onCluster; vs++) onCluster = onClusterIP(ipvs, vs, clusterIPs);
  if (onCluster) {
    return { mode: 'ipvs', from: 'ipvsadm lists virtual servers on Service cluster IPs' };
  }
  const iptables = outputs.iptables();
  if (iptables.some((t) => t.services.length > 0 || t.noEndpoints.length > 0)) {
    return { mode: 'iptables', from: 'iptables-save holds kube-proxy per-Service rules (KUBE-SERVICES)' };
  }
  // IPVS mode keeps one static iptables rule per purpose, matching ipsets instead of Services:
  //   -A KUBE-SERVICES ! -s 10.244.0.0/16 -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ
  if (iptables.some((t) => t.matchesClusterIPSet)) {
    return { mode: 'ipvs', from: 'iptables-save matches the KUBE-CLUSTER-IP ipset (kube-proxy IPVS mode)' };
  }
  const configured = configuredMode(node, index);
  if (configured) return configured;
  if (iptables.length === 0) {
    throw new MissingDataError('nodes/<node>/iptables-save: ipvsadm lists no Service virtual server and the kube-proxy mode is unknown (or the kube-proxy ConfigMap with key config.conf)');
  }
  // No rule and no config: only when kube-proxy is known to run is an empty rule set a gap.
  // Without it the cluster may have no kube-proxy at all (e.g. Cilium's kube-proxy replacement).
  const deployed = kubeProxyDeployment(index);
  if (!deployed) {
    throw new MissingDataError('the kube-proxy DaemonSet, its pods or its ConfigMap (kubectl -n kube-system get ds,pods,cm -o json): no kube-proxy rule on the node and no sign that kube-proxy runs in the cluster');
  }
  return { mode: 'iptables', from: `kube-proxy's default on Linux (${deployed} runs; no IPVS virtual server, no mode in a kube-proxy ConfigMap)` };
}

/** Evidence that kube-proxy runs: its DaemonSet or a pod of it in kube-system. */
function kubeProxyDeployment(index: SnapshotIndex): string | undefined {
  const ds = index.snapshot.workloads.find((w) => w.kind === 'DaemonSet' && w.namespace === 'kube-system' && w.name.startsWith('kube-proxy'));
  if (ds) return `DaemonSet kube-system/${ds.name}`;
  const pod = (index.podsByNamespace.get('kube-system') ?? []).find((p) => p.ownerKind === 'DaemonSet' && (p.ownerName ?? '').startsWith('kube-proxy'));
  return pod ? `pod kube-system/${pod.name}` : undefined;
}

/** `mode` of the KubeProxyConfiguration in kube-proxy-master (control-plane nodes), kube-proxy-worker (ACK) or kube-proxy (kubeadm). */
function configuredMode(node: NodeObject, index: SnapshotIndex): ProxyMode | undefined {
  const text = kubeProxyConfigTextForNode(index, node);
  if (!text) return undefined;
  const mode = index.parsed(text.file, parseKubeProxyConfig).mode;
  if (mode === undefined) return undefined;
  const where = `${text.source.object} key ${text.key}`;
  if (mode === 'ipvs') return { mode: 'ipvs', from: `mode: ipvs in ${where}` };
  // '' means the platform default, iptables on Linux; nftables / kernelspace are not read here.
  if (mode === '' || mode === 'iptables') return { mode: 'iptables', from: `mode: ${mode || '""'} in ${where}` };
  // nftables (kube-proxy 1.29+) rules are not in iptables-save or ipvsadm output.
  throw new MissingDataError(`the rules of kube-proxy mode "${mode}" (${where}); only iptables-save and ipvsadm -Ln are read`);
}
