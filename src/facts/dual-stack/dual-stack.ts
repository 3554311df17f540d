import type { Source } from '../../snapshot/source.js';
import { defineFact } from '../define.js';
import { bothFamilies } from './ip-family.js';
import { workerKubeProxyConfig } from '../kube-proxy/kube-proxy-configs.js';
import type { SnapshotIndex } from '../snapshot-index.js';
import { terwayEniConfig } from '../terway/terway-eni-config.js';

interface DualStack {
  dualStack: boolean;
  /** Why the cluster is believed dual-stack, e.g. `node cn-hangzhou.10.0.0.1 spec.podCIDRs 172.20.1.0/24, fd00::/120`. */
  from: string;
  source?: Source;
}

function detect(index: SnapshotIndex): DualStack {
  const node = index.snapshot.nodes.find((n) => bothFamilies(n.podCIDRs));
  if (node) return { dualStack: true, from: `node ${node.name} spec.podCIDRs ${node.podCIDRs.join(', ')}`, source: node.source };
  const proxy = workerKubeProxyConfig(index);
  const clusterCIDRs = (proxy?.result.value.clusterCIDR ?? '').split(',').map((c) => c.trim());
  if (proxy && bothFamilies(clusterCIDRs)) {
    const line = proxy.result.value.lines.clusterCIDR;
    return { dualStack: true, from: `clusterCIDR ${clusterCIDRs.join(',')} in ${proxy.text.source.object}`, source: { ...proxy.text.source, ...(line === undefined ? {} : { line }) } };
  }
  const service = index.snapshot.services.find((s) => bothFamilies(s.clusterIPs));
  if (service) return { dualStack: true, from: `Service ${service.namespace}/${service.name} clusterIPs ${service.clusterIPs.join(', ')}`, source: service.source };
  const terway = terwayEniConfig(index);
  if (terway && bothFamilies(terway.config.serviceCidrs)) {
    return { dualStack: true, from: `service_cidr ${terway.config.serviceCidr} in ConfigMap kube-system/eni-config`, source: terway.sourceOf('eni_conf', 'service_cidr') };
  }
  return { dualStack: false, from: 'no node, kube-proxy clusterCIDR, Service or Terway service_cidr with both IPv4 and IPv6' };
}

/**
 * Whether the cluster runs dual-stack, from what dual-stack changes: nodes
 * with an IPv4 and an IPv6 pod CIDR, a kube-proxy clusterCIDR of both
 * families, Services with clusterIPs of both families, or Terway's
 * service_cidr of both. The `IPv6DualStack: true` feature gate alone is not
 * enough: ACK writes it into the kube-proxy-worker config of IPv4-only clusters too.
 */
export const dualStack = defineFact({
  id: 'dualStack',
  subject: 'Cluster',
  description: 'Whether the cluster is dual-stack and why: a node with IPv4 and IPv6 spec.podCIDRs, a kube-proxy clusterCIDR of both families, a Service with clusterIPs of both, or Terway service_cidr of both.',
  reads: ['Node spec.podCIDRs', 'kube-proxy-worker (or kube-proxy) config.conf clusterCIDR', 'Service spec.clusterIPs', 'ConfigMap kube-system/eni-config service_cidr'],
  // Rules check it first, so a single-stack cluster never computes the costlier facts after it.
  priority: 10,
  compute: (_cluster, index) => {
    const { dualStack: is, from, source } = detect(index);
    return { dualStack: is, from, ...(source ? { source } : {}) };
  },
});
