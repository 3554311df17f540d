import { cniDaemonSets, describeCniDaemonSet } from './cni-daemonsets.js';
import { defineFact } from '../define.js';

/** The network plugins ACK installs and supports. */
const ackCnis = new Set(['terway', 'flannel']);

/**
 * ACK "是否支持安装和配置第三方网络插件?": ACK does not support third-party
 * network plugins; installing one may make the cluster network unavailable.
 * Terway and Flannel together are just as unsupported (the plugin is chosen once, at creation).
 */
export const thirdPartyCni = defineFact({
  id: 'thirdPartyCni',
  subject: 'Cluster',
  description: 'The CNI DaemonSets running (any namespace), and how many of them are beyond the one ACK network plugin (Terway or Flannel) a cluster may run.',
  reads: ['DaemonSets (or DaemonSet-owned pods): terway*, *flannel*, calico-node, cilium, weave-net, canal, kube-router, antrea-agent, kube-ovn-cni, multus'],
  compute: (_cluster, index) => {
    const all = cniDaemonSets(index);
    const cnis = [...new Set(all.map((d) => d.cni))];
    const ackPresent = cnis.filter((c) => ackCnis.has(c));
    // With both Terway and Flannel, the plugin the cluster was created with (cluster.cni) is not the extra one.
    const cni = index.snapshot.cluster.cni?.value;
    const primary = cni !== undefined && ackPresent.includes(cni) ? cni : ackPresent[0];
    const extra = all.filter((d) => d.cni !== primary);
    return {
      cniDaemonSets: all.map(describeCniDaemonSet).join(', ') || 'none',
      ackPlugin: primary ?? 'none',
      unsupportedCount: extra.length,
      unsupported: extra.map(describeCniDaemonSet).join(', ') || 'none',
      ...(extra[0] ? { source: extra[0].source } : {}),
    };
  },
});
