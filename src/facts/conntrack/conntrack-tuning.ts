import { parseConntrack } from '../../parsers/linux/conntrack.js';
import type { NodeObject } from '../../snapshot/objects.js';
import { defineFact } from '../define.js';
import { isControlPlane, kubeProxyConfigMaps, kubeProxyConfigOrder } from '../kube-proxy/kube-proxy-configs.js';
import type { SnapshotIndex } from '../snapshot-index.js';

/** kube-proxy's default conntrack.maxPerCore (KubeProxyConfiguration defaults: 32 * 1024). */
export const kubeProxyDefaultMaxPerCore = 32768;
/** ACK: "设置其值为65536或更高的数值". */
export const recommendedMaxPerCore = 65536;
/** Above this share of DNS entries the document's advice is NodeLocal DNSCache. */
const dnsDominates = 0.5;

function maxPerCoreFor(node: NodeObject, index: SnapshotIndex): { value?: number; text: string } {
  const order = kubeProxyConfigOrder(isControlPlane(node));
  const maps = kubeProxyConfigMaps(index);
  const config = order.map((name) => maps.find((m) => m.name === name && m.result)).find((m) => m !== undefined);
  if (!config?.result) return { text: 'unknown (no kube-proxy ConfigMap captured)' };
  const set = config.result.value.conntrack.maxPerCore;
  if (set === undefined) return { value: kubeProxyDefaultMaxPerCore, text: `not set (kube-proxy default ${kubeProxyDefaultMaxPerCore}) in kube-system/${config.name}` };
  if (set === 0) return { text: `0 in kube-system/${config.name} (kube-proxy leaves nf_conntrack_max as it is)` };
  return { value: set, text: `${set} in kube-system/${config.name}` };
}

/**
 * What the ACK conntrack section tells to look at once the table is full:
 * the conntrack.maxPerCore kube-proxy applies on the node, and, from
 * `conntrack -L`, whether DNS fills the table (then NodeLocal DNSCache).
 */
export const conntrackTuning = defineFact({
  id: 'conntrackTuning',
  subject: 'Node',
  description: `The kube-proxy conntrack.maxPerCore in effect on the node (kube-proxy default ${kubeProxyDefaultMaxPerCore} when not set), the share of DNS (port 53) entries in its conntrack -L output, and the fix the ACK document gives for them.`,
  reads: ['ConfigMap kube-system/kube-proxy-worker (kube-proxy-master on control-plane nodes, or kube-proxy, or kube-proxy-config on EKS) key config.conf (or config)', 'nodes/<node>/conntrack (conntrack -L)'],
  compute: (node, index) => {
    const maxPerCore = maxPerCoreFor(node, index);
    const file = index.nodeOutputs(node.name)?.commands.conntrack;
    const list = file ? index.parsed(file, parseConntrack).list : undefined;
    const share = list && list.total > 0 ? list.dns / list.total : undefined;
    const advice: string[] = [];
    if (share !== undefined && share >= dnsDominates) advice.push('Most entries are DNS: use NodeLocal DNSCache.');
    if (maxPerCore.value !== undefined && maxPerCore.value < recommendedMaxPerCore) advice.push(`Raise conntrack.maxPerCore to ${recommendedMaxPerCore} or more.`);
    if (advice.length === 0) advice.push('Run conntrack -L to see which protocols fill the table.');
    return {
      maxPerCore: maxPerCore.text,
      dnsShare: share === undefined ? 'unknown (capture conntrack -L)' : `${list!.dns} of ${list!.total} entries (${Math.round(share * 100)}%)`,
      advice: advice.join(' '),
      ...(file ? { source: { file: file.file } } : {}),
    };
  },
});
