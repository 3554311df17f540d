import { defineFact } from '../define.js';
import { familyOf } from './ip-family.js';
import { cappedList } from '../capped-list.js';

/** ACK "在kubectl中显示的Pod IP仍然是IPv4地址": in a dual-stack cluster status.podIPs should also hold an IPv6 address. */
export const ipv4OnlyPods = defineFact({
  id: 'ipv4OnlyPods',
  subject: 'Cluster',
  description: 'Running pod-network (not host-network) pods whose status.podIPs are all IPv4.',
  reads: ['Pod spec.hostNetwork, status.phase, status.podIPs'],
  compute: (_cluster, index) => {
    const pods = index.snapshot.pods.filter((p) => !p.hostNetwork && p.phase === 'Running' && p.podIPs.length > 0 && p.podIPs.every((ip) => familyOf(ip) === 4));
    return {
      count: pods.length,
      pods: cappedList(pods.map((p) => `${p.namespace}/${p.name} (${p.podIPs.join(', ')})`), 5),
      ...(pods[0] ? { source: pods[0].source } : {}),
    };
  },
});
